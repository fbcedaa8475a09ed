"""The Monte Carlo result: per-replication arrays, summaries (mean, p05, p95), JSON and text."""

from __future__ import annotations

import math
from typing import Any, Optional

import attrs
import numpy as np

from campaignsim.sim.config import SOURCES, SimConfig

CONTRACT_OUTPUTS = ("entrants", "exposed", "entries", "shares", "late_prizes", "complaints")
EXTRA_OUTPUTS = ("impressions", "started", "actions", "winners", "voided_entrants", "branching_ratio", "last_delivery_day")
OPERATIONS_OUTPUTS = ("on_time_share", "response_hours_mean", "response_hours_p95", "inquiries", "unanswered", "escalations",
                      "public_complaints", "unclaimed_prizes", "trust_next")
"""Outputs of the operations (sim/operations.py), each summarised like the others."""
BACKLASH_COMBINES = ("share of runs with a public backlash from either cause: broken reputation rules "
                     "(a hazard during the campaign) or public complaints about prizes and support "
                     "(each may set one off after the draw)")
"""What ``backlash_probability`` combines, said in the JSON beside it."""


def _f(x: float) -> Optional[float]:
    """A JSON-safe float, rounded to 6 decimals (None for NaN)."""
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        return None
    return round(x, 6) + 0.0


def summary(values: np.ndarray) -> dict[str, Optional[float]]:
    """Mean and 90% interval over the replications, ignoring NaN (no value in that run): ``low`` and
    ``high`` are the 5th and 95th percentiles of the runs (what they mean, runs or prediction, is the
    document's ``interval``); ``p05`` and ``p95`` repeat them under their former names for one release."""
    v = np.asarray(values, dtype=np.float64)
    v = v[~np.isnan(v)]
    if len(v) == 0:
        return {"mean": None, "low": None, "high": None, "p05": None, "p95": None}
    p05, p95 = np.quantile(v, [0.05, 0.95])
    return {"mean": _f(v.mean()), "low": _f(p05), "high": _f(p95), "p05": _f(p05), "p95": _f(p95)}


def interval_phrase(sims) -> str:
    """How the p05–p95 figures of these results read, for a report's caption."""
    modes = {getattr(s, "uncertainty", "fixed") for s in sims}
    if modes <= {"fixed"}:
        return "5th–95th percentile of the runs"
    source = "a calibration's posterior" if modes == {"calibrated"} else "the priors"
    return f"90% prediction interval: parameters drawn from {source}, plus Monte Carlo noise"


@attrs.define
class SimResult:
    """What :func:`campaignsim.sim.simulate` returns.

    ``per_run`` maps each output to a numpy array with one value per replication (replication j
    used seed child j, so two results with the same seed can be compared pairwise);
    ``per_run["funnel"]`` is runs × steps and ``per_run["timeline_entrants"]`` runs × hours.
    """

    config: SimConfig
    runs: int
    seed: int
    per_run: dict[str, np.ndarray]
    uncertainty: str = "fixed"  # "fixed": Monte Carlo only; "prior" / "calibrated": parameters drawn in an outer loop
    draws: int = 0  # parameter draws (0 with fixed parameters)
    parameter_draws: dict[str, np.ndarray] = attrs.field(factory=dict)  # the drawn value of each parameter, per run
    calibration: Optional[str] = None  # the calibration file used, if any
    calibration_checks: tuple = ()  # its posterior predictive check (observed vs fitted daily entrants of the past campaigns)

    @property
    def interval_kind(self) -> str:
        """What the p05–p95 intervals are."""
        if self.uncertainty == "fixed":
            return "90% interval over runs (Monte Carlo noise only; parameters fixed)"
        source = "the calibration's posterior" if self.uncertainty == "calibrated" else "the priors"
        return f"90% prediction interval (parameters drawn from {source}, and Monte Carlo noise)"

    @property
    def scenario(self) -> str:
        return self.config.name

    @property
    def variant(self) -> Optional[str]:
        return self.config.variant

    def mean(self, output: str) -> float:
        return float(np.nanmean(self.per_run[output])) if np.any(~np.isnan(self.per_run[output].astype(float))) else math.nan

    def summary(self, output: str) -> dict[str, Optional[float]]:
        return summary(self.per_run[output])

    def cost_per_entrant(self) -> Optional[dict[str, Any]]:
        """Budget per entrant: mean over runs of budget/entrants is unstable, so budget / the entrant summaries."""
        if self.config.budget is None:
            return None
        s = self.summary("entrants")
        def div(x):
            return None if not x else _f(self.config.budget / x)
        return {"mean": div(s["mean"]), "low": div(s["p95"]), "high": div(s["p05"]), "p05": div(s["p95"]), "p95": div(s["p05"]),
                "currency": self.config.budget_currency}

    def to_json_dict(self) -> dict[str, Any]:
        cfg = self.config
        outputs: dict[str, Any] = {name: self.summary(name) for name in CONTRACT_OUTPUTS}
        outputs["takedown_probability"] = _f(self.per_run["taken_down"].mean())
        for name in EXTRA_OUTPUTS:
            outputs[name] = self.summary(name)
        outputs["takedown_hour"] = self.summary("takedown_hour")
        if "backlash" in self.per_run:
            # One backlash figure: the share of runs in which either cause set one off.
            outputs["backlash_probability"] = _f(self.per_run["backlash"].mean())
            outputs["backlash_by_cause"] = self.backlash_by_cause()
        else:
            outputs["backlash_probability"] = 0.0
        if "backlash_complaints" in self.per_run:
            outputs["backlash_complaints"] = self.summary("backlash_complaints")
        outputs["audience_cap_probability"] = _f(self.per_run["audience_cap_hit"].mean())
        if "public_complaints" in self.per_run:
            for name in OPERATIONS_OUTPUTS:
                outputs[name] = self.summary(name)
        outputs["cost_per_entrant"] = self.cost_per_entrant()
        funnel = self.per_run["funnel"]
        started = float(self.per_run["started"].mean()) or math.nan
        steps = []
        for i, step in enumerate(cfg.steps):
            s = summary(funnel[:, i])
            steps.append({"step": i, "action": step.action, "optional": step.optional, **s,
                          "share_of_started": _f(funnel[:, i].mean() / started) if started == started else None})
        hours = list(range(cfg.hours))
        return {
            "scenario": cfg.name,
            "variant": cfg.variant,
            "runs": self.runs,
            "seed": self.seed,
            "interval": "prediction" if self.uncertainty != "fixed" else "runs",
            "interval_meaning": self.interval_kind,
            "parameter_uncertainty": {"mode": self.uncertainty, "draws": self.draws, "calibration": self.calibration,
                                      "drawn": {name: summary(v) for name, v in sorted(self.parameter_draws.items())}},
            "outputs": outputs,
            "reach_by_source": {src: self.summary(f"exposed_{src}") for src in SOURCES},
            "funnel": steps,
            "timeline": {
                "hour": hours,
                "entrants_mean": [_f(x) for x in self.per_run["timeline_entrants"].mean(axis=0)],
                "exposed_mean": [_f(x) for x in self.per_run["timeline_exposed"].mean(axis=0)],
            },
            **({"support_queue": self.support_queue()} if "timeline_support_queue" in self.per_run else {}),
            "parameters": {name: {"value": _f(value), "source": source} for name, value, source in cfg.parameters},
            "warnings": list(cfg.warnings),
            "risk": cfg.risk.to_json_dict() if cfg.risk is not None else None,
            "impossible": list(cfg.impossible),
        }

    def backlash_by_cause(self) -> dict[str, Any]:
        """The causes that ``backlash_probability`` combines, each as its share of runs."""
        per = self.per_run
        def share(name):
            return _f(per[name].mean()) if name in per else 0.0
        return {
            "combines": BACKLASH_COMBINES,
            "broken_rules": share("backlash_rules"),
            "public_complaints": share("backlash_operations"),
            "both": _f((per["backlash_rules"].astype(bool) & per["backlash_operations"].astype(bool)).mean())
            if "backlash_rules" in per and "backlash_operations" in per else 0.0,
        }

    def support_queue(self) -> dict:
        """Questions open (asked, not yet answered) at each hour from the campaign's start: mean and 90% interval of the runs."""
        queue = self.per_run["timeline_support_queue"]
        if queue.shape[1] == 0:
            return {"hour": [], "mean": [], "low": [], "high": [], "p05": [], "p95": []}
        p05, p95 = np.quantile(queue, [0.05, 0.95], axis=0)
        low, high = [_f(x) for x in p05], [_f(x) for x in p95]
        return {"hour": list(range(queue.shape[1])), "mean": [_f(x) for x in queue.mean(axis=0)],
                "low": low, "high": high, "p05": low, "p95": high}
