"""``campaignsim simulate``'s text: one scenario's simulated outputs, for the terminal (Rich markup;
``run`` and ``compare`` render theirs with :mod:`campaignsim.report.run_text`)."""

from __future__ import annotations

import math

from rich.markup import escape

from campaignsim.report.escape import terminal
from campaignsim.sim.result import SOURCES


def render_text(result) -> str:
    """``simulate``'s summary of one :class:`~campaignsim.sim.result.SimResult` for the terminal (Rich markup)."""
    cfg = result.config
    title = escape(terminal(cfg.name + (f" — variant {cfg.variant!r}" if cfg.variant else " — base")))
    draws = f", {result.draws} parameter draws" if result.uncertainty != "fixed" else ""
    lines = [f"[bold]{title}[/bold]  ({result.runs} runs{draws}, seed {result.seed})", f"mean and {escape(result.interval_kind)}", ""]
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
        row(label, result.summary(name))
    winners = float(result.per_run["winners"].mean())
    if winners > 0:
        late, complaints = float(result.per_run["late_prizes"].mean()), float(result.per_run["complaints"].mean())
        lines.append(f"{'  late, as share of winners':28}{late / winners:>12.1%}")
        lines.append(f"{'  complaints, of winners':28}{complaints / winners:>12.1%}")
    for src in SOURCES:
        s = result.summary(f"exposed_{src}")
        if s["mean"]:
            row(f"  reach from {src.replace('_', ' ')}", s)
    if "public_complaints" in result.per_run:
        lines += ["", "Operations (prizes and support)"]
        row("prizes on time", result.summary("on_time_share"), pct=True)
        row("last delivery (days after draw)", result.summary("last_delivery_day"))
        row("unclaimed prizes", result.summary("unclaimed_prizes"))
        row("questions", result.summary("inquiries"))
        row("response time, mean (h)", result.summary("response_hours_mean"))
        row("response time, p95 (h)", result.summary("response_hours_p95"))
        row("unanswered at the end", result.summary("unanswered"))
        row("escalations", result.summary("escalations"))
        row("public complaints", result.summary("public_complaints"))
        row("trust for the next campaign", result.summary("trust_next"))
        lines.append("")
    row("branching ratio R", result.summary("branching_ratio"))
    cost = result.cost_per_entrant()
    if cost:
        row(f"cost per entrant ({cost['currency']})", cost)
    p = float(result.per_run["taken_down"].mean())
    if cfg.takedown_active:
        lines.append(f"{'takedown probability':28}{p:>12.1%}")
        if p > 0:
            row("  takedown at hour", result.summary("takedown_hour"))
        for assumption in (cfg.risk.assumptions() if cfg.risk is not None else ()):
            lines.append(f"  [dim]assumes {escape(assumption)}[/dim]")
    if "backlash" in result.per_run:
        causes = result.backlash_by_cause()
        lines.append(f"{'backlash probability':28}{float(result.per_run['backlash'].mean()):>12.1%}  (either cause)")
        if cfg.backlash_hazard_per_hour > 0:
            lines.append(f"{'  from broken rules':28}{causes['broken_rules'] or 0.0:>12.1%}")
            row("  complaints at that backlash", result.summary("backlash_complaints"))
        lines.append(f"{'  from public complaints':28}{causes['public_complaints'] or 0.0:>12.1%}")
    lines += ["", "Funnel (people completing each step)"]
    funnel = result.per_run["funnel"]
    started = float(result.per_run["started"].mean())
    for i, step in enumerate(cfg.steps):
        m = float(funnel[:, i].mean())
        share = f"{m / started:.0%} of those who decided" if started else ""
        label = escape(terminal(step.action + (" (optional)" if step.optional else "")))
        lines.append(f"  {i + 1}. {label:24}{m:>12,.1f}   {share}")
    timeline = result.per_run["timeline_entrants"].mean(axis=0)
    if len(timeline):
        days = [float(timeline[d * 24:(d + 1) * 24].sum()) for d in range(int(math.ceil(len(timeline) / 24)))]
        lines += ["", "Entrants per day: " + ", ".join(f"{d:,.0f}" for d in days)]
    for w in cfg.warnings:
        lines.append(f"[yellow]warning:[/yellow] {escape(w)}")
    return "\n".join(lines)
