"""``sensitivity``, ``sweep`` and ``calibrate``: the analyses on the command line.

Imported when the CLI starts: numpy, SALib, scipy, emcee and Dask are imported inside the commands.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import click

from campaignsim.analysis import METRICS
from campaignsim.calibrate import DEFAULT_FIT, CalibrationError
from campaignsim.cli.app import main
from campaignsim.cli.console import Progress, emit, fail, refuse, refuse_overwriting_inputs, report_plugin_failures, say, stop
from campaignsim.cli.options import open_executor, scheduler_option


def _load_one(settings, path: str, variant: Optional[str]):
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
    return Progress("simulating") if fmt == "text" and output is None and sys.stderr.isatty() else None


def _check_report_path(path: Optional[str], endings: tuple[str, ...], what: str) -> None:
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


@main.command("sensitivity")
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
    from campaignsim.sim.config import SimulationConfigError

    _check_report_path(report_path, (".html", ".htm", ".md"), "--report")
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
            stop(progress)
    refuse(problem)
    if fmt == "json":
        emit(json.dumps(result.to_json_dict(), indent=2, ensure_ascii=False) + "\n", output)
    else:
        _print_text(lambda console: _render_sensitivity(result, console), output)
    if report_path:
        from campaignsim.report.analysis import write_sensitivity_report

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


    if output:
        buffer = io.StringIO()
        render(Console(file=buffer, width=120, color_system=None))
        emit(buffer.getvalue(), output)
    else:
        render(Console(highlight=False))


@main.command("sweep")
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
    from campaignsim.sim.config import SimulationConfigError

    if fmt == "parquet" and not output:
        fail("--format parquet writes a binary file: give --output FILE.parquet")
    _check_report_path(chart_path, (".png", ".svg"), "--chart")
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
            stop(progress)
    refuse(problem)
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


@main.command("calibrate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--history", "history_path", required=True, type=click.Path(dir_okay=False),
              help="CSV with columns scenario (the past scenario file's stem), day (0-based), entrants, and optionally views.")
@click.option("--output", "-o", "output", required=True, type=click.Path(dir_okay=False), help="The calibration file to write (TOML, atomically).")
@click.option("--fit", "names", multiple=True, metavar="PARAM",
              help=f"A parameter to fit (repeatable); default: {', '.join(DEFAULT_FIT)}.")
@click.option("--seed", type=click.IntRange(min=0), default=0, show_default=True, help="Seed of the sampler: the same seed gives the same file.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False), default=None,
              help="Also write PATH.html: the fitted values and an observed-vs-fitted chart per past campaign.")
@click.option("--jobs", type=click.IntRange(0, 256), default=1, show_default=True,
              help="Processes that evaluate the sampler's walkers; 0: one per CPU. The fit is the same for any value.")
@scheduler_option
@click.pass_obj
def calibrate(settings, paths, history_path: str, output: str, names, seed: int, report_path: Optional[str],
              jobs: int, scheduler: Optional[str]) -> None:
    """Fit the simulator's parameters to a brand's past campaigns.

    Each PAST.toml is a past campaign's scenario (its base); HISTORY.csv holds what it did day by day.
    The output's [simulation] table holds the fitted values, [calibration.<parameter>] their 90%
    credible intervals, and a posterior sample that simulate, run and compare draw from
    (--calibration FILE, or [simulation] calibration = "FILE" in a scenario).
    """
    import time

    from campaignsim.load import load_file

    try:
        import emcee  # noqa: F401
        import scipy  # noqa: F401
    except ImportError:
        fail("calibrate needs scipy and emcee: pip install 'campaignsim[calibrate]'")
    if report_path and not report_path.endswith((".html", ".htm")):
        fail(f"--report {report_path}: the file name must end in .html")
    refuse_overwriting_inputs([*paths, history_path], output, report_path)
    for target in (output, report_path):
        if target and not (Path(target).parent if str(Path(target).parent) else Path(".")).is_dir():
            fail(f"cannot write {target}: no such directory {Path(target).parent}")
    registry = settings.registry()
    report_plugin_failures(registry)
    from campaignsim.calibrate.history import read_history

    try:
        history = read_history(history_path)
    except CalibrationError as exc:
        fail(str(exc))
    from campaignsim.calibrate.fit import Past

    pasts, stems = [], set()
    for path in paths:
        loaded = load_file(path, registry)
        if loaded.errors:
            for error in loaded.errors:
                say(error.render())
            sys.exit(2)
        stem = Path(path).stem
        if stem in stems:
            fail(f"{path}: two past scenarios share the stem {stem!r}; the history cannot tell them apart")
        stems.add(stem)
        if stem not in history:
            fail(f"{history_path}: no rows for scenario {stem!r} ({path}); scenarios in the file: {', '.join(sorted(history))}")
        pasts.append(Past(str(path), loaded.scenarios[0], history[stem]))
    unused = sorted(set(history) - stems)
    if unused:
        say(f"campaignsim: {history_path}: rows for {', '.join(unused)} have no scenario file among the arguments; ignored")
    platforms = {p.scenario.platform.name for p in pasts}
    if len(platforms) > 1:
        say(f"campaignsim: the past campaigns ran on {', '.join(sorted(platforms))}: one set of values is fitted for all")

    from campaignsim.calibrate.fit import fit
    from campaignsim.report.calibration import render_html, render_text, render_toml
    from campaignsim.sim.config import SimulationConfigError

    progress = Progress("calibrating") if sys.stderr.isatty() else None
    state = {"done": 0}

    def advance(done: int, total: int) -> None:
        if progress is None:
            return
        if state["done"] == 0:
            progress.start(total)
        progress.advance(done - state["done"])
        state["done"] = done

    started = time.perf_counter()
    try:
        with open_executor(jobs, scheduler) as executor:
            result = fit(pasts, registry, list(names) or list(DEFAULT_FIT), seed=seed, progress=advance, executor=executor)
    except CalibrationError as exc:
        fail(str(exc))
    except SimulationConfigError as exc:
        fail(f"cannot fit: {exc}")
    except MemoryError:
        fail("out of memory while fitting: use fewer past campaigns or smaller audiences")
    finally:
        if progress is not None and state["done"]:
            progress.stop()
    elapsed = time.perf_counter() - started
    emit(render_toml(result, pasts, history_path, seed), output)
    from rich.console import Console

    Console(highlight=False, soft_wrap=True).print(render_text(result, elapsed))
    click.echo(f"calibration written to {output}", err=True)
    if report_path:
        from campaignsim.report.charts import require_matplotlib

        problem = require_matplotlib()
        if problem:
            fail(problem)
        emit(render_html(result), report_path)
        click.echo(f"report written to {report_path}", err=True)
    sys.exit(2 if registry.failures else 0)
