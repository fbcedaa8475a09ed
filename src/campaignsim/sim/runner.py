"""Monte Carlo replications, in this process or in worker processes, with the same results."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from typing import Callable, Optional

import numpy as np

from campaignsim.sim import rng as R
from campaignsim.sim.config import SimConfig, build_config
from campaignsim.sim.engine import SCALARS, run_many, run_replication
from campaignsim.sim.result import SimResult

DEFAULT_RUNS = 200


def _stack(outputs: list[dict]) -> dict[str, np.ndarray]:
    per_run: dict[str, np.ndarray] = {}
    for name in SCALARS:
        per_run[name] = np.array([o[name] for o in outputs], dtype=np.float64 if name in ("takedown_hour", "branching_ratio", "last_delivery_day") else np.int64)
    per_run["funnel"] = np.stack([o["funnel"] for o in outputs])
    per_run["timeline_exposed"] = np.stack([o["timeline_exposed"] for o in outputs])
    per_run["timeline_entrants"] = np.stack([o["timeline_entrants"] for o in outputs])
    return per_run


def run_config(cfg: SimConfig, runs: int = DEFAULT_RUNS, seed: int = 0, jobs: int = 1,
               progress: Optional[Callable[[int], None]] = None) -> SimResult:
    """Replicate a resolved configuration ``runs`` times from ``seed``."""
    if runs < 1:
        raise ValueError("runs must be at least 1")
    if seed < 0:
        raise ValueError("seed must be a non-negative integer")
    if not jobs or jobs < 1:
        jobs = os.cpu_count() or 1
    jobs = min(jobs, os.cpu_count() or 1, runs)  # more workers than CPUs or runs only costs memory and start-up
    check_work(cfg, runs)
    seeds = R.replication_seeds(seed, runs)
    outputs: list[Optional[dict]] = [None] * runs
    if jobs == 1 or runs == 1:
        for j, s in enumerate(seeds):
            outputs[j] = run_replication(cfg, s)
            if progress:
                progress(1)
    else:
        n_chunks = min(runs, jobs * 8)
        bounds = np.linspace(0, runs, n_chunks + 1).astype(int)
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = {pool.submit(run_many, cfg, seeds[a:b]): (a, b) for a, b in zip(bounds[:-1], bounds[1:]) if b > a}
            for future in as_completed(futures):
                a, b = futures[future]
                outputs[a:b] = future.result()
                if progress:
                    progress(b - a)
    return SimResult(config=cfg, runs=runs, seed=seed, per_run=_stack(outputs))  # type: ignore[arg-type]


def check_work(cfg: SimConfig, runs: int) -> None:
    """Refuse, with a message that says what to change, work that would take hours or exhaust memory
    (the limits are in :mod:`campaignsim.model.limits`)."""
    from campaignsim.model import limits
    from campaignsim.sim.config import SimulationConfigError

    people = sum(p.reach for p in cfg.posts)
    if runs * people > limits.MAX_PERSON_RUNS:
        most = max(1, int(limits.MAX_PERSON_RUNS // max(people, 1)))
        raise SimulationConfigError(f"{runs:,} runs × {people:,.0f} people reached is more than the {limits.MAX_PERSON_RUNS:,} "
                                    f"person-runs one command may simulate; use --runs {most:,} or fewer, or a smaller audience.reach")
    if runs * cfg.hours > limits.MAX_RUN_HOURS:
        most = max(1, limits.MAX_RUN_HOURS // max(cfg.hours, 1))
        raise SimulationConfigError(f"{runs:,} runs × {cfg.hours:,} campaign hours is more than the {limits.MAX_RUN_HOURS:,} run-hours "
                                    f"one command may keep; use --runs {most:,} or fewer")


def simulate(scenario, registry=None, runs: int = DEFAULT_RUNS, seed: int = 0, jobs: int = 1, takedown_codes=(),
             progress: Optional[Callable[[int], None]] = None) -> SimResult:
    """Simulate one scenario ``runs`` times; see :class:`SimResult` for what comes back.

    ``takedown_codes`` are the codes of the error-severity platform findings for this scenario:
    when there are any, the platform's takedown hazard applies. ``progress`` is called with the
    number of replications finished, as they finish. Variants simulated with the same ``seed``
    share their random numbers (common random numbers), replication by replication.
    """
    if registry is None:
        from campaignsim.plugin.manager import get_registry

        registry = get_registry()
    cfg = build_config(scenario, registry, tuple(takedown_codes))
    return run_config(cfg, runs=runs, seed=seed, jobs=jobs, progress=progress)
