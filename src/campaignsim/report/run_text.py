"""The terminal report of ``campaignsim run``: findings by variant, one table with a column per
variant, the paired comparison with a verdict, and a small chart of entrants over time."""

from __future__ import annotations

import math

from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from campaignsim.report.escape import terminal
from campaignsim.report.summary import number as _n, output_rows

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
BLOCKS = " ▁▂▃▄▅▆▇█"


def findings_section(result) -> Group:
    parts = []
    for run in result.runs:
        findings = run.lint.findings
        errors = sum(f.severity == "error" for f in findings)
        title = Text.assemble((terminal(run.label), "bold"), f"  {len(findings)} finding{'s' if len(findings) != 1 else ''}")
        if errors:
            title.append(f", {errors} error{'s' if errors != 1 else ''}", style="bold red")
        parts.append(title)
        for f in sorted(findings, key=lambda f: (-["info", "warning", "error"].index(f.severity), f.line or 0, f.code)):
            where = terminal(f"{f.path}:{f.line}" if f.line else f.path)
            line = Text("  ")
            line.append(f"{f.code} {f.severity}", style=SEVERITY_STYLE[f.severity])
            line.append(f" {terminal(f.message)}  ")
            line.append(where, style="dim")
            parts.append(line)
    for error in result.lint.load_errors:
        parts.append(Text(terminal(error.render()), style="bold red"))
    for failure in result.lint.failures:
        parts.append(Text(terminal(failure.render()), style="bold red"))
    return Group(*parts)


def outputs_table(result) -> Table:
    table = Table(title=f"Simulation: {result.replications} runs, seed {result.seed}; mean (5th–95th percentile of the runs)",
                  title_justify="left")
    header, rows = output_rows(result)
    table.add_column("")
    for run in result.runs:
        table.add_column(escape(terminal(run.label)) + (" ⚠" if run.error_codes else ""), justify="right",
                         header_style="bold red" if run.error_codes else "bold")
    for row in rows[:-1]:
        table.add_row(*row)
    table.add_row(rows[-1][0], *[Text(c, style="bold red" if c != "0" else "green") for c in rows[-1][1:]])
    return table


def comparison_section(result) -> Group:
    lines = []
    for c in result.comparisons:
        good = c.entrants.excludes_zero and c.entrants.mean > 0
        style = "bold red" if c.variant.error_codes else ("bold green" if good else "bold")
        lines.append(Text(terminal(c.verdict), style=style))
    return Group(*lines)


def sparkline(values, width: int, top: float) -> str:
    if not len(values):
        return ""
    step = max(1, math.ceil(len(values) / width))
    points = [max(values[i:i + step]) for i in range(0, len(values), step)]
    if top <= 0:
        return BLOCKS[0] * len(points)
    return "".join(BLOCKS[min(len(BLOCKS) - 1, int(round(v / top * (len(BLOCKS) - 1))))] for v in points)


def chart_section(result, width: int) -> Table:
    """Cumulative entrants per variant over the campaign's hours, on one scale."""
    series = []
    for run in result.runs:
        timeline = run.sim.to_json_dict()["timeline"]
        cumulative, total = [], 0.0
        for v in timeline["entrants_mean"]:
            total += v
            cumulative.append(total)
        series.append((run.label, cumulative, timeline["hour"]))
    top = max((max(c) if c else 0) for _, c, _ in series) if series else 0
    hours = max((h[-1] if h else 0) for _, _, h in series) if series else 0
    table = Table(title=f"Cumulative entrants over {hours:.0f} hours", title_justify="left", show_header=False, box=None)
    table.add_column(style="bold")
    table.add_column()
    table.add_column(justify="right")
    for label, cumulative, _ in series:
        table.add_row(escape(terminal(label)), Text(sparkline(cumulative, width, top), style="green"), _n(cumulative[-1] if cumulative else 0))
    return table


def render(result, console: Console) -> None:
    console.print(Panel(findings_section(result), title="Lint findings", title_align="left"))
    if not result.runs:
        return
    console.print(outputs_table(result))
    if result.comparisons:
        console.print(Panel(comparison_section(result), title="Against the base: mean difference (90% confidence interval, paired runs)",
                            title_align="left"))
    label_width = max(len(r.label) for r in result.runs)
    console.print(chart_section(result, width=max(10, min(72, console.width - label_width - 14))))
