"""The [simulation] table: fixed parameters and the per-action families (completion_<action>, …)."""

import pytest

from campaignsim.load import ScenarioLoadError
from campaignsim.testing import scenario_from_string


def test_per_action_overrides_load():
    loaded = scenario_from_string("[simulation]\ncompletion_comment = 0.5\nbase_entry_rate = 0.3\n")
    assert dict(loaded.base.simulation) == {"completion_comment": 0.5, "base_entry_rate": 0.3}


def test_per_action_override_of_an_unknown_action_suggests_the_known_one():
    with pytest.raises(ScenarioLoadError) as raised:
        scenario_from_string("[simulation]\ncompletion_comentt = 0.5\n")
    assert [e.render() for e in raised.value.errors] == [
        '<string>: simulation.completion_comentt: unknown simulation parameter; did you mean "completion_comment"? '
        "(`campaignsim simulate --help-params` lists them)"]


def test_per_action_override_is_bounded_like_its_family():
    with pytest.raises(ScenarioLoadError) as raised:
        scenario_from_string("[simulation]\ncompletion_share = 2\n")
    assert [e.render() for e in raised.value.errors] == ["<string>: simulation.completion_share: must be a number from 0 to 1, got 2"]
