"""Each built-in pack lists its rule modules in its rules hook: none forgotten, no helper imported as a rule."""

import importlib
import pkgutil

import pytest

from campaignsim.builtin import _pack
from campaignsim.lint.rule import Rule

PACKS = sorted(info.name for info in pkgutil.iter_modules(importlib.import_module("campaignsim.builtin").__path__)
               if info.ispkg)


def _defined_rules(module) -> list:
    """The rules a module defines: Rule subclasses with a code (a shared base class such as the
    Australian permit rules' has none and is not a rule)."""
    return [v for v in vars(module).values()
            if isinstance(v, type) and issubclass(v, Rule) and v is not Rule and v.__module__ == module.__name__
            and getattr(v, "code", None)]


@pytest.mark.parametrize("pack", PACKS)
def test_the_rules_hook_returns_the_rule_of_every_module_of_the_pack_that_defines_one(pack):
    package = importlib.import_module(f"campaignsim.builtin.{pack}")
    listed = package.campaignsim_rules()
    on_disk = []
    for info in pkgutil.iter_modules(package.__path__):
        on_disk += _defined_rules(importlib.import_module(f"{package.__name__}.{info.name}"))
    assert sorted(r.code for r in listed) == sorted(r.code for r in on_disk)
    assert all(r.__module__.rsplit(".", 1)[1] == r.code.lower().replace("-", "_") for r in listed)


def test_a_module_without_exactly_one_rule_is_refused_by_name():
    with pytest.raises(TypeError, match=r"campaignsim\.builtin\.china_law\.money defines 0 rule classes"):
        _pack.rules_hook("campaignsim.builtin.china_law", ("money",))()


def test_every_rule_of_a_built_in_plugin_runs_without_the_third_party_guard():
    """The guard (time limit, checked violations, a snapshot of the scenario) is for third-party rules:
    every rule of campaignsim's own plugins, the simulator's CS003 included, is recognised as its own."""
    from campaignsim.lint.context import OWN_RULE_MODULES
    from campaignsim.plugin.manager import get_registry

    registry = get_registry()
    own = {p.name for p in registry.plugins if p.builtin}
    rules = [rule for code, rule in registry.rules.items() if registry.rule_plugins[code] in own]
    assert "CS003" in {r.code for r in rules}
    assert all(rule.__module__.startswith(OWN_RULE_MODULES) for rule in rules), \
        [r.code for r in rules if not r.__module__.startswith(OWN_RULE_MODULES)]
