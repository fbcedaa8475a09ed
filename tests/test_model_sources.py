"""Model honesty: every default the simulator takes from a built-in platform or action says where
it comes from, a source or an assumption."""

import pytest

from campaignsim.model.extension import FRICTION_FIELDS, SIM_FIELDS
from campaignsim.plugin.manager import build_registry

REGISTRY = build_registry(include_third_party=False)


@pytest.mark.parametrize("name", sorted(REGISTRY.platforms))
def test_every_platform_default_has_a_source_or_an_assumption(name):
    sources = dict(REGISTRY.platforms[name].sim.sources)
    missing = [field for field in SIM_FIELDS if not sources.get(field)]
    assert not missing, f"{name}: no source or assumption for {missing}"
    assert all("[" in note for note in sources.values()), "each note carries its verification mark ([V], [S] or [U])"


@pytest.mark.parametrize("name", sorted(REGISTRY.actions))
def test_every_action_friction_figure_has_a_source_or_an_assumption(name):
    sources = dict(REGISTRY.actions[name].sources)
    missing = [field for field in FRICTION_FIELDS if not sources.get(field)]
    assert not missing, f"{name}: no source or assumption for {missing}"
