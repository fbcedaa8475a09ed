"""The plugin's platform and action load into campaignsim, and a scenario using them loads and lints."""

import os
import subprocess
import sys
from pathlib import Path

from campaignsim.load import load_file
from campaignsim.plugin.manager import build_registry
from campaignsim.testing import lint_string, scenario_from_string

SCENARIO = Path(__file__).resolve().parents[1] / "scenarios" / "line_stamp_rally.toml"


def registry():
    return build_registry(only=["campaignsim_example"])


def test_the_plugin_loads_without_failures_and_says_what_it_provides():
    reg = registry()
    assert reg.failures == []
    info = next(p for p in reg.plugins if p.name == "campaignsim_example")
    assert not info.builtin
    assert info.version == "0.1.0"
    assert info.provides == {"rules": ["EX001"], "platforms": ["line"], "actions": ["stamp_rally"]}


def test_line_platform_loads_with_its_account_kinds_and_home_jurisdiction():
    line = registry().platform("line")
    assert line is not None and line.title.startswith("LINE")
    assert line.account_kinds == ("unverified", "verified", "premium")
    assert line.jurisdictions == ("JP",)
    assert {f.name for f in line.extra_fields} == {"broadcasts_per_month", "rich_menu"}


def test_stamp_rally_friction_falls_with_each_extra_stamp():
    rally = registry().action("stamp_rally")
    assert rally is not None and "count" in rally.fields
    assert rally.completion(3) < rally.completion(1)
    assert rally.effort(3) == rally.effort_minutes + 2 * rally.effort_per_extra


def test_scenario_using_the_platform_and_action_loads_base_and_variant():
    loaded = load_file(SCENARIO, registry())
    assert loaded.errors == []
    base, variant = loaded.scenarios
    assert base.platform.name == "line" and base.platform.extra("broadcasts_per_month") == 4
    assert [s.action for s in base.entry.steps] == ["purchase", "stamp_rally"]
    assert variant.variant == "open draw" and [s.action for s in variant.entry.steps] == ["stamp_rally"]


def test_campaign_on_line_defaults_to_japan_when_no_jurisdiction_is_given():
    loaded = scenario_from_string('''
        [campaign]
        jurisdictions = []
        [platform]
        name = "line"
        account = "premium"
    ''', registry=registry())
    assert loaded.base.campaign.jurisdictions == ("JP",)


def test_unknown_line_account_kind_is_a_load_error_naming_the_kinds():
    loaded = load_file(SCENARIO, registry())
    text = loaded.text.replace('account = "verified"', 'account = "business"')
    from campaignsim.load import load_text

    errors = load_text(text, registry(), path="x.toml").errors
    assert len(errors) == 1
    assert errors[0].key == "platform.account" and "unverified, verified, premium" in errors[0].message


def test_ex001_fires_on_the_example_scenario_and_not_on_its_open_variant():
    findings = lint_string(SCENARIO.read_text(encoding="utf-8"), rules=["EX001"], base=None, registry=registry())
    assert [(f.code, f.variant, f.key) for f in findings] == [("EX001", None, "prize.items[0]")]
    assert "¥49,980" in findings[0].message and "¥10,000 cap" in findings[0].message


def test_cli_lints_the_example_scenario_with_ex001_on_the_prize_line():
    script = Path(sys.executable).parent / "campaignsim"
    assert script.exists(), f"the campaignsim command is not installed beside {sys.executable}"
    result = subprocess.run([str(script), "lint", "--select", "EX001", str(SCENARIO)], capture_output=True, text=True,
                            env={**os.environ, "NO_COLOR": "1"}, timeout=60)
    prize_line = SCENARIO.read_text(encoding="utf-8").splitlines().index("[[prize.items]]") + 1
    assert f"{SCENARIO}:{prize_line}: EX001 error" in result.stdout, result.stdout + result.stderr
    assert result.returncode == 1


def test_every_declaration_passes_campaignsim_s_checks_at_load():
    # strict=True raises on any failure of the plugin, a declaration refused at load included, naming
    # the plugin and the declaration (docs/plugins.md, "What is checked when a plugin loads").
    from campaignsim.testing import registry_with

    from campaignsim_example import plugin

    registry = registry_with(("campaignsim_example", plugin), strict=True)
    assert registry.rule_plugins["EX001"] == "campaignsim_example"
    assert registry.platform("line") is not None and registry.action("stamp_rally") is not None
