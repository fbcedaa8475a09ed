"""Analyses built on the simulator: global sensitivity (``sensitivity``) and design sweeps (``sweep``).

Both evaluate the simulator at many points: a point is a scenario (with simulation-parameter
overrides) resolved to a configuration. All points share the same replication seeds (common random
numbers), so differences between points come from the parameters, not from Monte Carlo noise; the
replications go to an executor from :mod:`campaignsim.parallel`, locally or on a Dask cluster.
"""

from __future__ import annotations

#: Outputs an analysis can be asked for (``--metric``), with what each means.
METRICS = {
    "entrants": "people who completed every required step (mean over runs)",
    "exposed": "people who saw the campaign (mean over runs)",
    "started": "people who decided to enter (mean over runs)",
    "shares": "completed sharing steps (mean over runs)",
    "late_prizes": "prizes delivered after the promised date (mean over runs)",
    "complaints": "complaints (mean over runs)",
    "taken_down": "probability that the post is taken down",
    "cost_per_entrant": "budget divided by mean entrants",
}

__all__ = ["METRICS"]
