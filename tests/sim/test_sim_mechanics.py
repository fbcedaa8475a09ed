"""Mechanics that earlier tests left unchecked: step and share delays, who shares, who tries the
bonus steps, the order in which the audience ceiling cuts, the percentile levels, what drives
word of mouth, and common random numbers when variants' steps differ. Each test fails when its
mechanism is removed or altered (checked by applying the alteration to the code)."""

from __future__ import annotations

import math

import numpy as np
import sim_helpers as H

from campaignsim.sim import agents, engine, simulate
from campaignsim.sim.config import ORGANIC, SCHEDULED, build_config
from campaignsim.sim.engine import run_replication
from campaignsim.sim.result import summary
from campaignsim.sim.rng import Streams, replication_seeds

REG = H.registry()
QUICK = {**H.HOMOGENEOUS, "attention_half_life_hours": 0.5}


def traced(sc, seed=4):
    return run_replication(build_config(sc, REG), replication_seeds(seed, 1)[0], trace=True)


def test_a_step_delay_postpones_entry_by_its_mean():
    # One certain step with a mean delay of 10 h, a long campaign: entry comes 10 h after exposure on average.
    sc = H.scenario(steps=(H.step("adopt"),), reach=20_000, hours=600.0, simulation={**QUICK, "delay_adopt": 10.0})
    out = traced(sc)
    lag = out["trace_entrant_times"].mean() - out["trace_exposure_times"].mean()
    n = len(out["trace_entrant_times"])
    assert n > 1_000
    assert abs(lag - 10.0) < 4 * 10.0 / math.sqrt(n) + 0.3  # entrants are a random subset of the exposed: a small extra spread


def test_a_share_delay_postpones_the_friends_exposure_by_its_mean():
    # Sharing at the moment of exposure (no step delay), few enough friends for a single generation to dominate.
    sc = H.scenario(steps=(H.step("pass_on"),), reach=20_000, hours=600.0,
                    simulation={**QUICK, "share_delay_hours": 12.0, "friend_attention": 0.05})
    out = traced(sc)
    times, sources = out["trace_exposure_times"], out["trace_exposure_sources"]
    organic, shared = times[sources == ORGANIC], times[sources == 2]
    assert len(shared) > 300
    lag = shared.mean() - organic.mean()
    assert abs(lag - 12.0) < 4 * 12.0 / math.sqrt(len(shared)) + 1.0  # + the rare second generation


def test_anyone_who_completes_a_sharing_step_shares_not_only_entrants():
    # Share first (certain), then a step half the people fail: the drop-outs have shared all the same.
    sc = H.scenario(steps=(H.step("pass_on"), H.step("half")), reach=20_000, hours=600.0,
                    simulation={**QUICK, "friend_attention": 0.2, "share_delay_hours": 0.01})
    res = simulate(sc, registry=REG, runs=20, seed=2)
    sharers = res.per_run["funnel"][:, 0].sum()
    entrants = res.per_run["entrants"].sum()
    assert entrants < 0.6 * sharers
    lam = 1.0 * 1.0 * 0.2  # exposes × friend_reach × friend_attention
    exposed_by_shares = res.per_run["exposed_shares"].sum()
    assert abs(exposed_by_shares - lam * sharers) < 4 * math.sqrt(lam * sharers)


def test_only_entrants_try_the_optional_steps():
    # A required step half the people fail, then a certain bonus step: exactly the entrants complete it.
    sc = H.scenario(steps=(H.step("half"), H.step("adopt", optional=True)), reach=8_000, hours=400.0, simulation=QUICK)
    res = simulate(sc, registry=REG, runs=10, seed=3)
    assert np.array_equal(res.per_run["funnel"][:, 1], res.per_run["entrants"])
    assert np.all(res.per_run["entrants"] < 0.7 * res.per_run["started"])


def test_the_audience_ceiling_keeps_the_earliest_exposures_whatever_order_they_arrive_in():
    cfg = build_config(H.scenario(steps=(H.step("adopt"),), reach=1_000, size=500, simulation=QUICK), REG)
    rep = engine.Replication(cfg, replication_seeds(1, 1)[0], trace=True)
    late = ("arrays", np.arange(1, 401, dtype=np.uint64), np.linspace(10.0, 20.0, 400), SCHEDULED)
    early = ("arrays", np.arange(1001, 1401, dtype=np.uint64), np.linspace(0.0, 5.0, 400), ORGANIC)
    rep._process_cohort([late, early])  # the late ones arrive first
    kept = np.concatenate([t for t, _ in rep.traced_exposures])
    assert rep.cap_hit and len(kept) == 500
    assert np.sort(kept)[-1] < 10.0 + 10.0 * 100 / 399 + 1e-9  # all 400 early ones, then the 100 earliest late ones
    assert (kept <= 5.0).sum() == 400


def test_intervals_are_the_5th_and_95th_percentiles():
    s = summary(np.arange(101, dtype=float))
    assert (s["p05"], s["p95"], s["mean"]) == (5.0, 95.0, 50.0)
    s = summary(np.array([0.0] * 4 + [100.0] * 16 + [7.0]))  # p05 of 21 values lies among the zeros
    assert s["p05"] == 0.0 and s["p95"] == 100.0


def test_word_of_mouth_imitation_is_driven_by_entrants_not_by_people_exposed():
    # Nobody can complete the step: there are exposures but no entrants, so imitation (q) must add nothing.
    def wom(q):
        sc = H.scenario(steps=(H.step("adopt"),), reach=2_000, size=20_000, hours=96.0,
                        simulation={**QUICK, "completion_adopt": 0.0, "bass_p": 0.001, "bass_q": q})
        return simulate(sc, registry=REG, runs=5, seed=8).per_run["exposed_word_of_mouth"]
    without, with_q = wom(0.0), wom(2.0)
    assert without.sum() > 0
    assert np.array_equal(without, with_q)


def test_a_step_keeps_its_random_numbers_when_other_steps_are_added_before_it():
    # Variant: a form before the comment. Per person, whoever completes the comment in the variant
    # would have completed it in the base: the comment draws the same number for the same person.
    base = build_config(H.scenario(steps=(H.step("comment"),)), REG)
    variant = build_config(H.scenario(steps=(H.step("form", fields=("name", "phone")), H.step("comment"))), REG)
    assert base.steps[0].key == variant.steps[1].key
    streams = Streams(replication_seeds(5, 1)[0])
    ids = np.arange(1, 20_001, dtype=np.uint64) * np.uint64(2654435761)
    times = np.zeros(len(ids))
    (a,), _, _ = agents.run_steps(base.steps, streams.key["steps"], streams.key["timing"], ids, times)
    (_, b), _, _ = agents.run_steps(variant.steps, streams.key["steps"], streams.key["timing"], ids, times)
    assert 0 < len(b.ids) < len(a.ids)
    assert set(b.ids.tolist()) <= set(a.ids.tolist())


def test_variants_whose_steps_differ_see_the_same_people_at_the_same_times():
    comment = traced(H.scenario(steps=(H.step("comment"),), simulation=QUICK))
    survey = traced(H.scenario(steps=(H.step("comment"), H.step("form", fields=("name", "phone", "address", "email"))), simulation=QUICK))
    assert np.array_equal(np.sort(comment["trace_exposure_times"]), np.sort(survey["trace_exposure_times"]))
    assert 0 < survey["entrants"] < comment["entrants"]
