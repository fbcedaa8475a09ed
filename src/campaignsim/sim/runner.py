"""Monte Carlo replications, in this process or in worker processes, with the same results."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any, Callable, Optional

import numpy as np

from campaignsim.sim import rng as R
from campaignsim.sim.config import SimConfig, build_config
from campaignsim.sim.engine import SCALARS, run_many, run_pairs, run_replication
from campaignsim.sim.operations import FLOAT_SCALARS as OPERATIONS_FLOATS
from campaignsim.sim.result import SimResult

from campaignsim.model.limits import DEFAULT_RUNS  # one default for simulate, run and compare

if TYPE_CHECKING:
    from campaignsim.plugin.manager import Registry

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


def _check(runs: int, seed: int, jobs: int) -> int:
    if runs < 1:
        raise ValueError("runs must be at least 1")
    if seed < 0:
        raise ValueError("seed must be a non-negative integer")
    if not jobs or jobs < 1:
        jobs = os.cpu_count() or 1
    jobs = min(jobs, os.cpu_count() or 1, runs)  # more workers than CPUs or runs only costs memory and start-up
    return jobs


def _replicate(cfgs: list[SimConfig], seeds, jobs: int, progress, executor=None) -> list[dict]:
    """Replication j with configuration ``cfgs[j]`` and seed ``seeds[j]``: in this process, in local
    worker processes (``jobs``), or through ``executor`` (:mod:`campaignsim.parallel`, e.g. a Dask
    cluster). The seeds are fixed before anything is sent, so where a replication runs, and how often
    (a task retried after its worker died), does not change its numbers."""
    from campaignsim.parallel import LocalExecutor, chunk_bounds

    runs = len(seeds)
    outputs: list[Optional[dict]] = [None] * runs
    own = executor is None
    if own:
        executor = LocalExecutor(jobs)
    try:
        workers = max(1, int(getattr(executor, "workers", 1)))
        if workers == 1 or runs == 1:
            for j, s in enumerate(seeds):
                outputs[j] = run_replication(cfgs[j], s)
                if progress:
                    progress(1)
            return outputs  # type: ignore[return-value]
        # About four chunks per worker: few enough that pickling and round trips stay small against
        # the work, enough that no worker idles at the end.
        bounds = chunk_bounds(runs, workers, per_worker=4)
        fn: Callable[..., list[dict]]
        tasks: list[tuple[Any, Any]]
        if all(c is cfgs[0] for c in cfgs):
            fn, tasks = run_many, [(cfgs[0], seeds[a:b]) for a, b in bounds]
        else:
            fn, tasks = run_pairs, [(cfgs[a:b], seeds[a:b]) for a, b in bounds]

        def tick(task, _result):
            if progress:
                progress(len(task[1]))

        for (a, b), chunk in zip(bounds, executor.map(fn, tasks, tick)):
            outputs[a:b] = chunk
    finally:
        if own:
            executor.close()
    return outputs  # type: ignore[return-value]


def run_config(cfg: SimConfig, runs: int = DEFAULT_RUNS, seed: int = 0, jobs: int = 1,
               progress: Optional[Callable[[int], None]] = None, executor=None) -> SimResult:
    """Replicate a resolved configuration ``runs`` times from ``seed`` (fixed parameters: Monte Carlo only)."""
    return run_configs([cfg], runs=runs, seed=seed, jobs=jobs, progress=progress, executor=executor)[0]


def run_configs(cfgs: list[SimConfig], runs: int = DEFAULT_RUNS, seed: int = 0, jobs: int = 1,
                progress: Optional[Callable[[int], None]] = None, executor=None) -> list[SimResult]:
    """Replicate each configuration ``runs`` times from ``seed``, all as one batch of tasks (the
    analyses' many points). Every configuration uses the same seeds: common random numbers."""
    jobs = _check(runs, seed, jobs)
    check_work(cfgs, runs)  # the analyses' points together: runs × points × people
    seeds = R.replication_seeds(seed, runs)
    outputs = _replicate([c for c in cfgs for _ in range(runs)], list(seeds) * len(cfgs), jobs, progress, executor)
    return [SimResult(config=cfg, runs=runs, seed=seed, per_run=_stack(outputs[k * runs:(k + 1) * runs]))
            for k, cfg in enumerate(cfgs)]


def run_uncertain(scenario, registry: Registry, runs: int = DEFAULT_RUNS, seed: int = 0, jobs: int = 1, takedown_codes=(),
                  progress: Optional[Callable[[int], None]] = None, calibration=None, draws: Optional[int] = None,
                  executor=None) -> SimResult:
    """The outer loop: ``draws`` parameter draws (default: one per run) from the priors, or from
    ``calibration``'s posterior, each replicated; replication j uses draw ``j·draws//runs`` and seed j."""
    from campaignsim.sim.uncertainty import Sampler, draw_index

    jobs = _check(runs, seed, jobs)
    draws = runs if draws is None else max(1, min(int(draws), runs))
    point = build_config(scenario, registry, takedown_codes, calibration=calibration)
    check_work(point, runs)
    samplers = [Sampler(seed, i, calibration) for i in range(draws)]
    by_draw = [build_config(scenario, registry, takedown_codes, sampler=s, calibration=calibration) for s in samplers]
    cfgs = [by_draw[draw_index(j, runs, draws)] for j in range(runs)]
    outputs = _replicate(cfgs, R.replication_seeds(seed, runs), jobs, progress, executor)
    names = sorted({name for s in samplers for name in s.drawn})
    drawn = {name: np.array([samplers[draw_index(j, runs, draws)].drawn.get(name, np.nan) for j in range(runs)]) for name in names}
    mode = "calibrated" if calibration is not None else "prior"
    return SimResult(config=point, runs=runs, seed=seed, per_run=_stack(outputs), uncertainty=mode, draws=draws,
                     parameter_draws=drawn, calibration=None if calibration is None else calibration.label,
                     calibration_checks=() if calibration is None else calibration.checks)


def check_work(cfg, runs: int) -> None:
    """Refuse, with a message that says what to change, work that would take hours or exhaust memory
    (the limits are in :mod:`campaignsim.model.limits`). ``cfg`` is one configuration or a list of
    them simulated as one batch (a sweep's or a sensitivity analysis's points): their work adds up."""
    from campaignsim.model import limits
    from campaignsim.sim.config import SimulationConfigError

    cfgs = list(cfg) if isinstance(cfg, (list, tuple)) else [cfg]
    points = f" at {len(cfgs):,} points" if len(cfgs) > 1 else ""
    people = sum(p.reach for c in cfgs for p in c.posts)
    if runs * people > limits.MAX_PERSON_RUNS:
        most = max(1, int(limits.MAX_PERSON_RUNS // max(people, 1)))
        raise SimulationConfigError(f"{runs:,} runs × {people:,.0f} people reached{points} is more than the {limits.MAX_PERSON_RUNS:,} "
                                    f"person-runs one command may simulate; use --runs {most:,} or fewer, or a smaller audience.reach")
    # the campaign's hourly timelines, and the support queue's over the operations' followed period
    hours = sum(c.hours + (c.operations.hours if c.operations is not None else 0) for c in cfgs)
    if runs * hours > limits.MAX_RUN_HOURS:
        most = max(1, limits.MAX_RUN_HOURS // max(hours, 1))
        raise SimulationConfigError(f"{runs:,} runs × {hours:,} campaign and operations hours{points} is more than the "
                                    f"{limits.MAX_RUN_HOURS:,} run-hours one command may keep; use --runs {most:,} or fewer")


def simulate(scenario, registry: Registry | None = None, runs: int = DEFAULT_RUNS, seed: int = 0, jobs: int = 1, takedown_codes=(),
             progress: Optional[Callable[[int], None]] = None, parameters: str = "fixed", calibration=None,
             draws: Optional[int] = None, executor=None) -> SimResult:
    """Simulate one scenario ``runs`` times; see :class:`SimResult` for what comes back.

    ``takedown_codes`` are the codes of the error-severity platform findings for this scenario:
    when there are any, the platform's takedown hazard applies. ``progress`` is called with the
    number of replications finished, as they finish. Variants simulated with the same ``seed``
    share their random numbers (common random numbers), replication by replication.

    ``parameters``: ``"fixed"`` runs every replication with the same parameter values (Monte Carlo
    noise only: the intervals are over runs); ``"prior"`` draws the parameters from their priors, or
    from ``calibration``'s posterior (a :class:`campaignsim.calibrate.Calibration`), in an outer loop of
    ``draws`` draws (default one per run): the intervals are then prediction intervals. The command
    line forecasts with ``"prior"`` unless told ``--fixed-parameters``. With ``"fixed"`` and a
    calibration, the calibration's fitted values are used as fixed values.
    """
    if registry is None:
        from campaignsim.plugin.manager import get_registry

        registry = get_registry()
    if parameters not in ("fixed", "prior"):
        raise ValueError(f"parameters must be 'fixed' or 'prior', got {parameters!r}")
    if parameters == "prior":
        return run_uncertain(scenario, registry, runs=runs, seed=seed, jobs=jobs, takedown_codes=tuple(takedown_codes),
                             progress=progress, calibration=calibration, draws=draws, executor=executor)
    cfg = build_config(scenario, registry, tuple(takedown_codes), calibration=calibration)
    result = run_config(cfg, runs=runs, seed=seed, jobs=jobs, progress=progress, executor=executor)
    if calibration is not None:
        result.calibration = calibration.label
        result.calibration_checks = calibration.checks
    return result
