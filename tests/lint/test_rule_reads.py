"""Rule.reads: a variant gets the base's violations from a rule that reads only parts the variant
shares with the base, and every built-in rule that declares its parts reads nothing else."""

import inspect
import types
from pathlib import Path

import attrs
import pytest

from campaignsim.lint.context import LintContext
from campaignsim.lint.rule import Rule
from campaignsim.model import Scenario
from campaignsim.plugin.manager import get_registry
from campaignsim.testing import SketchRule, MINIMAL_SCENARIO, _document, lint_string, load_rule_cases, registry_with, scenario_from_string
from campaignsim.load import load_file, load_mapping, merge

ROOT = Path(__file__).resolve().parents[2]
PARTS = {field.name for field in attrs.fields(Scenario)}

checked: list[tuple[str, object]] = []  # (rule code, variant) of every check the test rules make


class ReadsPrize(SketchRule):
    code = "READS001"
    name = "reads-prize"
    reads = ("prize",)

    def check(self, scenario, context):
        checked.append((self.code, scenario.variant))
        for i, item in enumerate(scenario.prize.items):
            if item.value > 100:
                yield self.violation(f"prize.items[{i}].value", f"{item.name} is worth {item.value:g}")


class ReadsEverything(SketchRule):
    code = "READS002"
    name = "reads-everything"

    def check(self, scenario, context):
        checked.append((self.code, scenario.variant))
        yield self.violation("prize.items", f"checked {scenario.variant or 'the base'}")


class ReadsAProperty(SketchRule):
    code = "READS003"
    name = "reads-a-property"
    reads = ("jurisdictions",)  # not a part: the engine cannot compare it, so it checks every scenario

    def check(self, scenario, context):
        checked.append((self.code, scenario.variant))
        return [self.violation("campaign.jurisdictions", ", ".join(scenario.jurisdictions) or "none")]


class BreaksOnBigPrizes(SketchRule):
    code = "READS004"
    name = "breaks-on-big-prizes"
    reads = ("prize",)

    def check(self, scenario, context):
        checked.append((self.code, scenario.variant))
        if any(item.value > 100 for item in scenario.prize.items):
            raise RuntimeError("too big")
        return ()


class Plugin:
    from campaignsim.plugin import hookimpl

    @hookimpl
    def campaignsim_rules(self):
        return [ReadsPrize, ReadsEverything, ReadsAProperty, BreaksOnBigPrizes]


VARIANTS = """
[[prize.items]]
name = "Tea set"
value = 300
currency = "CNY"

[[variants]]
name = "comment to enter"
entry.steps = [{ action = "comment" }]

[[variants]]
name = "smaller prize"
prize.items = [{ name = "Tea sample", value = 20, currency = "CNY" }]
"""


@pytest.fixture
def registry():
    return registry_with(("reads-test", Plugin()))


def test_a_variant_that_keeps_the_base_s_parts_gets_the_base_s_violations_on_its_own_lines(registry):
    checked.clear()
    findings = lint_string(VARIANTS, rules=["READS001"], registry=registry)
    # Checked for the base and for the variant that changed the prize, not for the one that changed the entry.
    assert checked == [("READS001", None), ("READS001", "smaller prize")]
    by_variant = {}
    for finding in findings:
        by_variant.setdefault(finding.variant, []).append(finding)
    assert set(by_variant) == {None, "comment to enter"}
    base, variant = by_variant[None], by_variant["comment to enter"]
    assert [(f.key, f.message, f.line) for f in variant] == [(f.key, f.message, f.line) for f in base]


def test_the_engine_takes_a_variant_s_line_where_the_variant_sets_the_key(registry):
    text = VARIANTS + '\n[[variants]]\nname = "same prize, written again"\nprize.items = [{ name = "Tea set", value = 300, currency = "CNY" }]\n'
    findings = lint_string(text, rules=["READS001"], registry=registry, base=MINIMAL_SCENARIO)
    rewritten = [f for f in findings if f.variant == "same prize, written again"]
    assert [f.message for f in rewritten] == ["Tea set is worth 300"]


def test_rules_without_reads_and_reads_that_name_no_part_are_checked_for_every_scenario(registry):
    checked.clear()
    findings = lint_string(VARIANTS, rules=["READS002", "READS003"], registry=registry)
    assert sorted(checked, key=str) == sorted([(code, variant) for code in ("READS002", "READS003")
                                              for variant in (None, "comment to enter", "smaller prize")], key=str)
    assert {f.message for f in findings if f.code == "READS002"} == {"checked the base", "checked comment to enter",
                                                                     "checked smaller prize"}


def test_a_rule_that_broke_on_the_base_is_checked_again_and_reported_again(registry):
    from campaignsim.lint.config import LintConfig
    from campaignsim.lint.engine import lint_loaded

    loaded = scenario_from_string(VARIANTS, registry=registry)
    checked.clear()
    failures: list = []
    lint_loaded(loaded, registry, LintConfig(select=("READS004",)), failures)
    assert checked == [("READS004", None), ("READS004", "comment to enter"), ("READS004", "smaller prize")]
    assert len(failures) == 2 and all("READS004" in failure.render() for failure in failures)


# -- every built-in rule that declares its parts reads only those --------------------------------


class Recording:
    """A scenario that notes which of its parts are read; properties and methods read through it."""

    def __init__(self, scenario):
        self._scenario = scenario
        self.read: set[str] = set()

    def __getattr__(self, name):
        scenario = self._scenario
        found = inspect.getattr_static(type(scenario), name, None)
        if isinstance(found, property):
            return found.fget(self)
        if inspect.isfunction(found):
            return types.MethodType(found, self)
        self.read.add(name)
        return getattr(scenario, name)


def _scenarios(registry):
    """Scenarios that take the rules down many paths: every rule case (base and variants) and the
    example scenarios, each with the exchange rates its case asks for."""
    for file in sorted((ROOT / "tests" / "rule_cases").rglob("*.toml")):
        for case in load_rule_cases(file):
            base = _document(case.base or "", None if case.replace_base else MINIMAL_SCENARIO)
            loaded = load_mapping(merge(base, _document(case.scenario, None)), registry, path=case.id)
            if not loaded.errors:
                yield case.id, loaded, dict(case.exchange_rates or {})
    for path in sorted([*(ROOT / "scenarios").rglob("*.toml"), ROOT / "tests" / "data" / "reference-scenario.toml"]):
        loaded = load_file(path, registry)
        if not loaded.errors:
            yield path.name, loaded, {}


def test_built_in_rules_name_only_parts_of_a_scenario():
    registry = get_registry({"include_third_party": False})
    wrong = {code: rule.reads for code, rule in registry.rules.items() if rule.reads is not None and not set(rule.reads) <= PARTS}
    assert not wrong, f"reads naming something that is not a part of a scenario: {wrong}"


def test_built_in_rules_read_only_the_parts_they_declare():
    registry = get_registry({"include_third_party": False})
    declared = {code: rule for code, rule in registry.rules.items() if rule.reads is not None}
    assert len(declared) > 50
    undeclared: dict[str, set[str]] = {}
    runs = 0
    for name, loaded, rates in _scenarios(registry):
        context = LintContext(registry, exchange_rates={**registry.exchange_rates, **rates}, source=loaded)
        for scenario in loaded.scenarios:
            for code, rule_cls in declared.items():
                if not rule_cls.applies_to(scenario, context):
                    continue
                rule = context.rule_instance(rule_cls)
                recording = Recording(scenario)
                assert list(rule.check(recording, context) or ()) == list(rule.check(scenario, context) or ()), (code, name)
                runs += 1
                extra = recording.read - set(rule_cls.reads)
                if extra:
                    undeclared.setdefault(code, set()).update(extra)
    assert runs > 1000
    assert not undeclared, f"rules read parts their reads do not name: {undeclared}"
