"""The lint output formats: SARIF against the official schema, the JSON contract, GitHub
annotations and the text layout."""

import json
from pathlib import Path

import attrs
import pytest
from jsonschema.validators import validator_for

from campaignsim.lint.config import LintConfig
from campaignsim.lint.engine import lint_paths
from campaignsim.report.sarif import artifact_uri

SARIF_SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif-schema-2.1.0.json"
VARIANT = '\n[[variants]]\nname = "quiet"\ncampaign.name = "WARN only"\n'
SELECT_REPORTING = LintConfig(select=("RPT",))


def render(registry, report, fmt: str) -> str:
    return registry.output_formats[fmt].render(report)


@pytest.fixture(scope="module")
def sarif_validator():
    assert SARIF_SCHEMA.is_file(), f"the SARIF 2.1.0 schema is expected at {SARIF_SCHEMA}"
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    cls = validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


@pytest.fixture
def busy_report(report_registry, write_scenario, tmp_path):
    """Three severities in the base, one finding in a variant, a broken file, a missing file."""
    good = write_scenario("dir with space/spring #1.toml", name="ERR WARN INFO", extra=VARIANT)
    broken = write_scenario("broken.toml", text="[campaign\n")
    return lint_paths([good, broken, tmp_path / "missing.toml"], registry=report_registry, config=SELECT_REPORTING), good


def assert_valid_sarif(validator, text: str) -> dict:
    doc = json.loads(text)
    errors = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    return doc


def test_sarif_with_findings_errors_and_variants_validates_against_the_sarif_2_1_0_schema(sarif_validator, busy_report, report_registry):
    report, _ = busy_report
    doc = assert_valid_sarif(sarif_validator, render(report_registry, report, "sarif"))
    assert doc["version"] == "2.1.0"
    (run,) = doc["runs"]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["RPT001", "RPT002", "RPT003"]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    levels = sorted((r["ruleId"], r["level"]) for r in run["results"])
    assert levels == [("RPT001", "error"), ("RPT002", "warning"), ("RPT002", "warning"), ("RPT003", "note")]
    assert rules[0]["helpUri"] == "https://example.org/source"
    assert run["invocations"][0]["executionSuccessful"] is False
    notes = [n["message"]["text"] for n in run["invocations"][0]["toolExecutionNotifications"]]
    assert any("missing.toml" in n for n in notes) and any("broken.toml" in n for n in notes)


def test_sarif_without_findings_validates_and_reports_a_successful_run(sarif_validator, report_registry, write_scenario):
    report = lint_paths([write_scenario()], registry=report_registry, config=SELECT_REPORTING)
    doc = assert_valid_sarif(sarif_validator, render(report_registry, report, "sarif"))
    run = doc["runs"][0]
    assert run["results"] == [] and run["tool"]["driver"]["rules"] == []
    assert run["invocations"][0]["executionSuccessful"] is True


def test_sarif_locations_carry_line_variant_key_and_an_encoded_uri(busy_report, report_registry):
    report, good = busy_report
    run = json.loads(render(report_registry, report, "sarif"))["runs"][0]
    variant_result = next(r for r in run["results"] if r["message"]["text"].startswith("[quiet]"))
    location = variant_result["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == good.as_uri()
    assert "%20" in good.as_uri() and "%23" in good.as_uri()
    assert location["physicalLocation"]["region"]["startLine"] == good.read_text().splitlines().index("[[variants]]") + 3
    assert location["logicalLocations"][0]["fullyQualifiedName"] == "variants[quiet].campaign.name"


def test_sarif_uri_of_a_relative_path_stays_relative_and_percent_encoded():
    assert artifact_uri("scenarios/spring sale #2.toml") == "scenarios/spring%20sale%20%232.toml"
    assert artifact_uri("scenarios\\win.toml") == "scenarios/win.toml"
    assert artifact_uri("活动/春.toml") == "%E6%B4%BB%E5%8A%A8/%E6%98%A5.toml"


# -- JSON: the stable contract -----------------------------------------------------------------------

TOP_KEYS = {"files", "summary", "errors", "plugin_failures"}
FILE_KEYS = {"path", "variant", "findings"}
FINDING_KEYS = {"code", "name", "severity", "message", "key", "line", "references", "variant", "suggestion"}


def test_json_output_keeps_its_documented_keys_and_types(busy_report, report_registry):
    report, good = busy_report
    doc = json.loads(render(report_registry, report, "json"))
    assert set(doc) == TOP_KEYS
    assert doc["summary"] == {"error": 1, "warning": 2, "info": 1}
    assert [(f["path"], f["variant"]) for f in doc["files"]] == [(str(good), None), (str(good), "quiet")]
    for file in doc["files"]:
        assert set(file) == FILE_KEYS
        for finding in file["findings"]:
            assert set(finding) == FINDING_KEYS
            assert finding["severity"] in {"error", "warning", "info"}
            assert isinstance(finding["line"], int) and isinstance(finding["references"], list)
            assert finding["variant"] == file["variant"]
    first = doc["files"][0]["findings"][0]
    assert (first["code"], first["name"], first["key"], first["line"]) == ("RPT001", "reporting-error", "campaign.name", 3)
    assert first["references"] == ["Example source <https://example.org/source> [V: official text seen]"]
    assert {e["path"] for e in doc["errors"]} == {str(good.parent.parent / "broken.toml"), str(good.parents[2] / "missing.toml")}


def test_json_summary_counts_findings_by_severity_even_when_there_are_none(report_registry, write_scenario):
    report = lint_paths([write_scenario()], registry=report_registry, config=SELECT_REPORTING)
    doc = json.loads(render(report_registry, report, "json"))
    assert doc["summary"] == {"error": 0, "warning": 0, "info": 0}
    assert doc["files"] == [{"path": str(write_scenario()), "variant": None, "findings": []}]


# -- GitHub annotations -------------------------------------------------------------------------------

def test_github_format_writes_one_annotation_per_finding_with_level_file_line_and_title(busy_report, report_registry):
    report, good = busy_report
    lines = render(report_registry, report, "github").splitlines()
    path = str(good).replace(":", "%3A").replace(",", "%2C")
    message = "name asks for ERR: 50%25 off, see https://x.example/a,b"
    assert f"::error file={path},line=3,title=RPT001 reporting-error::{message}" in lines
    assert any(line.startswith(f"::notice file={path},line=3,title=RPT003 reporting-info::") for line in lines)
    assert any(line.startswith("::warning ") and "::[quiet] name asks for WARN" in line for line in lines)


def test_github_format_escapes_newlines_percent_colons_and_commas(report_registry, write_scenario):
    report = lint_paths([write_scenario("a,b:c.toml", name="ERR")], registry=report_registry, config=SELECT_REPORTING)
    report.results[0].findings[0] = attrs.evolve(report.findings[0], message="line one\nline two\r 100%")
    (line,) = render(report_registry, report, "github").splitlines()
    assert "a%2Cb%3Ac.toml" in line
    assert line.endswith("::line one%0Aline two%0D 100%25")


def test_github_format_reports_load_errors_and_plugin_failures_as_errors(busy_report, report_registry):
    report, _ = busy_report
    lines = render(report_registry, report, "github").splitlines()
    assert any(line.startswith("::error file=") and "broken.toml,line=" in line and "invalid TOML" in line for line in lines)
    assert any(line.startswith("::error file=") and "missing.toml::" in line for line in lines)


def test_github_format_plugin_failure_has_no_properties(report_registry, write_scenario):
    from campaignsim.testing import registry_with

    registry = registry_with(("ghost", "cstest_no_such_module"))
    report = lint_paths([write_scenario()], registry=registry, config=LintConfig(select=("CS001",)))
    (line,) = render(registry, report, "github").splitlines()
    assert line.startswith("::error::plugin 'ghost' failed to load: ModuleNotFoundError")


# -- text --------------------------------------------------------------------------------------------

def test_text_format_groups_findings_by_file_as_path_line_code_severity_message(report_registry, write_scenario):
    second = write_scenario("b.toml", name="WARN")
    first = write_scenario("a.toml", name="ERR INFO")
    report = lint_paths([second, first], registry=report_registry, config=SELECT_REPORTING)
    lines = render(report_registry, report, "text").splitlines()
    assert lines == [
        str(first),
        f"  {first}:3: RPT001 error name asks for ERR: 50% off, see https://x.example/a,b",
        "      suggestion: Rename the campaign.",
        f"  {first}:3: RPT003 info name asks for INFO: 50% off, see https://x.example/a,b",
        "      suggestion: Rename the campaign.",
        str(second),
        f"  {second}:3: RPT002 warning name asks for WARN: 50% off, see https://x.example/a,b",
        "      suggestion: Rename the campaign.",
        "3 findings in 2 files (1 error, 1 warning, 1 info)",
    ]


def test_text_format_names_the_variant_and_counts_file_errors_in_the_summary(busy_report, report_registry):
    report, good = busy_report
    text = render(report_registry, report, "text")
    assert "RPT002 warning [quiet] name asks for WARN" in text
    assert text.splitlines()[-1] == "4 findings in 1 file (1 error, 2 warning, 1 info); 2 load errors"
    assert "invalid TOML" in text.splitlines()[0] + text.splitlines()[1]


def test_text_format_shows_rich_markup_in_messages_literally(report_registry, write_scenario):
    report = lint_paths([write_scenario(name="ERR")], registry=report_registry, config=SELECT_REPORTING)
    report.results[0].findings[0] = attrs.evolve(report.findings[0], message="use [red]this[/red]")
    assert "RPT001 error use [red]this[/red]" in render(report_registry, report, "text")


def test_text_format_in_colour_styles_severities_and_strips_to_the_plain_text(report_registry, write_scenario):
    import re

    report = lint_paths([write_scenario(name="ERR WARN INFO")], registry=report_registry, config=SELECT_REPORTING)
    coloured = report_registry.output_formats["text"].render(report, color=True)
    assert "\x1b[1;31merror\x1b[0m" in coloured and "\x1b[33mwarning\x1b[0m" in coloured and "\x1b[36minfo\x1b[0m" in coloured
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == render(report_registry, report, "text")


def test_text_format_of_a_report_without_findings_is_the_summary_alone(report_registry, write_scenario):
    report = lint_paths([write_scenario()], registry=report_registry, config=SELECT_REPORTING)
    assert render(report_registry, report, "text") == "0 findings in 1 file (0 error, 0 warning, 0 info)\n"
