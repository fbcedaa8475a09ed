"""Benchmark of the participation simulator, against a one-SimPy-process-per-person model.

    python benchmarks/bench_sim.py [--quick]

Measured in one process, on the machine at hand:

1. one replication of a 1,000,000-person WeChat campaign over 14 days (the reference funnel:
   follow, share to 3 friends, screenshot): time and peak memory (tracemalloc and max RSS);
2. the same funnel written as a SimPy user would — one process per person, who waits for their
   exposure, decides, and works through the steps, spawning a process per friend reached — on a
   smaller audience, with its time per exposed person scaled to the 1M campaign; the two models'
   mean entrants must agree within the Monte Carlo error;
3. 200 replications of a 100,000-person campaign with jobs=2.

Targets: (1) under 0.5 s and under 300 MB; (2) at least 100× faster; (3) under 10 s.
"""

from __future__ import annotations

import argparse
import math
import os
import random
import resource
import sys
import time
import tracemalloc
from datetime import datetime, timedelta, timezone

import numpy as np
import simpy

from campaignsim.model import (
    Audience, Campaign, Entry, EntryStep, Fulfilment, Money, Platform, Prize, PrizeItem, Scenario,
)
from campaignsim.plugin.manager import get_registry
from campaignsim.sim import simulate
from campaignsim.sim.config import build_config
from campaignsim.sim.kernels import make_kernel

START = datetime(2027, 3, 1, 10, tzinfo=timezone(timedelta(hours=8)))


def scenario(reach: int, days: float = 14) -> Scenario:
    return Scenario(
        campaign=Campaign(name="bench", brand="Acme", start=START, end=START + timedelta(days=days), budget=Money(amount=30000, currency="CNY")),
        platform=Platform(name="wechat", followers=reach * 20),
        audience=Audience(reach=reach),
        entry=Entry(steps=(EntryStep(action="follow"), EntryStep(action="share", to="friends", count=3), EntryStep(action="screenshot"))),
        prize=Prize(draw="random", items=(PrizeItem(name="Tea gift box", value=298, currency="CNY", quantity=20),)),
        fulfilment=Fulfilment(deliver_within_days=14, delivery_track_record=0.95),
    )


def per_person_model(cfg, seed: int) -> tuple[int, int]:
    """The straightforward SimPy model: one process per exposed person. Returns (exposed, entrants)."""
    rnd = random.Random(seed)
    env = simpy.Environment()
    kernel = make_kernel(*cfg.kernel)
    horizon = cfg.horizon
    counts = {"exposed": 0, "entrants": 0}
    steps = cfg.required_steps

    def person(exposure_time: float):
        yield env.timeout(exposure_time - env.now)
        counts["exposed"] += 1
        interest = 1 / (1 + math.exp(-(cfg.interest_location + cfg.interest_sigma * rnd.gauss(0, 1))))
        value = math.exp(cfg.value_sigma * rnd.gauss(0, 1) - cfg.value_sigma ** 2 / 2)
        tolerance = math.exp(cfg.tolerance_sigma * rnd.gauss(0, 1) - cfg.tolerance_sigma ** 2 / 2)
        u = (cfg.beta0 + cfg.beta_interest * (interest - 0.5) + cfg.beta_value * math.log1p(cfg.trust * cfg.prize_usd * value)
             - cfg.beta_effort * cfg.effort / tolerance)
        if rnd.random() >= 1 / (1 + math.exp(-u)):
            return
        for step in steps:
            if rnd.random() >= step.completion:
                return
            if step.delay > 0:
                yield env.timeout(rnd.expovariate(1 / step.delay))
            if env.now >= horizon:
                return
            if step.offspring_mean > 0:
                for _ in range(poisson(step.offspring_mean)):
                    t = env.now + (rnd.expovariate(1 / cfg.share_delay) if cfg.share_delay > 0 else 0.0)
                    if t < horizon:
                        env.process(person(t))
        counts["entrants"] += 1

    def poisson(lam: float) -> int:
        k, p, s, u = 0, math.exp(-lam), math.exp(-lam), rnd.random()
        while u > s:
            k += 1
            p *= lam / k
            s += p
        return k

    def post(reach: float, at: float):
        yield env.timeout(at)
        s_end = float(kernel.survival(horizon - at))
        # Poisson(reach·(1 − S(T))) people, each exposed at a time drawn from the kernel
        n = int(np.random.default_rng(seed).poisson(reach * (1 - s_end)))
        for _ in range(n):
            t = at + float(kernel.inverse_survival(1 - rnd.random() * (1 - s_end)))
            env.process(person(t))

    for p in cfg.posts:
        env.process(post(p.reach, p.at))
    env.run(until=horizon)
    return counts["exposed"], counts["entrants"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer replications (a smoke run, figures less precise)")
    args = parser.parse_args()
    registry = get_registry()
    results = []
    print(f"{os.cpu_count()} CPUs, load average before the run {os.getloadavg()[0]:.1f} (figures scale with other work on the machine)")

    # 1. one replication, 1M people, 14 days ---------------------------------------------------------
    big = scenario(1_000_000)
    simulate(scenario(10_000), registry=registry, runs=1, seed=0)  # warm-up: imports, caches
    times = []
    for rep in range(3):
        t0 = time.perf_counter()
        big_result = simulate(big, registry=registry, runs=1, seed=rep)
        times.append(time.perf_counter() - t0)
    t_big = min(times)
    tracemalloc.start()
    simulate(big, registry=registry, runs=1, seed=0)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    exposed_big = float(big_result.per_run["exposed"][0])
    print(f"1M audience, 14 days, 1 replication: {t_big:.3f} s (best of 3; runs {', '.join(f'{t:.3f}' for t in times)}), "
          f"{exposed_big:,.0f} exposed, {big_result.per_run['entrants'][0]:,} entrants")
    print(f"  peak traced memory {peak / 1e6:.0f} MB; process max RSS {rss:.0f} MB (includes the interpreter and libraries)")
    results.append(("1M people × 14 days in < 0.5 s", t_big < 0.5))
    results.append(("peak memory of that run < 300 MB", peak / 1e6 < 300))

    # 2. the per-person SimPy model, on a smaller audience ----------------------------------------------
    small_reach = 30_000
    small = scenario(small_reach)
    cfg = build_config(small, registry)
    person_runs = 2 if args.quick else 5
    t0 = time.perf_counter()
    person = [per_person_model(cfg, seed) for seed in range(person_runs)]
    t_person = (time.perf_counter() - t0) / person_runs
    person_exposed = np.mean([e for e, _ in person])
    person_entrants = np.array([n for _, n in person], dtype=float)
    ours = simulate(small, registry=registry, runs=50 if args.quick else 200, seed=0)
    t0 = time.perf_counter()
    simulate(small, registry=registry, runs=20, seed=1)
    t_ours_small = (time.perf_counter() - t0) / 20
    our_entrants = ours.per_run["entrants"].astype(float)
    se = math.sqrt(our_entrants.var(ddof=1) / len(our_entrants) + max(person_entrants.var(ddof=1), our_entrants.var(ddof=1)) / len(person_entrants))
    agree = abs(our_entrants.mean() - person_entrants.mean()) <= 4 * se
    per_person_scaled = t_person / person_exposed * exposed_big
    ratio = per_person_scaled / t_big
    print(f"per-person SimPy model, reach {small_reach:,}: {t_person:.2f} s per replication for {person_exposed:,.0f} exposed "
          f"→ {per_person_scaled:.1f} s scaled to the 1M campaign")
    print(f"  this simulator on the same campaign: {t_ours_small * 1000:.1f} ms per replication")
    print(f"  mean entrants: per-person {person_entrants.mean():,.1f} ({person_runs} runs) vs cohort {our_entrants.mean():,.1f} "
          f"({len(our_entrants)} runs); difference {our_entrants.mean() - person_entrants.mean():+.1f}, 4 SE = {4 * se:.1f}")
    print(f"  speed-up at 1M: {ratio:,.0f}×")
    results.append(("the two models' mean entrants agree within 4 SE", agree))
    results.append(("≥ 100× faster than one SimPy process per person", ratio >= 100))

    # 3. 200 replications of 100,000 people with jobs=2 -------------------------------------------------
    mid = scenario(100_000)
    runs = 50 if args.quick else 200
    t0 = time.perf_counter()
    simulate(mid, registry=registry, runs=runs, seed=0, jobs=2)
    t_mid = time.perf_counter() - t0
    t0 = time.perf_counter()
    simulate(mid, registry=registry, runs=max(runs // 4, 1), seed=0, jobs=1)
    t_mid1 = (time.perf_counter() - t0) * runs / max(runs // 4, 1)
    print(f"{runs} replications of 100,000 people: {t_mid:.2f} s with jobs=2 (jobs=1 would take ≈ {t_mid1:.2f} s)")
    results.append((f"{runs} × 100k people with jobs=2 in < 10 s", t_mid < 10))

    print(f"\nload average after the run {os.getloadavg()[0]:.1f}")
    for label, ok in results:
        print(f"  [{'met' if ok else 'NOT met'}] {label}")
    return 0 if all(ok for _, ok in results) else 1


if __name__ == "__main__":
    sys.exit(main())
