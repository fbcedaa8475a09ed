"""A renamed rule keeps its old code as an alias: selection, ignores and explain accept it."""

from types import SimpleNamespace

from campaignsim.lint.rule import Reference, Rule
from campaignsim.lint.selection import match, resolve
from campaignsim.plugin import hookimpl
from campaignsim.testing import SketchRule, lint_string, registry_with


class RenamedRule(SketchRule):
    code = "ALIAS002"
    name = "renamed-rule"
    severity = "warning"
    aliases = ("ALIAS001",)
    summary = "Fires on every scenario (a test rule)."
    references = (Reference("test", None, "U"),)

    def check(self, scenario, context):
        yield self.violation("campaign.name", f"campaign {scenario.campaign.name!r} seen")


@hookimpl
def campaignsim_rules():
    return [RenamedRule]


REGISTRY = registry_with(("renamed-rule-plugin", SimpleNamespace(campaignsim_rules=campaignsim_rules)))


def test_old_code_selects_the_renamed_rule():
    assert match("ALIAS001", REGISTRY) == {"ALIAS002"}
    selected, unknown = resolve(REGISTRY, ["ALIAS001"])
    assert selected == {"ALIAS002"} and unknown == []


def test_registry_finds_the_rule_by_its_old_code_as_explain_does():
    assert REGISTRY.rule("ALIAS001") is RenamedRule


def test_findings_carry_the_new_code():
    findings = lint_string("", rules=["ALIAS001"], registry=REGISTRY)
    assert [f.code for f in findings] == ["ALIAS002"]


def test_ignore_by_old_code_suppresses_and_is_used():
    findings = lint_string('[lint]\nignore = [{ code = "ALIAS001", reason = "known" }]\n', rules=["ALIAS", "CS"], registry=REGISTRY)
    assert [f.code for f in findings] == []


def test_codes_are_matched_in_any_case():
    assert match("alias002", REGISTRY) == {"ALIAS002"}
    assert match("alias001", REGISTRY) == {"ALIAS002"}
    assert match("Alias", REGISTRY) == {"ALIAS002"}
    assert REGISTRY.rule("alias002") is RenamedRule
    assert REGISTRY.rule("Renamed-Rule") is RenamedRule
