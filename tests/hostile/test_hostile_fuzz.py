"""A grammar-aware fuzz test of the scenario format, end to end.

Scenarios are drawn from the format's grammar: every table and key, values of the right type and
of the wrong one, extreme numbers, NaN and infinities, any Unicode (control characters, line
breaks, bidirectional overrides, workflow commands), deep nesting, variants that override any
part, and dates in any order and time zone. Each goes through ``load``, ``campaignsim lint``,
``simulate --runs 2`` and ``run --runs 2``. The properties:

- no command ends in an exception or a traceback; exit codes are 0, 1 or 2;
- nothing printed holds a control character or starts a line with a workflow command;
- a file that loads and lints (exit 0 or 1) without CS003 (cannot be simulated) is simulated
  (exit 0) and run (exit 0 or 1): what ``simulate`` would refuse, ``lint`` reports, with a line
  (unless the scenario's own ``[lint] select`` leaves CS003 out);
- a refusal by ``simulate`` or ``run`` of a file that loads names the line of the key at fault;
- a file with load errors makes every command exit 2, each error on one line.

A short run is part of the test suite. The long run is a command (one hour, failures logged and
the run continued, each falsifying example printed in full)::

    python tests/hostile/test_hostile_fuzz.py --seconds 3600 --log fuzz.log
"""

from __future__ import annotations

import math
import os
import re
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "load"))
from test_properties import to_toml  # noqa: E402  the suite's TOML writer

from campaignsim.cli import main  # noqa: E402
from campaignsim.load import load_file  # noqa: E402
from campaignsim.model.scenario import DRAW_KINDS  # noqa: E402
from campaignsim.plugin.manager import get_registry  # noqa: E402

REGISTRY = get_registry({"include_third_party": False})
PLATFORMS = sorted(REGISTRY.platforms)
ACTIONS = sorted(REGISTRY.actions)
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

# -- the grammar ------------------------------------------------------------------------------------

HOSTILE = ["\n::error::forged", "\r\n::stop-commands::x", "\x1b[31m", "\x1b]0;t\x07", "\u202e", "$x^2$", "<script>",
           "](javascript:alert(1))", "%0A", "\x00", "\x9b2J", "# heading", "|", "{{", "🎁", "中文", " "]
texts = st.one_of(
    st.text(min_size=1, max_size=20).filter(str.strip),
    st.sampled_from(["Spring tea", "Acme", "春茶抽奖"]),
    st.lists(st.sampled_from(HOSTILE) | st.text(max_size=4), min_size=1, max_size=4).map("".join),
)
big_ints = st.one_of(st.integers(-5, 10), st.integers(0, 10**6), st.integers(-(2**63), 2**63 - 1),
                     st.sampled_from([0, 1, 2**31, 2**53, 2**63 - 1, -(2**63), 10**12]))
floats = st.one_of(st.floats(), st.floats(0, 1), st.sampled_from([0.0, 1e308, -1e308, 5e-324, math.inf, -math.inf, math.nan]))
numbers = big_ints | floats
counts = st.one_of(st.integers(1, 500), st.integers(1, 10**7), st.sampled_from([1, 3, 1000, 120000, 2**31, 10**10]))
amounts = st.one_of(st.integers(0, 10**5), st.floats(0, 10**6), st.sampled_from([0.01, 298, 1e15, 1e300]))
shares = st.floats(0, 1)


def sometimes(n: int):
    """True about once in ``n`` draws (Hypothesis favours the ends of a range, so a middle value is used)."""
    return st.integers(0, n - 1).map(lambda i, hit=n // 2: i == hit)
zones = st.one_of(st.just(timezone.utc), st.integers(-18 * 60 + 1, 18 * 60 - 1).map(lambda m: timezone(timedelta(minutes=m))))
BASE_START = datetime(2027, 3, 1, 10, tzinfo=timezone(timedelta(hours=8)))
datetimes = st.one_of(
    st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30), timezones=zones),
    st.tuples(st.integers(-24 * 800, 24 * 800), zones).map(lambda t: (BASE_START + timedelta(hours=t[0])).astimezone(t[1])),
    st.tuples(st.integers(-3, 24 * 400 * 1000), zones).map(lambda t: (BASE_START + timedelta(minutes=t[0])).astimezone(t[1])),
).map(lambda d: d.replace(microsecond=0))
# A value of any type, for a key that wants another: the loader's checks meet everything.
anything = st.recursive(st.one_of(numbers, st.booleans(), texts, datetimes),
                        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
                        max_leaves=8)


def nest(depth: int):
    """A value nested ``depth`` arrays deep."""
    value: object = 0
    for _ in range(depth):
        value = [value]
    return value


def maybe(strategy, wrong: int = 40):
    """Mostly ``strategy``; one time in ``wrong``, no value or a value of any type."""
    return sometimes(wrong).flatmap(lambda odd: st.none() | anything if odd else strategy)


@st.composite
def money(draw):
    return {"amount": draw(maybe(numbers)), "currency": draw(maybe(st.sampled_from(["CNY", "USD", "EUR", "GBP", "JPY"]), wrong=20))}


@st.composite
def step(draw):
    action = draw(maybe(st.sampled_from(ACTIONS), wrong=30))
    out = {"action": action}
    spec = REGISTRY.action(action) if isinstance(action, str) else None
    for key in (spec.fields if spec is not None and draw(st.booleans()) else ()):
        out[key] = draw(maybe({"count": st.integers(1, 20) | counts, "to": st.sampled_from(["friends", "moments", "group", "public"]),
                               "fields": st.lists(texts, max_size=3), "amount": money(), "external": st.booleans(),
                               "accurate_tagging": st.booleans(), "marketing_opt_in": st.sampled_from(["required", "optional", "none"]),
                               "url": st.just("https://example.com/x") | texts, "account_platform": st.sampled_from(PLATFORMS),
                               "send_to": st.sampled_from(["friends", "account"])}.get(key, texts)))
    if draw(st.booleans()):
        out["optional"] = draw(maybe(st.booleans()))
    if draw(sometimes(10)):
        out["worth"] = draw(maybe(st.integers(1, 5) | counts))
    return out


@st.composite
def prize(draw):
    items = draw(st.lists(st.fixed_dictionaries({
        "name": maybe(texts), "value": maybe(amounts), "currency": maybe(st.sampled_from(["CNY", "USD", "EUR", "JPY"])),
        "quantity": maybe(counts)}), min_size=0 if draw(sometimes(20)) else 1, max_size=4))
    out = {"draw": draw(maybe(st.sampled_from(DRAW_KINDS), wrong=20)), "items": items}
    if draw(st.booleans()):
        out["draw_at"] = draw(maybe(st.integers(0, 24 * 60).map(lambda h: BASE_START + timedelta(days=7, hours=h)), wrong=10))
    return out


@st.composite
def scenario(draw):
    start = draw(st.just(BASE_START) | sometimes(4).flatmap(lambda odd: datetimes if odd else st.just(BASE_START)))
    end = draw(st.one_of(st.just(BASE_START + timedelta(days=7)), st.integers(1, 24 * 900).map(lambda h, s=start: s + timedelta(hours=h)),
                         st.integers(1, 24 * 30).map(lambda h, s=start: s + timedelta(hours=h)),
                         sometimes(8).flatmap(lambda odd: datetimes if odd else st.just(BASE_START + timedelta(days=3)))))
    doc = {
        "campaign": {"name": draw(maybe(texts)), "brand": draw(maybe(texts)), "start": start, "end": end},
        "platform": {"name": draw(maybe(st.sampled_from(PLATFORMS)))},
        "entry": {"steps": draw(st.lists(step(), min_size=0 if draw(sometimes(20)) else 1, max_size=5))},
        "prize": draw(prize()),
    }
    platform = REGISTRY.platform(doc["platform"]["name"]) if isinstance(doc["platform"]["name"], str) else None
    if platform is not None and draw(sometimes(2)):
        doc["platform"]["account"] = draw(maybe(st.sampled_from(platform.account_kinds)))
    if not draw(sometimes(4)):
        doc["platform"]["followers"] = draw(maybe(counts))
    if draw(sometimes(2)):
        doc["campaign"]["budget"] = {"amount": draw(maybe(amounts)), "currency": draw(maybe(st.sampled_from(["CNY", "USD"])))}
    if draw(st.booleans()):
        doc["audience"] = draw(st.fixed_dictionaries({}, optional={
            "reach": maybe(counts), "size": maybe(counts), "interest": maybe(shares), "min_age": maybe(st.integers(0, 99))}))
    if draw(sometimes(4)):
        at = st.integers(-48, 24 * 60).map(lambda h, s=start: s + timedelta(hours=h)) | datetimes
        doc["schedule"] = draw(st.lists(st.fixed_dictionaries({"at": maybe(at)}, optional={
            "kind": st.sampled_from(["launch", "post", "reminder", "results"]), "reach": maybe(counts)}), max_size=6))
    if draw(sometimes(4)):
        names = ["reach_per_follower", "base_entry_rate", "time_step_hours", "bass_q", "bass_p", "audience_size_factor",
                 "attention_half_life_hours"] + [f"completion_{a}" for a in ACTIONS[:6]]
        doc["simulation"] = draw(st.dictionaries(maybe(st.sampled_from(names), wrong=10).map(str), maybe(shares | floats, wrong=5),
                                                 max_size=3))
    if draw(sometimes(5)):
        codes = ["CS001", "WX", "GEN001", "ALL", "WX999", "nope"]
        doc["lint"] = draw(st.fixed_dictionaries({}, optional={
            "select": st.lists(st.sampled_from(codes) | texts, max_size=2),
            "ignore": st.lists(st.fixed_dictionaries({"code": st.sampled_from(codes)}, optional={"reason": texts}), max_size=2)}))
    if draw(sometimes(30)):
        doc["campaign"][draw(st.sampled_from(["nested", "kind"]))] = nest(draw(st.integers(1, 60)))
    if draw(sometimes(30)):
        doc[draw(st.text(max_size=6))] = draw(anything)
    variants = []
    for _ in range(draw(st.integers(0, 3) | st.integers(0, 40))):
        variant = {"name": draw(maybe(texts, wrong=100))}
        for part in draw(st.lists(st.sampled_from(["campaign", "entry", "prize", "audience", "platform", "simulation"]),
                                  max_size=3, unique=True)):
            if part == "campaign":
                key = draw(st.sampled_from(["end", "start", "name"]))
                late = st.integers(1, 24 * 1000).map(lambda h, s=start: s + timedelta(hours=h))
                variant["campaign"] = {key: draw(maybe(texts if key == "name" else late, wrong=5))}
            elif part == "entry":
                variant["entry"] = {"steps": draw(st.lists(step(), max_size=3))}
            elif part == "prize":
                variant["prize"] = draw(prize())
            elif part == "audience":
                variant["audience"] = {"reach": draw(maybe(counts))}
            elif part == "platform":
                key = draw(st.sampled_from(["followers", "name", "comments_enabled"]))
                good = {"followers": counts, "name": st.sampled_from(PLATFORMS), "comments_enabled": st.booleans()}[key]
                variant["platform"] = {key: draw(maybe(good, wrong=5))}
            else:
                variant["simulation"] = {draw(st.sampled_from(["base_entry_rate", "completion_share"])): draw(maybe(shares))}
        variants.append(variant)
    if variants:
        doc["variants"] = variants
    return doc


# -- the properties ---------------------------------------------------------------------------------

def _clean(output: str) -> None:
    found = CONTROL.search(output)
    assert found is None, f"control character {found.group()!r} in output"
    for line in output.splitlines():
        assert not line.lstrip().startswith("::"), f"workflow command in output: {line!r}"


def _invoke(args):
    started = time.monotonic()
    result = CliRunner().invoke(main, ["--no-plugins", *args])
    elapsed = time.monotonic() - started
    exc = result.exception
    assert exc is None or isinstance(exc, SystemExit), f"{args[0]}: {type(exc).__name__}: {exc}"
    assert "Traceback" not in result.output, result.output[-2000:]
    assert result.exit_code in (0, 1, 2), (args, result.exit_code)
    _clean(result.output)
    assert elapsed < 120, f"{args[0]} took {elapsed:.0f} s"
    return result


def prune(value):
    """None means "leave the key out" (TOML has no null)."""
    if isinstance(value, dict):
        return {k: prune(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [prune(v) for v in value if v is not None]
    return value


def check_document(document: dict) -> None:
    text = to_toml(prune(document))
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "campaign.toml"
        path.write_text(text, encoding="utf-8")
        loaded = load_file(path, REGISTRY)
        assert bool(loaded.errors) != bool(loaded.scenarios)
        for error in loaded.errors:
            assert "\n" not in error.render() and "\r" not in error.render()
        lint = _invoke(["lint", str(path)])
        simulate = _invoke(["simulate", "--runs", "2", "--jobs", "1", str(path)])
        run = _invoke(["run", "--runs", "2", "--jobs", "1", str(path)])
    event(f"lint {lint.exit_code}, simulate {simulate.exit_code}, run {run.exit_code}")
    if loaded.errors:
        assert lint.exit_code == simulate.exit_code == run.exit_code == 2
        return
    for result in (simulate, run):  # a refusal of a file that loads names the line of the key at fault
        if result.exit_code == 2:
            assert re.search(re.escape(str(path)) + r":\d+", result.output), result.output[-600:]
    chose_rules = any(isinstance(t.get("lint"), dict) and ("select" in t["lint"] or "extend_select" in t["lint"])
                      for t in [document, *document.get("variants", [])] if isinstance(t, dict))
    # CS003 says in lint what simulate would refuse, unless the scenario's own [lint] select left it out.
    if lint.exit_code in (0, 1) and " CS003 " not in lint.output and not chose_rules:
        assert simulate.exit_code == 0, f"lint accepted it (exit {lint.exit_code}) but simulate refused: {simulate.output[-600:]}"
        assert run.exit_code in (0, 1), f"lint accepted it but run exited {run.exit_code}: {run.output[-600:]}"


FUZZ = settings(max_examples=int(os.environ.get("CAMPAIGNSIM_FUZZ_EXAMPLES", "20")), deadline=None,
                suppress_health_check=list(HealthCheck), database=None)


@FUZZ
@given(scenario())
def test_any_scenario_from_the_grammar_goes_through_every_command(document):
    check_document(document)


# -- the long run -----------------------------------------------------------------------------------

def long_run(seconds: float, log: Path, batch: int = 50) -> int:
    """Run the property in batches until ``seconds`` have passed; log each failure and go on."""
    import contextlib
    import io
    import traceback

    from hypothesis import seed as with_seed

    failures = examples = 0
    started = time.monotonic()
    round_ = 0
    with log.open("a", encoding="utf-8") as out:
        out.write(f"# fuzz run started {datetime.now(timezone.utc).isoformat()} for {seconds:.0f} s\n")
        while time.monotonic() - started < seconds:
            round_ += 1
            test = with_seed(int(time.time() * 1000) + round_)(
                settings(FUZZ, max_examples=batch, database=None, print_blob=True)(given(scenario())(check_document)))
            said = io.StringIO()  # what Hypothesis prints (a falsifying example, a warning) goes to the log too
            try:
                with contextlib.redirect_stdout(said):
                    test()
            except Exception as exc:  # noqa: BLE001 a falsifying example: log it and go on
                failures += 1
                out.write(f"\n## failure {failures} (round {round_})\n{''.join(traceback.format_exception(exc))[-6000:]}\n")
            if said.getvalue().strip():
                out.write(f"\n## Hypothesis said (round {round_}):\n{said.getvalue()[-6000:]}\n")
            examples += batch
            out.write(f"round {round_}: {examples} examples, {failures} failures, {time.monotonic() - started:.0f} s\n")
            out.flush()
        out.write(f"# done: {examples} examples in {time.monotonic() - started:.0f} s, {failures} failures\n")
    return failures


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description="The long fuzz run of the scenario format.")
    parser.add_argument("--seconds", type=float, default=3600)
    parser.add_argument("--log", type=Path, default=Path("fuzz.log"))
    args = parser.parse_args()
    sys.exit(1 if long_run(args.seconds, args.log) else 0)
