"""``campaignsim sensitivity`` and ``campaignsim sweep``: the analyses on the command line.

Imported when the CLI starts: numpy, SALib, scipy and Dask are imported inside the commands.
"""

from __future__ import annotations

import json
import sys
from typing import Optional

import click

from campaignsim.analysis import METRICS


def say(message: str) -> None:
    """One line on standard error, escaped for the terminal (:func:`campaignsim.cli.say`)."""
    from campaignsim.cli import say as _say

    _say(message)


def scheduler_option(f):
    """``--scheduler tcp://HOST:PORT`` (or ``DASK_SCHEDULER_ADDRESS``): run on an existing Dask cluster."""
    return click.option("--scheduler", envvar="DASK_SCHEDULER_ADDRESS", default=None, metavar="ADDRESS",
                        help="Send the replications to this Dask scheduler (tcp://HOST:PORT; also DASK_SCHEDULER_ADDRESS). "
                             "Default: processes on this machine. The numbers are the same either way.")(f)


def open_executor(jobs: int, scheduler: Optional[str]):
    """The executor for ``--jobs``/``--scheduler``, or exit 2 with one line saying why not."""
    from campaignsim.parallel import ExecutorError, executor_for

    try:
        return executor_for(jobs=jobs, scheduler=scheduler)
    except ExecutorError as exc:
        say(f"campaignsim: {exc}")
        sys.exit(2)


def _load_one(settings, path: str, variant: Optional[str]):
    from campaignsim.cli import report_plugin_failures
    from campaignsim.load import load_file

    registry = settings.registry()
    report_plugin_failures(registry)
    loaded = load_file(path, registry)
    if loaded.errors:
        for error in loaded.errors:
            say(error.render())
        sys.exit(2)
    scenario = loaded.scenarios[0]
    if variant is not None and variant != "base":
        matches = [s for s in loaded.scenarios if s.variant == variant]
        if not matches:
            names = ", ".join(["base"] + [s.variant for s in loaded.scenarios if s.variant])
            say(f"{path}: no variant named {variant!r} (known: {names})")
            sys.exit(2)
        scenario = matches[0]
    return registry, loaded, scenario


def _progress(fmt: str, output: Optional[str]):
    from campaignsim.cli import Progress

    return Progress("simulating") if fmt == "text" and output is None and sys.stderr.isatty() else None


def _check_report_path(path: Optional[str], endings: tuple[str, ...], what: str) -> None:
    from pathlib import Path

    from campaignsim.cli import fail

    if not path:
        return
    if not path.lower().endswith(endings):
        fail(f"{what} {path}: the file name must end in {' or '.join(endings)}")
    parent = Path(path).parent if str(Path(path).parent) else Path(".")
    if not parent.is_dir():
        fail(f"cannot write {path}: no such directory {parent}")
    from campaignsim.report.charts import require_matplotlib

    problem = require_matplotlib()
    if problem:
        fail(problem)


@click.command("sensitivity")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--metric", type=click.Choice(list(METRICS)), default="entrants", show_default=True, help="The output whose drivers are ranked.")
@click.option("--method", type=click.Choice(["sobol", "morris"]), default="sobol", show_default=True,
              help="Sobol first-order and total indices, or Morris elementary effects (cheaper screening).")
@click.option("--samples", type=click.IntRange(2, 1_000_000), default=None,
              help="Sobol: base sample N (a power of two; N × (parameters + 2) simulations), default 64. Morris: trajectories, default 20.")
@click.option("--param", "params", multiple=True, metavar="NAME[=LOW:HIGH]",
              help="Parameters to vary (repeatable, comma-separated), optionally with a range; default: those that can move this scenario.")
@click.option("--runs-per-point", type=click.IntRange(1, 10_000), default=1, show_default=True,
              help="Replications averaged at each point (all points share the same seeds).")
@click.option("--variant", default=None, help="Analyse this variant instead of the base.")
@click.option("--seed", type=click.IntRange(0, 2**63 - 1), default=0, show_default=True)
@click.option("--jobs", type=click.IntRange(0, 256), default=0, show_default=True, help="Local processes; 0: one per CPU.")
@scheduler_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the text or JSON to this file (atomically).")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), help="Also write PATH.html or PATH.md with a tornado chart.")
@click.pass_obj
def sensitivity(settings, path, metric, method, samples, params, runs_per_point, variant, seed, jobs, scheduler, fmt, output, report_path) -> None:
    """Which assumption drives the forecast? Global sensitivity (SALib) of an output to the
    simulation parameters over their ranges, ranked by total effect."""
    from campaignsim import runner
    from campaignsim.analysis.points import AnalysisError
    from campaignsim.analysis.sensitivity import sensitivity as analyse
    from campaignsim.cli import emit
    from campaignsim.sim.config import SimulationConfigError

    _check_report_path(report_path, (".html", ".htm", ".md"), "--report")
    from campaignsim.cli import refuse_overwriting_inputs

    refuse_overwriting_inputs([path], output, report_path)
    registry, loaded, scenario = _load_one(settings, path, variant)
    progress = _progress(fmt, output)
    problem = None
    with open_executor(jobs, scheduler) as executor:
        try:
            result = analyse(scenario, registry, metric=metric, method=method, samples=samples, params=params, seed=seed,
                             runs_per_point=runs_per_point, takedown_codes=runner.takedown_codes(scenario, registry),
                             executor=executor, progress=progress)
        except AnalysisError as exc:
            problem = f"campaignsim: {exc}"
        except SimulationConfigError as exc:
            problem = runner.cannot_simulate(path, scenario, exc, loaded)
        finally:
            if progress is not None:
                progress.stop()
    if problem:
        say(problem)
        sys.exit(2)
    if fmt == "json":
        emit(json.dumps(result.to_json_dict(), indent=2, ensure_ascii=False) + "\n", output)
    else:
        _print_text(lambda console: _render_sensitivity(result, console), output)
    if report_path:
        from campaignsim.report.analysis import write_sensitivity_report
        from campaignsim.cli import fail

        try:
            written = write_sensitivity_report(result, report_path)
        except OSError as exc:
            fail(f"cannot write {report_path}: {exc.strerror or exc}")
        click.echo(f"report written to {', '.join(written)}", err=True)
    sys.exit(2 if registry.failures else 0)


def _render_sensitivity(result, console) -> None:
    from campaignsim.report.analysis import render_sensitivity_text

    render_sensitivity_text(result, console)


def _print_text(render, output: Optional[str]) -> None:
    import io

    from rich.console import Console

    from campaignsim.cli import emit

    if output:
        buffer = io.StringIO()
        render(Console(file=buffer, width=120, color_system=None))
        emit(buffer.getvalue(), output)
    else:
        render(Console(highlight=False))


@click.command("sweep")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--set", "sets", multiple=True, metavar="KEY=V1,V2|KEY=LOW:HIGH", required=True,
              help="A scenario key (platform.followers, prize.items[0].value, entry.steps[1].count) or simulation "
                   "parameter and its values (crossed into a grid) or range (Latin hypercube, needs --samples). Repeatable.")
@click.option("--samples", type=click.IntRange(1, 10_000), default=None, help="Points drawn over the ranges (Latin hypercube).")
@click.option("--runs", type=click.IntRange(1, 100_000), default=50, show_default=True, help="Replications per point (the same seeds at every point).")
@click.option("--variant", default=None, help="Sweep this variant instead of the base.")
@click.option("--seed", type=click.IntRange(0, 2**63 - 1), default=0, show_default=True)
@click.option("--jobs", type=click.IntRange(0, 256), default=0, show_default=True, help="Local processes; 0: one per CPU.")
@scheduler_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv", "parquet"]), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the rows to this file (atomically); needed for parquet.")
@click.option("--chart", "chart_path", type=click.Path(dir_okay=False), help="Also draw the metric against each swept key: PATH.png or PATH.svg.")
@click.option("--metric", type=click.Choice(["entrants", "exposed", "started", "shares", "late_prizes", "complaints"]),
              default="entrants", show_default=True, help="The output drawn in --chart and shown in the text table.")
@click.pass_obj
def sweep(settings, path, sets, samples, runs, variant, seed, jobs, scheduler, fmt, output, chart_path, metric) -> None:
    """Simulate the campaign over a grid or a Latin hypercube of designs: one row per point."""
    from campaignsim import runner
    from campaignsim.analysis.points import AnalysisError
    from campaignsim.analysis.sweep import sweep as run_sweep, to_csv, to_parquet
    from campaignsim.cli import emit, fail
    from campaignsim.sim.config import SimulationConfigError

    if fmt == "parquet" and not output:
        fail("--format parquet writes a binary file: give --output FILE.parquet")
    _check_report_path(chart_path, (".png", ".svg"), "--chart")
    from campaignsim.cli import refuse_overwriting_inputs

    refuse_overwriting_inputs([path], output, chart_path)
    registry, loaded, _ = _load_one(settings, path, variant)
    progress = _progress(fmt, output)
    problem = None
    with open_executor(jobs, scheduler) as executor:
        try:
            result = run_sweep(loaded, registry, sets, samples=samples, runs=runs, seed=seed,
                               variant=None if variant in (None, "base") else variant, executor=executor, progress=progress,
                               takedown_codes=lambda s: runner.takedown_codes(s, registry))
        except AnalysisError as exc:
            problem = str(exc) if str(exc).startswith(path) else f"campaignsim: {exc}"
        except SimulationConfigError as exc:
            problem = f"{path}: {exc}"
        finally:
            if progress is not None:
                progress.stop()
    if problem:
        say(problem)
        sys.exit(2)
    if fmt == "json":
        emit(json.dumps(result.to_json_dict(), indent=2, ensure_ascii=False) + "\n", output)
    elif fmt == "csv":
        emit(to_csv(result), output)
    elif fmt == "parquet":
        from campaignsim._io import write_atomic

        try:
            write_atomic(output, to_parquet(result), binary=True)
        except AnalysisError as exc:
            fail(str(exc))
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror or exc}")
    else:
        _print_text(lambda console: _render_sweep(result, metric, console), output)
    if chart_path:
        from campaignsim.report.analysis import sweep_chart, write_chart

        try:
            write_chart(sweep_chart(result, metric), chart_path)
        except OSError as exc:
            fail(f"cannot write {chart_path}: {exc.strerror or exc}")
        click.echo(f"chart written to {chart_path}", err=True)
    sys.exit(2 if registry.failures else 0)


def _render_sweep(result, metric: str, console) -> None:
    from rich.markup import escape
    from rich.table import Table

    from campaignsim.report.escape import terminal

    who = result.scenario + (f" — variant {result.variant}" if result.variant else "")
    console.print(escape(terminal(f"{who}: {len(result.rows)} points, {result.runs} runs each (seed {result.seed}); "
                                  f"{metric}: mean and 5th–95th percentile of runs, parameters fixed (Monte Carlo noise only); "
                                  "every column is in --format json, csv or parquet")))
    table = Table(*[escape(terminal(k)) for k in result.keys], f"{metric}", "5th–95th pct", "takedown", show_edge=False, pad_edge=False)
    for row in result.rows:
        values = [escape(terminal(f"{row[k]:,.4g}" if isinstance(row[k], float) else str(row[k]))) for k in result.keys]
        mean, low, high = row[f"{metric}_mean"], row[f"{metric}_low"], row[f"{metric}_high"]
        table.add_row(*values, f"{mean:,.0f}", f"{low:,.0f}–{high:,.0f}", f"{row['takedown_probability']:.0%}")
    console.print(table)
