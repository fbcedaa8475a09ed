"""Decision-grade verdicts: what is launchable, the recommendation on each path, p_better, and the
cases a campaign manager runs into (a banned base, a campaign nobody can enter)."""

from __future__ import annotations

import json
import subprocess
import sys
from types import SimpleNamespace

import numpy as np
import pytest

from campaignsim.compare import (IMPOSSIBLE, OBJECTIVES, p_better, recommend, rule_diff, standing)
from campaignsim.plugin.manager import get_registry
from campaignsim.runner import run_scenarios

ENTRANTS = OBJECTIVES["entrants"]


def finding(code, severity="error", suggestion=None):
    return SimpleNamespace(code=code, severity=severity, message=f"{code} message", line=1, suggestion=suggestion)


def fake_run(label, entrants, *, errors=(), warnings=0, taken=None, budget=1000.0, impossible=()):
    entrants = np.asarray(entrants, dtype=np.int64)
    n = len(entrants)
    per_run = {"entrants": entrants, "exposed": entrants * 10, "complaints": np.zeros(n, np.int64),
               "taken_down": np.asarray(taken if taken is not None else np.zeros(n), dtype=np.int64),
               "backlash": np.zeros(n, np.int64), "backlash_complaints": np.zeros(n, np.int64)}
    findings = [finding(c) for c in errors] + [finding(f"W{i}", "warning") for i in range(warnings)]
    config = SimpleNamespace(budget=budget, budget_currency="USD", impossible=tuple(impossible))
    return SimpleNamespace(label=label, sim=SimpleNamespace(per_run=per_run, config=config), lint=SimpleNamespace(findings=findings))


def decide(runs, objective=ENTRANTS):
    standings = [standing(r, objective) for r in runs]
    return recommend(runs, standings, objective), standings


RNG = np.random.default_rng(1)
NOISE = RNG.integers(0, 40, 200)


# ------------------------------------------------------------------------------------- verdict paths
def test_all_launchable_recommends_the_best_on_the_objective():
    runs = [fake_run("base", 1000 + NOISE), fake_run("comment", 3000 + NOISE), fake_run("form", 2000 + NOISE)]
    rec, standings = decide(runs)
    assert all(s.launchable for s in standings)
    assert rec.variant == "comment" and rec.closest is None
    assert rec.reason.startswith("comment has the best expected entrants (3,0") and "of the 3 variants that can launch" in rec.reason


def test_none_launchable_names_the_closest_and_what_still_blocks_it():
    runs = [fake_run("base", 5000 + NOISE, errors=["WX001", "WX002", "WX003"]), fake_run("likes", 100 + NOISE, errors=["WX004"]),
            fake_run("both", 9000 + NOISE, errors=["WX004", "CN-LAW002"])]
    rec, standings = decide(runs)
    assert not any(s.launchable for s in standings)
    assert rec.variant is None
    assert rec.closest == "likes" and rec.blocked_by == ("WX004",)  # fewest blockers, though fewest entrants
    assert rec.reason == "No variant can launch as it is. Closest: likes, which still breaks WX004 (WX004 message)."


def test_base_only_launchable_is_recommended_over_bigger_banned_variants():
    runs = [fake_run("base", 1000 + NOISE), fake_run("share", 50_000 + NOISE, errors=["WX001"]),
            fake_run("likes", 9_000 + NOISE, errors=["WX004"])]
    rec, _ = decide(runs)
    assert rec.variant == "base"
    assert "base is the only variant that can launch" in rec.reason
    assert "share (breaks WX001), likes (breaks WX004) cannot" in rec.reason


def test_ties_go_to_fewer_warnings_then_to_the_earlier_variant():
    same = 2000 + NOISE
    rec, _ = decide([fake_run("base", same, warnings=2), fake_run("a", same, warnings=0), fake_run("b", same, warnings=1)])
    assert rec.variant == "a" and set(rec.tied_with) == {"base", "b"}
    assert "cannot tell them apart" in rec.reason
    rec, _ = decide([fake_run("base", same), fake_run("a", same)])
    assert rec.variant == "base" and rec.tied_with == ("a",)
    # a clear difference is not a tie, whatever the warnings
    rec, _ = decide([fake_run("base", same, warnings=3), fake_run("a", same - 500)])
    assert rec.variant == "base" and rec.tied_with == ()


def test_cost_per_entrant_can_prefer_the_cheaper_variant_over_the_larger_one():
    runs = [fake_run("base", 1000 + NOISE, budget=1000.0), fake_run("big", 1500 + NOISE, budget=3000.0)]
    assert decide(runs)[0].variant == "big"
    rec, standings = decide(runs, OBJECTIVES["cost-per-entrant"])
    assert rec.variant == "base" and standings[0].objective_value == pytest.approx(1000.0 / (1000 + NOISE).mean())
    assert f"cost per entrant ({1000.0 / (1000 + NOISE).mean():,.2f} USD)" in rec.reason


def test_a_campaign_nobody_can_enter_is_not_launchable():
    runs = [fake_run("base", np.zeros(200), impossible=["entry.steps[0] (comment) can be completed by nobody"])]
    rec, standings = decide(runs)
    assert not standings[0].launchable and standings[0].blocker_codes == [IMPOSSIBLE]
    assert rec.variant is None and "nobody can enter" in rec.reason


# ------------------------------------------------------------------------------------- risk and diffs
def test_entrants_if_live_leaves_out_the_runs_taken_down():
    taken = np.array([1, 0] * 100)
    entrants = np.where(taken == 1, 0, 7000 + NOISE)
    st = standing(fake_run("base", entrants, errors=["FB001"], taken=taken), ENTRANTS)
    assert st.takedown_probability == 0.5
    live = st.entrants_if_live
    assert live["runs"] == 100 and live["mean"] == pytest.approx(float(entrants[taken == 0].mean()))
    assert live["low"] >= 7000 and live["high"] <= 7040
    assert live["interval"] == "5th–95th percentile of the runs without a takedown or backlash"


def test_p_better_counts_paired_runs_strictly_and_skips_missing_values():
    assert p_better([2, 1, 3, 5], [1, 1, 4, 4]) == 0.5
    assert p_better([2, 1, 3, 5], [1, 1, 4, 4], higher_is_better=False) == 0.25
    assert p_better([np.nan, 2.0], [1.0, 1.0]) == 1.0
    assert p_better([np.nan], [1.0]) is None
    with pytest.raises(ValueError):
        p_better([1, 2], [1])


def test_rule_diff_splits_fixed_introduced_and_shared():
    assert rule_diff(["CN-LAW002", "WX001", "WX002", "WX003"], ["CN-LAW002", "WX004"]) == (
        ["WX001", "WX002", "WX003"], ["WX004"], ["CN-LAW002"])


# ------------------------------------------------------------------------- the cases of the done list
@pytest.fixture(scope="module")
def registry():
    return get_registry()


def test_facebook_tag_and_share_base_loses_to_the_compliant_comment_variant(project_root, registry):
    result = run_scenarios([project_root / "scenarios" / "facebook_tag_two_friends_variants.toml"], registry, runs=60, seed=0)
    base, variant = result.standings
    assert not base.launchable and {"FB001", "FB002", "META001"} <= set(base.blocker_codes)
    assert variant.launchable
    assert result.recommendation.variant == "comment to enter"
    (c,) = result.comparisons
    assert c.rules_fixed == ["FB001", "FB002", "META001"] and c.rules_introduced == [] and c.rules_shared == []
    # The banned base is shown as it is: a takedown probability and the outcome when it survives,
    # not the two-peaked mean as its headline.
    assert base.takedown_probability > 0.3
    assert base.entrants_if_live["mean"] > result.runs[0].sim.per_run["entrants"].mean()
    assert result.exit_code() == 0


def test_reference_wechat_draw_recommends_a_compliant_variant(project_root, registry):
    result = run_scenarios([project_root / "scenarios" / "wechat_lucky_draw_variants.toml"], registry, runs=40, seed=0)
    assert result.recommendation.variant == "comment to enter"
    assert not result.standings[0].launchable
    likes = next(c for c in result.comparisons if c.variant.label == "collect 38 likes")
    assert likes.rules_introduced == ["WX004"] and likes.rules_fixed == ["WX001", "WX002", "WX003"] and not likes.standing.launchable


def test_a_campaign_nobody_can_enter_fails_run(project_root):
    proc = subprocess.run([sys.executable, "-m", "campaignsim", "run", "scenarios/wechat_comment_to_enter.toml", "--runs", "10",
                           "--format", "json"], capture_output=True, text=True, cwd=project_root)
    assert proc.returncode == 1, proc.stderr
    doc = json.loads(proc.stdout)
    assert doc["recommendation"]["variant"] is None
    # WX005 (comment to enter with comments off) reports the same fault as a rule; the simulation adds that nobody can enter
    assert doc["recommendation"]["blocked_by"] == ["WX005", IMPOSSIBLE]
    assert "comments are switched off" in doc["recommendation"]["reason"]
    assert any("comments are switched off" in w["message"] for w in doc["warnings"])


def test_unknown_objective_and_cost_without_budget_are_usage_errors(project_root, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "campaignsim", "run", "scenarios/wechat_lucky_draw_variants.toml", "--objective", "fun"],
                          capture_output=True, text=True, cwd=project_root)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    text = (project_root / "scenarios" / "wechat_comment_to_enter.toml").read_text(encoding="utf-8")
    no_budget = tmp_path / "no_budget.toml"
    no_budget.write_text(text.replace('budget = { amount = 12000, currency = "CNY" }\n', ""), encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "campaignsim", "run", str(no_budget), "--runs", "2", "--objective", "cost-per-entrant"],
                          capture_output=True, text=True, cwd=project_root)
    assert proc.returncode == 2 and "needs campaign.budget" in proc.stderr and "Traceback" not in proc.stderr


def test_simulate_and_run_default_to_the_same_number_of_runs():
    from campaignsim.cli import main
    from campaignsim.compare import DEFAULT_RUNS

    run_default = next(p.default for p in main.commands["run"].params if p.name == "runs")
    simulate_default = next(p.default for p in main.commands["simulate"].params if p.name == "runs")
    assert run_default == simulate_default == DEFAULT_RUNS


def test_reputation_findings_reach_the_simulation_as_a_backlash_hazard(project_root, registry, tmp_path):
    from campaignsim.load import load_file
    from campaignsim.runner import takedown_codes
    from campaignsim.sim.config import build_config

    text = (project_root / "scenarios" / "wechat_comment_to_enter.toml").read_text(encoding="utf-8")
    text = text.replace("comments_enabled = false", "comments_enabled = true")
    calm_path = tmp_path / "calm.toml"
    calm_path.write_text(text, encoding="utf-8")
    text = text.replace('name = "Qingshan ceramic travel tea set"', 'name = "Surprise gift"')
    text = text.replace("[content]\n", '[content]\nhashtags = ["#EarthquakeRelief"]\n')
    hot_path = tmp_path / "hot.toml"
    hot_path.write_text(text, encoding="utf-8")
    (calm,) = load_file(str(calm_path), registry).scenarios
    (hot,) = load_file(str(hot_path), registry).scenarios
    assert takedown_codes(calm, registry) == ()
    codes = takedown_codes(hot, registry)
    assert {"GEN006", "GEN009"} <= set(codes)
    cfg = build_config(hot, registry, codes)
    assert cfg.backlash_hazard_per_hour == pytest.approx(0.15 * 1.5 / 24)  # GEN009 weight 1 + GEN006 weight 0.5
    assert cfg.takedown_hazard_per_hour == 0  # no platform rule broken: no takedown, only the public's anger
    result = run_scenarios([hot_path], registry, runs=60, seed=0)
    assert result.standings[0].backlash_probability > 0
    assert result.standings[0].launchable  # warnings only: launchable, with its risk shown
    assert any("backlash hazard" in a for a in result.runs[0].sim.config.risk.assumptions())


def test_a_recommended_variant_with_a_risk_says_so_in_its_reason():
    taken = np.array([1, 0] * 100)
    rec, _ = decide([fake_run("base", 1000 + NOISE), fake_run("bold", 3000 + NOISE, taken=taken)])
    assert rec.variant == "bold" and rec.reason.endswith("; mind the risk of a takedown in 50% of runs.")
