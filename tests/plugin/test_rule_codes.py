"""Rule codes of the built-in packs: each rule has its own code, lives in the module named by it, and
`campaignsim rules` lists every one. The general pack's operations rules (GEN015, GEN016) and its
restricted-prize and age-gate rules (GEN017-GEN023) were numbered on separate lines of work; these
tests keep the codes from colliding again."""

import json

from campaignsim.lint.rule import Reference, Rule
from campaignsim.plugin import hookimpl
from campaignsim.plugin.manager import build_registry
from campaignsim.testing import registry_with

GENERAL = {
    "GEN015": "dispatch-cannot-meet-delivery-promise", "GEN016": "support-cannot-meet-response-promise",
    "GEN017": "alcohol-prize-without-age-gate", "GEN018": "tobacco-or-vape-prize", "GEN019": "gambling-prize-without-age-gate",
    "GEN020": "weapon-prize", "GEN021": "prescription-drug-prize", "GEN022": "below-platform-minimum-age",
    "GEN023": "paid-gift-entry-open-to-minors-cn",
}


def test_the_built_in_packs_load_without_a_clash_each_rule_in_the_module_named_by_its_code():
    registry = build_registry(include_third_party=False)
    assert registry.failures == []
    for code, rule in registry.rules.items():
        assert rule.__module__.rsplit(".", 1)[1] == code.lower().replace("-", "_"), (code, rule.__module__)
    names = [rule.name for rule in registry.rules.values()]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    assert {code: registry.rules[code].name for code in GENERAL} == GENERAL
    assert {registry.rule_plugins[code] for code in GENERAL} == {"campaignsim_general"}
    assert not any(code in registry.rule_aliases for code in GENERAL)  # never released under other codes


def test_rules_lists_every_rule_of_the_registry_and_each_code_once(cli):
    registry = build_registry()
    listed = [r["code"] for r in json.loads(cli("rules", "--format", "json").stdout)]
    assert len(listed) == len(set(listed))
    assert set(listed) == set(registry.rules) and set(GENERAL) <= set(listed)


def _rule(name):
    return type(name.replace("-", "_"), (Rule,), {
        "code": "TSTTWIN001", "name": name, "summary": "A rule.", "rationale": "Why.", "fail_example": "[prize]\nconditional = true",
        "pass_example": "[prize]\nconditional = false", "references": (Reference("house rule", None, "U"),),
        "check": lambda self, scenario, context: iter(()),
    })


class Pack:
    def __init__(self, *rules):
        self.rules = list(rules)

    @hookimpl
    def campaignsim_rules(self):
        return self.rules


def test_two_rules_of_one_pack_with_the_same_code_the_first_keeps_it_and_the_second_is_refused_by_name():
    registry = registry_with(("twins", Pack(_rule("first-twin"), _rule("second-twin"))))
    [failure] = registry.failures
    assert failure.plugin == "twins" and "'TSTTWIN001' is already provided by plugin 'twins'" in failure.error
    assert registry.rules["TSTTWIN001"].name == "first-twin"
