"""Which rules run and which findings are kept: --select/--ignore/--extend-select, settings files,
the scenario's [lint] table and inline ignores (with CS001 and CS002 reporting bad ignores)."""

import json

import pytest


def codes(result) -> list[str]:
    report = json.loads(result.stdout)
    return sorted(f["code"] for file in report["files"] for f in file["findings"])


ALL_THREE = "ERR WARN INFO"


@pytest.mark.parametrize(("options", "expected"), [
    (["--select", "RPT001"], ["RPT001"]),                                  # a code
    (["--select", "RPT"], ["RPT001", "RPT002", "RPT003"]),                 # a prefix
    (["--select", "reporting-warning"], ["RPT002"]),                       # a name
    (["--select", "RPT001,reporting-info"], ["RPT001", "RPT003"]),         # comma-separated
    (["--select", "RPT001", "--select", "RPT002"], ["RPT001", "RPT002"]),  # repeated
    (["--select", "RPT", "--ignore", "RPT002"], ["RPT001", "RPT003"]),
    (["--select", "RPT", "--ignore", "reporting-error"], ["RPT002", "RPT003"]),
    (["--select", "RPT001", "--extend-select", "RPT003"], ["RPT001", "RPT003"]),
    (["--select", "RPT", "--ignore", "RPT00"], []),
])
def test_command_line_selection_by_code_prefix_or_name(cli, write_scenario, options, expected):
    result = cli("lint", "--format", "json", *options, str(write_scenario(name=ALL_THREE)))
    assert codes(result) == expected


def test_select_all_runs_every_rule_including_the_built_in_ones(cli, write_scenario):
    path = write_scenario(name=ALL_THREE, extra='\n[lint]\nignore = [{ code = "RPT003" }]\n')
    found = codes(cli("lint", "--format", "json", "--select", "ALL", str(path)))
    assert {"RPT001", "RPT002", "CS001"} <= set(found) and "RPT003" not in found


def test_settings_in_the_nearest_pyproject_apply_to_scenarios_below_it(cli, write_scenario):
    path = write_scenario("proj/sub/campaign.toml", name=ALL_THREE)
    (path.parents[1] / "pyproject.toml").write_text('[tool.campaignsim]\nselect = ["RPT"]\nignore = ["RPT003"]\n', encoding="utf-8")
    assert codes(cli("lint", "--format", "json", str(path))) == ["RPT001", "RPT002"]


def test_a_pyproject_without_the_table_does_not_hide_settings_further_up(cli, write_scenario):
    path = write_scenario("proj/sub/campaign.toml", name=ALL_THREE)
    (path.parent / "pyproject.toml").write_text('[project]\nname = "not-campaignsim"\n', encoding="utf-8")
    (path.parents[1] / "campaignsim.toml").write_text('select = ["RPT002"]\n', encoding="utf-8")
    assert codes(cli("lint", "--format", "json", str(path))) == ["RPT002"]


def test_campaignsim_toml_wins_over_pyproject_in_the_same_directory(cli, write_scenario):
    path = write_scenario("proj/campaign.toml", name=ALL_THREE)
    (path.parent / "pyproject.toml").write_text('[tool.campaignsim]\nselect = ["RPT001"]\n', encoding="utf-8")
    (path.parent / "campaignsim.toml").write_text('select = ["RPT003"]\n', encoding="utf-8")
    assert codes(cli("lint", "--format", "json", str(path))) == ["RPT003"]


def test_command_line_select_replaces_the_file_and_ignore_adds_to_it(cli, write_scenario):
    path = write_scenario("proj/campaign.toml", name=ALL_THREE)
    (path.parent / "campaignsim.toml").write_text('select = ["RPT001"]\nignore = ["RPT002"]\n', encoding="utf-8")
    assert codes(cli("lint", "--format", "json", "--select", "RPT", str(path))) == ["RPT001", "RPT003"]
    assert codes(cli("lint", "--format", "json", "--extend-select", "RPT003", str(path))) == ["RPT001", "RPT003"]


def test_an_unknown_key_in_the_settings_file_is_exit_2_with_a_suggestion(cli, write_scenario):
    path = write_scenario("proj/campaign.toml", name="ERR")
    (path.parent / "campaignsim.toml").write_text('selct = ["RPT"]\n', encoding="utf-8")
    result = cli("lint", str(path))
    assert result.returncode == 2
    assert "unknown key 'selct'; did you mean 'select'?" in result.stderr


def test_a_settings_selector_that_matches_no_rule_is_exit_2(cli, write_scenario):
    path = write_scenario("proj/campaign.toml", name="ERR")
    (path.parent / "campaignsim.toml").write_text('select = ["RPT01"]\n', encoding="utf-8")
    result = cli("lint", str(path))
    assert result.returncode == 2 and "'RPT01' matches no rule; did you mean 'RPT001'?" in result.stderr


# -- the scenario's [lint] table ---------------------------------------------------------------------

def test_scenario_lint_select_limits_the_rules_for_that_file(cli, write_scenario):
    path = write_scenario(name=ALL_THREE, extra='\n[lint]\nselect = ["RPT002"]\n')
    assert codes(cli("lint", "--format", "json", str(path))) == ["RPT002"]


def test_scenario_ignore_with_a_reason_suppresses_and_is_not_itself_reported(cli, write_scenario):
    path = write_scenario(name="ERR WARN", extra='\n[lint]\nignore = [{ code = "RPT001", reason = "the lawyers signed this off" }]\n')
    result = cli("lint", "--format", "json", "--select", "RPT,CS", str(path))
    assert codes(result) == ["RPT002"]
    assert result.returncode == 0


def test_scenario_ignore_without_a_reason_suppresses_but_is_reported_by_cs001(cli, write_scenario):
    path = write_scenario(name="ERR", extra='\n[lint]\nignore = [{ code = "RPT001" }]\n')
    result = cli("lint", "--format", "json", "--select", "RPT,CS", str(path))
    (finding,) = json.loads(result.stdout)["files"][0]["findings"]
    assert (finding["code"], finding["key"], finding["line"]) == ("CS001", "lint.ignore[0]", path.read_text().splitlines().index("[lint]") + 2)
    assert finding["message"] == "ignore of RPT001 gives no reason"


def test_scenario_ignore_that_matches_nothing_is_reported_by_cs002(cli, write_scenario):
    path = write_scenario(name="Clean", extra='\n[lint]\nignore = [{ code = "RPT001", reason = "old" }, { code = "ZZZ404", reason = "typo" }]\n')
    result = cli("lint", "--format", "json", "--select", "RPT,CS", str(path))
    messages = sorted(f["message"] for f in json.loads(result.stdout)["files"][0]["findings"])
    assert messages == ["ignore[RPT001] suppresses no finding in this file; remove it", "ignore[ZZZ404] matches no rule; remove it"]


# -- inline ignores ------------------------------------------------------------------------------------

def with_comment(path, comment: str):
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("name = "))
    lines[index] += f"  # {comment}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return index + 1


def test_inline_ignore_with_a_reason_suppresses_that_rule_on_that_line(cli, write_scenario):
    path = write_scenario(name="ERR WARN")
    with_comment(path, "campaignsim: ignore[RPT002] the name is a working title")
    result = cli("lint", "--format", "json", "--select", "RPT,CS", str(path))
    assert codes(result) == ["RPT001"]


def test_inline_ignore_by_rule_name_and_several_codes(cli, write_scenario):
    path = write_scenario(name=ALL_THREE)
    with_comment(path, "campaignsim: ignore[reporting-error, RPT003] approved by legal on 2027-02-01")
    assert codes(cli("lint", "--format", "json", "--select", "RPT,CS", str(path))) == ["RPT002"]


def test_inline_ignore_without_a_reason_is_reported_by_cs001_on_its_line(cli, write_scenario):
    path = write_scenario(name="WARN")
    line = with_comment(path, "campaignsim: ignore[RPT002]")
    findings = json.loads(cli("lint", "--format", "json", "--select", "RPT,CS", str(path)).stdout)["files"][0]["findings"]
    assert [(f["code"], f["line"]) for f in findings] == [("CS001", line)]
    assert findings[0]["message"] == f"inline ignore[RPT002] on line {line} gives no reason"


def test_inline_ignore_that_suppresses_nothing_is_reported_by_cs002(cli, write_scenario):
    path = write_scenario(name="Clean")
    line = with_comment(path, "campaignsim: ignore[RPT001] kept from last year")
    result = cli("lint", "--format", "json", "--select", "RPT,CS", str(path))
    findings = json.loads(result.stdout)["files"][0]["findings"]
    assert [(f["code"], f["line"], f["message"]) for f in findings] == [
        ("CS002", line, "ignore[RPT001] suppresses no finding in this file; remove it")]
    assert result.returncode == 0  # CS002 is a warning


def test_inline_ignore_on_another_line_does_not_suppress(cli, write_scenario):
    path = write_scenario(name="WARN")
    text = path.read_text(encoding="utf-8").replace('brand = "Test Brand"', 'brand = "Test Brand"  # campaignsim: ignore[RPT002] wrong line')
    path.write_text(text, encoding="utf-8")
    assert codes(cli("lint", "--format", "json", "--select", "RPT,CS", str(path))) == ["CS002", "RPT002"]
