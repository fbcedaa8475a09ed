"""Synthetic past campaigns: what the simulator itself says a campaign did, day by day, with known
parameters. The calibration tests, the coverage benchmark and the example history use them."""

from __future__ import annotations

import csv
import io
from typing import Mapping, Sequence

import attrs

from campaignsim.calibrate.history import CampaignHistory


def synthetic_history(scenario, registry, truth: Mapping[str, float], seed: int, name: str) -> CampaignHistory:
    """One run of ``scenario`` with the ``truth`` parameters: new entrants and new people reached per day."""
    from campaignsim.sim.runner import simulate

    sc = attrs.evolve(scenario, simulation=tuple({**dict(scenario.simulation), **truth}.items()))
    result = simulate(sc, registry=registry, runs=1, seed=seed, parameters="fixed")
    entrants = result.per_run["timeline_entrants"][0]
    views = result.per_run["timeline_exposed"][0]
    days = (len(entrants) + 23) // 24
    return CampaignHistory(name, list(range(days)), [int(entrants[d * 24:(d + 1) * 24].sum()) for d in range(days)],
                           [int(views[d * 24:(d + 1) * 24].sum()) for d in range(days)])


def history_csv(histories: Sequence[CampaignHistory]) -> str:
    """The histories as a history file (scenario,day,entrants,views)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["scenario", "day", "entrants", "views"])
    for h in histories:
        for day, entrants, views in zip(h.days, h.entrants, h.views):
            writer.writerow([h.scenario, day, entrants, "" if views is None else views])
    return out.getvalue()


def heldout_coverage(calibration, scenarios, registry, truth: Mapping[str, float], runs: int = 100, truth_runs: int = 100,
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
                    "covered": cal["p05"] <= true_mean <= cal["p95"]})
    return out


__all__ = ["heldout_coverage", "history_csv", "synthetic_history"]
