"""The plugin layer sits below the linter: it finds and checks what plugins declare without
importing campaignsim.lint. Rules are the linter's, and so is their check, which campaignsim.lint.rule
hands to the manager when it defines the Rule base class."""

from __future__ import annotations

import subprocess
import sys

from campaignsim.plugin import hookimpl, manager


def test_the_plugin_layer_imports_nothing_of_the_linter():
    code = ("import sys, campaignsim.plugin.manager, campaignsim.plugin.declarations, campaignsim.plugin.hookspecs\n"
            "print(sorted(m for m in sys.modules if m.startswith('campaignsim.lint.')))")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"


def test_rules_are_checked_by_the_linter_once_it_is_imported():
    from campaignsim.lint.rule import rule_problems

    assert manager._rule_check is rule_problems
    registry = manager.build_registry(include_third_party=False, extra_plugins=[("odd", _OddPlugin())])
    refused = [f.render() for f in registry.failures if f.plugin == "odd"]
    assert refused == ["plugin 'odd' was refused in campaignsim_rules: rule None ('not a rule'): "
                       "campaignsim_rules must return Rule subclasses, got 'not a rule'"]


def test_without_the_linter_nothing_is_admitted_as_a_rule(monkeypatch):
    monkeypatch.setattr(manager, "_rule_check", None)
    assert manager._rule_problems(int) == ["campaignsim_rules must return Rule subclasses, got <class 'int'>"]


class _OddPlugin:
    @hookimpl
    def campaignsim_rules(self):
        return ["not a rule"]
