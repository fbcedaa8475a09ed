"""A calibration written out: the calibration file (TOML), the text summary, and the HTML page with
one observed-vs-fitted chart per past campaign (``campaignsim calibrate``)."""

from __future__ import annotations

import html
import json


def _toml_string(s: str) -> str:
    return json.dumps(s, ensure_ascii=True)  # a JSON string with ASCII escapes is a TOML basic string


def _num(x: float) -> str:
    return repr(float(f"{x:.6g}"))


def _key(name: str) -> str:
    return name if name.replace("_", "").replace("-", "").isalnum() and name.isascii() else _toml_string(name)


def render_toml(result, pasts, history_path: str, seed: int) -> str:
    """The calibration file: [simulation] fitted values, [calibration] metadata, per-parameter tables,
    the posterior sample and the posterior predictive check."""
    model = result.model
    fitted = [n for n in result.names if result.identified[n]]
    unidentified = [n for n in result.names if not result.identified[n]]
    lines = [
        "# A calibration written by `campaignsim calibrate`. Use it with --calibration FILE, or name it in a",
        "# scenario: [simulation] calibration = \"FILE\". The [simulation] table can also be copied into a scenario.",
        "",
        "[simulation]",
    ]
    lines += [f"{n} = {_num(result.median[n])}" for n in fitted]
    lines += ["", "[calibration]",
              f"method = {_toml_string(result.method)}",
              f"campaigns = [{', '.join(_toml_string(p.history.scenario) for p in pasts)}]",
              f"history = {_toml_string(str(history_path))}",
              f"seed = {seed}",
              f"unidentified = [{', '.join(_toml_string(n) for n in unidentified)}]",
              f"held = [{', '.join(_toml_string(n) for n in model.held)}]",
              f"acceptance = {_num(result.acceptance)}"]
    if model.warnings:
        lines.append(f"warnings = [{', '.join(_toml_string(w) for w in model.warnings)}]")
    for p in model.params:
        n = p.name
        lines += ["", f"[calibration.{_key(n)}]",
                  f"value = {_num(result.median[n])}",
                  f"low = {_num(result.low[n])}",
                  f"high = {_num(result.high[n])}",
                  f"interval = {_toml_string('90% credible interval (posterior 5th to 95th percentile)')}",
                  f"identified = {'true' if result.identified[n] else 'false'}",
                  f"prior = {_toml_string(p.prior_text)}",
                  f"method = {_toml_string('emcee posterior sample of the mean-field likelihood' if result.identified[n] else 'not identified by the data: no fitted value; the sample keeps its prior-wide spread jointly with the others')}"]
    if result.names:
        lines += ["", "[calibration.sample]", "# the posterior sample that forecasts draw from, one column per parameter"]
        for n in result.names:
            lines.append(f"{n} = [{', '.join(_num(v) for v in result.sample[n])}]")
    for check in result.checks:
        lines += ["", "[[calibration.check]]",
                  f"scenario = {_toml_string(check['scenario'])}",
                  f"day = [{', '.join(str(d) for d in check['day'])}]",
                  "observed = [" + ", ".join("nan" if v is None else str(v) for v in check["observed"]) + "]",
                  f"fitted = [{', '.join(_num(v) for v in check['fitted'])}]",
                  f"low = [{', '.join(_num(v) for v in check['low'])}]",
                  f"high = [{', '.join(_num(v) for v in check['high'])}]"]
    return "\n".join(lines) + "\n"


def render_text(result, elapsed: float) -> str:
    from rich.markup import escape as _markup

    from campaignsim.report.escape import terminal

    def escape(text) -> str:  # a scenario's or a history file's text: no markup, no control sequence
        return _markup(terminal(text))

    model = result.model
    out = [f"[bold]Calibration[/bold] of {len(model.pasts)} past campaign(s) in {elapsed:.1f} s",
           escape(result.method), "",
           f"{'parameter':28}{'fitted':>12}{'90% low':>12}{'90% high':>12}  prior"]
    for p in model.params:
        n = p.name
        mark = "" if result.identified[n] else "  [yellow]not identified: its spread stays that of its prior[/yellow]"
        out.append(f"{n:28}{result.median[n]:>12.4g}{result.low[n]:>12.4g}{result.high[n]:>12.4g}  {escape(p.prior_text)}{mark}")
    if model.held:
        out += ["", "Held at their values while fitting (the fitted values absorb their error): " + escape(", ".join(model.held))]
    for w in model.warnings:
        out.append(f"[yellow]warning:[/yellow] {escape(w)}")
    out += ["", "Posterior predictive check: observed vs fitted new entrants per day (fitted: median; 90% predictive range)"]
    for check in result.checks:
        out.append(f"  {escape(check['scenario'])}")
        for d, obs, fit_, lo, hi in zip(check["day"], check["observed"], check["fitted"], check["low"], check["high"]):
            flag = "" if obs is None or lo <= obs <= hi else "  [yellow]outside[/yellow]"
            out.append(f"    day {d:>3}: observed {('—' if obs is None else f'{obs:,}'):>9}   fitted {fit_:>10,.1f}  ({lo:,.0f}–{hi:,.0f}){flag}")
    return "\n".join(out)


def check_figure(check: dict):
    """Observed vs fitted daily entrants of one past campaign (a matplotlib Figure)."""
    from campaignsim.report.charts import _pyplot

    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 3), dpi=100)
    days = check["day"]
    ax.fill_between(days, check["low"], check["high"], alpha=0.25, label="90% predictive range")
    ax.plot(days, check["fitted"], label="fitted (posterior median)", linewidth=2)
    ax.plot([d for d, o in zip(days, check["observed"]) if o is not None], [o for o in check["observed"] if o is not None],
            "o", color="black", label="observed")
    ax.set_xlabel("day")
    ax.set_ylabel("new entrants")
    ax.set_title(check["scenario"])
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


def render_html(result) -> str:
    """A self-contained page: the fitted values and one observed-vs-fitted chart per past campaign."""
    from campaignsim.report.charts import svg

    rows = "".join(
        f"<tr><td>{html.escape(n)}</td><td>{result.median[n]:.4g}</td><td>{result.low[n]:.4g}</td><td>{result.high[n]:.4g}</td>"
        f"<td>{'yes' if result.identified[n] else 'no: its spread stays that of its prior'}</td></tr>" for n in result.names)
    charts = [f"<h2>{html.escape(check['scenario'])}</h2>{svg(check_figure(check))}" for check in result.checks]
    return ("<!doctype html><html><head><meta charset='utf-8'><title>campaignsim calibration</title></head><body>"
            f"<h1>Calibration</h1><p>{html.escape(result.method)}</p>"
            "<table border='1'><tr><th>parameter</th><th>fitted</th><th>90% low</th><th>90% high</th><th>identified</th></tr>"
            f"{rows}</table><h1>Posterior predictive check: observed vs fitted daily entrants</h1>{''.join(charts)}</body></html>\n")
