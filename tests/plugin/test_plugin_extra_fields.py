"""Keys a plugin declares for its platform or its action load and reach the rules."""

import pytest

from campaignsim.load import ScenarioLoadError
from campaignsim.model import ActionSpec, ExtraField, PlatformSpec
from campaignsim.plugin import hookimpl
from campaignsim.testing import registry_with, scenario_from_string


class Contributions:
    @hookimpl
    def campaignsim_platforms(self):
        return [PlatformSpec(name="kakaotalk", title="KakaoTalk", account_kinds=("channel",), jurisdictions=("KR",),
                             extra_fields=(ExtraField("channel_friends", "int", "Friends of the channel.", ge=0),))]

    @hookimpl
    def campaignsim_actions(self):
        return [ActionSpec(name="quiz", summary="Answer quiz questions.", fields=("count",),
                           extra_fields=(ExtraField("pass_mark", "int", "Correct answers needed.", ge=1, le=50),))]


@pytest.fixture
def registry():
    return registry_with(("contrib", Contributions()))


def test_platform_extra_key_declared_by_a_plugin_loads_into_the_platform(registry):
    loaded = scenario_from_string('[platform]\nname = "kakaotalk"\naccount = "channel"\nchannel_friends = 1200\n', registry=registry)
    assert loaded.base.platform.extra("channel_friends") == 1200


def test_platform_extra_key_out_of_bounds_is_a_load_error(registry):
    with pytest.raises(ScenarioLoadError, match="channel_friends"):
        scenario_from_string('[platform]\nname = "kakaotalk"\naccount = "channel"\nchannel_friends = -1\n', registry=registry)


def test_action_extra_key_declared_by_a_plugin_loads_into_the_step(registry):
    loaded = scenario_from_string('[[entry.steps]]\naction = "quiz"\ncount = 5\npass_mark = 3\n', registry=registry)
    (step,) = loaded.base.entry.steps
    assert step.action == "quiz" and step.count == 5
    assert dict(step.extras) == {"pass_mark": 3}
