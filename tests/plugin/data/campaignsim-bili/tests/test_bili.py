from pathlib import Path

import pytest

from campaignsim.testing import (assert_fires, assert_passes, assert_reads, check_rule_case, load_rule_cases, minimal_scenario,
                                 registry_with, rule_case_params)

from campaignsim_bili import plugin

REGISTRY = registry_with(("campaignsim_bili", plugin), strict=True)
BASE = minimal_scenario("bilibili", registry=REGISTRY)
CASES = Path(__file__).parent / "rule_cases"


@pytest.mark.parametrize("case", rule_case_params(CASES))
def test_rule_case(case):
    check_rule_case(case, registry=REGISTRY)


def test_every_rule_has_a_firing_and_a_passing_case():
    covered = {}
    for file in CASES.glob("*.toml"):
        for case in load_rule_cases(file):
            covered.setdefault(case.rule, set()).add(case.fires)
    assert covered == {"BILI001": {True, False}, "BILI002": {True, False}}


def test_bullet_comment_needs_danmaku():
    assert_fires("BILI001", """
        [platform]
        danmaku_enabled = false
        [[entry.steps]]
        action = "bullet_comment"
    """, base=BASE, registry=REGISTRY)
    assert_passes("BILI001", '[[entry.steps]]\naction = "bullet_comment"\n', base=BASE, registry=REGISTRY)


def test_rules_read_what_they_declare():
    assert_reads("BILI001", '[platform]\ndanmaku_enabled = false\n[[entry.steps]]\naction = "bullet_comment"\n', base=BASE, registry=REGISTRY)
    assert_reads("BILI002", "[platform]\nvideo_minutes = 25\n", base=BASE, registry=REGISTRY)


def test_a_typo_in_an_extra_key_is_an_error():
    from campaignsim.testing import scenario_from_string

    platform = scenario_from_string("", base=BASE, registry=REGISTRY).base.platform
    with pytest.raises(KeyError):
        platform.extra("danmaku_enable")


def test_the_simulator_sees_danmaku_off():
    from campaignsim.sim.config import build_config
    from campaignsim.testing import scenario_from_string

    steps = '[[entry.steps]]\naction = "bullet_comment"\n'
    off = scenario_from_string("[platform]\ndanmaku_enabled = false\n" + steps, base=BASE, registry=REGISTRY).base
    assert build_config(off, REGISTRY).steps[0].completion == 0.0
