"""Evaluate the simulator at many points with common random numbers, in one batch of tasks."""

from __future__ import annotations

import math
from typing import Callable, Optional, Sequence

from campaignsim.analysis import METRICS


class AnalysisError(ValueError):
    """An analysis that cannot be run as asked (unknown metric or parameter, a bad range…)."""


def metric_value(result, metric: str) -> float:
    """One number per point: the mean of ``metric`` over the point's replications."""
    if metric not in METRICS:
        raise AnalysisError(f"unknown metric {metric!r} (known: {', '.join(METRICS)})")
    if metric == "cost_per_entrant":
        budget = result.config.budget
        mean = float(result.per_run["entrants"].mean())
        return budget / mean if budget is not None and mean > 0 else math.nan
    return float(result.per_run[metric].mean())


def simulate_points(cfgs: Sequence, runs: int, seed: int, executor=None, jobs: int = 1,
                    progress: Optional[Callable[[int], None]] = None) -> list:
    """One :class:`~campaignsim.sim.result.SimResult` per configuration, all with the same seeds."""
    from campaignsim.sim.runner import run_configs

    return run_configs(list(cfgs), runs=runs, seed=seed, jobs=jobs, progress=progress, executor=executor)
