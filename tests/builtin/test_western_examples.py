"""The Western packs' documented examples do what the docs say: the failing example fires its rule and
the passing one does not (both merged onto testing.MINIMAL_SCENARIO, as a reader would paste them)."""

import pytest

from campaignsim.plugin.manager import get_registry
from campaignsim.testing import assert_fires, assert_passes

WESTERN_PACKS = ("campaignsim_meta", "campaignsim_tiktok", "campaignsim_x", "campaignsim_us_law", "campaignsim_uk_law",
                 "campaignsim_eu_law")

# The examples name a platform without an account kind, or no platform at all; these give the rest.
ACCOUNT_FOR = {"facebook": "page", "instagram": "business", "tiktok": "business", "x": "business", "weibo": "blue_v"}


def _western_rules():
    registry = get_registry({"include_third_party": False})
    return sorted(code for code, plugin in registry.rule_plugins.items() if plugin in WESTERN_PACKS)


def _complete(example: str) -> str:
    """The example with an account kind for its platform, as MINIMAL_SCENARIO's (Weibo's) does not fit."""
    import tomllib

    platform = tomllib.loads(example).get("platform", {}).get("name", "weibo")
    if "[platform]" in example:
        return example.replace("[platform]", f'[platform]\naccount = "{ACCOUNT_FOR[platform]}"', 1)
    return example


def test_every_western_pack_contributes_rules():
    codes = _western_rules()
    for prefix in ("FB", "IG", "META", "TT", "X0", "US", "UK", "EU"):
        assert any(code.startswith(prefix) for code in codes), f"no {prefix} rule registered"


@pytest.mark.parametrize("code", _western_rules())
def test_fail_example_fires(code):
    rule = get_registry({"include_third_party": False}).rules[code]
    assert_fires(code, _complete(rule.fail_example))


@pytest.mark.parametrize("code", _western_rules())
def test_pass_example_passes(code):
    rule = get_registry({"include_third_party": False}).rules[code]
    assert_passes(code, _complete(rule.pass_example))


@pytest.mark.parametrize("code", _western_rules())
def test_references_carry_a_source_and_a_verification_status(code):
    rule = get_registry({"include_third_party": False}).rules[code]
    assert rule.references, f"{code} cites nothing"
    for reference in rule.references:
        assert reference.url or reference.verified == "U", f"{code}: {reference.title} has no URL but claims {reference.verified}"
