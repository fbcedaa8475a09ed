"""Synthetic past campaigns: what the simulator itself says a campaign did, day by day, with known
parameters. The calibration tests, the coverage benchmark and the example history use them."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Mapping, Sequence

import attrs

from campaignsim.calibrate.history import CampaignHistory

if TYPE_CHECKING:
    from campaignsim.plugin.manager import Registry


def synthetic_history(scenario, registry: Registry, truth: Mapping[str, float], seed: int, name: str, steps: bool = False) -> CampaignHistory:
    """One run of ``scenario`` with the ``truth`` parameters: new entrants and new people reached per
    day, and with ``steps`` each step's completions per day."""
    import numpy as np

    from campaignsim.sim.config import build_config
    from campaignsim.sim.engine import run_replication

    from campaignsim.model.simparams import find_param

    actions = [s.action for s in scenario.entry.steps]
    applies = {k: v for k, v in truth.items() if find_param(k, actions) is not None}  # per-action values for its actions only
    sc = attrs.evolve(scenario, simulation=tuple({**dict(scenario.simulation), **applies}.items()))
    cfg = build_config(sc, registry)
    out = run_replication(cfg, np.random.SeedSequence(seed).spawn(1)[0], trace=True)
    days = (cfg.hours + 23) // 24

    def daily(times):
        return [int(c) for c in np.bincount(np.minimum((np.asarray(times) // 24).astype(int), days - 1), minlength=days)]

    history = CampaignHistory(name, list(range(days)), daily(out["trace_entrant_times"]), daily(out["trace_exposure_times"]))
    if steps:
        history.steps = {k: daily(t) for k, t in enumerate(out["trace_step_times"])}
    return history


def history_csv(histories: Sequence[CampaignHistory]) -> str:
    """The histories as a history file (scenario,day,entrants,views)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    n_steps = max((max(h.steps) + 1 for h in histories if h.steps), default=0)
    writer.writerow(["scenario", "day", "entrants", "views"] + [f"step{k + 1}" for k in range(n_steps)])
    for h in histories:
        for i, (day, entrants, views) in enumerate(zip(h.days, h.entrants, h.views)):
            extra = [("" if k not in h.steps or h.steps[k][i] is None else h.steps[k][i]) for k in range(n_steps)]
            writer.writerow([h.scenario, day, entrants, "" if views is None else views] + extra)
    return out.getvalue()


def heldout_coverage(calibration, scenarios, registry: Registry, truth: Mapping[str, float], runs: int = 100, truth_runs: int = 100,
                     seed: int = 0, output: str = "entrants") -> list[dict]:
    """For each held-out scenario: the calibrated forecast's 90% prediction interval of ``output``,
    the uncalibrated (prior) one, and the true mean (``truth_runs`` runs with the ``truth`` parameters)."""
    from campaignsim.sim.runner import simulate

    out = []
    for i, sc in enumerate(scenarios):
        true_sc = attrs.evolve(sc, simulation=tuple({**dict(sc.simulation), **truth}.items()))
        true_mean = float(simulate(true_sc, registry=registry, runs=truth_runs, seed=seed + 10_000 + i, parameters="fixed").per_run[output].mean())
        cal = simulate(sc, registry=registry, runs=runs, seed=seed + i, parameters="prior", calibration=calibration).summary(output)
        prior = simulate(sc, registry=registry, runs=runs, seed=seed + i, parameters="prior").summary(output)
        out.append({"true_mean": true_mean, "calibrated": (cal["p05"], cal["p95"]), "prior": (prior["p05"], prior["p95"]),
                    "covered": cal["p05"] is not None and cal["p95"] is not None and cal["p05"] <= true_mean <= cal["p95"]})
    return out


__all__ = ["heldout_coverage", "history_csv", "synthetic_history"]
