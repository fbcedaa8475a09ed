"""How the engine runs rules: every way a rule may return its violations, the scope it declares,
and rules that break, whether the engine has linted with them before or not."""

from types import SimpleNamespace

import pytest

from campaignsim.lint.config import ConfigError, LintConfig
from campaignsim.lint.context import LintContext
from campaignsim.lint.engine import lint_loaded, lint_scenario
from campaignsim.lint.rule import Reference, Rule
from campaignsim.plugin import hookimpl
from campaignsim.testing import SketchRule, MINIMAL_SCENARIO, lint_string, registry_with, scenario_from_string


class Yields(SketchRule):
    code = "RUN001"
    name = "yields"
    references = (Reference("a source", "https://example.com/a", "S"), Reference("no address", None, "U"))

    def check(self, scenario, context):
        yield self.violation("campaign.name", "yielded")
        yield self.violation("campaign.brand", "yielded at info", severity="info")


class ReturnsList(SketchRule):
    code = "RUN002"
    name = "returns-list"
    severity = "error"

    def check(self, scenario, context):
        return [self.violation("campaign.name", "returned in a list")]


class ReturnsNone(SketchRule):
    code = "RUN003"
    name = "returns-none"

    def check(self, scenario, context):
        return None


class RaisesMidway(SketchRule):
    code = "RUN004"
    name = "raises-midway"

    def check(self, scenario, context):
        yield self.violation("campaign.name", "before the error")
        raise RuntimeError("midway")


class CannotBeBuilt(SketchRule):
    code = "RUN005"
    name = "cannot-be-built"

    def __init__(self):
        raise RuntimeError("no instance")

    def check(self, scenario, context):  # pragma: no cover - never reached
        yield self.violation("campaign.name", "unreachable")


class OnlyWeibo(SketchRule):
    code = "RUN006"
    name = "only-weibo"
    platforms = ["weibo"]  # a list, as a third-party rule may write it

    def check(self, scenario, context):
        yield self.violation("platform.name", "weibo only")


class OnlyNamedDraws(SketchRule):
    code = "RUN007"
    name = "only-named-draws"

    @classmethod
    def applies_to(cls, scenario, context):
        return scenario.platform.name == "wechat"  # scope written as code, not as attributes

    def check(self, scenario, context):
        yield self.violation("platform.name", "wechat by its own applies_to")


RULES = [Yields, ReturnsList, ReturnsNone, RaisesMidway, CannotBeBuilt, OnlyWeibo, OnlyNamedDraws]


@hookimpl
def campaignsim_rules():
    return RULES


def _registry():
    return registry_with(("run-plugin", SimpleNamespace(campaignsim_rules=campaignsim_rules)))


# The base is on Weibo; the variant moves it to WeChat.
SCENARIO = MINIMAL_SCENARIO + '''
[[variants]]
name = "on wechat"
platform.name = "wechat"
platform.account = "service"
'''


def _lint(registry, select=("RUN",)):
    loaded = scenario_from_string(SCENARIO, base=None, registry=registry)
    failures = []
    results = lint_loaded(loaded, registry, LintConfig(select=select), failures)
    return sorted((r.variant or "", f.code, f.key, f.severity, f.message) for r in results for f in r.findings), failures


def test_generators_lists_and_none_are_all_accepted_and_broken_rules_are_failures_of_their_plugin():
    registry = _registry()
    for _ in range(2):  # the second run uses what the first one cached
        findings, failures = _lint(registry)
        assert [(f.plugin, f.stage, f.error) for f in failures] == [
            ("run-plugin", "rule RUN004", "RuntimeError: midway (in <string>)"),
            ("run-plugin", "rule RUN005", "RuntimeError: no instance (in <string>)"),
            ("run-plugin", "rule RUN004", "RuntimeError: midway (in <string>, variant 'on wechat')"),
            ("run-plugin", "rule RUN005", "RuntimeError: no instance (in <string>, variant 'on wechat')"),
        ]  # base and variant, each named
        assert findings == [
            ("", "RUN001", "campaign.brand", "info", "yielded at info"),
            ("", "RUN001", "campaign.name", "warning", "yielded"),
            ("", "RUN002", "campaign.name", "error", "returned in a list"),
            ("", "RUN006", "platform.name", "warning", "weibo only"),
            ("on wechat", "RUN001", "campaign.brand", "info", "yielded at info"),
            ("on wechat", "RUN001", "campaign.name", "warning", "yielded"),
            ("on wechat", "RUN002", "campaign.name", "error", "returned in a list"),
            ("on wechat", "RUN007", "platform.name", "warning", "wechat by its own applies_to"),
        ]


def test_findings_carry_the_rules_name_and_references():
    registry = _registry()
    loaded = scenario_from_string(MINIMAL_SCENARIO, base=None, registry=registry)
    found = lint_scenario(loaded.base, registry, codes={"RUN001"}, loaded=loaded)
    assert {(f.code, f.name) for f in found} == {("RUN001", "yields")}
    assert found[0].references == tuple(r.render() for r in Yields.references)
    assert found[0].reference_urls == ("https://example.com/a",)
    assert found[0].line == 3  # name = "Test campaign"


def test_without_a_failures_list_a_broken_rule_raises():
    registry = _registry()
    scenario = scenario_from_string("", registry=registry).base
    with pytest.raises(RuntimeError, match="midway"):
        lint_scenario(scenario, registry, codes={"RUN004"})
    with pytest.raises(RuntimeError, match="no instance"):
        lint_scenario(scenario, registry, codes=frozenset({"RUN005"}))


def test_applicable_names_the_codes_in_order_whatever_the_codes_are_given_as():
    registry = _registry()
    loaded = scenario_from_string(SCENARIO, base=None, registry=registry)
    context = LintContext(registry)
    weibo, wechat = loaded.scenarios
    for codes in ({"RUN006", "RUN007", "RUN001"}, ["RUN001", "RUN006", "RUN007"], frozenset({"RUN001", "RUN006", "RUN007"})):
        assert context.applicable(weibo, codes) == ["RUN001", "RUN006"]
        assert context.applicable(wechat, codes) == ["RUN001", "RUN007"]
    assert "CS002" not in context.applicable(weibo)


def test_a_scenario_selection_runs_only_its_rules():
    registry = _registry()
    findings = lint_string('[lint]\nselect = ["RUN002"]\n', registry=registry)
    assert [f.code for f in findings] == ["RUN002"]


def test_an_unknown_selector_in_the_settings_is_an_error_every_time():
    registry = _registry()
    loaded = scenario_from_string("", registry=registry)
    for _ in range(2):
        with pytest.raises(ConfigError, match="'RUNX' matches no rule"):
            lint_loaded(loaded, registry, LintConfig(select=("RUNX",)), [])
