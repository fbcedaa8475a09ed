"""Scenario texts for the hostile-input tests (importable: the conftest's fixtures use them too)."""

from __future__ import annotations


SCENARIO = """\
[campaign]
name = {name}
brand = "Acme Tea"
start = 2027-03-01T10:00:00+08:00
end = {end}

[platform]
name = "wechat"
account = "subscription"
followers = 120000

[[entry.steps]]
action = "share"
to = "friends"
count = 3

[prize]
draw = "random"
[[prize.items]]
name = "Tea gift box"
value = 298
currency = "CNY"
quantity = 20

[[variants]]
name = {variant}
entry.steps = [{{ action = "comment" }}]
platform.comments_enabled = true
"""


def scenario_text(name='"Spring tea"', variant='"comment to enter"', end="2027-03-08T22:00:00+08:00", extra="") -> str:
    return SCENARIO.format(name=name, variant=variant, end=end) + extra


def variant_with(*lines: str, base_extra: str = "") -> str:
    """The conftest scenario with ``lines`` added to its variant."""
    return scenario_text(extra=base_extra) + "".join(line + "\n" for line in lines)
