"""The example campaigns in scenarios/: each loads, says what it shows, and shows it.

Every scenario opens with a comment that ends in a machine-readable line naming the rule codes it
illustrates (``# illustrates: WX001 WX003`` or ``# illustrates: none``). Linting the file must
produce each named code in the base or one of its variants, so an example never claims a finding
the linter does not make.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from campaignsim.lint.engine import lint_paths
from campaignsim.load import load_file
from campaignsim.plugin.manager import get_registry

SCENARIOS = Path(__file__).resolve().parent.parent / "scenarios"
FILES = sorted(SCENARIOS.glob("*.toml"))
ILLUSTRATES = re.compile(r"^#\s*illustrates:\s*(.*?)\s*$")
CODE = re.compile(r"^[A-Z]+(?:-[A-Z]+)?\d{3}$")


def opening_comment(path: Path) -> list[str]:
    lines = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        lines.append(line)
    return lines


def illustrated_codes(path: Path) -> list[str]:
    """The codes of the ``# illustrates:`` line of the opening comment ([] for ``none``)."""
    found = [m.group(1) for line in opening_comment(path) if (m := ILLUSTRATES.match(line))]
    assert len(found) == 1, f"{path.name}: the opening comment needs exactly one '# illustrates:' line"
    words = found[0].split()
    if words == ["none"]:
        return []
    assert words, f"{path.name}: '# illustrates:' names no code; write 'none' for a clean example"
    bad = [w for w in words if not CODE.match(w)]
    assert not bad, f"{path.name}: not rule codes: {bad}"
    return words


def ids(paths):
    return [p.stem for p in paths]


@pytest.fixture(scope="module")
def registry():
    return get_registry()


def test_there_are_at_least_seven_example_scenarios_including_the_variant_file():
    names = {p.name for p in FILES}
    assert len(FILES) >= 7, sorted(names)
    for required in ("wechat_share_to_enter.toml", "wechat_comment_to_enter.toml", "wechat_lucky_draw_variants.toml",
                     "weibo_repost_follow_giveaway.toml", "weibo_giveaway_no_fulfilment.toml",
                     "xiaohongshu_ugc_contest.toml", "instagram_tag_two_friends_us.toml"):
        assert required in names


def test_scenario_file_names_are_snake_case():
    assert all(re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*\.toml", p.name) for p in FILES), [p.name for p in FILES]


def test_the_variant_file_has_a_base_and_three_variants(registry):
    loaded = load_file(SCENARIOS / "wechat_lucky_draw_variants.toml", registry)
    assert not loaded.errors
    variants = [s.variant for s in loaded.scenarios]
    assert variants[0] is None and len(variants) >= 4
    steps = {s.variant: tuple(step.action for step in s.entry.steps) for s in loaded.scenarios}
    assert len(set(steps.values())) == len(steps), f"each variant should enter differently: {steps}"


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_scenario_loads_without_errors(path, registry):
    loaded = load_file(path, registry)
    assert [e.render() for e in loaded.errors] == []
    assert loaded.scenarios


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_scenario_opens_with_a_description_and_an_illustrates_line(path):
    comment = opening_comment(path)
    prose = [line for line in comment if not ILLUSTRATES.match(line)]
    assert len(" ".join(prose)) > 120, f"{path.name}: the opening comment should say what the scenario shows"
    illustrated_codes(path)  # exactly one well-formed line


@pytest.mark.parametrize("path", FILES, ids=ids(FILES))
def test_linting_the_scenario_finds_every_code_it_illustrates(path, registry):
    expected = illustrated_codes(path)
    report = lint_paths([path], registry=registry)
    assert not report.load_errors
    assert not report.failures, [f.render() for f in report.failures]
    found = {f.code for f in report.findings}
    missing = [code for code in expected if code not in found]
    assert not missing, f"{path.name} illustrates {missing} but linting found only {sorted(found)}"


def _declares_none(path: Path) -> bool:
    return any((m := ILLUSTRATES.match(line)) and m.group(1) == "none" for line in opening_comment(path))


CLEAN = [p for p in FILES if _declares_none(p)]


def test_there_is_a_clean_example():
    assert CLEAN


@pytest.mark.parametrize("path", CLEAN, ids=ids(CLEAN))
def test_a_scenario_that_illustrates_none_has_no_errors(path, registry):
    report = lint_paths([path], registry=registry)
    errors = [f"{f.code} {f.message}" for f in report.findings if f.severity == "error"]
    assert errors == []
