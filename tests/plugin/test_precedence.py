"""Precedence: the built-in packs load first, then third-party plugins by name; a plugin replaces a
rule, platform, action or exchange rate only when it says so, and an accidental clash refuses the
newcomer's declaration and nothing else."""

import json

import attrs
import pytest

from campaignsim.lint.rule import Reference, Rule
from campaignsim.model import ActionSpec, PlatformSpec
from campaignsim.plugin import hookimpl, replacing
from campaignsim.plugin.manager import build_registry
from campaignsim.testing import assert_fires, registry_with


class Dup(Rule):
    code = "GEN011"
    name = "my-response-rule"
    summary = "A stricter response-time rule."
    rationale = "Ours."
    fail_example = "[fulfilment]\nresponse_time_hours = 13"
    pass_example = "[fulfilment]\nresponse_time_hours = 2"
    references = (Reference("house rule", None, "U"),)

    def check(self, scenario, context):
        hours = scenario.fulfilment.response_time_hours
        if hours is None or hours > 4:
            yield self.violation("fulfilment.response_time_hours", "answer within 4 hours")


class Replacing(Dup):
    replaces = "GEN011"


class Plugin:
    def __init__(self, rules=(), platforms=(), actions=(), rates=None):
        self._rules, self._platforms, self._actions, self._rates = list(rules), list(platforms), list(actions), rates

    @hookimpl
    def campaignsim_rules(self):
        return self._rules

    @hookimpl
    def campaignsim_platforms(self):
        return self._platforms

    @hookimpl
    def campaignsim_actions(self):
        return self._actions

    @hookimpl
    def campaignsim_exchange_rates(self):
        return self._rates


@pytest.fixture(scope="module")
def builtin():
    return build_registry(include_third_party=False)


def test_a_duplicate_built_in_code_is_refused_and_blamed_on_the_newcomer_and_the_pack_stays_whole(builtin):
    registry = registry_with(("acme", Plugin(rules=[Dup])))
    [failure] = registry.failures
    assert failure.plugin == "acme" and failure.refused
    assert "'GEN011' is already provided by plugin 'campaignsim_general'" in failure.error and "replaces = 'GEN011'" in failure.error
    assert registry.rules == builtin.rules and registry.rule_plugins["GEN011"] == "campaignsim_general"
    assert {"GEN011", "GEN012", "GEN013", "GEN014"} <= set(registry.rules)


def test_a_rule_that_says_replaces_takes_the_code_and_plugins_lists_what_it_replaced(builtin):
    registry = registry_with(("acme", Plugin(rules=[Replacing])))
    assert registry.failures == []
    assert registry.rules["GEN011"] is Replacing and registry.rule_plugins["GEN011"] == "acme"
    info = next(p for p in registry.plugins if p.name == "acme")
    assert info.provides == {"rules": ["GEN011"]} and info.replaced == {"rules": ["GEN011 (from campaignsim_general)"]}
    assert set(registry.rules) == set(builtin.rules)
    assert_fires("GEN011", "[fulfilment]\nresponse_time_hours = 12", registry=registry, message="4 hours")


def test_replacing_a_code_no_one_provides_is_refused():
    registry = registry_with(("acme", Plugin(rules=[type("R", (Dup,), {"code": "ACME001", "replaces": "GEN999"})])))
    assert "replaces GEN999, which no earlier plugin provides" in registry.failures[0].error


def test_redefining_a_built_in_action_platform_or_rate_is_refused_unless_it_says_replaces(builtin):
    weibo = builtin.platform("weibo")
    comment = builtin.action("comment")
    accidental = Plugin(platforms=[attrs.evolve(weibo, title="Mine")], actions=[attrs.evolve(comment, completion_probability=0.1)],
                        rates={"CNY": 1.0})
    registry = registry_with(("acme", accidental))
    assert sorted(f.error.split(":")[0] for f in registry.failures) == ["action 'comment'", "exchange rate 'CNY'", "platform 'weibo'"]
    assert registry.platform("weibo").title == weibo.title
    assert registry.action("comment").completion_probability == comment.completion_probability
    assert registry.exchange_rates["CNY"] == builtin.exchange_rates["CNY"]

    on_purpose = Plugin(platforms=[attrs.evolve(weibo, title="Mine", replaces="weibo")],
                        actions=[attrs.evolve(comment, completion_probability=0.1, replaces="comment")],
                        rates={"CNY": replacing(7.5)})
    registry = registry_with(("acme", on_purpose))
    assert registry.failures == []
    assert registry.platform("weibo").title == "Mine" and registry.platform_plugins["weibo"] == "acme"
    assert registry.action("comment").completion_probability == 0.1
    assert registry.exchange_rates["CNY"] == 7.5
    info = next(p for p in registry.plugins if p.name == "acme")
    assert info.replaced == {"platforms": ["weibo (from campaignsim_weibo)"], "actions": ["comment (from campaignsim_core)"],
                             "exchange rates": ["CNY (from campaignsim_core)"]}


def test_a_platform_replaced_under_a_new_name_keeps_the_old_name_as_an_alias(builtin):
    registry = registry_with(("acme", Plugin(platforms=[attrs.evolve(builtin.platform("weibo"), name="weibo_intl", aliases=(),
                                                                     replaces="weibo")])))
    assert registry.failures == [] and registry.platform("weibo").name == "weibo_intl"


def test_between_third_party_plugins_the_first_by_name_wins_and_the_second_is_refused():
    first = Plugin(platforms=[PlatformSpec(name="bilibili", title="First")])
    second = Plugin(platforms=[PlatformSpec(name="bilibili", title="Second")])
    registry = registry_with(("aaa", first), ("bbb", second))
    assert registry.platform("bilibili").title == "First"
    assert [(f.plugin, f.refused) for f in registry.failures] == [("bbb", True)]


def test_built_in_packs_load_before_any_third_party_plugin(builtin):
    registry = build_registry()
    order = [p.builtin for p in registry.plugins]
    assert order == sorted(order, reverse=True)  # every built-in pack, then the third-party plugins


DUP_WX = '''
from campaignsim.lint.rule import Reference, Rule
from campaignsim.plugin import hookimpl


class Hijack(Rule):
    code = "WX001"
    name = "hijack"
    summary = "Takes a built-in code."
    rationale = "By accident."
    fail_example = "# x"
    pass_example = "# y"
    references = (Reference("none", None, "U"),)

    def check(self, scenario, context):
        return ()


@hookimpl
def campaignsim_rules():
    return [Hijack]
'''


def test_cli_a_third_party_wx001_is_refused_naming_it_and_the_wechat_pack_keeps_its_rules(cli, site, fake_distribution):
    # The name sorts before every built-in pack: its order among distributions must not matter.
    fake_distribution(site, "aaa-hijack", {"aaa_hijack": "aaa_hijack_plugin"}, {"aaa_hijack_plugin": DUP_WX})
    result = cli("rules", "--format", "json", "--select", "WX", pythonpath=site)
    codes = [r["code"] for r in json.loads(result.stdout)]
    assert codes == [f"WX{n:03d}" for n in range(1, 10)]
    assert all(r["plugin"] == "campaignsim_wechat" for r in json.loads(result.stdout))
    assert "plugin 'aaa_hijack' was refused in campaignsim_rules: rule WX001" in result.stderr
    assert "campaignsim_wechat" not in result.stderr.split("already provided by plugin")[0]
    assert result.returncode == 2
    listing = cli("plugins", pythonpath=site)
    assert "aaa_hijack 0.1 (third-party" in listing.stdout


def test_cli_plugins_shows_what_a_plugin_replaced(cli, site, fake_distribution):
    source = DUP_WX.replace('    name = "hijack"', '    name = "hijack"\n    replaces = "WX001"')
    fake_distribution(site, "acme-wx", {"acme_wx": "acme_wx_plugin"}, {"acme_wx_plugin": source})
    result = cli("plugins", pythonpath=site)
    block = result.stdout.split("acme_wx 0.1")[1]
    assert "    rules: WX001" in block and "    replaces rules: WX001 (from campaignsim_wechat)" in block
    assert result.returncode == 0
