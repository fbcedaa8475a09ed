"""Rule options set by a scenario's own `[lint.rules.CODE]` table: checked when the file loads, applied
to that scenario only, over the settings file's."""

from __future__ import annotations

from pathlib import Path

from campaignsim.lint.config import LintConfig
from campaignsim.lint.engine import lint_loaded
from campaignsim.load import load_text
from campaignsim.plugin.manager import get_registry

REGISTRY = get_registry({"include_third_party": False})
LUCKY = (Path(__file__).resolve().parents[2] / "scenarios" / "wechat_lucky_draw_variants.toml").read_text(encoding="utf-8")
TABLE = "\n[lint.rules.GEN007]\nmax_minutes = 30\nmin_completion = 0.1\n"


def _codes(text: str, config: LintConfig = LintConfig()) -> dict:
    loaded = load_text(text, REGISTRY, path="lucky.toml")
    assert not loaded.errors, [e.render() for e in loaded.errors]
    return {r.variant: sorted(f.code for f in r.findings) for r in lint_loaded(loaded, REGISTRY, config, [])}


def _insert_in_base(text: str, table: str) -> str:
    head, sep, rest = text.partition("\n[[variants]]")
    return head + table + sep + rest


def test_a_scenario_raises_a_threshold_for_itself():
    before = _codes(LUCKY)
    after = _codes(_insert_in_base(LUCKY, TABLE))
    assert "GEN007" in before[None] and "GEN007" not in after[None]
    # the variants inherit the base's [lint] table, and with it the options
    assert "GEN007" in before["collect 38 likes"] and "GEN007" not in after["collect 38 likes"]


def test_a_variant_that_sets_its_own_options_is_judged_with_them_and_not_from_the_bases_findings():
    text = LUCKY.replace('[[variants]]\nname = "collect 38 likes"',
                         '[[variants]]\nname = "collect 38 likes"\nlint = { rules = { GEN007 = { max_minutes = 60, min_completion = 0.1 } } }', 1)
    assert text != LUCKY
    codes = _codes(text)
    assert "GEN007" not in codes["collect 38 likes"]
    assert "GEN007" in codes[None]  # the base keeps the default thresholds


def test_no_scenario_config_ignores_the_scenarios_options():
    codes = _codes(_insert_in_base(LUCKY, TABLE), LintConfig(scenario_config=False))
    assert "GEN007" in codes[None]


def test_an_unknown_rule_option_or_bad_value_is_a_located_load_error():
    for table, message in (("\n[lint.rules.GEN999]\nx = 1\n", "lint.rules.GEN999: unknown rule"),
                           ("\n[lint.rules.GEN007]\nmax_minute = 3\n", "GEN007 has no option \"max_minute\"; did you mean \"max_minutes\"?"),
                           ("\n[lint.rules.GEN007]\nmin_completion = 3\n", "lint.rules.GEN007.min_completion: must be at most 1")):
        loaded = load_text(_insert_in_base(LUCKY, table), REGISTRY, path="lucky.toml")
        rendered = [e.render() for e in loaded.errors]
        assert len(rendered) == 1 and message in rendered[0], rendered
        assert loaded.errors[0].line is not None
