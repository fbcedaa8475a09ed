"""The simulator against closed forms (simulation anchors, part B). Each tolerance is stated where it is used."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sim_helpers as H

from campaignsim.model.simparams import PARAMETERS
from campaignsim.sim import simulate
from campaignsim.sim.cascade import galton_watson
from campaignsim.sim.config import build_config
from campaignsim.sim.engine import run_replication
from campaignsim.sim.rng import replication_seeds

REG = H.registry()
D = {name: p.default for name, p in PARAMETERS.items()}


def sigmoid(u: float) -> float:
    return 1.0 / (1.0 + math.exp(-u))


def logit_probability(effort_minutes: float, prize_usd: float, track_record: float, interest: float = 0.5) -> float:
    """σ(u) written out from docs/model.md, independently of the simulator's code."""
    trust = (1 + D["trust_prior_weight"] * track_record) / (2 + D["trust_prior_weight"])
    beta0 = (math.log(D["base_entry_rate"] / (1 - D["base_entry_rate"]))
             - D["value_sensitivity"] * math.log(1 + D["reference_trust"] * D["reference_prize_usd"])
             + D["effort_sensitivity"] * D["reference_effort_minutes"])
    u = (beta0 + D["interest_sensitivity"] * (interest - 0.5) + D["value_sensitivity"] * math.log(1 + trust * prize_usd)
         - D["effort_sensitivity"] * effort_minutes)
    return sigmoid(u)


# follow (0.5 min, completes 0.9) then comment (1 min, completes 0.85), no delays, no sharing
FUNNEL_STEPS = (H.step("follow"), H.step("comment"))
PRIZE_USD = 298 / 7.1


def test_funnel_mean_is_reach_times_logit_times_step_completions():
    # Check #4: E[entrants] = N·r·P·Πs_k. Exposures form a Poisson process, so entrants are
    # Poisson(N·r·π) (thinning): tolerance 4·sqrt(N·r·π / n), n runs.
    reach, runs = 8_000, 300
    sc = H.scenario(steps=FUNNEL_STEPS, reach=reach, hours=240, simulation=H.HOMOGENEOUS)
    pi = logit_probability(1.5, PRIZE_USD, 0.95) * 0.9 * 0.85
    expected = reach * (1 - 2 ** (-240 / 6)) * pi
    result = simulate(sc, registry=REG, runs=runs, seed=11)
    mean = result.per_run["entrants"].mean()
    assert abs(mean - expected) <= 4 * math.sqrt(expected / runs), (mean, expected)
    # and the spread is Poisson: variance/mean within [0.8, 1.25] for n = 300 (≈ 4 SE of the ratio)
    ratio = result.per_run["entrants"].var(ddof=1) / mean
    assert 0.8 <= ratio <= 1.25


def test_entry_decision_rate_among_exposed_is_the_logit_probability():
    # Check #7: among the exposed, the share who decide to enter is σ(u); pooled over all runs the
    # count is Binomial(M, σ(u)): tolerance 4 binomial SE.
    sc = H.scenario(steps=FUNNEL_STEPS, reach=5_000, hours=240, interest=0.7, simulation=H.HOMOGENEOUS)
    result = simulate(sc, registry=REG, runs=100, seed=3)
    exposed = result.per_run["exposed"].sum()
    started = result.per_run["started"].sum()
    p = logit_probability(1.5, PRIZE_USD, 0.95, interest=0.7)
    assert abs(started / exposed - p) <= 4 * math.sqrt(p * (1 - p) / exposed), (started / exposed, p)


def test_heterogeneous_agents_still_enter_at_the_average_logit_probability():
    # With individual attributes, P(enter) = E[σ(u_i)]; estimated here by integrating σ over
    # independent numpy normals (1e6 draws), the simulator's keyed draws must agree within 4 binomial SE.
    sc = H.scenario(steps=FUNNEL_STEPS, reach=5_000, hours=240)
    cfg = build_config(sc, REG)
    g = np.random.default_rng(0)
    z = g.standard_normal((3, 1_000_000))
    interest = 1 / (1 + np.exp(-(cfg.interest_location + D["interest_sigma"] * z[0])))
    w = np.exp(D["prize_value_sigma"] * z[1] - D["prize_value_sigma"] ** 2 / 2)
    t = np.exp(D["effort_tolerance_sigma"] * z[2] - D["effort_tolerance_sigma"] ** 2 / 2)
    trust = (1 + 20 * 0.95) / 22
    beta0 = math.log(0.3 / 0.7) - 0.5 * math.log(1 + 0.5 * 50) + 0.2 * 1
    p = float(np.mean(1 / (1 + np.exp(-(beta0 + 2.0 * (interest - 0.5) + 0.5 * np.log1p(trust * PRIZE_USD * w) - 0.2 * 1.5 / t)))))
    result = simulate(sc, registry=REG, runs=60, seed=5)
    exposed, started = result.per_run["exposed"].sum(), result.per_run["started"].sum()
    assert abs(started / exposed - p) <= 4 * math.sqrt(p * (1 - p) / exposed) + 1e-3, (started / exposed, p)


@pytest.mark.parametrize("ratio", [0.5, 0.8])
def test_branching_cascade_total_matches_seeds_over_one_minus_ratio(ratio):
    # Check #3: S seeds, Poisson(R) offspring each (everyone shares, λ = R): E[total] = S/(1−R),
    # Var = S·R/(1−R)³. Mean: |z| ≤ 4; sd within 12% (the sample sd of n = 1000 totals has a
    # relative SE of about 3%).
    seeds, n = 1000, 1000
    mu = seeds / (1 - ratio)
    sd = math.sqrt(seeds * ratio / (1 - ratio) ** 3)
    totals = galton_watson(seeds, 1.0, ratio, cascade_key=1000, decision_key=5000, replications=n)
    z = (totals.mean() - mu) / (sd / math.sqrt(n))
    assert abs(z) <= 4, (totals.mean(), mu)
    assert abs(totals.std(ddof=1) / sd - 1) <= 0.12, (totals.std(ddof=1), sd)


def test_cascade_with_a_share_decision_has_mixture_offspring_variance():
    # When each person shares with probability f and then exposes Poisson(λ), the offspring
    # variance is σ² = fλ(1 + λ(1 − f)), so Var[total] = S·σ²/(1−R)³ with R = fλ (the general
    # Galton–Watson result; it reduces to the Poisson case at f = 1). Same tolerances as above.
    seeds, n, f, lam = 1000, 1000, 0.5, 1.0
    R = f * lam
    sd = math.sqrt(seeds * f * lam * (1 + lam * (1 - f)) / (1 - R) ** 3)
    totals = galton_watson(seeds, f, lam, cascade_key=77, decision_key=99, replications=n)
    assert abs((totals.mean() - seeds / (1 - R)) / (sd / math.sqrt(n))) <= 4
    assert abs(totals.std(ddof=1) / sd - 1) <= 0.12, (totals.std(ddof=1), sd)


def test_full_simulation_cascade_matches_branching_closed_form_and_reports_the_ratio():
    # Check #3 through simulate: everyone exposed enters and passes the campaign on to
    # Poisson(R) others (R = exposes 1 × friend_reach 1 × friend_attention 0.5). Seeds are
    # Poisson(r), so total exposed has mean r/(1−R) and variance r·(R/(1−R)³ + 1/(1−R)²).
    # Kernel and share delays are minutes against a 10-day deadline, so truncation is negligible.
    r, R, runs = 300, 0.5, 200
    sc = H.scenario(steps=(H.step("pass_on"),), reach=r, hours=240,
                    simulation={**H.HOMOGENEOUS, "base_entry_rate": 1.0, "attention_half_life_hours": 0.1, "share_delay_hours": 0.1,
                                "friend_reach": 1.0, "friend_attention": R})
    result = simulate(sc, registry=REG, runs=runs, seed=2)
    mu = r / (1 - R)
    sd = math.sqrt(r * (R / (1 - R) ** 3 + 1 / (1 - R) ** 2))
    x = result.per_run["exposed"]
    assert abs((x.mean() - mu) / (sd / math.sqrt(runs))) <= 4, (x.mean(), mu)
    # the reported ratio, share exposures over all exposures, estimates R = 1 − S/total
    assert abs(result.per_run["branching_ratio"].mean() - R) <= 0.03


def test_exposure_count_of_a_post_is_a_thinned_poisson_variable():
    # Check #6: intensity λ0·e^{−κt} on [0, T] (a post of reach r, exponential kernel, κ = ln2/h)
    # gives Poisson((λ0/κ)(1 − e^{−κT})) = Poisson(r(1 − 2^{−T/h})) exposures. Mean within 4 SE,
    # dispersion index within [0.9, 1.1] (its SE is sqrt(2/(n−1)) ≈ 0.03 at n = 2000).
    r, h, T, n = 300, 6.0, 12.0, 2000
    sc = H.scenario(steps=FUNNEL_STEPS, reach=r, hours=T, simulation={"base_entry_rate": 0.0, "attention_half_life_hours": h})
    x = simulate(sc, registry=REG, runs=n, seed=8).per_run["exposed"].astype(float)
    mean = r * (1 - 2 ** (-T / h))
    assert abs(x.mean() - mean) <= 4 * math.sqrt(mean / n)
    assert 0.9 <= x.var(ddof=1) / x.mean() <= 1.1


def test_takedown_probability_is_one_minus_exp_of_hazard_times_duration():
    # A constant hazard h per day over T hours: P = 1 − exp(−h·T/24); tolerance 4 binomial SE.
    runs = 400
    sc = H.scenario(steps=FUNNEL_STEPS, reach=200, hours=120)
    p = 1 - math.exp(-0.08 * 120 / 24)
    result = simulate(sc, registry=REG, runs=runs, seed=4, takedown_codes=("WX001",))
    observed = result.per_run["taken_down"].mean()
    assert abs(observed - p) <= 4 * math.sqrt(p * (1 - p) / runs), (observed, p)
    assert simulate(sc, registry=REG, runs=50, seed=4).per_run["taken_down"].sum() == 0


# ------------------------------------------------------------------------------------------- Bass
def bass_F(t, p, q):
    e = np.exp(-(p + q) * t)
    return (1 - e) / (1 + (q / p) * e)


def bass_run(p_day: float, q_day: float, step_hours: float, n: int = 100_000, days: int = 15):
    """One replication with only the Bass hazard switched on: everyone reached enters at once."""
    sc = H.scenario(steps=(H.step("adopt"),), reach=0, size=n, hours=days * 24,
                    simulation={**H.HOMOGENEOUS, "base_entry_rate": 1.0, "bass_p": p_day / 24, "bass_q": q_day / 24,
                                "time_step_hours": step_hours})
    out = run_replication(build_config(sc, REG), replication_seeds(21, 1)[0], trace=True)
    return np.sort(out["trace_entrant_times"]) / 24.0, n  # adoption times in days


def bass_check(times_days: np.ndarray, n: int, p: float, q: float) -> tuple[float, float]:
    """sup_t |F̂ − F| on a fine grid, and the relative error of the peak time t* = ln(q/p)/(p+q),
    read where F̂ crosses F(t*) = ½ − p/(2q)."""
    grid = np.linspace(0, times_days[-1] if len(times_days) else 1, 4001)
    f_hat = np.searchsorted(times_days, grid, side="right") / n
    sup = float(np.max(np.abs(f_hat - bass_F(grid, p, q))))
    t_star = math.log(q / p) / (p + q)
    level = 0.5 - p / (2 * q)
    t_hat = float(times_days[int(math.ceil(level * n)) - 1]) if len(times_days) >= level * n else math.inf
    return sup, abs(t_hat - t_star) / t_star


def test_bass_diffusion_curve_is_reproduced_with_a_fine_time_step():
    # Check #1: hazard p + q·A/N and nothing else; with (p+q)·Δt ≤ 0.01 (Δt = 0.01 days):
    # sup|F̂ − F| ≤ 0.02 and |t̂* − t*| ≤ 2% of t*, at N = 1e5.
    p, q = 0.03, 0.38
    times, n = bass_run(p, q, step_hours=0.24)
    sup, rel = bass_check(times, n, p, q)
    assert sup <= 0.02 and rel <= 0.02, (sup, rel)


def test_bass_check_fails_with_a_coarse_time_step():
    # Negative test of check #1: Δt = 1 time unit (a day here) lags the imitation term and the
    # check must fail (the anchors measured a 0.105 sup-error).
    p, q = 0.03, 0.38
    times, n = bass_run(p, q, step_hours=24.0)
    sup, rel = bass_check(times, n, p, q)
    assert sup > 0.02, sup


def test_bass_without_imitation_is_an_exponential_adoption_curve():
    # Check #2: q = 0 gives F(t) = 1 − e^{−pt}; sup-error ≤ 0.02 at N = 1e5.
    p = 0.2
    sc = H.scenario(steps=(H.step("adopt"),), reach=0, size=100_000, hours=10 * 24,
                    simulation={**H.HOMOGENEOUS, "base_entry_rate": 1.0, "bass_p": p / 24, "time_step_hours": 0.24})
    out = run_replication(build_config(sc, REG), replication_seeds(5, 1)[0], trace=True)
    times = np.sort(out["trace_entrant_times"]) / 24
    grid = np.linspace(0, 10, 2001)
    f_hat = np.searchsorted(times, grid, side="right") / 100_000
    assert np.max(np.abs(f_hat - (1 - np.exp(-p * grid)))) <= 0.02
