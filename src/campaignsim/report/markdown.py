"""The Markdown report: tables and findings in PATH.md, charts as PNG files beside it."""

from __future__ import annotations

from pathlib import Path

from campaignsim._io import write_atomic
from campaignsim.report import charts
from campaignsim.report.summary import comparison_rows, finding_rows, output_rows


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    def cell(text) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return lines


def render_markdown(result, chart_files: dict[str, str]) -> str:
    title = result.runs[0].scenario.campaign.name if result.runs else "campaignsim report"
    from campaignsim.sim.result import interval_phrase

    out = [f"# {title}", "", f"{result.replications} runs per variant, seed {result.seed}; each figure is the mean with the "
           f"{interval_phrase(r.sim for r in result.runs)}; a difference from the base is the mean with its 90% confidence interval.", ""]
    header, rows = output_rows(result)
    out += ["## Variants", "", *_table(header, rows), ""]
    if result.comparisons:
        out += ["## Against the base", ""]
        out += [f"- {row['verdict']}" for row in comparison_rows(result)]
        out.append("")
    out += ["## Charts", ""]
    for name, file in chart_files.items():
        out += [f"![{name.replace('-', ' ')}]({file})", ""]
    out += ["## Lint findings", ""]
    rows = finding_rows(result)
    if rows:
        out += _table(["variant", "code", "severity", "line", "message", "sources"],
                      [[r["variant"], r["code"], r["severity"], r["line"], r["message"], "; ".join(r["references"])] for r in rows])
    else:
        out.append("No findings.")
    return "\n".join(out) + "\n"


def write_markdown(result, path: Path) -> list[str]:
    written = []
    chart_files = {}
    for name, make in charts.CHARTS.items():
        file = path.with_name(f"{path.stem}-{name}.png")
        write_atomic(file, charts.png(make(result)), binary=True)
        chart_files[name] = file.name
        written.append(str(file))
    write_atomic(path, render_markdown(result, chart_files))
    return [str(path), *written]
