"""Property tests: whatever a file holds (any TOML document, any bytes), loading it and running
``campaignsim lint`` on it end in scenarios or error messages, never in an exception or a traceback;
and the command exits 2 whenever the file has load errors."""

from __future__ import annotations

import math
import string
import sys
import tempfile
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaignsim.cli import main
from campaignsim.load import load_file
from campaignsim.report.escape import terminal

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

REFERENCE_TEXT = (Path(__file__).resolve().parents[1] / "data" / "reference-scenario.toml").read_text(encoding="utf-8")
REFERENCE = tomllib.loads(REFERENCE_TEXT)
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# -- a small TOML writer ----------------------------------------------------------------------------

def toml_string(text: str) -> str:
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_key(key: str) -> str:
    bare = key and all(c in string.ascii_letters + string.digits + "_-" for c in key)
    return key if bare else toml_string(key)


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(type(value))


def is_table_array(value) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def to_toml(document: dict, prefix: str = "") -> str:
    """Scalars and inline values first, then [tables] and [[arrays of tables]], as people write them."""
    lines, later = [], []
    for key, value in document.items():
        name = f"{prefix}.{toml_key(key)}" if prefix else toml_key(key)
        if isinstance(value, dict):
            later.append(f"\n[{name}]\n" + to_toml(value, name))
        elif is_table_array(value):
            later.extend(f"\n[[{name}]]\n" + to_toml(item, name) for item in value)
        else:
            lines.append(f"{toml_key(key)} = {toml_value(value)}\n")
    return "".join(lines) + "".join(later)


def test_the_writer_round_trips_a_scenario():
    assert tomllib.loads(to_toml(REFERENCE)) == REFERENCE


# -- strategies -------------------------------------------------------------------------------------

offsets = st.integers(-18 * 60 + 1, 18 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m)))
scalars = st.one_of(
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.integers(),  # beyond TOML's range too: the loader must say so, not crash
    st.floats(),
    st.text(max_size=30),
    st.sampled_from(["wechat", "weibo", "instagram", "CNY", "USD", "random", "judged", "share", "comment", "follow", "CN", "US"]),
    st.dates(),
    st.datetimes(timezones=st.none() | offsets).map(lambda d: d.replace(microsecond=0)),
    st.times().map(lambda t: t.replace(microsecond=0)),
)
keys = st.one_of(st.text(max_size=12), st.sampled_from(
    ["campaign", "platform", "entry", "steps", "prize", "items", "variants", "name", "count", "value", "currency",
     "start", "end", "action", "audience", "reach", "followers", "fulfilment", "terms", "simulation", "lint", "ignore"]))
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
    max_leaves=20,
)
documents = st.dictionaries(keys, values, max_size=8)


def paths(node, prefix=()):
    """Every place in a document: (path, container) pairs for tables and arrays."""
    yield prefix
    if isinstance(node, dict):
        for k, v in node.items():
            yield from paths(v, prefix + (k,))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from paths(v, prefix + (i,))


REFERENCE_PATHS = [p for p in paths(REFERENCE) if p]


@st.composite
def mutated_scenarios(draw):
    """The reference scenario with a few keys replaced, deleted or added: close enough to valid that
    the validator, the variant merge and the model conversion all run."""
    import copy

    document = copy.deepcopy(REFERENCE)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(REFERENCE_PATHS))
        parent = document
        try:
            for part in path[:-1]:
                parent = parent[part]
            if isinstance(parent, dict) != isinstance(path[-1], str):
                continue  # an earlier mutation turned this array into a table or back: an index is no key
            op = draw(st.sampled_from(["replace", "delete", "add"]))
            if op == "replace":
                parent[path[-1]] = draw(values)
            elif op == "delete" and isinstance(parent, dict):
                del parent[path[-1]]
            elif isinstance(parent[path[-1]], dict):
                parent[path[-1]][draw(keys)] = draw(values)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed this place
    return document


def damaged_bytes():
    """The reference scenario's bytes with a stretch replaced by arbitrary bytes."""
    data = REFERENCE_TEXT.encode("utf-8")
    return st.tuples(st.integers(0, len(data)), st.integers(0, 40), st.binary(max_size=40)).map(
        lambda t: data[: t[0]] + t[2] + data[t[0] + t[1]:])


# -- the properties ---------------------------------------------------------------------------------

def check_file(data: bytes) -> None:
    from campaignsim.plugin.manager import get_registry

    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "campaign.toml"
        path.write_bytes(data)
        loaded = load_file(path, get_registry({"include_third_party": False}))
        assert bool(loaded.errors) != bool(loaded.scenarios)
        for error in loaded.errors:
            line = error.render()
            assert line.startswith(str(path)) and "\n" not in line and "\r" not in line, line
        result = CliRunner().invoke(main, ["--no-plugins", "lint", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1, 2)
    if loaded.errors:
        assert result.exit_code == 2
        for error in loaded.errors:  # shown as the terminal shows it: control characters escaped
            assert terminal(error.render()) in result.output.splitlines()


@SETTINGS
@given(documents)
def test_any_toml_document_loads_or_gives_error_lines(document):
    text = to_toml(document)
    assert tomllib.loads(text) is not None  # the writer writes valid TOML
    check_file(text.encode("utf-8"))


@SETTINGS
@given(mutated_scenarios())
def test_any_change_to_a_valid_scenario_loads_or_gives_error_lines(document):
    check_file(to_toml(document).encode("utf-8"))


@SETTINGS
@given(st.binary(max_size=400))
def test_any_bytes_give_error_lines_never_a_traceback(data):
    check_file(data)


@SETTINGS
@given(damaged_bytes())
def test_a_damaged_scenario_file_gives_error_lines_never_a_traceback(data):
    check_file(data)
