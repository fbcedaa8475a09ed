"""The Monte Carlo result: per-replication arrays, summaries (mean, p05, p95), JSON and text."""

from __future__ import annotations

import math
from typing import Any, Optional

import attrs
import numpy as np

from campaignsim.sim.config import SOURCES, SimConfig

CONTRACT_OUTPUTS = ("entrants", "exposed", "entries", "shares", "late_prizes", "complaints")
EXTRA_OUTPUTS = ("started", "actions", "winners", "voided_entrants", "branching_ratio", "last_delivery_day")


def _f(x: float) -> Optional[float]:
    """A JSON-safe float, rounded to 6 decimals (None for NaN)."""
    x = float(x)
    if math.isnan(x) or math.isinf(x):
        return None
    return round(x, 6) + 0.0


def summary(values: np.ndarray) -> dict[str, Optional[float]]:
    """Mean and 90% interval (p05, p95) over the replications, ignoring NaN (no value in that run)."""
    v = np.asarray(values, dtype=np.float64)
    v = v[~np.isnan(v)]
    if len(v) == 0:
        return {"mean": None, "p05": None, "p95": None}
    p05, p95 = np.quantile(v, [0.05, 0.95])
    return {"mean": _f(v.mean()), "p05": _f(p05), "p95": _f(p95)}


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
        return {"mean": div(s["mean"]), "p05": div(s["p95"]), "p95": div(s["p05"]), "currency": self.config.budget_currency}

    def to_json_dict(self) -> dict[str, Any]:
        cfg = self.config
        outputs: dict[str, Any] = {name: self.summary(name) for name in CONTRACT_OUTPUTS}
        outputs["takedown_probability"] = _f(self.per_run["taken_down"].mean())
        for name in EXTRA_OUTPUTS:
            outputs[name] = self.summary(name)
        outputs["takedown_hour"] = self.summary("takedown_hour")
        outputs["audience_cap_probability"] = _f(self.per_run["audience_cap_hit"].mean())
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
            "outputs": outputs,
            "reach_by_source": {src: self.summary(f"exposed_{src}") for src in SOURCES},
            "funnel": steps,
            "timeline": {
                "hour": hours,
                "entrants_mean": [_f(x) for x in self.per_run["timeline_entrants"].mean(axis=0)],
                "exposed_mean": [_f(x) for x in self.per_run["timeline_exposed"].mean(axis=0)],
            },
            "parameters": {name: {"value": _f(value), "source": source} for name, value, source in cfg.parameters},
            "warnings": list(cfg.warnings),
        }

    def render_text(self) -> str:
        """A plain-text summary for the terminal."""
        from rich.markup import escape

        from campaignsim.report.escape import terminal

        cfg = self.config
        title = escape(terminal(cfg.name + (f" — variant {cfg.variant!r}" if cfg.variant else " — base")))
        lines = [f"[bold]{title}[/bold]  ({self.runs} runs, seed {self.seed}; mean and 90% interval)", ""]
        lines.append(f"{'':28}{'mean':>12}{'p05':>12}{'p95':>12}")

        def row(label, s, pct=False):
            def fmt(x):
                if x is None:
                    return "—"
                return f"{x:.1%}" if pct else (f"{x:,.0f}" if abs(x) >= 100 else f"{x:,.2f}")
            lines.append(f"{label:28}{fmt(s['mean']):>12}{fmt(s['p05']):>12}{fmt(s['p95']):>12}")

        for label, name in (("exposed", "exposed"), ("decided to enter", "started"), ("entrants", "entrants"), ("entries", "entries"),
                            ("shares", "shares"), ("winners", "winners"), ("prizes delivered late", "late_prizes"), ("complaints", "complaints")):
            row(label, self.summary(name))
        for src in SOURCES:
            s = self.summary(f"exposed_{src}")
            if s["mean"]:
                row(f"  reach from {src.replace('_', ' ')}", s)
        row("branching ratio R", self.summary("branching_ratio"))
        cost = self.cost_per_entrant()
        if cost:
            row(f"cost per entrant ({cost['currency']})", cost)
        p = float(self.per_run["taken_down"].mean())
        if cfg.takedown_active:
            lines.append(f"{'takedown probability':28}{p:>12.1%}")
            if p > 0:
                row("  takedown at hour", self.summary("takedown_hour"))
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
