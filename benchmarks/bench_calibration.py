"""Benchmark of calibration: recovery, held-out coverage of calibrated prediction intervals, and time.

    python benchmarks/bench_calibration.py [--worlds 12] [--heldout 6] [--seed 0]

Each "world" is a brand with its own true parameters (reach_per_follower, base_entry_rate,
attention_half_life_hours, effort_sensitivity drawn at random in plausible ranges). The simulator
itself, run once per campaign with those parameters, produces four past campaigns with different
entry frictions; `calibrate`'s fit is run on them. Then for held-out campaigns of the same brand
(other frictions, audiences and durations) the calibrated forecast (parameters drawn from the
posterior, 100 runs) gives a 90% prediction interval of entrants, which is checked against

* the true mean (100 runs with the true parameters), and
* one fresh realisation with the true parameters (what a prediction interval is for).

Reported: the relative error of each fitted parameter, how often its 90% credible interval covers
the truth, both held-out coverages (target: about 90%), the median ratio of uncalibrated to
calibrated interval width, and the fit's time (target: under 60 s for four campaigns on 2 cores).
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import time
from datetime import datetime, timedelta, timezone

import attrs
import numpy as np

from campaignsim.calibrate import DEFAULT_FIT
from campaignsim.calibrate.fit import Past, fit
from campaignsim.calibrate.synthetic import synthetic_history
from campaignsim.model import Audience, Campaign, Entry, EntryStep, Fulfilment, Platform, Prize, PrizeItem, Scenario
from campaignsim.plugin.manager import get_registry
from campaignsim.sim import simulate

START = datetime(2027, 3, 1, 10, 0, tzinfo=timezone(timedelta(hours=8)))
FRICTIONS = [
    (EntryStep(action="comment"),),
    (EntryStep(action="form", fields=("name", "phone", "address")),),
    (EntryStep(action="form", fields=("name", "phone", "address", "email", "birthday", "city", "job")),),
    (EntryStep(action="like"), EntryStep(action="comment")),
    (EntryStep(action="comment"), EntryStep(action="form", fields=("name", "phone", "address", "email", "birthday", "city", "job",
                                                                   "income", "household", "habits"))),
    (EntryStep(action="follow"), EntryStep(action="comment")),
    (EntryStep(action="follow"),),
    (EntryStep(action="comment"), EntryStep(action="form", fields=("name", "phone"))),
]


def scenario(steps, followers: int, hours: float) -> Scenario:
    return Scenario(
        campaign=Campaign(name="benchmark draw", brand="Acme", start=START, end=START + timedelta(hours=hours)),
        platform=Platform(name="wechat", followers=followers),
        audience=Audience(),
        entry=Entry(steps=tuple(steps)),
        prize=Prize(draw="random", items=(PrizeItem(name="gift box", value=298, currency="CNY", quantity=20),)),
        fulfilment=Fulfilment(deliver_within_days=14, delivery_track_record=0.95),
    )


def world(rng: np.random.Generator) -> dict[str, float]:
    return {
        "reach_per_follower": float(math.exp(rng.uniform(math.log(0.02), math.log(0.12)))),
        "base_entry_rate": float(rng.uniform(0.1, 0.4)),
        "attention_half_life_hours": float(math.exp(rng.uniform(math.log(2.0), math.log(24.0)))),
        "effort_sensitivity": float(math.exp(rng.uniform(math.log(0.1), math.log(0.5)))),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--worlds", type=int, default=12)
    parser.add_argument("--heldout", type=int, default=6)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    registry = get_registry()
    rng = np.random.default_rng(np.random.SeedSequence(args.seed))
    errors = {n: [] for n in DEFAULT_FIT}
    credible = {n: 0 for n in DEFAULT_FIT}
    cover_mean = cover_draw = total = 0
    ratios, fit_times = [], []
    for w in range(args.worlds):
        truth = world(rng)
        order = rng.permutation(len(FRICTIONS))
        pasts = []
        for i in order[:4]:
            sc = scenario(FRICTIONS[i], int(rng.integers(30_000, 150_000)), float(rng.choice([72.0, 120.0, 168.0])))
            pasts.append(Past(f"w{w}c{i}", sc, synthetic_history(sc, registry, truth, int(rng.integers(2**31)), f"w{w}c{i}")))
        started = time.perf_counter()
        result = fit(pasts, registry, DEFAULT_FIT, seed=int(rng.integers(2**31)))
        fit_times.append(time.perf_counter() - started)
        for n in DEFAULT_FIT:
            errors[n].append(result.median[n] / truth[n] - 1)
            credible[n] += result.low[n] <= truth[n] <= result.high[n]
        calibration = result.calibration()
        for k in range(args.heldout):
            i = int(order[4 + k % (len(FRICTIONS) - 4)])
            sc = scenario(FRICTIONS[i], int(rng.integers(30_000, 150_000)), float(rng.choice([48.0, 96.0, 144.0, 200.0])))
            true_sc = attrs.evolve(sc, simulation=tuple(truth.items()))
            seed = int(rng.integers(2**31))
            true_runs = simulate(true_sc, registry=registry, runs=100, seed=seed, parameters="fixed").per_run["entrants"]
            fresh = float(simulate(true_sc, registry=registry, runs=1, seed=seed + 1, parameters="fixed").per_run["entrants"][0])
            cal = simulate(sc, registry=registry, runs=100, seed=seed + 2, parameters="prior", calibration=calibration).summary("entrants")
            prior = simulate(sc, registry=registry, runs=100, seed=seed + 2, parameters="prior").summary("entrants")
            cover_mean += cal["p05"] <= float(true_runs.mean()) <= cal["p95"]
            cover_draw += cal["p05"] <= fresh <= cal["p95"]
            total += 1
            ratios.append((prior["p95"] - prior["p05"]) / max(cal["p95"] - cal["p05"], 1e-9))
        print(f"world {w + 1}/{args.worlds}: fit {fit_times[-1]:.1f} s; truth " + ", ".join(f"{n}={v:.3g}" for n, v in truth.items()),
              file=sys.stderr)
    print(f"{args.worlds} worlds × 4 past campaigns, {total} held-out campaigns")
    print(f"{'parameter':28}{'median |error|':>16}{'max |error|':>14}{'90% CI covers':>16}")
    for n in DEFAULT_FIT:
        e = [abs(x) for x in errors[n]]
        print(f"{n:28}{statistics.median(e):>15.1%}{max(e):>14.1%}{credible[n] / args.worlds:>16.0%}")
    print(f"held-out coverage of the true mean by calibrated 90% prediction intervals: {cover_mean / total:.0%}")
    print(f"held-out coverage of a fresh realisation:                               {cover_draw / total:.0%}")
    print(f"uncalibrated / calibrated interval width, median: {statistics.median(ratios):.1f}×")
    print(f"fit time for 4 campaigns: median {statistics.median(fit_times):.1f} s, max {max(fit_times):.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
