"""`campaignsim rules --format json` and `campaignsim explain CODE`: rule documentation as data."""

import json

RULE_KEYS = {"code", "name", "severity", "aliases", "platforms", "account_kinds", "jurisdictions", "summary", "rationale",
             "heuristic", "fail_example", "pass_example", "plugin", "references", "options"}
REFERENCE_KEYS = {"title", "url", "verified", "verification", "checked"}  # checked: when the status was last checked, or null


def test_rules_json_lists_every_rule_sorted_with_stable_keys(cli):
    result = cli("rules", "--format", "json")
    assert result.returncode == 0, result.stderr
    rules = json.loads(result.stdout)
    assert [r["code"] for r in rules] == sorted(r["code"] for r in rules)
    for rule in rules:
        assert set(rule) == RULE_KEYS, rule["code"]
        assert rule["severity"] in {"error", "warning", "info"}
        assert all(set(ref) == REFERENCE_KEYS for ref in rule["references"])
    by_code = {r["code"]: r for r in rules}
    assert by_code["CS001"]["plugin"] == "campaignsim_core" and by_code["CS001"]["name"] == "ignore-without-reason"
    assert by_code["RPT001"]["plugin"] == "reporting"
    assert by_code["RPT001"]["references"] == [{"title": "Example source", "url": "https://example.org/source", "verified": "V",
                                                "verification": "official text seen", "checked": None}]


def test_rules_select_by_prefix_and_by_name(cli):
    assert [r["code"] for r in json.loads(cli("rules", "--format", "json", "--select", "RPT").stdout)] == ["RPT001", "RPT002", "RPT003"]
    assert [r["code"] for r in json.loads(cli("rules", "--format", "json", "--select", "unused-ignore").stdout)] == ["CS002"]


def test_rules_select_that_matches_nothing_is_exit_2(cli):
    result = cli("rules", "--select", "NOPE123")
    assert result.returncode == 2 and "'NOPE123' matches no rule" in result.stderr


def test_rules_text_table_shows_code_name_and_severity(cli):
    result = cli("rules", "--select", "CS")
    assert result.returncode == 0
    assert "4 rules" in result.stdout  # CS001–CS004
    assert "CS001" in result.stdout and "ignore-without-reason" in result.stdout and "warning" in result.stdout


def test_explain_prints_what_why_examples_and_sources_of_a_rule(cli):
    result = cli("explain", "CS001")
    assert result.returncode == 0
    text = result.stdout
    assert text.startswith("# CS001 ignore-without-reason\n")
    for heading in ("## What it checks", "## Why it matters", "## Example that fails", "## Example that passes", "## Sources"):
        assert heading in text
    assert "https://docs.astral.sh/ruff/rules/unused-noqa/" in text and "*official text seen* (V)" in text


def test_explain_accepts_a_rule_name_and_gives_json(cli):
    data = json.loads(cli("explain", "--format", "json", "ignore-without-reason").stdout)
    assert data["code"] == "CS001" and set(data) == RULE_KEYS


def test_explain_an_unknown_code_is_exit_2_with_a_suggestion(cli):
    result = cli("explain", "CS01")
    assert result.returncode == 2
    assert result.stderr.strip().startswith("campaignsim: 'CS01' matches no rule; did you mean")
