"""The full simulator: common random numbers, metamorphic relations, invariants, takedowns,
fulfilment, the cascade's ceiling, determinism and parallel runs, the JSON contract."""

from __future__ import annotations

import hashlib
import json
import math

import attrs
import numpy as np
import pytest
import sim_helpers as H

from campaignsim.report.sim_text import render_text
from campaignsim.sim import SimResult, engine, simulate
from campaignsim.sim.config import SimulationConfigError, build_config
from campaignsim.sim.engine import run_replication
from campaignsim.sim.rng import replication_seeds

REG = H.registry()
RUNS = 30


def entrants(sc, seed=9, runs=RUNS, **kw) -> np.ndarray:
    return simulate(sc, registry=REG, runs=runs, seed=seed, **kw).per_run["entrants"]


def base(**kw):
    return H.scenario(**{"reach": 6_000, **kw})


# ------------------------------------------------------------------- metamorphic checks (check #8)
def test_more_effort_sensitivity_never_raises_entrants_in_any_replication():
    a = entrants(base())
    b = entrants(base(simulation={"effort_sensitivity": 0.4}))
    assert np.all(b <= a) and b.sum() < a.sum()


def test_adding_a_required_step_never_raises_entrants_in_any_replication():
    steps = base().entry.steps
    a = entrants(base())
    b = entrants(base(steps=steps + (H.step("form", fields=("name", "phone", "address", "id_number")),)))
    c = entrants(base(steps=(H.step("visit"),) + steps))  # before the share step: the cascade shrinks too
    assert np.all(b <= a) and b.sum() < a.sum()
    assert np.all(c <= a) and c.sum() < a.sum()


def test_more_form_fields_never_raise_entrants_in_any_replication():
    few = entrants(base(steps=(H.step("form", fields=("name", "phone")), H.step("share", count=2))))
    many = entrants(base(steps=(H.step("form", fields=("name", "phone", "address", "email", "id_number", "birthday")), H.step("share", count=2))))
    assert np.all(many <= few) and many.sum() < few.sum()


def test_a_higher_prize_value_never_lowers_entrants_in_any_replication():
    a = entrants(base())
    b = entrants(base(prize_value=2_000.0))
    assert np.all(b >= a) and b.sum() > a.sum()


def test_a_better_delivery_track_record_never_lowers_entrants_in_any_replication():
    a = entrants(base(track_record=0.5))
    b = entrants(base(track_record=0.99))
    assert np.all(b >= a) and b.sum() > a.sum()


def test_same_seed_gives_identical_replications_pathwise():
    x = simulate(base(), registry=REG, runs=10, seed=5)
    y = simulate(base(), registry=REG, runs=10, seed=5)
    for name in x.per_run:
        assert np.array_equal(x.per_run[name], y.per_run[name], equal_nan=True), name
    z = simulate(base(), registry=REG, runs=10, seed=6)
    assert not np.array_equal(x.per_run["entrants"], z.per_run["entrants"])


def test_common_random_numbers_shrink_the_variance_of_a_variant_difference():
    # Under CRN the variant's entrants are a subset of the base's, so the difference counts the
    # people lost, with a variance near μA − μB; independent seeds give about μA + μB. Here that is
    # a factor ≈ 3.5, so the paired variance must be below half the unpaired one (60 runs put a
    # ±40% spread on a ratio of sample variances).
    a = entrants(base(), seed=1, runs=60)
    b_same = entrants(base(simulation={"effort_sensitivity": 0.3}), seed=1, runs=60)
    b_other = entrants(base(simulation={"effort_sensitivity": 0.3}), seed=2, runs=60)
    assert np.var(a - b_same) * 2 < np.var(a - b_other)


# ------------------------------------------------------------------------- invariants (check #9)
def test_counts_are_nested_and_entries_are_held_by_entrants_only():
    steps = (H.step("follow", worth=2), H.step("share", count=3), H.step("comment", optional=True, worth=5))
    sc = base(steps=steps, size=7_000)
    result = simulate(sc, registry=REG, runs=30, seed=2)
    p = result.per_run
    assert np.all(p["entrants"] <= p["started"]) and np.all(p["started"] <= p["exposed"]) and np.all(p["exposed"] <= 7_000)
    # every entrant holds the required steps' worth (2 + 1); the optional comment adds 5 per completion
    assert np.array_equal(p["entries"], p["entrants"] * 3 + p["funnel"][:, 2] * 5)
    assert np.all(p["entries"] < p["funnel"] @ np.array([2, 1, 5]))  # drop-outs' follows hold no entry
    # required steps only lose people, in order; the last required step's completers are the entrants
    assert np.all(p["funnel"][:, 1] <= p["funnel"][:, 0])
    assert np.array_equal(p["funnel"][:, 1], p["entrants"])
    assert np.array_equal(p["exposed"], p["exposed_organic"] + p["exposed_scheduled"] + p["exposed_shares"] + p["exposed_word_of_mouth"])
    assert np.array_equal(p["timeline_entrants"].sum(axis=1), p["entrants"])


def test_same_seed_gives_the_same_json_bytes_and_parallel_runs_change_nothing():
    sc = base()
    docs = [json.dumps(simulate(sc, registry=REG, runs=16, seed=3, jobs=j).to_json_dict(), sort_keys=True).encode() for j in (1, 1, 2)]
    hashes = {hashlib.sha256(d).hexdigest() for d in docs}
    assert len(hashes) == 1


def test_cohort_grouping_does_not_change_results_without_word_of_mouth(monkeypatch):
    # Times are exact and draws keyed by person, so grouping exposures by the hour or by the day
    # gives the same replication, number for number.
    cfg = build_config(base(schedule=(H.post(30.5), H.post(100.0, reach=2_000))), REG)
    seed = replication_seeds(4, 1)[0]
    daily = run_replication(cfg, seed)
    monkeypatch.setattr(engine, "COHORT_STEP_HOURS", 1.0)
    hourly = run_replication(cfg, seed)
    for name in engine.SCALARS + ("funnel", "timeline_entrants", "timeline_exposed"):
        assert np.array_equal(np.asarray(daily[name]), np.asarray(hourly[name]), equal_nan=True), name


# ----------------------------------------------------------------------------- posts and sources
def new_people(reach: float, at: float, launch_reach: float, followers: float, half_life: float = 6.0, horizon: float = 180.0) -> float:
    """Expected new people reached by a post at ``at`` after a launch at 0 reaching the same ``followers``:
    ∫ r·φ(s) (1 − q·(1 − 2^(−(at+s)/h))) ds over the post's window, q = launch reach / followers (an
    exponential kernel written out from docs/model.md, integrated numerically)."""
    s = np.linspace(0.0, horizon - at, 200_001)
    density = math.log(2) / half_life * 2.0 ** (-s / half_life)
    seen_launch = (launch_reach / followers) * (1.0 - 2.0 ** (-(at + s) / half_life))
    return float(reach * np.trapezoid(density * (1.0 - seen_launch), s))


def test_a_scheduled_reminder_adds_reach_from_scheduled_posts():
    without = simulate(base(), registry=REG, runs=20, seed=1)
    with_post = simulate(base(schedule=(H.post(48.0, reach=4_000),)), registry=REG, runs=20, seed=1)
    scheduled = with_post.per_run["exposed_scheduled"].mean()
    assert without.per_run["exposed_scheduled"].sum() == 0
    # The reminder reaches the launch's followers again (audience 20 × 6,000): those who saw the launch are not new.
    expected = new_people(4_000, 48.0, 6_000, 120_000)
    assert abs(scheduled - expected) <= 4 * math.sqrt(4_000 / 20)
    def post_views(r):
        return (r.per_run["impressions"] - r.per_run["exposed_shares"] - r.per_run["exposed_word_of_mouth"]).mean()
    assert abs(post_views(with_post) - post_views(without) - 4_000) <= 4 * math.sqrt(2 * 10_000 / 20)
    assert with_post.per_run["entrants"].mean() > without.per_run["entrants"].mean()


def test_a_scheduled_post_without_reach_uses_the_platform_repost_factor():
    result = simulate(base(schedule=(H.post(24.0),)), registry=REG, runs=20, seed=1)
    expected = new_people(6_000 * 0.6, 24.0, 6_000, 120_000)
    assert abs(result.per_run["exposed_scheduled"].mean() - expected) <= 4 * math.sqrt(expected / 20)


def test_posts_to_the_same_followers_overlap_a_person_seen_twice_is_one_person():
    # Two posts an hour apart, each seen by half of 10,000 followers: 7,500 unique people (1 − ½·½), 10,000 impressions.
    sc = H.scenario(steps=(H.step("adopt"),), reach=None, followers=10_000, schedule=(H.post(0.0, reach=5_000), H.post(0.001, reach=5_000)),
                    simulation={"attention_half_life_hours": 0.5})
    res = simulate(sc, registry=REG, runs=40, seed=3)
    organic_and_scheduled = res.per_run["exposed_organic"] + res.per_run["exposed_scheduled"]
    assert abs(res.per_run["impressions"].mean() - 10_500) < 4 * math.sqrt(10_500 / 40)
    # the launch reaches 10,000 × 0.05 = 500 (platform reach per follower) plus two posts of 5,000: the exact
    # unique count of three independent views: 10,000·(1 − 0.95·0.5·0.5)
    assert abs(organic_and_scheduled.mean() - 10_000 * (1 - 0.95 * 0.25)) < 0.01 * 10_000 * 0.7625


def test_a_post_after_the_deadline_reaches_no_entrant():
    result = simulate(base(hours=48, schedule=(H.post(60.0, reach=5_000),)), registry=REG, runs=5, seed=1)
    assert result.per_run["exposed_scheduled"].sum() == 0


def test_reach_defaults_to_followers_times_the_platform_reach_per_follower():
    sc = base()
    sc = H.scenario(reach=None)
    assert build_config(sc, REG).reach == pytest.approx(120_000 * 0.05)


# ----------------------------------------------------------------------------------- takedowns
def test_a_takedown_on_a_voiding_platform_voids_entries_and_stops_exposures():
    sc = base(hours=240, simulation={"takedown_hazard_per_day": 2.0})
    cfg = build_config(sc, REG, ("WX001",))
    for j, seed in enumerate(replication_seeds(6, 5)):
        out = run_replication(cfg, seed, trace=True)
        assert out["taken_down"] == 1
        t = out["takedown_hour"]
        assert out["trace_exposure_times"].max() < t
        assert out["entrants"] == 0 and out["entries"] == 0 and out["voided_entrants"] > 0
        assert out["winners"] == 0 and out["late_prizes"] == 0


def test_a_takedown_on_a_platform_that_keeps_entries_keeps_those_made_before_it():
    sc = H.scenario(platform="powerlaw", reach=8_000, hours=240, simulation={"takedown_hazard_per_day": 2.0})
    cfg = build_config(sc, REG, ("WB001",))
    out = run_replication(cfg, replication_seeds(6, 1)[0], trace=True)
    assert out["taken_down"] == 1 and out["voided_entrants"] == 0
    assert 0 < out["entrants"] and out["trace_entrant_times"].max() < out["takedown_hour"]


def test_no_takedown_without_error_codes_even_with_a_hazard():
    result = simulate(base(simulation={"takedown_hazard_per_day": 50.0}), registry=REG, runs=10, seed=1)
    assert result.per_run["taken_down"].sum() == 0


# ----------------------------------------------------------------------------------- fulfilment
def test_winners_are_capped_by_entrants_and_everyone_draws_give_everyone_a_prize():
    tiny = simulate(base(quantity=10_000), registry=REG, runs=5, seed=1)
    assert np.array_equal(tiny.per_run["winners"], tiny.per_run["entrants"])
    everyone = simulate(base(draw="everyone", quantity=1), registry=REG, runs=5, seed=1)
    assert np.array_equal(everyone.per_run["winners"], everyone.per_run["entrants"])


# ---------------------------------------------------------------------------- cascade ceiling
def test_a_supercritical_cascade_stops_at_the_audience_size():
    # R = 3 × 1 × 1 × 1 = 3: without a ceiling this would never end.
    sc = H.scenario(steps=(H.step("pass_on", count=3),), reach=100, size=5_000, hours=96,
                    simulation={**H.HOMOGENEOUS, "base_entry_rate": 1.0, "friend_attention": 1.0})
    result = simulate(sc, registry=REG, runs=5, seed=1)
    assert np.all(result.per_run["exposed"] == 5_000)
    assert np.all(result.per_run["audience_cap_hit"] == 1)


def test_a_share_reaching_a_million_friends_is_held_to_the_room_under_the_ceiling():
    # λ = 1e6 per sharer would ask for billions of people; only the room left is ever created.
    sc = H.scenario(steps=(H.step("pass_on"),), reach=50, size=3_000, hours=48,
                    simulation={**H.HOMOGENEOUS, "base_entry_rate": 1.0, "exposes_pass_on": 1e6})
    result = simulate(sc, registry=REG, runs=3, seed=1)
    assert np.all(result.per_run["exposed"] == 3_000) and np.all(result.per_run["audience_cap_hit"] == 1)


def test_audience_size_defaults_to_twenty_times_reach():
    assert build_config(base(), REG).audience_size == 120_000


# ------------------------------------------------------------------------------------- errors
@pytest.mark.parametrize("change, message", [
    (dict(platform="myspace"), "unknown platform"),
    (dict(steps=(H.step("teleport"),)), "unknown action"),
    (dict(simulation={"effort_sensitivity": -1.0}), "between"),
    (dict(simulation={"no_such_parameter": 1.0}), "unknown simulation parameter"),
    (dict(steps=(H.step("follow", optional=True),)), "only optional"),
    (dict(reach=3_000_000_000), "more than the 2,000,000,000"),
    (dict(simulation={"bass_q": 0.1, "time_step_hours": 0.001}, hours=24 * 300), "larger step"),
])
def test_a_scenario_that_cannot_be_simulated_raises_a_clear_error(change, message):
    with pytest.raises(SimulationConfigError, match=message):
        build_config(base(**change), REG)


def test_a_per_action_override_replaces_the_action_default():
    cfg = build_config(base(simulation={"completion_share": 0.2, "delay_follow": 3.0}), REG)
    share = next(s for s in cfg.steps if s.action == "share")
    follow = next(s for s in cfg.steps if s.action == "follow")
    assert share.completion == 0.2 and follow.delay == 3.0


# -------------------------------------------------------------------------------------- results
def test_json_has_the_contract_keys_and_progress_counts_every_replication():
    calls = []
    result = simulate(base(), registry=REG, runs=12, seed=0, jobs=2, progress=calls.append)
    assert isinstance(result, SimResult) and sum(calls) == 12
    doc = result.to_json_dict()
    assert doc["scenario"] == "Spring tea lucky draw" and doc["variant"] is None and doc["runs"] == 12 and doc["seed"] == 0
    for key in ("entrants", "exposed", "entries", "shares", "late_prizes", "complaints"):
        assert set(doc["outputs"][key]) == {"mean", "low", "high", "p05", "p95"}
        assert doc["outputs"][key]["low"] <= doc["outputs"][key]["mean"] <= doc["outputs"][key]["high"]
        assert (doc["outputs"][key]["low"], doc["outputs"][key]["high"]) == (doc["outputs"][key]["p05"], doc["outputs"][key]["p95"])
    assert 0 <= doc["outputs"]["takedown_probability"] <= 1
    assert [f["action"] for f in doc["funnel"]] == ["follow", "share", "screenshot"] and doc["funnel"][0]["step"] == 0
    assert len(doc["timeline"]["hour"]) == len(doc["timeline"]["entrants_mean"]) == 180
    assert doc["outputs"]["entrants"]["mean"] == pytest.approx(result.per_run["entrants"].mean())
    assert doc["outputs"]["cost_per_entrant"]["currency"] == "CNY"
    assert doc["outputs"]["cost_per_entrant"]["mean"] == pytest.approx(30_000 / result.per_run["entrants"].mean(), rel=1e-6)
    assert set(doc["reach_by_source"]) == {"organic", "scheduled", "shares", "word_of_mouth"}
    assert doc["parameters"]["effort_sensitivity"]["value"] == 0.2
    json.dumps(doc, allow_nan=False)


def test_text_summary_shows_the_entrant_mean_and_the_funnel():
    result = simulate(base(), registry=REG, runs=5, seed=0)
    text = render_text(result)
    assert f"{result.per_run['entrants'].mean():,.0f}" in text
    assert "screenshot" in text and "entrants" in text


def test_text_summary_escapes_markup_in_names():
    import attrs
    from rich.text import Text

    sc = base()
    sc = attrs.evolve(sc, campaign=attrs.evolve(sc.campaign, name="[bold]Win[/] a [red]kettle"))
    text = render_text(simulate(sc, registry=REG, runs=2, seed=0))
    assert "[bold]Win[/] a [red]kettle — base" in Text.from_markup(text).plain


def test_entries_are_capped_per_person():
    steps = (H.step("comment", worth=3), H.step("like", optional=True, worth=4))
    sc = base(steps=steps, size=7_000)
    capped = attrs.evolve(sc, entry=attrs.evolve(sc.entry, max_entries_per_person=2))
    p = simulate(capped, registry=REG, runs=10, seed=2).per_run
    assert np.all(p["entries"] == p["entrants"] * 2)


def test_comment_to_enter_with_comments_switched_off_finds_no_entrants():
    sc = base(steps=(H.step("comment"),), size=7_000)
    off = attrs.evolve(sc, platform=attrs.evolve(sc.platform, comments_enabled=False))
    result = simulate(off, registry=REG, runs=5, seed=2)
    assert np.all(result.per_run["entrants"] == 0)
    assert any("comments are switched off" in w for w in result.to_json_dict()["warnings"])
    assert np.all(simulate(sc, registry=REG, runs=5, seed=2).per_run["entrants"] > 0)


def test_the_simulator_applies_the_step_frictions_the_registry_lists_and_no_pack_of_its_own():
    sc = base(steps=(H.step("comment"),), size=7_000)
    off = attrs.evolve(sc, platform=attrs.evolve(sc.platform, comments_enabled=False))
    without_hooks = attrs.evolve(REG, step_friction=[])
    assert np.all(simulate(off, registry=without_hooks, runs=3, seed=2).per_run["entrants"] > 0)


def test_a_share_to_moments_reaches_more_people_than_a_share_to_one_friend():
    to_friend = base(steps=(H.step("share", to="friends"),), size=50_000)
    to_moments = base(steps=(H.step("share", to="moments"),), size=50_000)
    friend = simulate(to_friend, registry=REG, runs=20, seed=3).per_run["exposed_shares"]
    moments = simulate(to_moments, registry=REG, runs=20, seed=3).per_run["exposed_shares"]
    assert moments.mean() > 2 * friend.mean()
