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


__all__ = ["history_csv", "synthetic_history"]
