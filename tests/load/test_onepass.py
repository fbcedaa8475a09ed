"""The one-pass reader must agree exactly with the long way (tomllib for values, the Locator for
lines and comments) on every document it accepts, and must hand everything else to tomllib."""

from __future__ import annotations

import math
import sys
from datetime import date, datetime, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaignsim.load import load_text
from campaignsim.load.toml import Locator, onepass
from campaignsim.plugin.manager import get_registry

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def same(a, b) -> bool:
    """Equal values of the same types (1, 1.0 and true are different TOML), offsets included."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, (datetime, time)):
        return a == b and a.utcoffset() == b.utcoffset()
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def assert_agrees(text: str) -> bool:
    """When the reader accepts ``text``, its values, lines and comments are the long way's. Returns
    whether it accepted."""
    read = onepass.read(text)
    try:
        expected = tomllib.loads(text)
    except (tomllib.TOMLDecodeError, ValueError, RecursionError):
        assert read is None, "accepted a document tomllib rejects"
        return False
    if read is None:
        return False
    document, lines, comments = read
    assert same(document, expected), (document, expected)
    locator = Locator(text)
    assert lines == locator.lines
    assert comments == locator.comments
    return True


def scenario_files() -> list[Path]:
    return sorted((ROOT / "scenarios").glob("*.toml")) + sorted((ROOT / "tests" / "data").glob("*.toml"))


@pytest.mark.parametrize("path", scenario_files(), ids=lambda p: p.name)
def test_every_example_scenario_is_read_in_one_pass_and_agrees(path):
    assert assert_agrees(path.read_text(encoding="utf-8")), "an ordinary scenario should not need the long way"


DOCUMENT = '''\
# a comment at the top
title = "x"            # trailing comment
count = 1_000
ratio = -0.25
big = 6.02e23
yes = true
when = 2027-04-06T10:00:00+08:00
utc = 2027-04-06T02:00:00Z
local = 2027-04-06 10:00:00.123456789
day = 2027-04-06
at = 07:32:00.5
'lit' = 'C:\\path'
[ campaign ]
name = "Spring # not a comment [not a table]"
budget = { amount = 30000, currency = "CNY" }
empty = {}
jurisdictions = [ "CN",
  # a comment inside an array
  "US-NY", ]   # after the array
nested = [[1, 2], [], [{ a = 1 }]]
platform.comments_enabled = true
platform.followers = 12000

[[entry.steps]]
action = "follow"

[[entry.steps]]
action = "share"
count = 3
[entry.steps.extra]
colour = "green"

[prize.items.more]
x = 1
[prize]
draw = "random"
'''


QUOTED_KEY_LINE = "'lit' = 'C:\\path'\n"  # a quoted key: the long way


def test_a_document_using_every_construct_the_reader_handles_agrees():
    assert_agrees(DOCUMENT)
    assert onepass.read(DOCUMENT.replace(QUOTED_KEY_LINE, "")) is not None


def test_windows_line_endings_give_the_same_result():
    text = DOCUMENT.replace(QUOTED_KEY_LINE, "")
    assert onepass.read(text.replace("\n", "\r\n")) == onepass.read(text)


@pytest.mark.parametrize("text", [
    'a = "x\\ty"',                       # escapes
    'a = """x"""',                      # multi-line strings
    "a = '''x'''",
    '"quoted key" = 1',                 # quoted keys
    "a = inf", "a = nan", "a = 0x1F",   # special numbers
    "a = {\n b = 1 }",                   # an inline table over several lines (TOML 1.0 forbids it)
    "a = { b.c = 1 }",                  # dotted keys in an inline table
    "a = 1\na = 2",                     # defined twice
    "[a]\n[a]",                         # a table defined twice
    "a.b = 1\n[a]",                     # a table made by dotted keys, then by a header
    "[a]\nb = { c = 1 }\n[a.b]",        # an inline table extended by a header
    "[[a]]\n[a]", "[a]\n[[a]]",
    "a = { b = 1 }\na.c = 2",           # an inline table extended by a dotted key
    "[a.b]\n[a]\nb.c = 1",              # a header's table extended by a dotted key
    "a = [1]\na.b = 2", "[a]\nb = 1\nb.c = 2",
    "[a]\nb.c = 1\n[a.b.d]",            # valid, but rare enough to leave to tomllib
    "a = { b = 1, }",                   # trailing comma in an inline table
    "a = 2027-02-30",                   # no such day
    "a = 0123", "a = 1.", "a = .5", "a = 1__0", "a = +",
    "a = 1 b = 2", "a =", "= 1", "[a", "[[a]", "[a]]", "a = [1, 2",
    "a = 1 # bell \x07",                # a control character in a comment
    "a = 1\rb = 2",                     # a carriage return alone
    "a = tru", "a = truex",
])
def test_what_the_reader_leaves_to_tomllib(text):
    assert onepass.read(text) is None
    assert_agrees(text)  # and, where tomllib accepts it, the loader's answer is unchanged


def test_a_document_the_reader_leaves_to_tomllib_loads_the_same():
    registry = get_registry()
    text = (ROOT / "scenarios" / "wechat_lucky_draw_variants.toml").read_text(encoding="utf-8")
    escaped = text.replace('brand = "', 'brand = "\\u0041', 1)  # an escape: the long way
    assert onepass.read(escaped) is None
    fast, slow = load_text(text, registry), load_text(escaped, registry)
    assert not fast.errors and not slow.errors
    assert fast.locator.lines == slow.locator.lines and fast.locator.comments == slow.locator.comments
    assert [s.campaign.brand for s in slow.scenarios] == ["A" + s.campaign.brand for s in fast.scenarios]


def test_invalid_toml_still_gets_tomllib_s_message():
    loaded = load_text("[campaign]\nname = \n", get_registry(), path="x.toml")
    assert loaded.errors[0].line == 2 and "invalid TOML" in loaded.errors[0].message


# -- generated documents ------------------------------------------------------------------------------

keys = st.sampled_from(["a", "b", "name", "steps", "2027", "x-y", "k_1"])
space = st.sampled_from(["", " ", "  ", "\t"])
comment = st.sampled_from(["", "", " # note", "  #", " # ignore[WX001] reason", "# é ü 中文"])
scalars = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters='"\\\x7f'), max_size=8)
    .filter(lambda s: not any(ord(c) < 0x20 and c != "\t" for c in s)).map(lambda s: f'"{s}"'),
    st.text(alphabet="abc'\"\\ #=", max_size=5).filter(lambda s: "'" not in s).map(lambda s: f"'{s}'"),
    st.integers(-(10**20), 10**20).map(str),
    st.sampled_from(["1_000", "+7", "-0", "0", "3.14", "-2.5e-3", "1e10", "6.0E+2", "true", "false",
                     "2027-04-06", "2027-04-06T10:00:00+08:00", "2027-04-06t10:00:00z", "2027-04-06 10:00:00",
                     "2027-04-06T10:00:00.25-05:30", "10:00:00", "23:59:59.999999999", "2027-13-01", "24:00:00",
                     "01", "1.", "inf", "nan", "0x10", '"a\\tb"', '""""""']),
)


def values(depth: int = 2):
    if depth == 0:
        return scalars
    inner = values(depth - 1)
    arrays = st.tuples(st.lists(st.tuples(space, inner, comment), max_size=3), st.booleans(), st.booleans()).map(_array)
    tables = st.lists(st.tuples(keys, inner), max_size=3).map(
        lambda pairs: "{" + ", ".join(f"{k} = {v}" for k, v in pairs) + "}")
    return st.one_of(scalars, arrays, tables)


def _array(spec) -> str:
    items, multiline, trailing = spec
    if not multiline:
        return "[" + ", ".join(v for _, v, _ in items) + ("," if trailing and items else "") + "]"
    body = "".join(f"\n{pad}{v},{note}" for pad, v, note in items)
    return "[" + body + "\n]"


def dotted():
    return st.lists(keys, min_size=1, max_size=3).flatmap(
        lambda parts: st.sampled_from([".", " . ", "."]).map(lambda dot: dot.join(parts)))


statements = st.one_of(
    st.tuples(dotted(), space, values(), comment).map(lambda t: f"{t[0]}{t[1]}={t[1]}{t[2]}{t[3]}"),
    st.tuples(dotted(), space, comment).map(lambda t: f"[{t[1]}{t[0]}{t[1]}]{t[2]}"),
    st.tuples(dotted(), comment).map(lambda t: f"[[{t[0]}]]{t[1]}"),
    comment.map(lambda c: c.strip()),
)
documents = st.lists(statements, max_size=12).map(lambda lines: "\n".join(lines))


@SETTINGS
@given(documents)
def test_generated_documents_agree_with_the_long_way(text):
    assert_agrees(text)


@SETTINGS
@given(documents, st.data())
def test_damaged_documents_are_never_accepted_wrongly(text, data):
    if not text:
        return
    i = data.draw(st.integers(0, len(text) - 1))
    how = data.draw(st.sampled_from(["drop", "insert", "swap"]))
    char = data.draw(st.sampled_from(list("[]{}=,.\"'#\n\r\t ab1-+:")))
    if how == "drop":
        damaged = text[:i] + text[i + 1:]
    elif how == "insert":
        damaged = text[:i] + char + text[i:]
    else:
        damaged = text[:i] + char + text[i + 1:]
    assert_agrees(damaged)


def test_headers_out_of_order_and_arrays_over_several_lines_are_read_in_one_pass():
    for text in ["a = 1\n[b]\nc.d = [1, 2,\n  3]\n[[e]]\nf = {g = true}", "[a.b]\n[a]\nc = 2027-04-06"]:
        assert assert_agrees(text)


def test_local_dates_and_times_come_back_as_tomllib_gives_them():
    document, _, _ = onepass.read("d = 2027-04-06\nt = 07:32:00\nl = 2027-04-06T07:32:00")
    assert document == {"d": date(2027, 4, 6), "t": time(7, 32), "l": datetime(2027, 4, 6, 7, 32)}
