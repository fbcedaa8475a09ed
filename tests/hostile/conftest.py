"""Shared pieces of the hostile-input tests: a valid scenario to plant strings in."""

from __future__ import annotations

import pytest

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


@pytest.fixture
def write_scenario(tmp_path):
    def write(filename="campaign.toml", **kwargs):
        path = tmp_path / filename
        path.write_text(scenario_text(**kwargs), encoding="utf-8")
        return path

    return write
