"""Reports for the analyses: the sensitivity ranking (text, tornado chart, HTML, Markdown) and sweep charts."""

from __future__ import annotations

import html
import math
import re
from pathlib import Path

from campaignsim._io import write_atomic
from campaignsim.report import charts

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>&~])")


def _md(text) -> str:
    """Markdown-safe text: one line, every Markdown and HTML character escaped."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text).split()))


def _num(x, digits: int = 3) -> str:
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "—"
    return f"{x:.{digits}f}"


def _conf(value, conf) -> str:
    if value is None:
        return "—"
    return f"{_num(value)} ± {_num(conf)}" if conf is not None else _num(value)


def _range(p) -> str:
    return f"{p.low:.4g} to {p.high:.4g}"


def sensitivity_rows(result) -> tuple[list[str], list[list[str]]]:
    if result.method == "sobol":
        header = ["rank", "parameter", "range", "first order S1", "total ST"]
        rows = [[str(i + 1), p.name, _range(p), _conf(p.first_order, p.first_order_conf), _conf(p.total, p.total_conf)]
                for i, p in enumerate(result.parameters)]
    else:
        header = ["rank", "parameter", "range", "μ* (mean |effect|)", "σ"]
        rows = [[str(i + 1), p.name, _range(p), _conf(p.mu_star, p.mu_star_conf), _num(p.sigma)]
                for i, p in enumerate(result.parameters)]
    return header, rows


def sensitivity_intro(result) -> str:
    who = result.scenario + (f" — variant {result.variant}" if result.variant else "")
    how = (f"Sobol indices from {result.evaluations:,} simulations (N = {result.samples}, {result.runs_per_point} run(s) per point, "
           f"seed {result.seed}); ± is the 95% bootstrap confidence bound. S1: the share of the variance of {result.metric} a "
           "parameter explains alone; ST: with its interactions.") if result.method == "sobol" else (
           f"Morris elementary effects from {result.evaluations:,} simulations ({result.samples} trajectories, seed {result.seed}); "
           f"μ*: mean absolute change of {result.metric} across a parameter's range, ± its 95% bootstrap bound; σ: interactions "
           "or non-linearity.")
    return f"{who}: which assumption drives {result.metric} (mean {result.output_mean:,.1f}, sd {result.output_sd:,.1f} across points). {how}"


def render_sensitivity_text(result, console) -> None:
    from rich.markup import escape
    from rich.table import Table

    from campaignsim.report.escape import terminal

    console.print(escape(terminal(sensitivity_intro(result))))
    header, rows = sensitivity_rows(result)
    table = Table(*header, show_edge=False, pad_edge=False)
    for row in rows:
        table.add_row(*[escape(terminal(c)) for c in row])
    console.print(table)
    for note in result.notes:
        console.print(escape(terminal(f"note: {note}")))
    console.print(escape(terminal("Ranges: " + "; ".join(f"{p.name}: {p.basis}" for p in result.parameters))))


def tornado(result):
    """A horizontal bar per parameter, largest effect on top (total and first-order index, or μ*)."""
    plt = charts._pyplot()
    params = list(result.parameters)[::-1]
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.42 * len(params) + 1.2)), dpi=100)
    names = [p.name for p in params]
    if result.method == "sobol":
        total = [max(0.0, p.total or 0.0) for p in params]
        first = [max(0.0, p.first_order or 0.0) for p in params]
        ax.barh(names, total, color="#aac4e0", label="total ST", xerr=[p.total_conf or 0 for p in params], ecolor="#555")
        ax.barh(names, first, color="#2f6aa8", height=0.45, label="first order S1")
        ax.set_xlabel(f"share of the variance of {result.metric}")
        ax.legend(loc="lower right", fontsize=8)
    else:
        ax.barh(names, [p.mu_star or 0.0 for p in params], color="#2f6aa8", xerr=[p.mu_star_conf or 0 for p in params], ecolor="#555")
        ax.set_xlabel(f"μ*: mean absolute effect on {result.metric}")
    ax.set_title(f"What drives {result.metric}", fontsize=11)
    ax.tick_params(labelsize=8)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return fig


def sweep_chart(result, metric: str = "entrants"):
    """One panel per swept key: the metric's mean (with its 5th–95th percentile of runs) against the key."""
    plt = charts._pyplot()
    axes_list = [a for a in result.axes]
    fig, axes = plt.subplots(1, len(axes_list), figsize=(max(4.5, 4 * len(axes_list)), 3.4), dpi=100, squeeze=False)
    for ax, axis in zip(axes[0], axes_list):
        xs = [row[axis.key] for row in result.rows]
        numeric = all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in xs)
        ys = [row[f"{metric}_mean"] for row in result.rows]
        lows = [row[f"{metric}_low"] for row in result.rows]
        highs = [row[f"{metric}_high"] for row in result.rows]
        positions = xs if numeric else [sorted({str(x) for x in xs}).index(str(x)) for x in xs]
        ax.errorbar(positions, ys, yerr=[[max(0.0, y - lo) for y, lo in zip(ys, lows)], [max(0.0, hi - y) for y, hi in zip(ys, highs)]],
                    fmt="o", color="#2f6aa8", ecolor="#aac4e0", markersize=4)
        if not numeric:
            labels = sorted({str(x) for x in xs})
            ax.set_xticks(range(len(labels)), [charts_safe(label) for label in labels], fontsize=8)
        ax.set_xlabel(charts_safe(axis.key))
        ax.set_ylabel(f"{metric} (mean, 5th–95th percentile of runs)", fontsize=8)
        ax.grid(alpha=0.3)
    fig.suptitle(f"{charts_safe(result.scenario)}: {metric} across the sweep", fontsize=10)
    fig.tight_layout()
    return fig


def charts_safe(text) -> str:
    """Text for a chart label: matplotlib reads ``$…$`` as mathematics, so dollars are escaped."""
    return str(text).replace("$", r"\$")


def write_sensitivity_report(result, path) -> list[str]:
    """``PATH.html`` (self-contained) or ``PATH.md`` (with the chart as a PNG beside it)."""
    path = Path(path)
    header, rows = sensitivity_rows(result)
    if path.suffix.lower() in (".html", ".htm"):
        figure = charts.svg(tornado(result))
        cells = "".join(f"<th>{html.escape(h)}</th>" for h in header)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>" for row in rows)
        notes = "".join(f"<li>{html.escape(n)}</li>" for n in result.notes)
        bases = "".join(f"<li><b>{html.escape(p.name)}</b>: {html.escape(p.basis)}</li>" for p in result.parameters)
        page = (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Sensitivity: {html.escape(result.scenario)}</title>"
                "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
                "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}"
                "table{border-collapse:collapse}td,th{border-bottom:1px solid #ddd;padding:.3rem .6rem;text-align:left}</style></head><body>"
                f"<h1>Sensitivity: {html.escape(result.scenario)}</h1><p>{html.escape(sensitivity_intro(result))}</p>"
                f"<figure>{figure}</figure><table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"
                f"<h2>Notes</h2><ul>{notes}</ul><h2>Where each range comes from</h2><ul>{bases}</ul></body></html>\n")
        write_atomic(path, page)
        return [str(path)]
    if path.suffix.lower() == ".md":
        chart = path.with_name(f"{path.stem}-tornado.png")
        lines = [f"# Sensitivity: {_md(result.scenario)}", "", _md(sensitivity_intro(result)), "",
                 f"![what drives {_md(result.metric)}]({chart.name})", "",
                 "| " + " | ".join(_md(h) for h in header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in rows]
        lines += ["", "## Notes", ""] + [f"- {_md(n)}" for n in result.notes]
        lines += ["", "## Where each range comes from", ""] + [f"- **{_md(p.name)}**: {_md(p.basis)}" for p in result.parameters]
        write_atomic(chart, charts.png(tornado(result)), binary=True)
        write_atomic(path, "\n".join(lines) + "\n")
        return [str(path), str(chart)]
    raise ValueError(f"{path}: a report file must end in .html or .md")


def write_chart(fig, path) -> None:
    path = Path(path)
    if path.suffix.lower() == ".svg":
        write_atomic(path, charts.svg(fig))
    elif path.suffix.lower() == ".png":
        write_atomic(path, charts.png(fig), binary=True)
    else:
        raise ValueError(f"{path}: a chart file must end in .png or .svg")
