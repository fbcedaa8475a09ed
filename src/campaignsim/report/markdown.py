"""The Markdown report: PATH.md with its charts as PNG files in the folder PATH-charts beside it.

It follows the HTML report's order: executive summary, the campaign, variants, the comparison,
charts, warnings, findings by severity with linked sources, definitions. Every string from a
scenario or a plugin goes through :func:`md_escape` (:mod:`campaignsim.report.escape`): Markdown
and HTML are escaped, a newline cannot start a heading or a list, and links are made only from
http(s) URLs. The report and its charts are written as one set by
:func:`campaignsim.report.files.write_markdown_set`.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from campaignsim.report import charts
from campaignsim.report.escape import markdown as escape_markdown
from campaignsim.report.summary import (METRICS, campaign_facts, comparison_rows, executive_summary, finding_rows, output_rows,
                                        risk_assumptions)

def md_escape(text) -> str:
    """Text safe to put in a Markdown paragraph, list item, heading or table cell: see
    :func:`campaignsim.report.escape.markdown`, the one escaping every output shares."""
    return escape_markdown(text)


def md_url(url) -> str | None:
    """An http(s) URL made safe for a Markdown link target (spaces, brackets, quotes encoded), else None."""
    if not url:
        return None
    text = str(url).strip()
    if not text.lower().startswith(("https://", "http://")):
        return None
    return quote(text, safe=":/?#[]@!$&'*+,;=%-._~").replace("(", "%28").replace(")", "%29").replace("[", "%5B").replace("]", "%5D")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(md_escape(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md_escape(c) for c in row) + " |" for row in rows]
    return lines


def _source_links(sources) -> str:
    out = []
    for s in sources:
        url = md_url(s.get("url"))
        title = md_escape(s.get("title") or "")
        text = f"[{title}]({url})" if url else title
        if s.get("verified"):
            text += f" \\[{md_escape(s['verified'])}: {md_escape(s['status'])}\\]"
        out.append(text)
    return "<br>".join(out)


def render_markdown(result, chart_files: dict[str, str]) -> str:
    title = result.runs[0].scenario.campaign.name if result.runs else "campaignsim report"
    from campaignsim.sim.result import interval_phrase

    out = [f"# {md_escape(title)}", "",
           f"Pre-launch check: {result.replications} simulated runs per variant (seed {result.seed}); objective: "
           f"{md_escape(result.objective.label)}. Each figure is the mean with the {interval_phrase(r.sim for r in result.runs)}; "
           "a difference from the base is the mean with its 90% confidence interval.", ""]
    if result.recommendation is not None:
        ex = executive_summary(result)
        out += ["## Summary", "", f"**{md_escape(ex['recommendation'])}**", "", f"**Why.** {md_escape(ex['why'])}", ""]
        if ex["risk"]:
            out += ["**Main risk.**", ""] + [f"- {md_escape(r)}" for r in ex["risk"]] + [""]
        out += ["**What to change.**", ""] + [f"- {md_escape(c)}" for c in ex["change"]] + [""]
    facts = campaign_facts(result)
    if facts:
        out += ["## The campaign", "", *_table(["", ""], [[k, v] for k, v in facts]), ""]
    header, rows = output_rows(result)
    out += ["## Variants side by side", "", f"Mean of the runs, with the {interval_phrase(r.sim for r in result.runs)} in brackets; "
            "people are rounded to whole numbers.", "", *_table(header, rows), ""]
    if result.comparisons:
        out += ["## Against the base", "", "Each variant minus the base over paired runs, with the 90% confidence interval of the "
                "mean difference, and the share of paired runs in which the variant is ahead on the objective.", ""]
        out += [f"- {md_escape(row['verdict'])}" for row in comparison_rows(result)]
        out.append("")
    out += ["## Charts", ""]
    for name, file in chart_files.items():
        if name in charts.CHARTS:
            out += [f"![{md_escape(name.replace('-', ' '))}]({quote(file)})", "", md_escape(charts.caption(name, result)), ""]
    checks = [(scenario, chart_files.get(f"calibration-check-{i}"))
              for i, scenario in enumerate(_calibration_checks(result), start=1)]
    if any(file for _, file in checks):  # forecasts with a calibration: how well it fitted the past campaigns
        out += ["## Calibration: observed vs fitted daily entrants of the past campaigns", ""]
        for scenario, check_file in checks:
            if check_file:
                out += [f"![calibration check {md_escape(scenario)}]({quote(check_file)})", ""]
    warnings = result.warnings()
    assumptions = [(r.label, a) for r in result.runs for a in risk_assumptions(r)]
    if warnings or assumptions:
        out += ["## Warnings and assumptions", ""]
        out += [f"- **{md_escape(label)}**: {md_escape(w)}" for label, w in warnings]
        out += [f"- **{md_escape(label)}**: assumes {md_escape(a)}" for label, a in assumptions]
        out.append("")
    out += ["## Findings, most severe first", ""]
    findings = finding_rows(result)
    if findings:
        out.append("| severity | variant | rule | line | finding and what to do | sources |")
        out.append("|---|---|---|---|---|---|")
        for r in findings:
            what = md_escape(r["message"]) + (f"<br>*{md_escape(r['suggestion'])}*" if r["suggestion"] else "")
            out.append(f"| {md_escape(r['severity'])} | {md_escape(r['variant'])} | {md_escape(r['code'])} {md_escape(r['name'])} | "
                       f"{md_escape(r['line'])} | {what} | {_source_links(r['sources'])} |")
    else:
        out.append("No findings.")
    out += ["", "## What the figures mean", ""]
    out += [f"- **{md_escape(k)}**: {md_escape(v)}" for k, v in METRICS.items()]
    return "\n".join(out) + "\n"


def write_markdown(result, path: Path) -> list[str]:
    """PATH.md and its charts in PATH-charts/, written as a set; returns the files written."""
    from campaignsim.report.files import write_markdown_set

    return write_markdown_set(result, path)


def chart_images(result) -> dict[str, bytes]:
    """Every chart of the Markdown report as PNG bytes, by file stem: the run charts, then one
    calibration check per past campaign when the forecast used a calibration."""
    images = {name: charts.png(make(result)) for name, make in charts.CHARTS.items()}
    for i, check in enumerate(_calibration_checks(result).values(), start=1):
        from campaignsim.report.calibration import check_figure

        images[f"calibration-check-{i}"] = charts.png(check_figure(check))
    return images


def _calibration_checks(result) -> dict:
    return {c["scenario"]: c for r in result.runs for c in getattr(r.sim, "calibration_checks", ())}
