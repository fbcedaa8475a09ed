"""A plugin that misbehaves at run time is named, isolated and never ends the command with a
traceback: in lint, run and simulate; whatever its rule raises, yields, mutates or how long it takes."""

import json
import time

import pytest

from campaignsim.lint.config import LintConfig
from campaignsim.lint.engine import lint_loaded, lint_paths
from campaignsim.lint.guard import MAX_FINDINGS_PER_RULE
from campaignsim.model import Audience
from campaignsim.plugin import hookimpl
from campaignsim.testing import MINIMAL_SCENARIO, SketchRule, registry_with, scenario_from_string


def rule(code, check, **attributes):
    return type(f"Rule{code}", (SketchRule,), {"code": code, "name": f"test-{code.lower()}", "check": check, **attributes})


class Rules:
    def __init__(self, *rules):
        self.rules = list(rules)

    @hookimpl
    def campaignsim_rules(self):
        return self.rules


def lint_with(*rules, toml="", select=("TST",)):
    registry = registry_with(("hostile", Rules(*rules)))
    loaded = scenario_from_string(toml, registry=registry)
    failures: list = []
    results = lint_loaded(loaded, registry, LintConfig(select=select), failures)
    return [f for r in results for f in r.findings], failures, loaded


def fine(self, scenario, context):
    yield self.violation("campaign.name", "fine")


@pytest.mark.parametrize("check, phrase", [
    (lambda self, s, c: [self.violation("campaign.name", "x", severity="fatal")], "severity 'fatal'"),
    (lambda self, s, c: ["a string"], "yielded 'a string' (str), not a Violation"),
    (lambda self, s, c: [self.violation(None, "x")], "key is None"),
    (lambda self, s, c: [self.violation("campaign.name", 42)], "message is 42"),
    (lambda self, s, c: "campaign.name", "returned str"),
])
def test_a_rule_yielding_something_else_than_violations_is_a_failure_of_its_plugin(check, phrase):
    findings, failures, _ = lint_with(rule("TST001", check), rule("TST002", fine))
    assert [(f.plugin, f.stage) for f in failures] == [("hostile", "rule TST001")]
    assert phrase in failures[0].error
    assert [f.code for f in findings] == ["TST002"]  # the other rule still reports


def test_a_rule_calling_sys_exit_is_a_failure_not_the_end_of_the_program():
    import sys

    findings, failures, _ = lint_with(rule("TST001", lambda self, s, c: sys.exit(0)), rule("TST002", fine))
    assert "called sys.exit(0)" in failures[0].error and [f.code for f in findings] == ["TST002"]


def test_an_applies_to_that_raises_is_a_failure_of_the_rule():
    def applies_to(cls, scenario, context):
        raise LookupError("scope")

    findings, failures, _ = lint_with(rule("TST001", fine, applies_to=classmethod(applies_to)), rule("TST002", fine))
    assert failures[0].stage == "rule TST001" and "applies_to raised LookupError: scope" in failures[0].error
    assert [f.code for f in findings] == ["TST002"]


def test_a_rule_that_runs_too_long_is_stopped_at_the_time_limit(monkeypatch):
    monkeypatch.setenv("CAMPAIGNSIM_RULE_TIME_LIMIT", "0.3")
    started = time.monotonic()
    findings, failures, _ = lint_with(rule("TST001", lambda self, s, c: time.sleep(30)), rule("TST002", fine))
    assert time.monotonic() - started < 10
    assert "took more than 0.3 s on one scenario and was stopped" in failures[0].error
    assert [f.code for f in findings] == ["TST002"]


def test_a_rule_that_changes_the_frozen_scenario_is_named_and_the_change_is_undone():
    def mutate(self, scenario, context):
        object.__setattr__(scenario.campaign, "name", "hijacked")
        object.__setattr__(scenario.prize.items[0], "quantity", 10_000)
        return ()

    seen = []
    findings, failures, loaded = lint_with(rule("TST001", mutate), rule("TST002", lambda self, s, c: seen.append(s.campaign.name) or ()))
    assert "changed the scenario it was given" in failures[0].error and failures[0].plugin == "hostile"
    assert loaded.base.campaign.name == "Test campaign" and loaded.base.prize.items[0].quantity == 10
    assert seen == ["Test campaign"]


def test_a_rule_that_changes_the_shared_default_audience_does_not_leak_into_later_files():
    def mutate(self, scenario, context):
        object.__setattr__(scenario.audience, "reach", 1)
        return ()

    assert Audience() == Audience(reach=None)
    _, failures, loaded = lint_with(rule("TST001", mutate))
    assert failures and loaded.base.audience.reach is None
    later = scenario_from_string("")
    assert later.base.audience.reach is None and Audience().reach is None


def test_one_rule_with_a_hundred_thousand_findings_reports_a_capped_number_and_says_how_many_more():
    def flood(self, scenario, context):
        for i in range(100_000):
            yield self.violation("campaign.name", f"finding {i}")

    started = time.monotonic()
    findings, failures, _ = lint_with(rule("TST001", flood))
    assert not failures
    assert len(findings) == MAX_FINDINGS_PER_RULE + 1
    assert findings[-1].message.startswith(f"and {100_000 - MAX_FINDINGS_PER_RULE:,} more findings of TST001 not shown")
    assert time.monotonic() - started < 20


def test_the_same_failure_on_base_and_variant_is_reported_once_each_naming_the_variant():
    toml = '[[variants]]\nname = "bigger prize"\n[variants.campaign]\nname = "B"\n'
    _, failures, _ = lint_with(rule("TST001", lambda self, s, c: 1 / 0), toml=toml)
    assert [f.error for f in failures] == ["ZeroDivisionError: division by zero (in <string>)",
                                           "ZeroDivisionError: division by zero (in <string>, variant 'bigger prize')"]
    assert failures[0].exception.__class__ is ZeroDivisionError and "1 / 0" in failures[0].traceback


# -- through the command line -----------------------------------------------------------------------------------
BOOM = '''
from campaignsim.plugin import hookimpl
from campaignsim.testing import SketchRule


class Boom(SketchRule):
    code = "TSTBOOM001"
    name = "always-raises"
    severity = "error"
    platforms = ("weibo",)

    def check(self, scenario, context):
        return [1 / 0]


class BadFormat:
    name = "broken"
    summary = "A format whose render raises."
    replaces = None

    @staticmethod
    def render(report, color=False):
        raise RuntimeError("cannot render")


@hookimpl
def campaignsim_rules():
    return [Boom]


@hookimpl
def campaignsim_output_formats():
    from campaignsim.report.base import OutputFormat

    return [OutputFormat("broken", "A format whose render raises.", BadFormat.render)]
'''


@pytest.fixture
def boom_site(site, fake_distribution):
    fake_distribution(site, "cstest-boom", {"boom": "cstest_boom"}, {"cstest_boom": BOOM})
    return site


@pytest.fixture
def campaign(tmp_path):
    path = tmp_path / "campaign.toml"
    path.write_text(MINIMAL_SCENARIO + '\n[[variants]]\nname = "bigger"\n[variants.campaign]\nname = "B"\n', encoding="utf-8")
    return path


def _no_traceback(result):
    assert "Traceback" not in result.stdout + result.stderr


def test_run_with_a_raising_plugin_rule_names_it_and_exits_2(cli, boom_site, campaign):
    result = cli("run", "--runs", "2", "--jobs", "1", str(campaign), pythonpath=boom_site)
    _no_traceback(result)
    assert "plugin 'boom' raised in rule TSTBOOM001: ZeroDivisionError: division by zero" in result.stdout + result.stderr
    assert "variant 'bigger'" in result.stdout + result.stderr
    assert result.returncode == 2


def test_simulate_with_a_raising_plugin_rule_names_it_and_exits_2(cli, boom_site, campaign):
    result = cli("simulate", "--runs", "2", "--jobs", "1", "--format", "json", str(campaign), pythonpath=boom_site)
    _no_traceback(result)
    assert "plugin 'boom' raised in rule TSTBOOM001" in result.stderr
    json.loads(result.stdout)  # the simulation itself still ran
    assert result.returncode == 2


def test_verbose_prints_the_plugin_s_traceback_after_its_one_line_message(cli, boom_site, campaign):
    quiet = cli("lint", str(campaign), pythonpath=boom_site)
    assert "Traceback" not in quiet.stderr
    loud = cli("-v", "lint", str(campaign), pythonpath=boom_site)
    assert "Traceback (most recent call last)" in loud.stderr and "return [1 / 0]" in loud.stderr
    assert loud.returncode == 2


def test_an_output_format_whose_render_raises_is_named_and_exits_2(cli, boom_site, campaign):
    result = cli("lint", "--format", "broken", str(campaign), pythonpath=boom_site)
    _no_traceback(result)
    assert "plugin 'boom' raised in output format 'broken': RuntimeError: cannot render" in result.stderr
    assert result.returncode == 2


def test_lint_paths_keeps_going_past_a_raising_rule(boom_site, campaign, monkeypatch):
    monkeypatch.syspath_prepend(str(boom_site))
    from campaignsim.plugin.manager import build_registry

    registry = build_registry(only=["boom"])
    campaign.write_text(campaign.read_text(encoding="utf-8").replace("[[variants]]", '[lint]\nignore = [{ code = "NOSUCH999" }]\n\n[[variants]]'),
                        encoding="utf-8")
    report = lint_paths([campaign], registry=registry, config=LintConfig())
    assert {f.plugin for f in report.failures} == {"boom"} and report.exit_code() == 2
    assert {"CS001", "CS002"} <= {f.code for f in report.findings}  # the built-in rules still report
