"""A variant reuses the base's unchanged tables; the result must equal structuring it from scratch."""

from campaignsim.load import load_text, merge
from campaignsim.load.convert import to_scenario
from campaignsim.plugin.manager import get_registry
from campaignsim.testing import MINIMAL_SCENARIO

VARIANTS = """
[[variants]]
name = "comment only"
entry.steps = [{ action = "like" }]

[[variants]]
name = "on instagram, no jurisdictions given"
platform = { name = "instagram", account = "business", followers = 9000 }
campaign.jurisdictions = []

[[variants]]
name = "bigger prize"
prize.items = [{ name = "Tea set", value = 1200, currency = "CNY", quantity = 2 }]
"""


def test_variants_equal_their_scratch_structuring():
    registry = get_registry()
    loaded = load_text(MINIMAL_SCENARIO + VARIANTS, registry)
    assert not loaded.errors
    for scenario, table in zip(loaded.scenarios[1:], loaded.variant_tables):
        merged = merge({k: v for k, v in loaded.raw.items() if k != "variants"}, {k: v for k, v in table.items() if k != "name"})
        spec = registry.platform(merged["platform"]["name"])
        scratch = to_scenario(merged, platform_fields={f.name for f in spec.extra_fields},
                              default_jurisdictions=spec.jurisdictions, variant=scenario.variant)
        assert scenario == scratch


def test_a_variant_on_another_platform_takes_that_platforms_default_jurisdictions():
    loaded = load_text(MINIMAL_SCENARIO + VARIANTS, get_registry())
    instagram = next(s for s in loaded.scenarios if s.variant == "on instagram, no jurisdictions given")
    assert instagram.campaign.jurisdictions == ("US",)
    assert loaded.scenarios[0].campaign.jurisdictions == ("CN",)
    # an unchanged table is the very same value as the base's
    assert loaded.scenarios[1].fulfilment is loaded.scenarios[0].fulfilment
