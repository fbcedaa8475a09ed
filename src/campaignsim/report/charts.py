"""Charts for the report files, drawn with matplotlib (the optional extra ``campaignsim[report]``).

Each function returns a Figure; :func:`svg` and :func:`png` turn one into bytes. SVG text is
drawn as paths, so the HTML page needs no font from anywhere.

Names come from scenarios, so they are drawn as plain text: mathtext is off (a ``$`` in a variant
name is a dollar sign, not a formula). Chinese, Japanese and Korean names are drawn with a CJK font
found on the system (Debian: ``fonts-noto-cjk``, which ``scripts/test.sh`` installs) through matplotlib's
font fallback: Latin text keeps DejaVu Sans, other characters fall back to the CJK font.
"""

from __future__ import annotations

import io
import os
from typing import Optional

CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Noto Sans CJK KR", "Source Han Sans SC",
                "Source Han Sans CN", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "AR PL UMing CN")
"""CJK-capable families, in order of preference."""
_CJK_FILE_HINTS = ("notosanscjk", "sourcehansans", "wqy-zenhei", "wqy-microhei", "droidsansfallback", "uming")

COLORS = ("#1f6fb2", "#d9822b", "#2e9e5b", "#b8433f", "#7a5cb0", "#8c6d3f", "#c2549d", "#6b6b6b")


def require_matplotlib() -> str | None:
    """None when matplotlib can be imported, else the message saying what to install, in the form
    that fits how campaignsim was installed (from a checkout or from the package index)."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        from campaignsim._install import install_extra_command

        return f"report files need matplotlib: {install_extra_command('report')}"
    return None


def cjk_font() -> Optional[str]:
    """The name of an installed CJK-capable font family, or None. Looks in matplotlib's font list
    first, then registers the system's CJK font files if the list (a cache) predates them."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in names:
            return family
    for path in font_manager.findSystemFonts():
        if any(hint in os.path.basename(path).lower().replace("-", "").replace("_", "") for hint in _CJK_FILE_HINTS):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):
                continue
    names = {f.name for f in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FAMILIES if family in names), None)


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # never open a window
    rc = matplotlib.rcParams
    rc["svg.fonttype"] = "path"
    rc["svg.hashsalt"] = "campaignsim"  # stable ids: the same run gives the same file
    rc["text.parse_math"] = False  # scenario names are text: "$5 off" is not a formula
    rc["text.usetex"] = False
    cjk = cjk_font()
    rc["font.family"] = ["DejaVu Sans", cjk] if cjk else ["DejaVu Sans"]
    rc["axes.spines.top"] = False
    rc["axes.spines.right"] = False
    import matplotlib.pyplot as plt

    return plt


def _color(i: int) -> str:
    return COLORS[i % len(COLORS)]


def entrants_over_time(result):
    """Cumulative entrants (mean over the runs) per variant, by day since launch."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 3.8), dpi=100)
    for i, run in enumerate(result.runs):
        timeline = run.sim.to_json_dict()["timeline"]
        total, cumulative = 0.0, []
        for value in timeline["entrants_mean"]:
            total += value or 0.0
            cumulative.append(total)
        days = [h / 24.0 for h in timeline["hour"]]
        ax.plot(days, cumulative, label=run.label, linewidth=2, color=_color(i))
    ax.set_xlabel("days since launch")
    ax.set_ylabel("entrants so far (mean of runs)")
    ax.set_title("Entrants over time", loc="left", fontweight="bold")
    ax.grid(alpha=0.3)
    ax.yaxis.set_major_formatter(_thousands())
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def _thousands():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos: f"{x:,.0f}")


def funnel_stages(run) -> list[tuple[str, float]]:
    """(stage, mean people): exposed → decided to enter → each step → entrants (→ voided)."""
    doc = run.sim.to_json_dict()
    out = doc["outputs"]
    stages = [("exposed", out["exposed"]["mean"] or 0.0), ("decided to enter", out["started"]["mean"] or 0.0)]
    for step in doc["funnel"]:
        stages.append((f"{step['step'] + 1}. {step['action'].replace('_', ' ')}" + (" (bonus)" if step["optional"] else ""), step["mean"] or 0.0))
    stages.append(("entrants", out["entrants"]["mean"] or 0.0))
    voided = (out.get("voided_entrants") or {}).get("mean") or 0.0
    if voided:
        stages.append(("voided by takedown", voided))
    return stages


def funnel(result):
    """One funnel per variant, on a shared scale."""
    plt = _pyplot()
    n = len(result.runs)
    cols = min(n, 3)
    rows = (n + cols - 1) // cols
    fig, axes = plt.subplots(rows, cols, figsize=(max(4.2, 3.6 * cols), 0.6 + 2.9 * rows), dpi=100, squeeze=False)
    top = max((s[0][1] for s in (funnel_stages(r) for r in result.runs)), default=1.0) or 1.0
    for k, ax in enumerate(axes.flat):
        if k >= n:
            ax.set_visible(False)
            continue
        run = result.runs[k]
        stages = funnel_stages(run)
        labels = [name for name, _ in stages][::-1]
        values = [v for _, v in stages][::-1]
        colors = ["#b8433f" if name.startswith("voided") else ("#2e9e5b" if name == "entrants" else "#1f6fb2") for name in labels]
        bars = ax.barh(range(len(labels)), values, color=colors)
        ax.set_yticks(range(len(labels)), labels, fontsize=8)
        for bar, value in zip(bars, values):
            ax.text(bar.get_width() + top * 0.01, bar.get_y() + bar.get_height() / 2, f"{round(value):,}", va="center", fontsize=7)
        ax.set_xlim(0, top * 1.25)
        ax.set_title(run.label, fontsize=9, loc="left")
        ax.tick_params(axis="x", labelsize=7)
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(nbins=4))  # few ticks: large counts must not run together
        ax.xaxis.set_major_formatter(_thousands())
    fig.suptitle("Funnel: people at each stage (mean of runs)", x=0.01, ha="left", fontweight="bold")
    fig.tight_layout()
    return fig


def entrants_distribution(result):
    """Entrants per run: where a takedown is possible the runs split into two groups, shown as they are."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 3.4), dpi=100)
    for i, run in enumerate(result.runs):
        ax.hist(run.sim.per_run["entrants"], bins=30, alpha=0.55, label=run.label, color=_color(i))
    ax.set_xlabel(f"entrants in one run ({result.replications} runs per variant)")
    ax.set_ylabel("runs")
    ax.set_title("Spread of entrants across runs (a bar at 0: runs taken down)", loc="left", fontweight="bold")
    ax.xaxis.set_major_formatter(_thousands())
    ax.legend(fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def support_queue(result):
    """Questions waiting for an answer (asked, not yet answered), hour by hour from launch: mean and 90% band of the runs."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 3.4), dpi=100)
    for i, run in enumerate(result.runs):
        queue = run.sim.to_json_dict().get("support_queue")
        if not queue or not queue["hour"]:
            continue
        days = [h / 24.0 for h in queue["hour"]]
        line, = ax.plot(days, queue["mean"], label=run.label, linewidth=2, color=_color(i))
        ax.fill_between(days, queue["p05"], queue["p95"], color=line.get_color(), alpha=0.15, linewidth=0)
    ax.set_xlabel("days since launch")
    ax.set_ylabel("open questions")
    ax.set_title("Support queue: questions waiting for an answer", loc="left", fontweight="bold")
    ax.grid(alpha=0.3)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper right", fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


CHARTS = {"entrants-over-time": entrants_over_time, "funnel": funnel, "entrants-distribution": entrants_distribution, "support-queue": support_queue}
CAPTIONS = {
    "entrants-over-time": "Cumulative entrants by day since launch, mean of the runs.",
    "funnel": "People at each stage, mean of the runs: exposed, decided to enter, each entry step, entrants, and entries voided by a takedown.",
    "entrants-distribution": "Entrants in each run. A variant that can be taken down shows two groups: runs where the post survived and runs where it did not.",
    "support-queue": "Support queue: questions waiting for an answer, hour by hour from launch (mean and 5th–95th percentile of the runs).",
}


def caption(name: str, result) -> str:
    """A chart's caption, its interval named as the runs' intervals are (over runs, or a prediction interval)."""
    from campaignsim.sim.result import interval_phrase

    return CAPTIONS.get(name, "").replace("5th–95th percentile of the runs", interval_phrase(r.sim for r in result.runs))


def svg(fig) -> str:
    plt = _pyplot()
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(fig)
    text = buffer.getvalue()
    return text[text.index("<svg"):]  # drop the XML prolog and DOCTYPE for inline use


def png(fig) -> bytes:
    plt = _pyplot()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    plt.close(fig)
    return buffer.getvalue()
