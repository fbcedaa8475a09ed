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

    def render_text(self) -> str:
        """A plain-text summary for the terminal."""
        from rich.markup import escape

        from campaignsim.report.escape import terminal

        cfg = self.config
        title = escape(terminal(cfg.name + (f" — variant {cfg.variant!r}" if cfg.variant else " — base")))
        draws = f", {self.draws} parameter draws" if self.uncertainty != "fixed" else ""
        lines = [f"[bold]{title}[/bold]  ({self.runs} runs{draws}, seed {self.seed})", f"mean and {escape(self.interval_kind)}", ""]
        lines.append(f"{'':28}{'mean':>12}{'p05':>12}{'p95':>12}")

        def row(label, s, pct=False):
            def fmt(x):
                if x is None:
                    return "—"
                return f"{x:.1%}" if pct else (f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.2f}")
            lines.append(f"{label:28}{fmt(s['mean']):>12}{fmt(s['p05']):>12}{fmt(s['p95']):>12}")

        for label, name in (("impressions", "impressions"), ("unique reach (exposed)", "exposed"), ("decided to enter", "started"),
                            ("entrants", "entrants"), ("entries (draw tickets)", "entries"),
                            ("shares", "shares"), ("winners", "winners"), ("prizes delivered late", "late_prizes"), ("complaints", "complaints")):
            row(label, self.summary(name))
        winners = float(self.per_run["winners"].mean())
        if winners > 0:
            late, complaints = float(self.per_run["late_prizes"].mean()), float(self.per_run["complaints"].mean())
            lines.append(f"{'  late, as share of winners':28}{late / winners:>12.1%}")
            lines.append(f"{'  complaints, of winners':28}{complaints / winners:>12.1%}")
        for src in SOURCES:
            s = self.summary(f"exposed_{src}")
            if s["mean"]:
                row(f"  reach from {src.replace('_', ' ')}", s)
        if "public_complaints" in self.per_run:
            lines += ["", "Operations (prizes and support)"]
            row("prizes on time", self.summary("on_time_share"), pct=True)
            row("last delivery (days after draw)", self.summary("last_delivery_day"))
            row("unclaimed prizes", self.summary("unclaimed_prizes"))
            row("questions", self.summary("inquiries"))
            row("response time, mean (h)", self.summary("response_hours_mean"))
            row("response time, p95 (h)", self.summary("response_hours_p95"))
            row("unanswered at the end", self.summary("unanswered"))
            row("escalations", self.summary("escalations"))
            row("public complaints", self.summary("public_complaints"))
            row("trust for the next campaign", self.summary("trust_next"))
            lines.append("")
        row("branching ratio R", self.summary("branching_ratio"))
        cost = self.cost_per_entrant()
        if cost:
            row(f"cost per entrant ({cost['currency']})", cost)
        p = float(self.per_run["taken_down"].mean())
        if cfg.takedown_active:
            lines.append(f"{'takedown probability':28}{p:>12.1%}")
            if p > 0:
                row("  takedown at hour", self.summary("takedown_hour"))
            for assumption in (cfg.risk.assumptions() if cfg.risk is not None else ()):
                lines.append(f"  [dim]assumes {escape(assumption)}[/dim]")
        if "backlash" in self.per_run:
            causes = self.backlash_by_cause()
            lines.append(f"{'backlash probability':28}{float(self.per_run['backlash'].mean()):>12.1%}  (either cause)")
            if cfg.backlash_hazard_per_hour > 0:
                lines.append(f"{'  from broken rules':28}{causes['broken_rules'] or 0.0:>12.1%}")
                row("  complaints at that backlash", self.summary("backlash_complaints"))
            lines.append(f"{'  from public complaints':28}{causes['public_complaints'] or 0.0:>12.1%}")
        lines += ["", "Funnel (people completing each step)"]
        funnel = self.per_run["funnel"]
        started = float(self.per_run["started"].mean())
        for i, step in enumerate(cfg.steps):
            m = float(funnel[:, i].mean())
            share = f"{m / started:.0%} of those who decided" if started else ""
            label = escape(terminal(step.action + (" (optional)" if step.optional else "")))
            lines.append(f"  {i + 1}. {label:24}{m:>12,.1f}   {share}")
        timeline = self.per_run["timeline_entrants"].mean(axis=0)
        if len(timeline):
            days = [float(timeline[d * 24:(d + 1) * 24].sum()) for d in range(int(math.ceil(len(timeline) / 24)))]
            lines += ["", "Entrants per day: " + ", ".join(f"{d:,.0f}" for d in days)]
        for w in cfg.warnings:
            lines.append(f"[yellow]warning:[/yellow] {escape(w)}")
        return "\n".join(lines)
