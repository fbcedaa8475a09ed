"""The HTML report: one self-contained page (inline CSS and SVG charts, no script, no fonts or
images fetched from anywhere), so it opens offline and can be mailed as one file."""

from __future__ import annotations

from html import escape
from pathlib import Path

from campaignsim import __version__
from campaignsim._io import write_atomic
from campaignsim.report import charts
from campaignsim.report.summary import comparison_rows, finding_rows, output_rows

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:70rem;padding:0 1rem;color:#222}
h1{margin-bottom:.2rem}.meta{color:#666;margin-top:0}
table{border-collapse:collapse;margin:1rem 0;font-size:.92rem}th,td{border:1px solid #ddd;padding:.35rem .6rem;text-align:right;vertical-align:top}
th:first-child,td:first-child{text-align:left}td.text{text-align:left}th.bad{color:#b00020}
.verdict{padding:.5rem .8rem;margin:.4rem 0;border-left:4px solid #888;background:#f6f6f6}
.verdict.good{border-color:#2e7d32}.verdict.bad{border-color:#b00020}
.sev-error{color:#b00020;font-weight:600}.sev-warning{color:#a66300}.sev-info{color:#1565c0}
td.sources{font-size:.8rem;max-width:26rem;overflow-wrap:anywhere}td.message{min-width:18rem}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}
"""


def render_html(result) -> str:
    from campaignsim.sim.result import interval_phrase as _interval_phrase

    title = result.runs[0].scenario.campaign.name if result.runs else "campaignsim report"
    parts = [f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title)} — campaignsim</title>",
             f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>{CSS}</style></head><body>",
             f"<h1>{escape(title)}</h1>",
             f"<p class=\"meta\">{result.replications} runs per variant, seed {result.seed}; each figure is the mean with the "
             f"{escape(_interval_phrase(r.sim for r in result.runs))}; a difference from the base is the mean with its 90% confidence interval. campaignsim {__version__}.</p>"]
    header, rows = output_rows(result)
    parts.append("<h2>Variants</h2><table><thead><tr>")
    for i, h in enumerate(header):
        cls = ' class="bad"' if i > 0 and result.runs[i - 1].error_codes else ""
        parts.append(f"<th{cls}>{escape(h)}</th>")
    parts.append("</tr></thead><tbody>")
    for row in rows:
        parts.append("<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>")
    parts.append("</tbody></table>")
    if result.comparisons:
        parts.append("<h2>Against the base</h2>")
        for row in comparison_rows(result):
            kind = "bad" if row["breaks_rules"] else ("good" if row["low"] > 0 else "")
            parts.append(f"<p class=\"verdict {kind}\">{escape(row['verdict'])}</p>")
    parts.append("<h2>Charts</h2>")
    for name, make in charts.CHARTS.items():
        parts.append(f"<figure aria-label=\"{escape(name.replace('-', ' '))}\">{charts.svg(make(result))}</figure>")
    checks = {c["scenario"]: c for r in result.runs for c in getattr(r.sim, "calibration_checks", ())}
    if checks:  # forecasts with a calibration: how well it fitted the past campaigns
        from campaignsim.calibrate.command import check_figure

        parts.append("<h2>Calibration: observed vs fitted daily entrants of the past campaigns</h2>")
        parts += [f"<figure aria-label=\"calibration check {escape(name)}\">{charts.svg(check_figure(c))}</figure>" for name, c in checks.items()]
    parts.append("<h2>Lint findings</h2>")
    rows = finding_rows(result)
    if not rows:
        parts.append("<p>No findings.</p>")
    else:
        parts.append("<table><thead><tr><th>variant</th><th>code</th><th>severity</th><th>line</th><th>finding</th><th>sources</th></tr></thead><tbody>")
        for r in rows:
            sources = "<br>".join(escape(ref) for ref in r["references"])
            suggestion = f"<br><em>{escape(r['suggestion'])}</em>" if r["suggestion"] else ""
            parts.append(f"<tr><td class=\"text\">{escape(r['variant'])}</td><td class=\"text\">{escape(r['code'])} {escape(r['name'])}</td>"
                         f"<td class=\"text sev-{r['severity']}\">{r['severity']}</td><td>{r['line']}</td>"
                         f"<td class=\"text message\">{escape(r['message'])}{suggestion}</td><td class=\"text sources\">{sources}</td></tr>")
        parts.append("</tbody></table>")
    parts.append("</body></html>\n")
    return "".join(parts)


def write_html(result, path: Path) -> list[str]:
    write_atomic(path, render_html(result))
    return [str(path)]
