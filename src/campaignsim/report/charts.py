"""Charts for the report files, drawn with matplotlib (the optional extra ``campaignsim[report]``).

Each function returns a Figure; :func:`svg` and :func:`png` turn one into bytes. SVG text is
drawn as paths, so the HTML page needs no font from anywhere.
"""

from __future__ import annotations

import io

def require_matplotlib() -> str | None:
    """None when matplotlib can be imported, else the message saying what to install, in the form
    that fits how campaignsim was installed (from a checkout or from the package index)."""
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        from campaignsim._install import install_extra_command

        return f"report files need matplotlib: {install_extra_command('report')}"
    return None


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # never open a window
    matplotlib.rcParams["svg.fonttype"] = "path"
    matplotlib.rcParams["svg.hashsalt"] = "campaignsim"  # stable ids: the same run gives the same file
    import matplotlib.pyplot as plt

    return plt


def entrants_over_time(result):
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 3.6), dpi=100)
    for run in result.runs:
        timeline = run.sim.to_json_dict()["timeline"]
        total, cumulative = 0.0, []
        for value in timeline["entrants_mean"]:
            total += value
            cumulative.append(total)
        ax.plot(timeline["hour"], cumulative, label=run.label, linewidth=2)
    ax.set_xlabel("hours since launch")
    ax.set_ylabel("entrants (cumulative, mean)")
    ax.set_title("Entrants over time")
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", fontsize=8)
    fig.tight_layout()
    return fig


def funnel(result):
    plt = _pyplot()
    fig, axes = plt.subplots(1, len(result.runs), figsize=(max(4, 3.2 * len(result.runs)), 3.4), dpi=100, squeeze=False)
    for ax, run in zip(axes[0], result.runs):
        steps = run.sim.to_json_dict()["funnel"]
        labels = [f"{s['step'] + 1}. {s['action']}" for s in steps]
        ax.barh(labels[::-1], [s["mean"] for s in steps][::-1], color="#4477aa")
        ax.set_title(run.label, fontsize=9)
        ax.tick_params(labelsize=8)
        ax.set_xlabel("people completing (mean)", fontsize=8)
    fig.suptitle("Funnel per variant")
    fig.tight_layout()
    return fig


def entrants_distribution(result):
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 3.4), dpi=100)
    for run in result.runs:
        ax.hist(run.sim.per_run["entrants"], bins=30, alpha=0.5, label=run.label)
    ax.set_xlabel(f"entrants per run ({result.replications} runs)")
    ax.set_ylabel("runs")
    ax.set_title("Distribution of entrants")
    ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


def support_queue(result):
    """Questions waiting for an answer (asked, not yet answered), hour by hour from launch: mean and 90% band of the runs."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(8, 3.4), dpi=100)
    for run in result.runs:
        queue = run.sim.to_json_dict().get("support_queue")
        if not queue or not queue["hour"]:
            continue
        days = [h / 24.0 for h in queue["hour"]]
        line, = ax.plot(days, queue["mean"], label=run.label, linewidth=2)
        ax.fill_between(days, queue["p05"], queue["p95"], color=line.get_color(), alpha=0.15, linewidth=0)
    ax.set_xlabel("days since launch")
    ax.set_ylabel("open questions")
    ax.set_title("Support queue: questions waiting for an answer (mean, 5th–95th percentile)")
    ax.grid(alpha=0.3)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper right", fontsize=8)
    fig.tight_layout()
    return fig


CHARTS = {"entrants-over-time": entrants_over_time, "funnel": funnel, "entrants-distribution": entrants_distribution, "support-queue": support_queue}


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
