"""Plugin keys reach the simulator: a plugin action's completion depends on its platform's keys
through the campaignsim_step_friction hook, the way the built-in "comments switched off" does."""

import pytest

from campaignsim.model import ActionSpec, ExtraField, PlatformSpec, StepFriction
from campaignsim.plugin import hookimpl
from campaignsim.sim.config import SimulationConfigError, build_config
from campaignsim.testing import minimal_scenario, registry_with, scenario_from_string


class Bilibili:
    @hookimpl
    def campaignsim_platforms(self):
        return [PlatformSpec(name="bilibili", title="Bilibili", account_kinds=("uploader",), jurisdictions=("CN",),
                             extra_fields=(ExtraField("danmaku_enabled", "bool", "Bullet comments are switched on for the video."),))]

    @hookimpl
    def campaignsim_actions(self):
        return [ActionSpec(name="bullet_comment", summary="Send a bullet comment (弹幕) on the campaign video.",
                           effort_minutes=0.5, completion_probability=0.8, public=True)]

    @hookimpl
    def campaignsim_step_friction(self, scenario, step):
        if step.action == "bullet_comment" and scenario.platform.extra("danmaku_enabled") is False:
            return StepFriction(completion=0.0, note="bullet comments are switched off (platform.danmaku_enabled = false)")
        return None


@pytest.fixture(scope="module")
def registry():
    return registry_with(("bili", Bilibili()), strict=True)


def config(registry, platform_keys: str, simulation: str = ""):
    base = minimal_scenario("bilibili", registry=registry)
    toml = f'[platform]\nname = "bilibili"\naccount = "uploader"\n{platform_keys}\n[[entry.steps]]\naction = "bullet_comment"\n{simulation}'
    return build_config(scenario_from_string(toml, base=base, registry=registry).base, registry)


def test_a_plugin_action_nobody_can_complete_when_its_platform_key_switches_it_off(registry):
    on, off = config(registry, "danmaku_enabled = true"), config(registry, "danmaku_enabled = false")
    assert on.steps[0].completion == pytest.approx(0.8)
    assert off.steps[0].completion == 0.0
    assert "entry.steps[0]: bullet comments are switched off (platform.danmaku_enabled = false)" in off.warnings


def test_a_scenario_simulation_override_wins_over_the_hook(registry):
    cfg = config(registry, "danmaku_enabled = false", "[simulation]\ncompletion_bullet_comment = 0.4\n")
    assert cfg.steps[0].completion == pytest.approx(0.4) and not cfg.warnings


def test_the_built_in_comments_switched_off_is_an_ordinary_use_of_the_hook(registry):
    off = scenario_from_string('[platform]\ncomments_enabled = false\n', registry=registry).base
    cfg = build_config(off, registry)
    assert cfg.steps[0].completion == 0.0
    impls = [name for name, _ in registry.step_friction]
    assert impls == ["campaignsim_core", "bili"]


def test_a_hook_that_raises_stops_the_simulation_with_an_error_naming_the_plugin():
    class Broken:
        @hookimpl
        def campaignsim_step_friction(self):
            raise KeyError("oops")

    registry = registry_with(("broken", Broken()))
    with pytest.raises(SimulationConfigError, match=r"plugin 'broken' raised in campaignsim_step_friction for entry.steps\[0\]") as raised:
        build_config(scenario_from_string("", registry=registry).base, registry)
    assert isinstance(raised.value.__cause__, KeyError)


def test_a_step_a_plugin_switches_off_makes_the_campaign_impossible_with_the_plugins_reason(registry):
    on, off = config(registry, "danmaku_enabled = true"), config(registry, "danmaku_enabled = false")
    assert on.impossible == ()
    assert off.impossible == ("entry step 1 (bullet_comment) cannot be completed by anyone: "
                              "bullet comments are switched off (platform.danmaku_enabled = false)",)
    # the built-in comments-off is the same path: its reason is the hook's note, not a special case
    builtin = build_config(scenario_from_string('[platform]\ncomments_enabled = false\n', registry=registry).base, registry)
    assert len(builtin.impossible) == 1 and "comments are switched off" in builtin.impossible[0]
