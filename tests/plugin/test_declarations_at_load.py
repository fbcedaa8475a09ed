"""Every declaration a plugin makes is checked when it loads: a bad one is refused, naming the plugin
and the declaration; the plugin's other declarations, the other plugins and every built-in rule stay."""

import math

import pytest

from campaignsim.lint.rule import Enforcement, Reference, Rule, RuleOption
from campaignsim.model import ActionSpec, ExtraField, PlatformSpec, SimDefaults
from campaignsim.plugin import hookimpl
from campaignsim.plugin.manager import build_registry
from campaignsim.schema import build_schema
from campaignsim.testing import PluginLoadError, registry_with


@pytest.fixture(scope="module")
def builtin_codes():
    return set(build_registry(include_third_party=False).rules)


class Good(Rule):
    code = "BILI001"
    name = "bilibili-good-rule"
    summary = "A complete rule."
    rationale = "It says why."
    fail_example = "[campaign]\nname = 'x'"
    pass_example = "[campaign]\nname = 'y'"
    references = (Reference("a source", "https://example.org", "S"),)

    def check(self, scenario, context):
        return ()


def _rule(**changes):
    return type("Changed", (Good,), changes)


def platform(**sim):
    return PlatformSpec(name="bilibili", title="Bilibili", sim=SimDefaults(**sim))


class Plugin:
    def __init__(self, rules=(), platforms=(), actions=()):
        self._rules, self._platforms, self._actions = list(rules), list(platforms), list(actions)

    @hookimpl
    def campaignsim_rules(self):
        return self._rules

    @hookimpl
    def campaignsim_platforms(self):
        return self._platforms

    @hookimpl
    def campaignsim_actions(self):
        return self._actions


def refused(registry, plugin="bad"):
    return [f for f in registry.failures if f.plugin == plugin and f.refused]


@pytest.mark.parametrize("sim, phrase", [
    ({"attention_kernel": "power_law"}, "sim.attention_kernel must be one of exponential, power, got 'power_law'"),
    ({"reach_per_follower": 5.0}, "sim.reach_per_follower must be at most 1"),
    ({"friend_reach": -1}, "sim.friend_reach must be at least 0"),
    ({"attention_half_life_hours": 0}, "sim.attention_half_life_hours must be at least 0.01"),
    ({"share_delay_hours": math.nan}, "sim.share_delay_hours must be a finite number"),
])
def test_a_platform_with_bad_simulation_defaults_is_refused_by_name_and_the_rest_stays(sim, phrase, builtin_codes):
    registry = registry_with(("bad", Plugin(rules=[Good], platforms=[platform(**sim)])), ("good", Plugin(platforms=[
        PlatformSpec(name="kakaotalk", title="KakaoTalk")])))
    [failure] = refused(registry)
    assert failure.render().startswith("plugin 'bad' was refused in campaignsim_platforms: platform 'bilibili': ")
    assert phrase in failure.error
    assert registry.platform("bilibili") is None and registry.platform("kakaotalk") is not None
    assert "BILI001" in registry.rules  # the plugin's good declarations stay
    assert builtin_codes <= set(registry.rules)


@pytest.mark.parametrize("changes, phrase", [
    ({"completion_probability": 1.7}, "completion_probability must be at most 1"),
    ({"effort_minutes": -3}, "effort_minutes must be at least 0"),
    ({"free_fields": 1.5}, "free_fields must be a whole number"),
    ({"fields": ("count", "colour")}, "'colour' is not a step key"),
    ({"extra_fields": (ExtraField("danmaku", "float64", "Bullet comments."),)}, "type must be one of int, float, bool, str, got 'float64'"),
    ({"extra_fields": (ExtraField("danmaku", "list", "Bullet comments."),)}, "got 'list'"),
    ({"extra_fields": (ExtraField("danmaku", "int", ""),)}, "doc is required"),
])
def test_an_action_with_bad_friction_or_extra_keys_is_refused(changes, phrase):
    registry = registry_with(("bad", Plugin(actions=[ActionSpec(name="bullet_comment", summary="Send a bullet comment.", **changes)])))
    [failure] = refused(registry)
    assert "action 'bullet_comment'" in failure.error and phrase in failure.error
    assert registry.action("bullet_comment") is None
    build_schema(registry)  # the editor schema still builds for everybody


def _prior(*args, **kwargs):
    from campaignsim.model.simparams import Prior

    return Prior(*args, **kwargs)


@pytest.mark.parametrize("priors, phrase", [
    ((("reach_per_follower", _prior("lognormal", "a guess [U]", factor=20.0)),),
     "sim.priors['reach_per_follower']: its 90% range 0.005–2 goes outside the field's bounds 0 to 1"),
    ((("attention_half_life_hours", _prior("lognormal", "a study [S]", low=10.0, high=20.0)),),
     "sim.priors['attention_half_life_hours']: the value 6 lies outside its own 90% range 10–20"),
    ((("share_delay_hours", _prior("lognormal", "no mark at all", factor=2.0)),), "the source must carry its mark"),
    ((("attention_kernel", _prior("uniform", "[U]", low=0.0, high=1.0)),), "attention_kernel is a switch, its prior must be fixed"),
    ((("followers", _prior("fixed", "fixed: a definition")),), "sim.priors: 'followers' is not a field it can give a prior for"),
    ((("friend_reach", 2.0),), "sim.priors['friend_reach'] must be a campaignsim.model.simparams.Prior, got 2.0"),
    ((("friend_reach", _prior("lognormal", "   ", factor=2.0)),), "needs a source"),
    ("friend_reach", "sim.priors must be (field, Prior) pairs"),
])
def test_a_platform_with_a_bad_prior_is_refused_by_name(priors, phrase):
    registry = registry_with(("bad", Plugin(rules=[Good], platforms=[platform(priors=priors)])))
    [failure] = refused(registry)
    assert phrase in failure.error, failure.error
    assert registry.platform("bilibili") is None and "BILI001" in registry.rules


def test_sound_priors_load_and_are_drawn_from():
    from campaignsim.model.simparams import platform_prior

    half_life = _prior("lognormal", "one quoted study [S]", factor=2.0)
    action = ActionSpec(name="bullet_comment", summary="Send a bullet comment.", completion_probability=0.8,
                        priors=(("completion", _prior("logitnormal", "a survey [S]", factor=2.0)),
                                ("delay", _prior("fixed", "fixed: immediate by design"))))
    registry = registry_with(("good", Plugin(platforms=[platform(priors=(("attention_half_life_hours", half_life),
                                                                         ("attention_kernel", _prior("fixed", "fixed: a choice"))))],
                                             actions=[action])))
    assert not registry.failures
    assert platform_prior("attention_half_life_hours", registry.platform("bilibili").sim) is half_life
    assert dict(registry.action("bullet_comment").priors)["completion"].factor == 2.0


@pytest.mark.parametrize("priors, phrase", [
    ((("completion", _prior("lognormal", "a guess [U]", factor=3.0)),), "priors['completion']: its 90% range 0.3–2.7 goes outside"),
    ((("speed", _prior("fixed", "fixed: a definition")),), "priors: 'speed' is not a field it can give a prior for"),
    ((("effort", _prior("lognormal", "a guess", factor=2.0)),), "the source must carry its mark"),
    ((("completion", _prior("logitnormal", "[U]", low=0.95, high=0.99)),), "the value 0.9 lies outside its own 90% range"),
])
def test_an_action_with_a_bad_prior_is_refused(priors, phrase):
    registry = registry_with(("bad", Plugin(actions=[ActionSpec(name="bullet_comment", summary="Send a bullet comment.", priors=priors)])))
    [failure] = refused(registry)
    assert "action 'bullet_comment'" in failure.error and phrase in failure.error, failure.error
    assert registry.action("bullet_comment") is None


def test_every_built_in_platform_and_action_prior_passes_the_load_checks():
    from campaignsim.plugin.declarations import action_problems, platform_problems

    registry = build_registry(include_third_party=False)
    assert all(registry.platform(n).sim.priors for n in ("x", "facebook", "instagram"))  # the ones that declare priors
    for spec in registry.platforms.values():
        assert platform_problems(spec) == [], spec.name
    for spec in registry.actions.values():
        assert action_problems(spec) == [], spec.name


@pytest.mark.parametrize("changes, phrase", [
    ({"code": "bl-x"}, "code must be a string like ACME001"),
    ({"code": 5}, "code must be a string like ACME001"),
    ({"name": "Not Kebab"}, "name must be kebab-case"),
    ({"summary": ""}, "summary is required"),
    ({"fail_example": ""}, "fail_example is required"),
    ({"pass_example": ""}, "pass_example is required"),
    ({"references": ()}, "references must be a non-empty tuple of Reference values"),
    ({"references": ("https://example.org",)}, "references must be a non-empty tuple of Reference values"),
    ({"severity": "fatal"}, "severity must be one of info, warning, error, got 'fatal'"),
    ({"platforms": "weibo"}, "platforms must be a tuple of strings"),
    ({"options": (RuleOption("limit", "int", "ten", "A limit."),)}, "option 'limit': the default must be an int"),
    ({"enforcement": 2.0}, "enforcement must be an Enforcement value or None"),
    ({"enforcement": Enforcement(weight=-1.0)}, "enforcement.weight must be at least 0"),
    ({"enforcement": Enforcement(weight=math.inf)}, "enforcement.weight must be a finite number"),
    ({"enforcement": Enforcement(weight=1e6)}, "enforcement.weight must be at most 100"),
    ({"enforcement": Enforcement(kind="ban")}, "enforcement.kind must be one of takedown, backlash, got 'ban'"),
    ({"enforcement": Enforcement(family="Induced Sharing")}, "enforcement.family must be kebab-case"),
    ({"enforcement": Enforcement(source="")}, "enforcement.source is required"),
])
def test_a_rule_with_a_bad_declaration_is_refused(changes, phrase, builtin_codes):
    registry = registry_with(("bad", Plugin(rules=[_rule(**changes)])))
    [failure] = refused(registry)
    assert failure.stage == "campaignsim_rules" and phrase in failure.error
    assert set(registry.rules) == builtin_codes


def test_a_rule_with_a_sound_enforcement_loads_and_carries_it():
    declared = Enforcement(weight=0.5, kind="backlash", family="bili-bait", source="[U]")
    registry = registry_with(("good", Plugin(rules=[_rule(enforcement=declared)])))
    assert refused(registry, "good") == []
    assert registry.rules["BILI001"].enforcement == declared


def test_every_built_in_enforcement_passes_the_load_checks():
    from campaignsim.lint.rule import enforcement_problems

    declared = {code: rule.enforcement for code, rule in build_registry(include_third_party=False).rules.items() if rule.enforcement}
    assert {"WX001", "WX002", "WX003", "WX004", "GEN006", "GEN009"} <= set(declared)
    assert {code: enforcement_problems(e) for code, e in declared.items() if enforcement_problems(e)} == {}


def test_registry_with_strict_raises_for_the_plugin_under_test_with_every_refusal():
    with pytest.raises(PluginLoadError, match="attention_kernel"):
        registry_with(("bad", Plugin(platforms=[platform(attention_kernel="power_law")])), strict=True)


def test_an_extra_field_validate_that_raises_is_a_located_load_error_naming_the_plugin():
    def explode(value):
        raise ZeroDivisionError("no")

    spec = PlatformSpec(name="bilibili", title="Bilibili", extra_fields=(ExtraField("danmaku", "int", "Bullet comments.", validate=explode),))
    registry = registry_with(("bili", Plugin(platforms=[spec])))
    from campaignsim.load import load_text
    from campaignsim.testing import minimal_scenario

    text = minimal_scenario("bilibili", registry=registry).replace('name = "bilibili"\n', 'name = "bilibili"\ndanmaku = 3\n')
    errors = load_text(text, registry, path="s.toml").errors
    assert [e.key for e in errors] == ["platform.danmaku"]
    assert "plugin 'bili'" in errors[0].message and "ZeroDivisionError: no" in errors[0].message
    assert errors[0].line == text.splitlines().index("danmaku = 3") + 1


def test_an_unknown_hook_name_is_reported_rather_than_ignored():
    class Typo:
        @hookimpl
        def campaignsim_rule(self):  # one letter short
            return [Good]

    registry = registry_with(("typo", Typo()))
    [failure] = [f for f in registry.failures if f.plugin == "typo"]
    assert failure.stage == "campaignsim_rule" and "no such hook" in failure.error and "campaignsim_rules" in failure.error


BAD_PLATFORMS = '''
from campaignsim.model import PlatformSpec, SimDefaults
from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_platforms():
    return [PlatformSpec(name="bilibili", title="Bilibili", sim=SimDefaults(attention_kernel="power_law")),
            PlatformSpec(name="kuaishou", title="Kuaishou", sim=SimDefaults(reach_per_follower=-0.5))]
'''


def test_cli_a_plugin_with_a_bad_kernel_and_a_negative_reach_is_refused_by_name_and_every_built_in_rule_remains(cli, site, fake_distribution,
                                                                                                                  builtin_codes):
    import json

    fake_distribution(site, "cstest-badplatforms", {"badplatforms": "cstest_badplatforms"}, {"cstest_badplatforms": BAD_PLATFORMS})
    result = cli("rules", "--format", "json", pythonpath=site)
    lines = result.stderr.splitlines()
    assert "campaignsim: plugin 'badplatforms' was refused in campaignsim_platforms: platform 'bilibili': sim.attention_kernel must be one of " \
           "exponential, power, got 'power_law'" in lines
    assert any(line.startswith("campaignsim: plugin 'badplatforms' was refused in campaignsim_platforms: platform 'kuaishou': "
                               "sim.reach_per_follower must be at least 0") for line in lines)
    assert builtin_codes <= {r["code"] for r in json.loads(result.stdout)}
    assert result.returncode == 2 and "Traceback" not in result.stderr
    schema = cli("schema", pythonpath=site)
    assert schema.returncode == 2 and json.loads(schema.stdout)["$schema"]
