"""The validator's quick paths give the same answers as the plain checks they stand in for.

Each declared plain key has a checker that accepts the common valid value with a type test and a
few comparisons and leaves everything else to ``_scalar_message``; each table is walked once over
the keys the document has. Here the checkers are compared with ``_scalar_message`` on awkward
values, and whole documents with a plain walk over every declared key in declaration order; the
messages users see for wrong values of each kind are pinned exactly.
"""

from __future__ import annotations

import copy
import math
import sys
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaignsim.load import codes, merge
from campaignsim.load.toml import key_part
from campaignsim.load.validate import (
    Validator, _scalar_message, _shape, belongs_elsewhere, describe, did_you_mean, expectation, hints, scalar_checker, user_fields,
)
from campaignsim.model import EntryStep, Scenario
from campaignsim.model.scenario import DISCLOSURES

from campaignsim.plugin.manager import get_registry
from campaignsim.testing import MINIMAL_SCENARIO

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REFERENCE = tomllib.loads((Path(__file__).resolve().parents[1] / "data" / "reference-scenario.toml").read_text(encoding="utf-8"))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CST = timezone(timedelta(hours=8))


def registry():
    return get_registry({"include_third_party": False})


# -- every plain key the model declares -----------------------------------------------------------

def _model_classes(cls=Scenario, seen=None) -> list:
    seen = [] if seen is None else seen
    if cls not in seen:
        seen.append(cls)
        for f in user_fields(cls):
            kind, what = _shape(hints(cls)[f.name])
            while kind == "array":
                kind, what = _shape(what)
            if kind == "table":
                _model_classes(what, seen)
    return seen


def _plain_keys() -> list[tuple[str, object, dict]]:
    """(class.key, the value's type, the key's metadata) for every plain value, array items included."""
    out = []
    for cls in _model_classes():
        for f in user_fields(cls):
            if cls is Scenario and f.name == "simulation":
                continue
            kind, what = _shape(hints(cls)[f.name])
            while kind == "array":
                kind, what = _shape(what)
            if kind == "scalar":
                out.append((f"{cls.__name__}.{f.name}", what, dict(f.metadata)))
    return out


PLAIN_KEYS = _plain_keys()
# Bounds and choices the model does not use today but a plugin's extra keys or a later field may.
OTHER_DECLARATIONS = [
    ("int from 1 to 100,000", int, {"ge": 1, "le": 100_000}),
    ("int with a fractional lower bound", int, {"ge": 0.5}),
    ("int with an exclusive bound", int, {"gt": 0}),
    ("number with a fractional range", float, {"ge": -0.5, "le": 2.5}),
    ("number with no bounds", float, {}),
    ("number with a nan bound", float, {"ge": math.nan}),
    ("number with an infinite bound", float, {"le": math.inf}),
    ("number up to the world's population", float, {"ge": 0, "le": 8_300_000_000}),
    ("choices as a list", str, {"choices": ["a", "b"]}),
    ("choices as a string", str, {"choices": "abc"}),
    ("choices and a currency check", str, {"choices": ("CNY", "XXX"), "check": "currency"}),
    ("url", str, {"check": "url"}),
    ("a check the validator does not know", str, {"check": "email_or_url"}),
    ("a type the validator does not know", bytes, {}),
]
PROBES = [
    True, False, 0, 1, -1, 2, 130, 131, 1000, 100_000, 100_001, 8_300_000_000, 8_300_000_001,
    2**63 - 1, 2**63, -(2**63), -(2**63) - 1, 10**40, 0.0, -0.0, 0.25, 0.5, 1.0, 2.5, 2.6, -0.5, 3650.0, 3650.5,
    1e308, -1e308, math.nan, math.inf, -math.inf,
    "", " ", "\t\n", "x", "a", "b", "abc", "bc", "CNY", "cny", "XXX", "RMB", "USD", "CN", "US", "US-NY", "US-XX", "UK", "GB", "EU",
    "random", "randm", "https://example.org", "http://x", "ftp://x", "friends", "required", "y" * 50,
    datetime(2027, 3, 1, 10, tzinfo=CST), datetime(2027, 3, 1, 10), date(2019, 6, 1), time(10, 30),
    [], ["CN"], {}, {"a": 1}, None, b"x",
]


@pytest.mark.parametrize("name, tp, meta", PLAIN_KEYS + OTHER_DECLARATIONS, ids=[k[0] for k in PLAIN_KEYS + OTHER_DECLARATIONS])
def test_each_quick_check_gives_the_full_checks_answer(name, tp, meta):
    check = scalar_checker(tp, meta)
    for value in PROBES:
        assert check(value, codes) == _scalar_message(codes, tp, meta, value), (name, value)


class Subclassed(int):
    """An int of another type (only a mapping given to the loader can hold one): the full check decides."""


def test_values_of_subclasses_go_to_the_full_check():
    meta = {"ge": 0, "le": 10}
    assert scalar_checker(int, meta)(Subclassed(3), codes) is None
    assert scalar_checker(int, meta)(Subclassed(11), codes) == "must be an integer from 0 to 10, got 11"


SCALARS = st.one_of(
    st.booleans(), st.integers(), st.integers(min_value=-(2**70), max_value=2**70), st.floats(), st.text(max_size=6),
    st.sampled_from([p for p in PROBES if isinstance(p, str)]),
    st.datetimes(timezones=st.none() | st.just(timezone.utc) | st.just(CST)), st.dates(), st.times(),
)
VALUES = st.one_of(SCALARS, st.lists(SCALARS, max_size=3), st.dictionaries(st.text(max_size=4), SCALARS, max_size=2))


@SETTINGS
@given(key=st.sampled_from(PLAIN_KEYS + OTHER_DECLARATIONS), value=VALUES)
def test_any_value_gets_the_full_checks_answer(key, value):
    _, tp, meta = key
    assert scalar_checker(tp, meta)(value, codes) == _scalar_message(codes, tp, meta, value)


# -- whole documents against a plain walk ---------------------------------------------------------

def plain_walk(validator: Validator, cls, data, path: str = "") -> list:
    """Every declared key in declaration order, each value checked in full: the walk the plans replace."""
    if not isinstance(data, dict):
        return [(path, f"must be a table, got {describe(data)}")]
    fields = {f.name: f for f in user_fields(cls)}
    types = hints(cls)
    extra_specs = validator._extra_specs(cls, data)
    prefix = f"{path}." if path else ""
    out = []
    for key, value in data.items():
        if key in fields:
            continue
        where = prefix + key_part(key)
        if key in extra_specs:
            out += validator.extra(extra_specs[key], value, where)
        elif not (cls is Scenario and key == "variants" and path == ""):
            out.append((where, f"unknown key{belongs_elsewhere(key) or did_you_mean(key, validator._allowed_keys(cls, data, fields, extra_specs))}"))
    for name, f in fields.items():
        if name not in data:
            if f.default is attrs.NOTHING:
                out.append((prefix + name, f"missing required key ({expectation(types[name], f.metadata)})"))
        elif cls is Scenario and name == "simulation":
            out += validator.simulation(data[name], prefix + name)
        else:
            out += plain_value(validator, types[name], f.metadata, data[name], prefix + name)
    if cls is EntryStep:
        out += plain_step_check(validator, data, path)
    elif cls is Scenario:
        out += validator.whole(data)
    else:
        out += validator.special(cls, data, path)
    return out


def plain_value(validator, tp, meta, value, path) -> list:
    kind, what = _shape(tp)
    if kind == "table":
        return plain_walk(validator, what, value, path)
    if kind == "array":
        if not isinstance(value, list):
            return [(path, f"must be {expectation(tp, meta)}, got {describe(value)}")]
        return [e for i, item in enumerate(value) for e in plain_value(validator, what, meta, item, f"{path}[{i}]")]
    message = _scalar_message(codes, what, meta, value)
    return [] if message is None else [(path, message)]


def plain_step_check(validator, data, path) -> list:
    """A step's keys that its action does not take, as first written."""
    name = data.get("action")
    if not isinstance(name, str):
        return []
    action = validator.registry.action(name)
    if action is None:
        return list(validator.step(data, path))  # the unknown-action message is not what is compared here
    generic = {"action", "optional", "worth"}
    allowed = generic | set(action.fields) | {f.name for f in action.extra_fields}
    out = []
    for key in data:
        if key not in allowed and key in {f.name for f in attrs.fields(EntryStep)}:
            takes = ", ".join(sorted(allowed - generic)) or "no fields of its own"
            out.append((f"{path}.{key}", f"the action {name} does not use {key} (it takes: {takes})"))
    return out


def _declared_names() -> list[str]:
    names = {f.name for cls in _model_classes() for f in attrs.fields(cls)}
    reg = registry()
    names |= {f.name for spec in reg.platforms.values() for f in spec.extra_fields}
    names |= {f.name for spec in reg.actions.values() for f in spec.extra_fields}
    return sorted(names | {"brnd", "colour", "variants", "reach_per_follower"})


KEY_NAMES = _declared_names()
DOCUMENT_VALUES = st.one_of(
    VALUES, st.sampled_from([p for p in PROBES if isinstance(p, str)]),
    st.sampled_from(["follow", "share", "comment", "shaer", "wechat", "weibo", "subscription", "page", "blue_v"]),
    st.lists(st.fixed_dictionaries({"action": st.sampled_from(["follow", "share", "like", "form", "dance"])},
                                   optional={"count": VALUES, "fields": VALUES, "to": VALUES, "worth": VALUES}), max_size=2),
    st.fixed_dictionaries({}, optional={"amount": VALUES, "currency": VALUES, "bogus": VALUES}),
)


def _tables(node, out):
    if isinstance(node, dict):
        out.append(node)
        for value in node.values():
            _tables(value, out)
    elif isinstance(node, list):
        for value in node:
            _tables(value, out)
    return out


@st.composite
def damaged(draw, start=st.sampled_from([REFERENCE, tomllib.loads(MINIMAL_SCENARIO)])):
    """A scenario with a few keys set to anything, added or removed, anywhere in it."""
    document = copy.deepcopy(draw(start))
    for _ in range(draw(st.integers(1, 4))):
        table = draw(st.sampled_from(_tables(document, [])))
        key = draw(st.sampled_from(sorted(table) + KEY_NAMES) if table else st.sampled_from(KEY_NAMES))
        if key in table and draw(st.booleans()):
            del table[key]
        else:
            table[key] = draw(DOCUMENT_VALUES)
    return document


@SETTINGS
@given(document=damaged())
def test_a_damaged_document_gets_the_plain_walks_errors_in_its_order(document):
    reg = registry()
    assert Validator(reg, codes).scenario(document) == plain_walk(Validator(reg, codes), Scenario, document)


@SETTINGS
@given(document=damaged(), change=damaged(st.just({"audience": {}, "fulfilment": {}, "content": {}})))
def test_a_variant_sharing_tables_with_its_base_gets_the_plain_walks_errors(document, change):
    reg = registry()
    validator = Validator(reg, codes)
    validator.scenario(document)  # remembers the base's tables, which the variant shares
    merged = merge({k: v for k, v in document.items() if k != "variants"}, change)
    assert validator.scenario(merged) == plain_walk(Validator(reg, codes), Scenario, merged)


# -- the messages users see ------------------------------------------------------------------------

@pytest.mark.parametrize("lines, expected", [
    ({"l16": "reach = true"}, "spring.toml:16: audience.reach: must be an integer ≥ 0, got true"),
    ({"l16": "reach = 3.0"}, "spring.toml:16: audience.reach: must be an integer ≥ 0, got 3.0"),
    ({"l20": "max_entries_per_person = 0"}, "spring.toml:20: entry.max_entries_per_person: must be an integer ≥ 1, got 0"),
    ({"l16": "reach = -9223372036854775809"},
     "spring.toml:16: audience.reach: must be an integer ≥ 0, got -9223372036854775809, outside TOML's 64-bit integer range"),
    ({"l13": "followers = 8300000001"},
     "spring.toml:13: platform.followers: must not exceed the world's population (8,300,000,000), got 8300000001"),
    ({"l41": "deliver_within_days = 3650.5"},
     "spring.toml:41: fulfilment.deliver_within_days: must be a number from 0 to 3,650, got 3650.5"),
    ({"l17": "interest = -nan"}, "spring.toml:17: audience.interest: must be a finite number from 0 to 1, got nan"),
    ({"l36": 'value = "298"'}, 'spring.toml:36: prize.items[0].value: must be a number ≥ 0, got "298"'),
    ({"l36": "value = 2027-03-01"}, "spring.toml:36: prize.items[0].value: must be a number ≥ 0, got the date 2027-03-01"),
    ({"l14": "comments_enabled = 1"}, "spring.toml:14: platform.comments_enabled: must be true or false, got 1"),
    ({"l31": "draw = 1"}, "spring.toml:31: prize.draw: must be one of random, first_come, judged, everyone, instant_win, got 1"),
    ({"l31": 'draw = "Random"'},
     'spring.toml:31: prize.draw: must be one of random, first_come, judged, everyone, instant_win, got "Random"; did you mean "random"?'),
    ({"l37": 'currency = "XYZ"'},
     'spring.toml:37: prize.items[0].currency: unknown currency code "XYZ": use an ISO 4217 code such as CNY, USD, EUR or GBP'),
    ({"l37": "currency = 156"},
     "spring.toml:37: prize.items[0].currency: must be an ISO 4217 currency code such as CNY or USD, got 156"),
    ({"l32": "draw_at = 2027-03-09T12:00:00"},
     "spring.toml:32: prize.draw_at: needs a UTC offset (e.g. 2027-03-09T12:00:00+08:00), got 2027-03-09T12:00:00 without one"),
    ({"l32": "draw_at = 12:00:00"},
     "spring.toml:32: prize.draw_at: must be a date-time with a UTC offset, such as 2027-03-01T10:00:00+08:00, got the time 12:00:00"),
    ({"l12": "registered = 2019-06-01T10:00:00+08:00"},
     "spring.toml:12: platform.registered: must be a date such as 2019-06-01, got the date-time 2019-06-01T10:00:00+08:00"),
    ({"l12": 'registered = "2019-06-01"'}, 'spring.toml:12: platform.registered: must be a date such as 2019-06-01, got "2019-06-01"'),
    ({"l3": 'name = "   "'}, "spring.toml:3: campaign.name: must not be empty"),
    ({"l28": "to = 3"}, "spring.toml:28: entry.steps[1].to: must be a string, got 3"),
    ({"l28": 'to = ["friends"]'}, "spring.toml:28: entry.steps[1].to: must be a string, got an array"),
    ({"l7": 'jurisdictions = "CN"'}, 'spring.toml:7: campaign.jurisdictions: must be an array of strings, got "CN"'),
    ({"l7": "jurisdictions = [86]"}, "spring.toml:7: campaign.jurisdictions[0]: must be an ISO 3166 country or subdivision code "
     "such as CN, US or US-NY, got 86"),
])
def test_a_wrong_value_of_each_kind_has_its_exact_message(spring, errors, lines, expected):
    assert errors(spring(**lines)) == [expected]


def test_a_wrong_terms_url_and_disclosures(base, errors):
    known = ", ".join(DISCLOSURES)
    assert errors(base + '\n[terms]\nurl = "ftp://acme.example/terms"\ndiscloses = ["odds", "oddz", 3]\n') == [
        'spring.toml:45: terms.url: must be an http(s) URL, got "ftp://acme.example/terms"',
        f'spring.toml:46: terms.discloses[1]: must be one of {known}, got "oddz"; did you mean "odds"?',
        f"spring.toml:46: terms.discloses[2]: must be one of {known}, got 3",
    ]


def test_errors_in_one_inline_table_come_unknown_keys_first_then_in_declaration_order(spring, errors):
    # written: currency, bogus, then nothing for amount; reported: bogus, amount (declared first), currency
    assert errors(spring(l7='budget = { currency = "RMB", bogus = 1 }')) == [
        "spring.toml:7: campaign.budget.bogus: unknown key",
        "spring.toml:7: campaign.budget.amount: missing required key (a number ≥ 0)",
        'spring.toml:7: campaign.budget.currency: unknown currency code "RMB"; did you mean "CNY"? (the ISO 4217 code)',
    ]
    assert errors(spring(l7='budget = { currency = "RMB", amount = -1 }')) == [
        "spring.toml:7: campaign.budget.amount: must be a number ≥ 0, got -1",
        'spring.toml:7: campaign.budget.currency: unknown currency code "RMB"; did you mean "CNY"? (the ISO 4217 code)',
    ]


def test_a_step_written_out_of_order_reports_in_declaration_order(spring, errors):
    text = spring(l22="", l23="", l25="", l26="", l27="", l28="").replace(
        "max_entries_per_person = 1",
        'max_entries_per_person = 1\nsteps = [{ action = "follow" }, { worth = -1, to = 5, count = 0, action = "share" }]')
    assert errors(text) == [
        "spring.toml:21: entry.steps[1].count: must be an integer ≥ 1, got 0",
        "spring.toml:21: entry.steps[1].to: must be a string, got 5",
        "spring.toml:21: entry.steps[1].worth: must be an integer from 0 to 1,000, got -1",
    ]
