"""Shared pieces of the loader tests, as fixtures: a registry of the built-in packs, a base document
whose line numbers the tests name (``base``: line 27 is the second step's ``count``), ``spring`` to
replace lines of it, and ``errors`` to load a text and render its errors."""

from __future__ import annotations

import pytest

from campaignsim.load import load_text
from campaignsim.plugin.manager import get_registry

SPRING = """\
# Spring tea lucky draw: the base document of the loader tests.
[campaign]
name = "Spring tea lucky draw"
brand = "Acme Tea"
start = 2027-03-01T10:00:00+08:00
end = 2027-03-08T22:00:00+08:00
budget = { amount = 30000, currency = "CNY" }

[platform]
name = "wechat"
account = "subscription"
registered = 2019-06-01
followers = 120000

[audience]
reach = 30000
interest = 0.5

[entry]
max_entries_per_person = 1

[[entry.steps]]
action = "follow"

[[entry.steps]]
action = "share"
count = 3
to = "friends"

[prize]
draw = "random"
draw_at = 2027-03-09T12:00:00+08:00

[[prize.items]]
name = "Tea gift box"
value = 298
currency = "CNY"
quantity = 20

[fulfilment]
deliver_within_days = 14
delivery_track_record = 0.95
"""

LINES = SPRING.splitlines()
assert LINES[26] == "count = 3" and LINES[35] == "value = 298" and len(LINES) == 42


def registry():
    return get_registry({"include_third_party": False})


def _spring(**lines: str) -> str:
    """SPRING with some lines replaced: ``spring(l27="count = -3")``."""
    out = list(LINES)
    for name, text in lines.items():
        out[int(name[1:]) - 1] = text
    return "\n".join(out) + "\n"


def _errors(text: str, path: str = "spring.toml") -> list[str]:
    """The rendered load errors of a document, in the order the loader reports them."""
    return [e.render() for e in load_text(text, registry(), path=path).errors]


@pytest.fixture
def reg():
    return registry()


@pytest.fixture
def base() -> str:
    return SPRING


@pytest.fixture
def spring():
    return _spring


@pytest.fixture
def errors():
    return _errors
