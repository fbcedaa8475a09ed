"""LintReport.summary and exit_code: counts by severity and the exit status, including findings whose
severity no rule should give."""

import pytest

from campaignsim.lint.engine import FileResult, LintReport
from campaignsim.lint.rule import Finding


def _report(*severities, fail_on="error"):
    findings = [Finding(f"T{i:03d}", "t", severity, "m", "campaign.name", 1, "a.toml") for i, severity in enumerate(severities)]
    return LintReport(results=[FileResult("a.toml", None, findings[:2]), FileResult("a.toml", "v", findings[2:])], fail_on=fail_on)


def test_summary_counts_every_severity():
    assert _report("warning", "info", "warning", "error", "warning").summary() == {"error": 1, "warning": 3, "info": 1}
    assert _report().summary() == {"error": 0, "warning": 0, "info": 0}


def test_summary_fails_on_an_unknown_severity():
    with pytest.raises(KeyError, match="fatal"):
        _report("warning", "fatal", "error").summary()


@pytest.mark.parametrize(("severities", "fail_on", "code"), [
    (("info", "warning"), "error", 0),
    (("info", "warning", "error"), "error", 1),
    (("info", "warning"), "warning", 1),
    (("info",), "info", 1),
    ((), "info", 0),
])
def test_exit_code_is_1_when_a_finding_reaches_the_threshold(severities, fail_on, code):
    assert _report(*severities, fail_on=fail_on).exit_code() == code


def test_exit_code_judges_findings_in_order_until_one_reaches_the_threshold():
    assert _report("warning", "error", "fatal").exit_code() == 1  # decided before the unknown severity
    with pytest.raises(ValueError):
        _report("warning", "fatal", "error").exit_code()
