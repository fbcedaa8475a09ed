"""The terminal report of ``campaignsim run``: findings by variant (with suggestions, as lint shows
them), the variants table, the comparison with the base, a chart of entrants over time, the
simulator's warnings and, last where the eye lands, the recommendation.

Tables fit the console's width without cutting a number: intervals go below their means, counts
are abbreviated (12.8k) when whole numbers do not fit, and variants spill into a second table when
even that is too wide.
"""

from __future__ import annotations

import math

from rich.cells import cell_len
from rich.console import Console, Group
from rich.markup import escape
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from campaignsim.report.escape import terminal
from campaignsim.report.summary import METRICS, compact, number, output_rows, percent, risk_assumptions

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
BLOCKS = " ▁▂▃▄▅▆▇█"
LABEL_WIDTH = 20  # the metric-name column; names wrap at spaces


def findings_section(result) -> Group:
    """Each variant's findings, most severe first: the code and severity in a column of their own, the
    message (and its suggestion) wrapped beside them, so that a long one keeps its hanging indent."""
    parts: list = []
    for run in result.runs:
        findings = run.lint.findings
        errors = sum(f.severity == "error" for f in findings)
        title = Text.assemble((terminal(run.label), "bold"), f"  {len(findings)} finding{'s' if len(findings) != 1 else ''}")
        if errors:
            title.append(f", {errors} error{'s' if errors != 1 else ''}", style="bold red")
        parts.append(title)
        if not findings:
            continue
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        for f in sorted(findings, key=lambda f: (-["info", "warning", "error"].index(f.severity), f.line or 0, f.code)):
            where = terminal(f"{f.path}:{f.line}" if f.line else f.path)
            grid.add_row(Text(f"{f.code} {f.severity}", style=SEVERITY_STYLE[f.severity]),
                         Text.assemble(terminal(f.message), "  ", (where, "dim")))
            if f.suggestion:
                grid.add_row("", Text.assemble(("suggestion:", "dim"), f" {terminal(f.suggestion)}"))
        parts.append(Padding(grid, (0, 0, 0, 2)))
    for error in result.lint.load_errors:
        parts.append(Text(terminal(error.render()), style="bold red"))
    for failure in result.lint.failures:
        parts.append(Text(terminal(failure.render()), style="bold red"))
    return Group(*parts)


def _cell_width(text: str) -> int:
    return max((cell_len(line) for line in str(text).split("\n")), default=0)


def _column_width(header: str, cells: list[str]) -> int:
    # Numbers never wrap; a header wraps at spaces, so its longest word is what it needs.
    words = max((cell_len(w) for w in header.split()), default=0) + 1  # room for the "*" of a blocked variant
    return max([words, *(_cell_width(c) for c in cells)])


def _layout(result, width: int):
    """(header, rows, column groups): the first format whose columns fit, else compact in groups."""
    for fmt in (number, compact):
        header, rows = output_rows(result, fmt=fmt, stack=True)
        widths = [_column_width(header[i], [r[i] for r in rows]) for i in range(1, len(header))]
        if LABEL_WIDTH + 4 + sum(w + 3 for w in widths) <= width:
            return header, rows, [list(range(1, len(header)))], widths
    groups: list[list[int]] = []
    current: list[int] = []
    used = LABEL_WIDTH + 4
    for i, w in enumerate(widths, start=1):
        if current and used + w + 3 > width:
            groups.append(current)
            current, used = [], LABEL_WIDTH + 4
        current.append(i)
        used += w + 3
    groups.append(current)
    return header, rows, groups, widths


def outputs_tables(result, width: int) -> list[Table]:
    from campaignsim.sim.result import interval_phrase

    header, rows, groups, widths = _layout(result, width)
    phrase = interval_phrase(r.sim for r in result.runs)
    standings = result.standings or [None] * len(result.runs)
    tables = []
    for n, group in enumerate(groups):
        part = f" ({n + 1}/{len(groups)})" if len(groups) > 1 else ""
        table = Table(title=f"Simulation{part}: {result.replications} runs, seed {result.seed}; mean ({phrase})",
                      title_justify="left")
        table.add_column("", width=LABEL_WIDTH, overflow="fold")
        for i in group:
            st = standings[i - 1]
            bad = st is not None and not st.launchable
            # A fixed width worked out from the cells: the table is exactly as wide as the layout planned.
            table.add_column(escape(terminal(header[i])) + ("*" if bad else ""), justify="right", overflow="fold",
                             header_style="bold red" if bad else "bold", width=widths[i - 1])
        for row in rows:
            cells = []
            for i in group:
                cell = row[i]
                if row[0] == "launchable":
                    cells.append(Text(cell, style="green" if cell == "yes" else "bold red"))
                elif row[0] == "error findings":
                    cells.append(Text(cell, style="bold red" if cell != "0" else "green"))
                else:
                    cells.append(Text(cell))
            table.add_row(row[0], *cells)
        tables.append(table)
    return tables


def comparison_section(result) -> Group:
    lines = []
    for c in result.comparisons:
        launchable = c.standing.launchable if c.standing else not c.variant.error_codes
        good = launchable and c.entrants.excludes_zero and c.entrants.mean > 0
        style = "bold red" if not launchable else ("bold green" if good else "bold")
        lines.append(Text(terminal(c.verdict), style=style))
        st = c.standing
        if st is not None and (st.takedown_probability or st.backlash_probability) and st.entrants_if_live.get("mean") is not None:
            live = st.entrants_if_live
            lines.append(Text(f"  if live: {number(live['mean'])} entrants ({number(live['low'])}–{number(live['high'])}, "
                              f"{live['interval']})", style="dim"))
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
    """Cumulative entrants per variant over the campaign's days, each row scaled to its own total
    so a small variant is not drawn blank beside a large one; the totals are printed beside it."""
    series = []
    for run in result.runs:
        timeline = run.sim.to_json_dict()["timeline"]
        cumulative, total = [], 0.0
        for v in timeline["entrants_mean"]:
            total += v or 0.0
            cumulative.append(total)
        series.append((run.label, cumulative, timeline["hour"]))
    hours = max((h[-1] + 1 if h else 0) for _, _, h in series) if series else 0
    table = Table(title=f"Cumulative entrants over {hours / 24:.1f} days (each row scaled to its own total)",
                  title_justify="left", show_header=False, box=None)
    table.add_column(style="bold", overflow="fold")
    table.add_column(no_wrap=True)
    table.add_column(justify="right", no_wrap=True)
    for label, cumulative, _ in series:
        top = cumulative[-1] if cumulative else 0
        table.add_row(escape(terminal(label)), Text(sparkline(cumulative, width, top), style="green"), number(top))
    return table


def warnings_section(result) -> Group:
    lines = []
    for label, message in result.warnings():
        lines.append(Text.assemble(("warning", "yellow"), f" ({terminal(label)}): {terminal(message)}"))
    for run in result.runs:
        for assumption in risk_assumptions(run):
            lines.append(Text.assemble(("assumption", "dim"), f" ({terminal(run.label)}): {terminal(assumption)}"))
    return Group(*lines)


def recommendation_panel(result) -> Panel:
    rec = result.recommendation
    if rec.variant is not None:
        head = Text.assemble(("Recommended: ", "bold"), (terminal(rec.variant), "bold green"))
        style = "green"
    else:
        head = Text("Not launchable as planned", style="bold red")
        style = "red"
    body = [head, Text(terminal(rec.reason))]
    return Panel(Group(*body), title=f"Recommendation (objective: {escape(terminal(result.objective.label))})", title_align="left", border_style=style)


def definitions_section(result) -> Text:
    _, rows = output_rows(result)
    names = [r[0].split(" (")[0] for r in rows] + ["difference", "ahead in"]
    text = Text()
    for name in dict.fromkeys(names):
        if name in METRICS:
            text.append(f"{name}: ", style="bold")
            text.append(METRICS[name] + "\n", style="dim")
    return text


def render(result, console: Console) -> None:
    console.print(Panel(findings_section(result), title="Lint findings", title_align="left"))
    if not result.runs:
        return
    for table in outputs_tables(result, console.width):
        console.print(table)
    if result.comparisons:
        console.print(Panel(comparison_section(result), title="Against the base: paired runs",
                            title_align="left"))
    label_width = min(max(len(r.label) for r in result.runs), 24)
    console.print(chart_section(result, width=max(10, min(72, console.width - label_width - 14))))
    if result.warnings() or any(risk_assumptions(r) for r in result.runs):
        console.print(Panel(warnings_section(result), title="Warnings and assumptions", title_align="left", border_style="yellow"))
    star = "* not launchable. " if any(not s.launchable for s in result.standings) else ""
    console.print(Text(f"{star}Draw tickets are entries in the draw, not people. Every metric is defined in "
                       "docs/run.md and in the --report file.", style="dim"))
    if result.recommendation is not None:
        console.print(recommendation_panel(result))


__all__ = ["render", "outputs_tables", "chart_section", "sparkline", "percent"]
