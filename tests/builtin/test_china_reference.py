"""The China packs on the reference scenario (a WeChat lucky draw and its comment-to-enter variant),
and behaviour the data-driven cases cannot express: exchange-rate overrides and file lines."""

from pathlib import Path

import pytest

from campaignsim.lint.config import LintConfig
from campaignsim.lint.engine import lint_paths
from campaignsim.testing import assert_fires, assert_passes

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference-scenario.toml"
ENTRY_RULES = {"WX001", "WX002", "WX003", "WX005"}


@pytest.fixture(scope="module")
def reference_report():
    return lint_paths([REFERENCE], config=LintConfig())


def findings_of(report, variant):
    return [f for f in report.findings if f.variant == variant]


def test_reference_base_is_an_error_for_share_follow_and_screenshot(reference_report):
    base = findings_of(reference_report, None)
    errors = {(f.code, f.key) for f in base if f.severity == "error"}
    assert ("WX001", "entry.steps[1]") in errors  # share with 3 friends
    assert ("WX002", "entry.steps[1]") in errors  # the quota of friends
    assert ("WX002", "entry.steps[2]") in errors  # the screenshot proof
    assert ("WX003", "entry.steps[0]") in errors  # follow to enter


def test_reference_findings_point_at_the_steps_lines(reference_report):
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    [share] = [f for f in findings_of(reference_report, None) if f.code == "WX001"]
    assert share.line is not None
    assert 'action = "share"' in "\n".join(lines[share.line - 1:share.line + 1])


def test_comment_to_enter_variant_has_no_entry_findings(reference_report):
    variant = findings_of(reference_report, "comment to enter")
    assert variant, "the variant was not linted"
    assert not ENTRY_RULES & {f.code for f in variant}


def test_reference_ignore_of_cn_law002_suppresses_a_real_finding(reference_report, tmp_path):
    codes = {f.code for f in reference_report.findings}
    assert "CN-LAW002" not in codes and "CS002" not in codes
    unignored = tmp_path / "reference.toml"
    text = REFERENCE.read_text(encoding="utf-8")
    unignored.write_text(text[:text.index("[lint]")] + text[text.index("[[variants]]"):], encoding="utf-8")
    [notice] = [f for f in lint_paths([unignored], config=LintConfig()).findings
                if f.code == "CN-LAW002" and f.variant is None]
    # The reference discloses the prize quantity, which Order 32 Art. 13 accepts instead of the odds
    # (奖品数量或者中奖概率); what it still lacks is the prize names, value, delivery and forfeit conditions.
    assert "prize names" in notice.message and "forfeit conditions" in notice.message
    assert "odds" not in notice.message


def test_an_exchange_rate_override_changes_the_verdict():
    usd_prize = '[[prize.items]]\nname = "Camera"\nvalue = 7000\ncurrency = "USD"\n'
    assert_passes("CN-LAW001", usd_prize)  # 49,700 CNY at the built-in 7.1
    [finding] = assert_fires("CN-LAW001", usd_prize, exchange_rates={"CNY": 7.2})
    assert "50,400 CNY" in finding.message and "7.2 CNY per USD" in finding.message


def test_wechat_suggestions_name_the_lower_risk_alternative():
    [finding] = assert_fires("WX001", '[platform]\nname = "wechat"\naccount = "subscription"\n'
                             '[[entry.steps]]\naction = "share"\nto = "moments"\n')
    assert "comment" in finding.suggestion and "where comments are enabled" in finding.suggestion
