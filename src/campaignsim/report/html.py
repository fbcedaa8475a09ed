"""The HTML report: one self-contained page (inline CSS and SVG charts, no script, no fonts or
images fetched from anywhere), so it opens offline and can be mailed as one file.

It reads top-down as a decision: an executive summary (the recommendation, why, the main risk,
what to change), the campaign's facts, the variants side by side, the comparison with the base,
charts, warnings, the findings by severity with their sources, and what each metric means. Every
string from a scenario or a plugin goes through :func:`escape` (:func:`campaignsim.report.escape.html`); links are made only from
http(s) URLs.
"""

from __future__ import annotations

from pathlib import Path

from campaignsim._version import __version__
from campaignsim._io import write_atomic
from campaignsim.report import charts
from campaignsim.report.escape import html as _html_escape
from campaignsim.report.summary import (METRICS, campaign_facts, comparison_rows, executive_summary, finding_rows, output_rows,
                                        risk_assumptions)

CSS = """
:root{--ink:#1d2430;--muted:#5b6473;--line:#e3e6eb;--good:#1e7a45;--bad:#b3261e;--warn:#9a5b00;--accent:#1f6fb2}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
margin:0;color:var(--ink);background:#f4f5f7;line-height:1.45}
main{max-width:72rem;margin:0 auto;padding:2rem 1.25rem 3rem;background:#fff;min-height:100vh}
h1{margin:0 0 .2rem;font-size:1.9rem}h2{margin:2.2rem 0 .6rem;font-size:1.25rem;border-bottom:2px solid var(--line);padding-bottom:.3rem}
.meta{color:var(--muted);margin:0 0 1.2rem;font-size:.9rem}
.summary{border:1px solid var(--line);border-left:6px solid var(--accent);border-radius:6px;padding:1rem 1.25rem;background:#fafbfc}
.summary.go{border-left-color:var(--good)}.summary.stop{border-left-color:var(--bad)}
.summary .rec{font-size:1.35rem;font-weight:700;margin:0 0 .4rem}
.summary.go .rec{color:var(--good)}.summary.stop .rec{color:var(--bad)}
.summary h3{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);margin:.9rem 0 .2rem}
.summary p,.summary ul{margin:.2rem 0}.summary ul{padding-left:1.2rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
table{border-collapse:collapse;margin:.6rem 0;font-size:.9rem;width:100%}
th,td{border-bottom:1px solid var(--line);padding:.4rem .6rem;text-align:right;vertical-align:top}
th{background:#f0f2f5;font-weight:600}th:first-child,td:first-child{text-align:left}td.text,th.text{text-align:left}
th.bad{color:var(--bad)}th.good{color:var(--good)}td.metric{color:var(--muted);white-space:nowrap}
td.yes{color:var(--good);font-weight:600}td.no{color:var(--bad);font-weight:600}
.verdict{padding:.5rem .8rem;margin:.4rem 0;border-left:4px solid #888;background:#f6f7f9;border-radius:3px}
.verdict.good{border-color:var(--good)}.verdict.bad{border-color:var(--bad)}
.sev-error{color:var(--bad);font-weight:600}.sev-warning{color:var(--warn);font-weight:600}.sev-info{color:var(--accent)}
td.sources{font-size:.8rem;width:32%;min-width:16rem;overflow-wrap:anywhere}td.message{min-width:14rem}
td.sources a{color:var(--accent)}.status{color:var(--muted);font-size:.75rem}
.suggestion{display:block;margin-top:.3rem;color:var(--muted)}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}figcaption{color:var(--muted);font-size:.85rem}
.warnings li{margin:.2rem 0}.assumption{color:var(--muted)}
dl.defs{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;font-size:.88rem}dl.defs dt{font-weight:600}dl.defs dd{margin:0}
footer{margin-top:2.5rem;color:var(--muted);font-size:.8rem}
"""


def escape(text, quote: bool = True) -> str:
    """HTML text or attribute value (quotes always escaped): :func:`campaignsim.report.escape.html`."""
    return _html_escape(text)


def safe_url(url) -> str | None:
    """The URL when it is an http(s) URL, else None (no javascript:, data: or other schemes)."""
    if not url:
        return None
    text = str(url).strip()
    if text.lower().startswith(("https://", "http://")) and not any(c in text for c in "\n\r\t "):
        return text
    return None


def _list(items) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def _summary(result) -> str:
    ex = executive_summary(result)
    rec = result.recommendation
    kind = "go" if rec is not None and rec.variant is not None else "stop"
    parts = [f"<section class=\"summary {kind}\" aria-label=\"executive summary\">",
             f"<p class=\"rec\">{escape(ex['recommendation'])}</p>",
             f"<h3>Why</h3><p>{escape(ex['why'])}</p>"]
    if ex["risk"]:
        parts.append("<h3>Main risk</h3>" + _list(ex["risk"]))
    parts.append("<h3>What to change</h3>" + _list(ex["change"]))
    parts.append("</section>")
    return "".join(parts)


def _sources(sources) -> str:
    out = []
    for s in sources:
        url = safe_url(s.get("url"))
        title = escape(s.get("title") or (url or ""))
        link = f"<a href=\"{escape(url, quote=True)}\" rel=\"noopener noreferrer\">{title}</a>" if url else title
        status = f" <span class=\"status\">[{escape(s['verified'])}: {escape(s['status'])}]</span>" if s.get("verified") else ""
        out.append(link + status)
    return "<br>".join(out)


def render_html(result) -> str:
    from campaignsim.sim.result import interval_phrase as _interval_phrase

    title = result.runs[0].scenario.campaign.name if result.runs else "campaignsim report"
    parts = [f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{escape(title)} — campaignsim</title>",
             f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>{CSS}</style></head><body><main>",
             f"<h1>{escape(title)}</h1>",
             f"<p class=\"meta\">Pre-launch check: {result.replications} simulated runs per variant (seed {result.seed}); "
             f"objective: {escape(result.objective.label)}. Each figure is the mean with the "
             f"{escape(_interval_phrase(r.sim for r in result.runs))}; a difference from the base is the mean with its 90% "
             f"confidence interval.</p>"]
    if result.recommendation is not None:
        parts.append(_summary(result))
    facts = campaign_facts(result)
    if facts:
        parts.append("<h2>The campaign</h2><dl class=\"facts\">")
        parts += [f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in facts]
        parts.append("</dl>")

    header, rows = output_rows(result)
    standings = result.standings or [None] * len(result.runs)
    parts.append("<h2>Variants side by side</h2><p class=\"meta\">Mean of the runs, with the "
                 f"{escape(_interval_phrase(r.sim for r in result.runs))} in brackets; people are rounded to whole numbers.</p>"
                 "<table><thead><tr>")
    for i, h in enumerate(header):
        st = standings[i - 1] if i > 0 else None
        cls = "" if st is None else (' class="good"' if st.launchable else ' class="bad"')
        parts.append(f"<th{cls} scope=\"col\">{escape(h)}</th>")
    parts.append("</tr></thead><tbody>")
    for row in rows:
        cells = [f"<td class=\"metric\">{escape(str(row[0]))}</td>"]
        for c in row[1:]:
            cls = ""
            if row[0] == "launchable":
                cls = ' class="yes"' if c == "yes" else ' class="no"'
            cells.append(f"<td{cls}>{escape(str(c))}</td>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    if result.comparisons:
        parts.append("<h2>Against the base</h2><p class=\"meta\">Each variant minus the base over paired runs (same seed and run "
                     "number), with the 90% confidence interval of the mean difference, and the share of paired runs in which "
                     "the variant is ahead on the objective.</p>")
        for comparison in comparison_rows(result):
            kind = "bad" if not comparison["launchable"] else ("good" if comparison["low"] > 0 else "")
            parts.append(f"<p class=\"verdict {kind}\">{escape(comparison['verdict'])}</p>")

    parts.append("<h2>Charts</h2>")
    for name, make in charts.CHARTS.items():
        parts.append(f"<figure aria-label=\"{escape(name.replace('-', ' '))}\">{charts.svg(make(result))}"
                     f"<figcaption>{escape(charts.caption(name, result))}</figcaption></figure>")
    checks = {c["scenario"]: c for r in result.runs for c in getattr(r.sim, "calibration_checks", ())}
    if checks:  # forecasts with a calibration: how well it fitted the past campaigns
        from campaignsim.report.calibration import check_figure

        parts.append("<h2>Calibration: observed vs fitted daily entrants of the past campaigns</h2>")
        parts += [f"<figure aria-label=\"calibration check {escape(name)}\">{charts.svg(check_figure(c))}</figure>" for name, c in checks.items()]

    warnings = result.warnings()
    assumptions = [(r.label, a) for r in result.runs for a in risk_assumptions(r)]
    if warnings or assumptions:
        parts.append("<h2>Warnings and assumptions</h2><ul class=\"warnings\">")
        parts += [f"<li><strong>{escape(label)}</strong>: {escape(w)}</li>" for label, w in warnings]
        parts += [f"<li class=\"assumption\"><strong>{escape(label)}</strong>: assumes {escape(a)}</li>" for label, a in assumptions]
        parts.append("</ul>")

    parts.append("<h2>Findings, most severe first</h2>")
    finding_table = finding_rows(result)
    if not finding_table:
        parts.append("<p>No findings.</p>")
    else:
        parts.append("<table><thead><tr><th class=\"text\">severity</th><th class=\"text\">variant</th><th class=\"text\">rule</th>"
                     "<th>line</th><th class=\"text\">finding and what to do</th><th class=\"text\">sources</th></tr></thead><tbody>")
        for r in finding_table:
            suggestion = f"<span class=\"suggestion\">{escape(r['suggestion'])}</span>" if r["suggestion"] else ""
            parts.append(f"<tr><td class=\"text sev-{escape(r['severity'])}\">{escape(r['severity'])}</td>"
                         f"<td class=\"text\">{escape(r['variant'])}</td>"
                         f"<td class=\"text\">{escape(r['code'])} {escape(r['name'])}</td><td>{escape(str(r['line']))}</td>"
                         f"<td class=\"text message\">{escape(r['message'])}{suggestion}</td>"
                         f"<td class=\"text sources\">{_sources(r['sources'])}</td></tr>")
        parts.append("</tbody></table>")

    parts.append("<h2>What the figures mean</h2><dl class=\"defs\">")
    parts += [f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in METRICS.items()]
    parts.append("</dl>")
    parts.append(f"<footer>campaignsim {escape(__version__)}. Figures come from a model whose parameters are listed with their "
                 "sources in the model documentation; those marked [U] are assumptions to calibrate.</footer>")
    parts.append("</main></body></html>\n")
    return "".join(parts)


def write_html(result, path: Path) -> list[str]:
    write_atomic(path, render_html(result))
    return [str(path)]
