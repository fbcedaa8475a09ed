"""Rows shared by the terminal, HTML and Markdown reports of run and compare."""

from __future__ import annotations


def number(x) -> str:
    return "–" if x is None else (f"{x:,.0f}" if abs(x) >= 10 else f"{x:,.1f}")


def _interval(stat: dict) -> str:
    return f"{number(stat['mean'])} ({number(stat['p05'])}–{number(stat['p95'])})"


def output_rows(result) -> tuple[list[str], list[list[str]]]:
    docs = [r.sim.to_json_dict() for r in result.runs]
    header = [""] + [r.label for r in result.runs]

    def cost(run, d):
        c = d["outputs"].get("cost_per_entrant")
        budget = run.scenario.campaign.budget
        return "–" if not c or c.get("mean") is None else f"{number(c['mean'])} {budget.currency if budget else ''}".strip()

    rows = [
        ["entrants"] + [_interval(d["outputs"]["entrants"]) for d in docs],
        ["entries"] + [_interval(d["outputs"]["entries"]) for d in docs],
        ["reach (people exposed)"] + [_interval(d["outputs"]["exposed"]) for d in docs],
        ["cost per entrant"] + [cost(r, d) for r, d in zip(result.runs, docs)],
        ["takedown probability"] + [f"{d['outputs']['takedown_probability']:.0%}" for d in docs],
        ["late prizes"] + [_interval(d["outputs"]["late_prizes"]) for d in docs],
        ["public complaints"] + [_interval(d["outputs"]["complaints"]) for d in docs],
        *operations_rows(docs),
        ["error findings"] + [str(sum(f.severity == "error" for f in r.lint.findings)) for r in result.runs],
    ]
    return header, rows


def _share(stat: dict) -> str:
    def pct(x):
        return "–" if x is None else f"{x:.0%}"
    return f"{pct(stat['mean'])} ({pct(stat['p05'])}–{pct(stat['p95'])})"


def operations_rows(docs: list[dict]) -> list[list[str]]:
    """Prizes and support, per variant: the operations' outputs (sim/operations.py)."""
    if not docs or any("on_time_share" not in d["outputs"] for d in docs):
        return []
    out = [d["outputs"] for d in docs]
    return [
        ["prizes on time"] + [_share(o["on_time_share"]) for o in out],
        ["last delivery (days after the draw)"] + [_interval(o["last_delivery_day"]) for o in out],
        ["support response, mean (hours)"] + [_interval(o["response_hours_mean"]) for o in out],
        ["support response, 95th percentile (hours)"] + [_interval(o["response_hours_p95"]) for o in out],
        ["questions unanswered at the end"] + [_interval(o["unanswered"]) for o in out],
        ["escalations"] + [_interval(o["escalations"]) for o in out],
        ["backlash probability"] + [f"{o['backlash_probability']:.0%}" for o in out],
    ]


def comparison_rows(result) -> list[dict]:
    return [{"variant": c.variant.label, "mean": c.entrants.mean, "low": c.entrants.low, "high": c.entrants.high,
             "verdict": c.verdict, "breaks_rules": bool(c.variant.error_codes)} for c in result.comparisons]


def finding_rows(result) -> list[dict]:
    rows = []
    for run in result.runs:
        for f in run.lint.findings:
            rows.append({"variant": run.label, "code": f.code, "name": f.name, "severity": f.severity, "line": f.line or "",
                         "message": f.message, "suggestion": f.suggestion or "", "references": list(f.references),
                         "urls": list(f.reference_urls)})
    return rows
