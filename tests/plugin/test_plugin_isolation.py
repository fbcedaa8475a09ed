"""A broken plugin is reported by name and the rest still works.

"A plugin that fails on import and one that raises inside a hook are each reported by name, while
the built-in rules still produce their findings." Checked through the real command with fake
installed distributions (entry points in the ``campaignsim`` group), and in-process.
"""

import json

import pytest

from campaignsim.lint.config import LintConfig
from campaignsim.lint.engine import lint_paths
from campaignsim.lint.rule import Rule
from campaignsim.plugin import hookimpl
from campaignsim.testing import SketchRule, lint_string, registry_with

BROKEN_IMPORT = '''
raise ImportError("needs libfoo 2.0")
'''

RAISING_HOOK = '''
from campaignsim.model import PlatformSpec
from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_rules():
    raise RuntimeError("rule table missing")


@hookimpl
def campaignsim_platforms():
    return [PlatformSpec(name="kakaotalk", title="KakaoTalk", jurisdictions=("KR",))]
'''

RULES = '''
from campaignsim.lint.rule import Rule
from campaignsim.testing import SketchRule
from campaignsim.plugin import hookimpl


class Boom(SketchRule):
    code = "TSTBOOM001"
    name = "always-raises"
    severity = "error"
    summary = "Raises inside check."

    def check(self, scenario, context):
        return [1 / 0]


class Fine(SketchRule):
    code = "TSTOK001"
    name = "always-fires"
    severity = "warning"
    summary = "Fires on every scenario."

    def check(self, scenario, context):
        yield self.violation("campaign.name", "always fires")


@hookimpl
def campaignsim_rules():
    return [Boom, Fine]
'''


@pytest.fixture
def broken_site(site, fake_distribution):
    fake_distribution(site, "cstest-broken", {"brokenimport": "cstest_broken_import"}, {"cstest_broken_import": BROKEN_IMPORT})
    fake_distribution(site, "cstest-hooks", {"raisinghook": "cstest_raising_hook"}, {"cstest_raising_hook": RAISING_HOOK})
    return site


@pytest.fixture
def rules_site(site, fake_distribution):
    fake_distribution(site, "cstest-rules", {"boomrules": "cstest_rules"}, {"cstest_rules": RULES})
    return site


IMPORT_FAILURE = "campaignsim: plugin 'brokenimport' failed to load: ImportError: needs libfoo 2.0"
HOOK_FAILURE = "campaignsim: plugin 'raisinghook' raised in campaignsim_rules: RuntimeError: rule table missing"


def test_plugins_command_names_the_plugin_that_fails_on_import_and_the_one_whose_hook_raises(cli, broken_site):
    result = cli("plugins", pythonpath=broken_site)
    errors = result.stderr.splitlines()
    assert IMPORT_FAILURE in errors
    assert HOOK_FAILURE in errors
    assert "campaignsim_core 0.1.0 (built-in, campaignsim.builtin.core)" in result.stdout
    assert "raisinghook 0.1 (third-party, cstest_raising_hook)" in result.stdout
    assert result.returncode == 2


def test_a_plugin_whose_rules_hook_raises_still_contributes_its_other_hooks(cli, broken_site):
    data = json.loads(cli("plugins", "--format", "json", pythonpath=broken_site).stdout)
    raising = next(p for p in data["plugins"] if p["name"] == "raisinghook")
    assert raising["provides"] == {"platforms": ["kakaotalk"]}
    assert {(f["plugin"], f["stage"]) for f in data["failures"]} == {("brokenimport", "import"), ("raisinghook", "campaignsim_rules")}


def test_lint_reports_both_broken_plugins_by_name_and_built_in_rules_still_find(cli, broken_site, scenario_with_reasonless_unknown_ignore):
    result = cli("lint", "--select", "CS", str(scenario_with_reasonless_unknown_ignore), pythonpath=broken_site)
    out = result.stdout
    assert "plugin 'brokenimport' failed to load: ImportError: needs libfoo 2.0" in out
    assert "plugin 'raisinghook' raised in campaignsim_rules: RuntimeError: rule table missing" in out
    assert ": CS001 warning ignore of NOSUCH999 gives no reason" in out
    assert ": CS002 warning ignore[NOSUCH999] matches no rule" in out
    assert "2 plugin failures" in out
    assert result.returncode == 2


def test_lint_json_lists_plugin_failures_and_names_them_on_stderr(cli, broken_site, scenario_with_reasonless_unknown_ignore):
    result = cli("lint", "--format", "json", "--select", "CS", str(scenario_with_reasonless_unknown_ignore), pythonpath=broken_site)
    report = json.loads(result.stdout)
    assert {f["plugin"] for f in report["plugin_failures"]} == {"brokenimport", "raisinghook"}
    assert {f["code"] for file in report["files"] for f in file["findings"]} == {"CS001", "CS002"}
    assert IMPORT_FAILURE in result.stderr.splitlines() and HOOK_FAILURE in result.stderr.splitlines()
    assert result.returncode == 2


def test_no_plugins_loads_neither_broken_plugin(cli, broken_site, scenario_with_reasonless_unknown_ignore):
    result = cli("--no-plugins", "lint", "--select", "CS", str(scenario_with_reasonless_unknown_ignore), pythonpath=broken_site)
    assert "brokenimport" not in result.stdout + result.stderr
    assert "raisinghook" not in result.stdout + result.stderr
    assert ": CS001 warning" in result.stdout
    assert result.returncode == 0  # two warnings, below the default --fail-on error
    listing = cli("--no-plugins", "plugins", pythonpath=broken_site)
    assert listing.returncode == 0 and "third-party" not in listing.stdout


def test_plugin_option_loads_only_the_named_third_party_plugin(cli, broken_site):
    only_hooks = cli("--plugin", "raisinghook", "plugins", "--format", "json", pythonpath=broken_site)
    data = json.loads(only_hooks.stdout)
    assert [f["plugin"] for f in data["failures"]] == ["raisinghook"]
    assert not any(p["name"] in {"brokenimport", "campaignsim_example"} for p in data["plugins"])
    assert any(p["name"] == "campaignsim_core" for p in data["plugins"])
    assert only_hooks.returncode == 2


def test_plugin_option_naming_no_installed_plugin_is_a_failure(cli, site):
    result = cli("--plugin", "nosuchplugin", "plugins", pythonpath=site)
    assert "campaignsim: plugin 'nosuchplugin' failed to load: no installed plugin has this name" in result.stderr
    assert result.returncode == 2


def test_rule_that_raises_in_check_is_reported_by_plugin_and_code_and_other_rules_still_run(cli, rules_site, scenario_with_reasonless_unknown_ignore):
    result = cli("--plugin", "boomrules", "lint", "--select", "CS,TST", str(scenario_with_reasonless_unknown_ignore), pythonpath=rules_site)
    out = result.stdout
    assert "plugin 'boomrules' raised in rule TSTBOOM001: ZeroDivisionError: division by zero" in out
    assert ": TSTOK001 warning always fires" in out
    assert ": CS001 warning" in out
    assert result.returncode == 2


# -- in-process, through campaignsim.testing.registry_with ------------------------------------------

class RaisingHooks:
    @hookimpl
    def campaignsim_rules(self):
        raise KeyError("rules")

    @hookimpl
    def campaignsim_actions(self):
        from campaignsim.model import ActionSpec

        return [ActionSpec(name="stamp_card", summary="Collect stamps.")]


class Exploding(SketchRule):
    code = "TSTBOOM002"
    name = "explodes"
    severity = "error"

    def check(self, scenario, context):
        raise ValueError("bad state")


class AlwaysInfo(SketchRule):
    code = "TSTOK002"
    name = "always-informs"
    severity = "info"

    def check(self, scenario, context):
        yield self.violation("campaign.brand", "noted")


class RulePlugin:
    @hookimpl
    def campaignsim_rules(self):
        return [Exploding, AlwaysInfo]


def test_registry_with_names_a_plugin_that_cannot_be_imported_and_keeps_built_in_rules():
    registry = registry_with(("ghost", "cstest_module_that_does_not_exist"))
    assert [(f.plugin, f.stage) for f in registry.failures] == [("ghost", "import")]
    assert "ModuleNotFoundError" in registry.failures[0].error
    assert {"CS001", "CS002"} <= set(registry.rules)


def test_registry_with_names_a_plugin_whose_hook_raises_and_keeps_its_other_hooks():
    registry = registry_with(("hooks", RaisingHooks()))
    assert [(f.plugin, f.stage, f.error) for f in registry.failures] == [("hooks", "campaignsim_rules", "KeyError: 'rules'")]
    assert registry.action("stamp_card") is not None
    assert {"CS001", "CS002"} <= set(registry.rules)


def test_rule_that_raises_is_a_failure_of_its_plugin_while_other_rules_report(scenario_with_reasonless_unknown_ignore):
    registry = registry_with(("exploding", RulePlugin()))
    assert registry.rule_plugins["TSTBOOM002"] == "exploding"
    report = lint_paths([scenario_with_reasonless_unknown_ignore], registry=registry, config=LintConfig(select=("CS", "TST")))
    assert [(f.plugin, f.stage) for f in report.failures] == [("exploding", "rule TSTBOOM002")]
    assert report.failures[0].error == f"ValueError: bad state (in {scenario_with_reasonless_unknown_ignore})"
    assert {f.code for f in report.findings} == {"CS001", "CS002", "TSTOK002"}
    assert report.exit_code() == 2


def test_lint_string_re_raises_the_rule_s_own_exception_with_its_traceback_and_a_note_naming_plugin_and_rule():
    registry = registry_with(("exploding", RulePlugin()))
    with pytest.raises(ValueError, match="bad state") as raised:
        lint_string("", rules=["TSTBOOM002"], registry=registry)
    assert any("plugin 'exploding' raised in rule TSTBOOM002: ValueError: bad state" in note for note in raised.value.__notes__)
    frames = [entry.name for entry in raised.traceback]
    assert "check" in frames  # the traceback reaches into the rule's check
