"""Shared plumbing of the built-in packs: each pack names its rule modules (one rule per module,
named by its code) and gets its ``campaignsim_rules`` hook from :func:`rules_hook`."""

from __future__ import annotations

import importlib

from campaignsim.lint.rule import Rule
from campaignsim.plugin import hookimpl


def rules_hook(package_name: str, modules: tuple[str, ...]):
    """The ``campaignsim_rules`` hook implementation of a pack: the rule class of each of ``modules``
    (in ``package_name``), imported when the hook is called, in the order given."""

    @hookimpl
    def campaignsim_rules() -> list[type[Rule]]:
        return [_rule_of(f"{package_name}.{name}") for name in modules]

    return campaignsim_rules


def _rule_of(module_name: str) -> type[Rule]:
    module = importlib.import_module(module_name)
    found = [value for value in vars(module).values()
             if isinstance(value, type) and issubclass(value, Rule) and value is not Rule and value.__module__ == module_name]
    if len(found) != 1:
        raise TypeError(f"{module_name} defines {len(found)} rule classes; a pack's rule module defines exactly one")
    return found[0]
