"""The example plugin in plugins/campaignsim-example, installed, seen through the real command.

CI installs it (``pip install -e plugins/campaignsim-example``); so must anyone running the suite.
"""

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLUGIN_DIR = ROOT / "plugins" / "campaignsim-example"
SCENARIO = PLUGIN_DIR / "scenarios" / "line_stamp_rally.toml"
INSTALL_HINT = "the example plugin is not installed: pip install -e plugins/campaignsim-example"


def _plugins(cli) -> dict:
    result = cli("plugins", "--format", "json")
    data = json.loads(result.stdout)
    by_name = {p["name"]: p for p in data["plugins"]}
    assert "campaignsim_example" in by_name, INSTALL_HINT
    return {"result": result, "data": data, "example": by_name["campaignsim_example"]}


def test_example_plugin_is_installed_as_a_third_party_plugin_providing_rule_action_and_platform(cli):
    found = _plugins(cli)
    example = found["example"]
    assert example["builtin"] is False
    assert example["module"] == "campaignsim_example.plugin"
    assert example["version"] == "0.1.0"
    assert example["provides"] == {"rules": ["EX001"], "platforms": ["line"], "actions": ["stamp_rally"]}
    assert found["data"]["failures"] == []
    assert found["result"].returncode == 0


def test_example_rule_appears_in_campaignsim_rules_with_its_plugin_and_sources(cli):
    _plugins(cli)
    result = cli("rules", "--format", "json", "--select", "EX")
    assert result.returncode == 0, result.stderr
    (rule,) = json.loads(result.stdout)
    assert (rule["code"], rule["name"], rule["severity"], rule["plugin"]) == ("EX001", "jp-lottery-prize-over-cap", "error", "campaignsim_example")
    assert rule["jurisdictions"] == ["JP"]
    assert rule["references"] and all(r["verified"] in {"V", "S", "S-", "U"} for r in rule["references"])
    table = cli("rules")
    assert "EX001" in table.stdout and "jp-lottery-prize-over-cap" in table.stdout


def test_example_rule_fires_on_the_example_scenario_at_the_prize_line(cli):
    _plugins(cli)
    result = cli("lint", str(SCENARIO))
    prize_line = SCENARIO.read_text(encoding="utf-8").splitlines().index("[[prize.items]]") + 1
    assert f"{SCENARIO}:{prize_line}: EX001 error prize 'Game console'" in result.stdout, result.stdout + result.stderr
    assert result.returncode == 1


def test_example_scenario_loads_only_because_the_plugin_provides_its_platform_and_action(cli):
    _plugins(cli)
    with_plugin = cli("lint", "--format", "json", str(SCENARIO))
    report = json.loads(with_plugin.stdout)
    assert report["errors"] == []
    assert [f["variant"] for f in report["files"]] == [None, "open draw"]
    without = cli("--no-plugins", "lint", "--format", "json", str(SCENARIO))
    assert without.returncode == 2
    messages = {e["key"]: e["message"] for e in json.loads(without.stdout)["errors"]}
    assert messages["platform.name"].startswith('unknown platform "line"')


def test_explain_shows_the_example_rule_with_its_plugin(cli):
    _plugins(cli)
    result = cli("explain", "EX001")
    assert result.returncode == 0
    assert result.stdout.startswith("# EX001 jp-lottery-prize-over-cap")
    assert "**Provided by:** `campaignsim_example`" in result.stdout
    assert "caa.go.jp" in result.stdout
