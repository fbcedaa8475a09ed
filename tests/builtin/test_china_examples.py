"""Every China-pack rule's documented examples do what they say: the failing one fires, the passing
one does not (each merged onto the minimal scenario, as `campaignsim explain` readers would use them)."""

import pytest

from campaignsim.plugin.manager import get_registry
from campaignsim.testing import assert_fires, assert_passes

PACKS = ("WX", "WB", "XHS", "DY", "CN-LAW")
RULES = sorted(code for code in get_registry().rules if code.startswith(PACKS))


def test_the_china_packs_are_loaded():
    assert {"WX001", "WB001", "XHS001", "DY001", "CN-LAW001"} <= set(RULES)


@pytest.mark.parametrize("code", RULES)
def test_fail_example_fires(code):
    assert_fires(code, get_registry().rules[code].fail_example)


@pytest.mark.parametrize("code", RULES)
def test_pass_example_passes(code):
    assert_passes(code, get_registry().rules[code].pass_example)
