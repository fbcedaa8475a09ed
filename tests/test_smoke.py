from campaignsim.plugin.manager import get_registry
from campaignsim.load import load_file


def test_reference_scenario_loads_with_its_variant():
    loaded = load_file("../shared/research/reference-scenario.toml", get_registry())
    assert not loaded.errors
    assert [s.variant for s in loaded.scenarios] == [None, "comment to enter"]
