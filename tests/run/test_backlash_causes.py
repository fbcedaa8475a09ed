"""One backlash figure with two causes: broken reputation rules (a hazard during the campaign,
sim/risk.py) and public complaints about prizes and support (each may set one off after the draw,
sim/operations.py). A badly run campaign must carry a higher backlash risk than a well-run one."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from campaignsim.plugin.manager import get_registry
from campaignsim.runner import run_scenarios

OPERATIONS = "scenarios/weibo_giveaway_operations.toml"


@pytest.fixture(scope="module")
def operations_run(project_root):
    return run_scenarios([project_root / OPERATIONS], get_registry(), runs=40, seed=3)


def test_public_complaints_raise_the_backlash_probability_of_the_badly_run_base(operations_run):
    base, variant = operations_run.runs[0], operations_run.runs[1]
    assert base.sim.per_run["public_complaints"].mean() > 10 * max(variant.sim.per_run["public_complaints"].mean(), 1.0)
    b, v = (run.sim.to_json_dict()["outputs"] for run in (base, variant))
    # no reputation rule is broken here: the whole backlash comes from the public complaints
    assert b["backlash_by_cause"]["broken_rules"] == 0.0
    # about 160 public complaints at 0.3% each (backlash_per_complaint's default): 1 − 0.997^160 ≈ 0.38. Each
    # run fires with its own probability, so the share of runs that fire is within binomial error of their mean.
    runs = len(base.sim.per_run["public_complaints"])
    expected = {}
    for name, run in (("base", base), ("variant", variant)):
        expected[name] = float(np.mean(1.0 - (1.0 - 0.003) ** run.sim.per_run["public_complaints"]))
    assert expected["base"] > 0.3 and expected["base"] > expected["variant"] + 0.2
    error = 3.0 * np.sqrt(expected["base"] * (1.0 - expected["base"]) / runs)
    assert b["backlash_probability"] == b["backlash_by_cause"]["public_complaints"]
    assert abs(b["backlash_probability"] - expected["base"]) <= error
    assert b["backlash_probability"] > v["backlash_probability"]
    base_standing, variant_standing = operations_run.standings[0], operations_run.standings[1]
    assert base_standing.backlash_probability > variant_standing.backlash_probability
    # a backlash set off after the draw leaves the entries in: every run still counts as live
    assert base_standing.entrants_if_live["runs"] == 40


def test_each_run_backlash_is_either_cause_and_the_json_says_what_it_combines(project_root, operations_run):
    per = operations_run.runs[0].sim.per_run
    assert np.array_equal(per["backlash"], per["backlash_rules"] | per["backlash_operations"])
    proc = subprocess.run([sys.executable, "-m", "campaignsim", "run", OPERATIONS, "--runs", "20", "--format", "json"],
                          capture_output=True, text=True, cwd=project_root)
    assert proc.returncode in (0, 1), proc.stderr
    doc = json.loads(proc.stdout)
    sim = doc["simulations"][0]["outputs"]
    assert "broken reputation rules" in sim["backlash_by_cause"]["combines"] and "public complaints" in sim["backlash_by_cause"]["combines"]
    comparison = doc["comparisons"][0]
    assert comparison["backlash_probability"] == doc["simulations"][1]["outputs"]["backlash_probability"]


def test_broken_rules_and_public_complaints_add_up_to_one_figure(project_root):
    """A hot-topic giveaway (GEN009) that also ships late: the figure is P(either), above each cause."""
    from campaignsim.load import load_text
    from campaignsim.runner import takedown_codes
    from campaignsim.sim import simulate

    text = (project_root / OPERATIONS).read_text(encoding="utf-8")
    assert "[content]" not in text
    text += '\n[content]\nhot_topics = ["#TyphoonDoksuri"]\nhashtags = ["#AnniversaryGiftSet"]\n'
    registry = get_registry()
    loaded = load_text(text, registry, "hot.toml")
    assert not loaded.errors, loaded.errors
    scenario = loaded.scenarios[0]
    codes = takedown_codes(scenario, registry)
    assert "GEN009" in codes
    result = simulate(scenario, registry=registry, runs=60, seed=1, takedown_codes=codes)
    causes = result.to_json_dict()["outputs"]["backlash_by_cause"]
    p = result.to_json_dict()["outputs"]["backlash_probability"]
    assert causes["broken_rules"] > 0 and causes["public_complaints"] > 0
    assert p == pytest.approx(causes["broken_rules"] + causes["public_complaints"] - causes["both"], abs=1e-5)
    assert p >= max(causes["broken_rules"], causes["public_complaints"])
