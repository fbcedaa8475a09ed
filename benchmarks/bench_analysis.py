"""Benchmark of the analyses and of where replications run.

    python benchmarks/bench_analysis.py [--quick] [--processes 1,2,4,8]

Measured on the machine at hand, each against a baseline from the same run:

1. ``sensitivity``: Sobol indices of 10 parameters of a 100,000-reach WeChat campaign with the default
   sample size (N = 64: 768 simulations), wall time against one replication of the same campaign ×
   the number of evaluations on one process (the floor the analysis cannot beat without more cores).
   Target: under 60 s on 2 cores.
2. ``sweep``: 20 points × 50 runs of the same campaign: wall time against the same replications run
   back to back in one process.
3. Parallel efficiency of 200 replications of a 100,000-reach campaign at 1, 2, 4, 8 processes:
   T(1) / (p × T(p)). Target: at least 80% at 8 processes (on a machine with 8 free cores).
4. Local processes against a Dask cluster (a LocalCluster with the same number of worker processes
   started on this machine): the overhead of the scheduler round trips.

The model of the parallel overhead: T(p) ≈ T(1)/p + s + c·k, where s is starting the pool (forking
p processes, importing numpy in each) and c the cost of one task round trip (pickling the
configuration and the outputs) for k tasks (≈ 4p). The figures printed let both be read off.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import datetime, timedelta, timezone

from campaignsim.model import Audience, Campaign, Entry, EntryStep, Fulfilment, Money, Platform, Prize, PrizeItem, Scenario
from campaignsim.plugin.manager import get_registry
from campaignsim.sim.config import build_config

START = datetime(2027, 3, 1, 10, tzinfo=timezone(timedelta(hours=8)))


def scenario(reach: int, days: float = 7) -> Scenario:
    return Scenario(
        campaign=Campaign(name="bench", brand="Acme", start=START, end=START + timedelta(days=days), budget=Money(amount=30000, currency="CNY")),
        platform=Platform(name="wechat", followers=reach * 20),
        audience=Audience(reach=reach),
        entry=Entry(steps=(EntryStep(action="follow"), EntryStep(action="share", to="friends", count=3), EntryStep(action="screenshot"))),
        prize=Prize(draw="random", items=(PrizeItem(name="Tea gift box", value=298, currency="CNY", quantity=20),)),
        fulfilment=Fulfilment(deliver_within_days=14, delivery_track_record=0.95),
    )


TEN = ["base_entry_rate", "effort_sensitivity", "value_sensitivity", "interest_sensitivity", "interest_sigma",
       "effort_tolerance_sigma", "friend_attention", "friend_reach", "completion_share", "completion_screenshot"]


def one_replication_time(cfg, repeats: int = 5) -> float:
    from campaignsim.sim import rng as R
    from campaignsim.sim.engine import run_replication

    seeds = R.replication_seeds(0, repeats)
    run_replication(cfg, seeds[0])
    t = time.perf_counter()
    for s in seeds:
        run_replication(cfg, s)
    return (time.perf_counter() - t) / repeats


def bench_sensitivity(registry, quick: bool) -> None:
    from campaignsim.analysis.sensitivity import sensitivity
    from campaignsim.parallel import LocalExecutor

    sc = scenario(100_000)
    cfg = build_config(sc, registry)
    samples = 16 if quick else 64
    per = one_replication_time(cfg)
    evaluations = samples * (len(TEN) + 2)
    with LocalExecutor(0) as ex:
        t = time.perf_counter()
        result = sensitivity(sc, registry, params=TEN, samples=samples, executor=ex)
        wall = time.perf_counter() - t
    print(f"sensitivity: {len(TEN)} parameters, N={samples}, {evaluations} simulations of a 100k-reach campaign "
          f"on {ex.workers} processes: {wall:.1f} s (target < 60 s on 2 cores)")
    print(f"  baseline: one replication {per * 1000:.0f} ms × {evaluations} = {per * evaluations:.1f} s on one process "
          f"→ ratio {wall / (per * evaluations):.2f}")
    print("  ranking: " + ", ".join(f"{p.name} {p.total:.2f}" for p in result.parameters[:4]))


def bench_sweep(registry, quick: bool) -> None:
    from campaignsim.analysis.sweep import sweep
    from campaignsim.load import load_text
    from campaignsim.parallel import LocalExecutor

    text = open(os.path.join(os.path.dirname(__file__), "..", "scenarios", "wechat_lucky_draw_variants.toml"), encoding="utf-8").read()
    loaded = load_text(text, registry, path="wechat_lucky_draw_variants.toml")
    points, runs = (5, 10) if quick else (20, 50)
    cfg = build_config(loaded.scenarios[0], registry)
    per = one_replication_time(cfg)
    with LocalExecutor(0) as ex:
        t = time.perf_counter()
        sweep(loaded, registry, ["effort_sensitivity=0.05:0.6"], samples=points, runs=runs, executor=ex)
        wall = time.perf_counter() - t
    print(f"sweep: {points} points × {runs} runs on {ex.workers} processes: {wall:.1f} s; "
          f"baseline one process back to back ≈ {per * points * runs:.1f} s → ratio {wall / (per * points * runs):.2f}")


def _noop(cfg, seeds):
    """A task of the same shape as a chunk of replications that does no work: what a round trip costs."""
    return [None] * len(seeds)


def bench_scaling(registry, quick: bool, processes: list[int]) -> None:
    from campaignsim.parallel import LocalExecutor, chunk_bounds
    from campaignsim.sim import rng as R
    from campaignsim.sim.runner import run_config

    cfg = build_config(scenario(100_000), registry)
    runs = 40 if quick else 200
    cores = os.cpu_count() or 1
    times = {}
    for p in processes:
        with LocalExecutor(p) as ex:
            t = time.perf_counter()
            run_config(cfg, runs=runs, seed=0, executor=ex)
            times[p] = (time.perf_counter() - t, ex.workers)
    work, _ = times[processes[0]] if processes[0] == 1 else (None, None)
    print(f"parallel efficiency, {runs} replications × 100k reach ({cores} CPUs here; --jobs is capped at the CPUs, "
          f"so more processes than that run as {cores}):")
    for p in processes:
        wall, workers = times[p]
        if work is not None:
            print(f"  {p} processes ({workers} workers): {wall:.2f} s, speed-up {work / wall:.2f}, efficiency {work / (workers * wall):.0%}")
        else:
            print(f"  {p} processes ({workers} workers): {wall:.2f} s")
    if work is None:
        return
    # The overhead model: T(p) = W/p + s(p) + k·c + tail, with W the one-process time, s(p) starting
    # p workers (fork, first round trip), c one task's round trip (pickling the configuration and the
    # chunk's outputs, the pipe), k = 4p tasks handled by the parent one after another, and the tail
    # the wait for the last chunk (chunks of equal size: small). Both s and c are measured here.
    seeds = R.replication_seeds(0, runs)
    starts = {}
    for p in sorted({min(q, cores) for q in processes if q > 1}):
        with LocalExecutor(p) as ex:
            t = time.perf_counter()
            ex.map(_noop, [(cfg, seeds[:1])] * p)
            starts[p] = time.perf_counter() - t
    if not starts:
        return
    p_max = max(starts)
    with LocalExecutor(p_max) as ex:
        ex.map(_noop, [(cfg, seeds[:1])] * p_max)  # started
        k = 4 * p_max * 8
        bounds = chunk_bounds(runs, k // 4, per_worker=4)
        t = time.perf_counter()
        ex.map(_noop, [(cfg, seeds[a:b]) for a, b in bounds])
        per_task = (time.perf_counter() - t) / len(bounds)
    per_start = max(starts[p] / p for p in starts)  # the larger per-worker start, read as linear in p
    print(f"  model: W = {work:.2f} s of work; starting workers ≈ {per_start * 1000:.1f} ms each "
          f"({', '.join(f'{p}: {starts[p] * 1000:.0f} ms' for p in starts)}); one task round trip ≈ {per_task * 1000:.2f} ms")
    for p in (2, 4, 8, 16):
        predicted = work / p + per_start * p + 4 * p * per_task
        print(f"    predicted at {p:2d} processes: T ≈ {predicted:.2f} s, efficiency ≈ {work / (p * predicted):.0%}")
    print("  (the model leaves out what one machine's cores share: memory bandwidth and the clock a busy chip runs at;"
          " measure on a machine with that many free cores to see them)")


def bench_dask(registry, quick: bool) -> None:
    from distributed import LocalCluster

    from campaignsim.parallel import DaskExecutor, LocalExecutor
    from campaignsim.sim.runner import run_config

    cfg = build_config(scenario(100_000), registry)
    runs = 20 if quick else 100
    workers = min(2, os.cpu_count() or 1)
    with LocalExecutor(workers) as ex:
        t = time.perf_counter()
        local = run_config(cfg, runs=runs, seed=0, executor=ex)
        t_local = time.perf_counter() - t
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with DaskExecutor(cluster.scheduler_address) as ex:
            run_config(cfg, runs=2, seed=1, executor=ex)  # warm the workers' imports
            t = time.perf_counter()
            remote = run_config(cfg, runs=runs, seed=0, executor=ex)
            t_dask = time.perf_counter() - t
    import numpy as np

    same = all(np.array_equal(local.per_run[k], remote.per_run[k], equal_nan=True) for k in local.per_run)
    print(f"local {workers} processes vs Dask LocalCluster of {workers} workers, {runs} replications: "
          f"{t_local:.2f} s vs {t_dask:.2f} s (ratio {t_dask / t_local:.2f}); identical numbers: {same}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller samples, for a smoke run")
    parser.add_argument("--processes", default="1,2,4,8", help="process counts for the scaling figure")
    parser.add_argument("--only", choices=["sensitivity", "sweep", "scaling", "dask"], default=None)
    args = parser.parse_args()
    registry = get_registry()
    processes = [int(p) for p in args.processes.split(",")]
    steps = {"sensitivity": lambda: bench_sensitivity(registry, args.quick), "sweep": lambda: bench_sweep(registry, args.quick),
             "scaling": lambda: bench_scaling(registry, args.quick, processes), "dask": lambda: bench_dask(registry, args.quick)}
    for name, step in steps.items():
        if args.only in (None, name):
            step()
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
