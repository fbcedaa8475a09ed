"""Monte Carlo replications, in this process or in worker processes, with the same results."""

from __future__ import annotations

from typing import Callable, Optional

import numpy as np

from campaignsim.sim import rng as R
from campaignsim.sim.config import SimConfig, build_config
from campaignsim.sim.engine import SCALARS, run_many, run_replication
from campaignsim.sim.operations import FLOAT_SCALARS as OPERATIONS_FLOATS
from campaignsim.sim.result import SimResult

from campaignsim.compare import DEFAULT_RUNS  # one default for simulate, run and compare

FLOAT_OUTPUTS = ("takedown_hour", "branching_ratio", *OPERATIONS_FLOATS)


def _stack(outputs: list[dict]) -> dict[str, np.ndarray]:
    per_run: dict[str, np.ndarray] = {}
    for name in SCALARS:
        per_run[name] = np.array([o[name] for o in outputs], dtype=np.float64 if name in FLOAT_OUTPUTS else np.int64)
    per_run["funnel"] = np.stack([o["funnel"] for o in outputs])
    per_run["timeline_exposed"] = np.stack([o["timeline_exposed"] for o in outputs])
    per_run["timeline_entrants"] = np.stack([o["timeline_entrants"] for o in outputs])
    per_run["timeline_support_queue"] = np.stack([o["timeline_support_queue"] for o in outputs])
    return per_run


def run_configs(cfgs: list[SimConfig], runs: int = DEFAULT_RUNS, seed: int = 0, jobs: int = 1,
                progress: Optional[Callable[[int], None]] = None, executor=None) -> list[SimResult]:
    """Replicate each resolved configuration ``runs`` times from ``seed``, all as one batch of tasks.

    Every configuration uses the same replication seeds (common random numbers). The work is cut
    into chunks of replications and handed to ``executor`` (see :mod:`campaignsim.parallel`: this
    process, local worker processes, or a Dask cluster); without one, ``jobs`` worker processes on
    this machine (0: one per CPU). The seeds are fixed before anything is sent, so the results are
    the same wherever the chunks run.
    """
    if runs < 1:
        raise ValueError("runs must be at least 1")
    if seed < 0:
        raise ValueError("seed must be a non-negative integer")
    seeds = R.replication_seeds(seed, runs)
    own = executor is None
    if own:
        from campaignsim.parallel import LocalExecutor

        executor = LocalExecutor(jobs)
    try:
        workers = max(1, int(getattr(executor, "workers", 1)))
        if workers == 1 or (runs == 1 and len(cfgs) == 1):
            # One replication at a time in this process, so that the progress bar moves.
            outputs_by_cfg: list[list] = []
            for cfg in cfgs:
                outs = []
                for s in seeds:
                    outs.append(run_replication(cfg, s))
                    if progress:
                        progress(1)
                outputs_by_cfg.append(outs)
        else:
            from campaignsim.parallel import chunk_bounds

            # About four chunks per worker over the whole batch: few enough that pickling and round
            # trips stay small against the work, enough that no worker idles at the end.
            per_cfg = max(1, -(-workers * 4 // len(cfgs)))
            bounds = chunk_bounds(runs, per_cfg, per_worker=1)
            tasks = [(cfg, seeds[a:b]) for cfg in cfgs for a, b in bounds]
            owners = [(k, a, b) for k in range(len(cfgs)) for a, b in bounds]

            def tick(task, _result):
                if progress:
                    progress(len(task[1]))

            results = executor.map(run_many, tasks, tick)
            outputs_by_cfg = [[None] * runs for _ in cfgs]
            for (k, a, b), chunk in zip(owners, results):
                outputs_by_cfg[k][a:b] = chunk
    finally:
        if own:
            executor.close()
    return [SimResult(config=cfg, runs=runs, seed=seed, per_run=_stack(outs)) for cfg, outs in zip(cfgs, outputs_by_cfg)]


def run_config(cfg: SimConfig, runs: int = DEFAULT_RUNS, seed: int = 0, jobs: int = 1,
               progress: Optional[Callable[[int], None]] = None, executor=None) -> SimResult:
    """Replicate a resolved configuration ``runs`` times from ``seed``."""
    return run_configs([cfg], runs=runs, seed=seed, jobs=jobs, progress=progress, executor=executor)[0]


def simulate(scenario, registry=None, runs: int = DEFAULT_RUNS, seed: int = 0, jobs: int = 1, takedown_codes=(),
             progress: Optional[Callable[[int], None]] = None, executor=None) -> SimResult:
    """Simulate one scenario ``runs`` times; see :class:`SimResult` for what comes back.

    ``takedown_codes`` are the codes of the error-severity platform findings for this scenario:
    when there are any, the platform's takedown hazard applies. ``progress`` is called with the
    number of replications finished, as they finish. Variants simulated with the same ``seed``
    share their random numbers (common random numbers), replication by replication. ``executor``
    (:mod:`campaignsim.parallel`) says where the replications run; the numbers do not depend on it.
    """
    if registry is None:
        from campaignsim.plugin.manager import get_registry

        registry = get_registry()
    cfg = build_config(scenario, registry, tuple(takedown_codes))
    return run_config(cfg, runs=runs, seed=seed, jobs=jobs, progress=progress, executor=executor)
