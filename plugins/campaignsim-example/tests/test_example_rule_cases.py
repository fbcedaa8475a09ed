"""EX001's data-driven cases (tests/rule_cases/EX001.toml), run through campaignsim.testing.

Copy this file as it is: it runs every ``*.toml`` below ``rule_cases``, one test per case, with ids
``<CODE>_<case>`` (``pytest -k EX001_open_draw``).
"""

from pathlib import Path

import pytest

from campaignsim.plugin.manager import get_registry
from campaignsim.testing import check_rule_case, load_rule_cases, rule_case_params

CASES = Path(__file__).parent / "rule_cases"


@pytest.mark.parametrize("case", rule_case_params(CASES))
def test_rule_case(case):
    check_rule_case(case)


def test_every_rule_of_the_plugin_has_a_firing_and_a_passing_case():
    registry = get_registry()
    ours = {code for code, plugin in registry.rule_plugins.items() if plugin == "campaignsim_example"}
    assert ours, "campaignsim_example provides no rules: is the plugin installed (pip install -e .)?"
    covered: dict[str, set[bool]] = {}
    for file in CASES.glob("*.toml"):
        for case in load_rule_cases(file):
            covered.setdefault(case.rule, set()).add(case.fires)
    assert {code for code in ours if covered.get(code) != {True, False}} == set()
