"""run and compare with parameter draws: the verdict and p_better come from paired runs that share
parameter draw j and seed j, so the comparison stays sharp while the absolute figures widen into
prediction intervals; --fixed-parameters gives the Monte-Carlo-only numbers."""

import json
import subprocess
import sys

import numpy as np
import pytest

from campaignsim.plugin.manager import get_registry
from campaignsim.report.summary import output_rows
from campaignsim.runner import run_scenarios


@pytest.fixture(scope="module")
def drawn_run(reference_path):
    return run_scenarios([reference_path], get_registry(), runs=60, seed=7, parameters="prior")


def _width(stat):
    return stat["p95"] - stat["p05"]


def test_p_better_stays_sharp_with_parameter_draws_while_the_entrants_interval_widens(drawn_run, reference_run):
    (drawn,) = drawn_run.comparisons
    (fixed,) = reference_run.comparisons
    assert drawn.variant.label == "comment to enter"
    assert drawn.p_better is not None and drawn.p_better > 0.9, drawn.p_better
    assert drawn.entrants.low > 0 and drawn.verdict.startswith("comment to enter: launchable; fixes WX001, WX002, WX003; +")
    assert drawn_run.recommendation.variant == "comment to enter"
    # the absolute forecast is much less certain once the parameters are drawn
    wide, narrow = drawn.variant.sim.summary("entrants"), fixed.variant.sim.summary("entrants")
    assert _width(wide) > 5 * _width(narrow), (wide, narrow)


def test_the_paired_runs_carry_the_same_parameter_draw_in_base_and_variant(drawn_run):
    base, variant = drawn_run.runs
    assert base.sim.uncertainty == variant.sim.uncertainty == "prior"
    shared = set(base.sim.parameter_draws) & set(variant.sim.parameter_draws)
    assert {"base_entry_rate", "effort_sensitivity", "reach_per_follower", "backlash_per_complaint"} <= shared
    for name in shared:
        assert np.array_equal(base.sim.parameter_draws[name], variant.sim.parameter_draws[name]), name
    # each run's draw differs from the next: the outer loop really varies the parameters
    assert len(set(base.sim.parameter_draws["base_entry_rate"])) == base.sim.runs


def test_run_json_and_table_label_prediction_intervals_and_show_impressions(drawn_run, reference_run):
    doc = drawn_run.to_json_dict()
    sim = doc["simulations"][1]
    assert sim["interval"] == "prediction" and sim["parameter_uncertainty"]["mode"] == "prior"
    assert sim["outputs"]["entrants"]["interval"].startswith("90% prediction interval")
    assert "prediction interval" in doc["comparisons"][0]["entrants_if_live"]["interval"]
    fixed = reference_run.to_json_dict()["simulations"][1]
    assert fixed["interval"] == "runs" and fixed["outputs"]["entrants"]["interval"] == "5th–95th percentile of the runs"
    for s in (sim, fixed):
        impressions, reach = s["outputs"]["impressions"], s["outputs"]["exposed"]
        assert impressions["mean"] >= reach["mean"] > 0
        assert "backlash_probability" in s["outputs"] and "on_time_share" in s["outputs"]  # beside the risk and operations outputs
    header, rows = output_rows(drawn_run)
    labels = [r[0] for r in rows]
    assert "impressions (views)" in labels and "reach (people exposed)" in labels and "prizes on time" in labels


def test_reports_name_the_prediction_interval_only_when_parameters_are_drawn(drawn_run, reference_run):
    from campaignsim.report import charts
    from campaignsim.report.markdown import render_markdown

    drawn, fixed = render_markdown(drawn_run, {}), render_markdown(reference_run, {})
    assert "Mean of the runs, with the 90% prediction interval: parameters drawn from the priors" in drawn
    assert "prediction interval" not in fixed and "with the 5th–95th percentile of the runs in brackets" in fixed
    assert "prediction interval" in charts.caption("support-queue", drawn_run)
    assert "prediction interval" not in charts.caption("support-queue", reference_run)


def _cli(args, cwd):
    proc = subprocess.run([sys.executable, "-m", "campaignsim", *args], capture_output=True, text=True, cwd=cwd)
    assert "Traceback" not in proc.stderr
    return proc


def test_cli_run_draws_parameters_by_default_and_fixed_parameters_reproduces_monte_carlo_only(reference_path, project_root):
    common = ["run", str(reference_path), "--runs", "12", "--seed", "5", "--jobs", "1", "--format", "json"]
    drawn = _cli(common, project_root)
    fixed = _cli([*common, "--fixed-parameters"], project_root)
    assert drawn.returncode == 0 and fixed.returncode == 0, drawn.stderr + fixed.stderr
    drawn_doc, fixed_doc = json.loads(drawn.stdout), json.loads(fixed.stdout)
    assert all(s["interval"] == "prediction" for s in drawn_doc["simulations"])
    assert all(s["interval"] == "runs" and s["parameter_uncertainty"]["mode"] == "fixed" for s in fixed_doc["simulations"])
    # --fixed-parameters gives exactly what the Monte-Carlo-only API gives
    api = run_scenarios([reference_path], get_registry(), runs=12, seed=5, parameters="fixed")
    for s, r in zip(fixed_doc["simulations"], api.runs):
        assert s["outputs"]["entrants"]["mean"] == r.sim.summary("entrants")["mean"]
    assert [c["p_better"] for c in fixed_doc["comparisons"]] == [c.p_better for c in api.comparisons]
    text = _cli(["run", str(reference_path), "--runs", "6", "--jobs", "1"], project_root)
    assert text.returncode == 0 and "prediction interval" in text.stdout
