"""``run``, ``compare`` and ``simulate``: lint, simulate and compare on the command line.

Imported when the CLI starts, so nothing here imports numpy or simpy at module level: the
simulator is imported inside the commands.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Optional

import click

from campaignsim.cli.app import Settings, main
from campaignsim.cli.console import Progress, emit, fail, refuse, refuse_overwriting_inputs, report_plugin_failures, say, stop
from campaignsim.cli.options import open_executor, read_calibration, scheduler_option, uncertainty_options as _uncertainty_options
from campaignsim.compare import DEFAULT_RUNS, OBJECTIVES
from campaignsim.model.limits import MAX_RUNS


def _run_options(f):
    f = click.option("--runs", type=click.IntRange(1, 100_000), default=DEFAULT_RUNS, show_default=True,
                     help="Monte Carlo replications per variant (the same default as simulate; paired across variants).")(f)
    f = click.option("--objective", type=click.Choice(list(OBJECTIVES)), default="entrants", show_default=True,
                     help="What the recommended variant is best at, among those that can launch.")(f)
    f = click.option("--seed", type=click.IntRange(0, 2**63 - 1), default=0, show_default=True, help="Seed: the same seed gives the same numbers.")(f)
    f = click.option("--jobs", type=click.IntRange(0, 256), default=0, show_default=True,
                     help="Parallel processes for replications; 0: one per CPU. Results are the same for any value.")(f)
    f = click.option("--no-scenario-config", is_flag=True,
                     help="Apply neither a scenario's own [lint] table nor its inline ignore comments (for CI).")(f)
    f = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)(f)
    f = click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the text or JSON report to this file (atomically).")(f)
    f = click.option("--report", "report_path", type=click.Path(dir_okay=False),
                     help="Also write a report file: PATH.html (one self-contained page) or PATH.md (its PNG charts in the folder PATH-charts beside it).")(f)
    return scheduler_option(_uncertainty_options(f))


def _run(settings: Settings, paths, runs, seed, jobs, fmt, output, report_path, objective="entrants",
         fixed_parameters=False, calibration_path=None, scheduler=None, no_scenario_config=False) -> None:
    from campaignsim.lint.config import ConfigError
    from campaignsim.runner import RunInputError, run_scenarios

    from pathlib import Path

    for path in paths:
        if Path(path).is_dir():
            fail(f"{path} is a directory: run and compare take scenario files (lint takes directories)")
    if report_path and not report_path.endswith((".html", ".htm", ".md")):
        fail(f"--report {report_path}: the file name must end in .html or .md")
    refuse_overwriting_inputs(paths, output, report_path)
    for target in (report_path, output):
        if target and not (Path(target).parent if str(Path(target).parent) else Path(".")).is_dir():
            fail(f"cannot write {target}: no such directory {Path(target).parent}")
    if report_path:
        from campaignsim.report.charts import require_matplotlib

        problem = require_matplotlib()
        if problem:
            fail(problem)
    calibration = read_calibration(calibration_path)
    registry = settings.registry()
    progress = Progress("simulating") if fmt == "text" and output is None and sys.stderr.isatty() else None
    problem = None
    executor = open_executor(jobs, scheduler)
    try:
        result = run_scenarios(paths, registry, runs=runs, seed=seed, jobs=jobs, progress=progress, objective=objective,
                               parameters="fixed" if fixed_parameters else "prior", calibration=calibration,
                               executor=executor, scenario_config=not no_scenario_config)
    except ConfigError as exc:
        problem = f"campaignsim: {exc}"
    except RunInputError as exc:  # already names the file and variant, like a load error
        problem = str(exc)
    except MemoryError:  # the limits should prevent it; a machine with little memory can still run out
        problem = "campaignsim: out of memory while simulating: use fewer --runs or a smaller audience.reach"
    finally:
        stop(progress, executor)
    refuse(problem)
    if result.lint.load_errors:  # nothing was simulated: say why, one line each
        for error in result.lint.load_errors:
            say(error.render())
        report_plugin_failures(result.lint)
        sys.exit(2)
    if fmt == "json":
        import json

        emit(json.dumps(result.to_json_dict(), indent=2, ensure_ascii=False) + "\n", output)
    else:
        import io

        from rich.console import Console

        from campaignsim.report.run_text import render

        if output:
            buffer = io.StringIO()
            render(result, Console(file=buffer, width=120, color_system=None))
            emit(buffer.getvalue(), output)
        else:
            render(result, Console())
    if fmt == "json":
        report_plugin_failures(result.lint)
    else:
        report_plugin_failures(result.lint, tracebacks_only=True)
    if report_path and result.runs:
        from campaignsim.report.files import write_report

        try:
            written = write_report(result, report_path)
        except OSError as exc:
            fail(f"cannot write {report_path}: {exc.strerror or exc}")
        say(f"report written to {', '.join(written)}")
    sys.exit(result.exit_code())


@main.command()
@click.argument("path", type=click.Path())
@_run_options
@click.pass_obj
def run(settings: Settings, path, runs, seed, jobs, fmt, output, report_path, objective, fixed_parameters, calibration_path, scheduler,
        no_scenario_config) -> None:
    """Lint a campaign and each variant, simulate them with common random numbers, compare each
    variant with the base and recommend the launchable one best on --objective. Parameters are
    drawn from their priors (or --calibration) unless --fixed-parameters. Exit code 1 when
    nothing is launchable (every variant breaks an error-level rule or cannot be entered)."""
    _run(settings, [path], runs, seed, jobs, fmt, output, report_path, objective, fixed_parameters, calibration_path, scheduler,
         no_scenario_config)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@_run_options
@click.pass_obj
def compare(settings: Settings, paths, runs, seed, jobs, fmt, output, report_path, objective, fixed_parameters, calibration_path, scheduler,
            no_scenario_config) -> None:
    """Like run, for separate files: the first file's campaign is the base."""
    if len(paths) < 2:
        fail("compare needs at least two scenario files (the first is the base)")
    _run(settings, list(paths), runs, seed, jobs, fmt, output, report_path, objective, fixed_parameters, calibration_path, scheduler,
         no_scenario_config)


def _load_file(path: str, registry):
    from campaignsim.load import load_file

    return load_file(path, registry)


def _help_params(ctx: click.Context, _param, value: bool) -> None:
    """Print every `[simulation]` parameter with its default, bounds and source, then exit."""
    if not value or ctx.resilient_parsing:
        return
    from campaignsim.model.simparams import ACTION_PARAMETERS, PARAMETERS

    for p in list(PARAMETERS.values()) + list(ACTION_PARAMETERS.values()):
        default = "from the platform" if p.default is None and p.name in PARAMETERS else ("from the action" if p.default is None else f"{p.default:g}")
        unit = f" {p.unit}" if p.unit else ""
        click.echo(f"{p.name}  (default {default}{unit}; {p.ge:g} to {p.le:g})")
        click.echo(f"    {p.doc}")
        click.echo(f"    source: {p.source}")
        plugin = " (the platform may declare its own)" if p.default is None and p.name in PARAMETERS else (
            " (the action may declare its own)" if p.default is None else "")
        # every listed parameter has a prior (simparams gives each its PRIORS entry): never None here
        click.echo(f"    prior: {p.prior.describe(p.default)}{plugin}; {p.prior.source}")  # type: ignore[union-attr]
    _help_enforcement(ctx)
    ctx.exit(0)


def _help_enforcement(ctx: click.Context) -> None:
    """The enforcement weights the loaded rules declare (campaignsim.sim.risk), with their sources."""
    if ctx.obj is not None:
        registry = ctx.obj.registry()
    else:  # the command called on its own, outside the campaignsim group
        from campaignsim.plugin.manager import get_registry

        registry = get_registry()
    from campaignsim.sim.risk import DEFAULT_WEIGHT_SOURCE

    click.echo("")
    click.echo("Takedown and backlash weights declared by the loaded rules (an error-level platform rule without one weighs 1):")
    rules = getattr(registry, "rules", None) or {}
    for code in sorted(rules):
        e = getattr(rules[code], "enforcement", None)
        if e is not None:
            family = f", family {e.family}" if e.family else ""
            click.echo(f"{code}  ({e.kind}, weight {e.weight:g}{family})")
            click.echo(f"    source: {e.source}")
    click.echo(f"default  (takedown, weight 1)\n    source: {DEFAULT_WEIGHT_SOURCE}")


@main.command("simulate")
@click.argument("path", type=click.Path())
@click.option("--help-params", is_flag=True, is_eager=True, expose_value=False, callback=_help_params,
              help="List the [simulation] parameters with defaults, bounds and sources, and exit.")
@click.option("--runs", type=click.IntRange(1, MAX_RUNS), default=DEFAULT_RUNS, show_default=True, help="Monte Carlo replications per scenario.")
@click.option("--seed", type=click.IntRange(min=0), default=0, show_default=True, help="Seed: the same seed gives the same output, and variants share random numbers.")
@click.option("--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes; 0: one per CPU (results are identical to --jobs 1).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--variant", "variant", default=None, help="Simulate only this variant ('base' for the base); default: the base and every variant.")
@click.option("--output", "output", type=click.Path(dir_okay=False), default=None, help="Write the output to FILE (atomically) instead of stdout.")
@click.option("--draws", type=click.IntRange(min=1), default=None,
              help="Parameter draws of the outer loop (default: one per run); ignored with --fixed-parameters.")
@_uncertainty_options
@scheduler_option
@click.pass_obj
def simulate(settings, path: str, runs: int, seed: int, jobs: int, fmt: str, variant: Optional[str], output: Optional[str],
             draws: Optional[int], fixed_parameters: bool, calibration_path: Optional[str],
             scheduler: Optional[str]) -> None:
    """Estimate how many people take part in a campaign, when, and where they drop out.

    Every output is the mean over RUNS replications with a 90% prediction interval (p05–p95):
    the parameters are drawn from their priors, or from a calibration's posterior, in an outer
    loop. With --fixed-parameters the interval is over runs only (Monte Carlo noise).
    """
    from campaignsim import runner
    from campaignsim.calibrate import CalibrationError, scenario_calibration
    from campaignsim.report.json_format import simulate_document
    from campaignsim.report.sim_text import render_text

    if os.path.isdir(path):  # one line, as run and compare say it, not click's usage block
        fail(f"{path} is a directory: simulate takes one scenario file (lint takes directories)")
    refuse_overwriting_inputs([path], output)
    calibration = read_calibration(calibration_path)
    registry = settings.registry()
    report_plugin_failures(registry)
    loaded = _load_file(path, registry)
    if loaded.errors:
        for error in loaded.errors:
            say(error.render())
        sys.exit(2)
    scenarios = list(loaded.scenarios)
    if variant is not None:
        wanted = None if variant == "base" else variant
        scenarios = [s for s in scenarios if s.variant == wanted]
        if not scenarios:
            names = ", ".join(["base"] + [s.variant for s in loaded.scenarios if s.variant])
            say(f"{path}: no variant named {variant!r} (known: {names})")
            sys.exit(2)

    from campaignsim.sim.config import SimulationConfigError
    from campaignsim.sim.runner import simulate as run

    show_bar = fmt == "text" and output is None and sys.stdout.isatty()
    progress = Progress("simulating") if show_bar else None
    if progress is not None:
        progress.start(runs * len(scenarios))
    results, problem = [], None
    executor = open_executor(jobs, scheduler)
    rule_failures: list = []  # rules that raised while judging the takedown risk: named, and exit 2
    try:
        for scenario in scenarios:
            try:
                results.append(run(scenario, registry=registry, runs=runs, seed=seed, jobs=jobs,
                                   takedown_codes=runner.takedown_codes(scenario, registry, rule_failures, path),
                                   progress=progress.advance if progress is not None else None,
                                   parameters="fixed" if fixed_parameters else "prior", draws=draws,
                                   calibration=scenario_calibration(scenario, loaded, calibration), executor=executor))
            except SimulationConfigError as exc:
                problem = runner.cannot_simulate(path, scenario, exc, loaded)
                break
            except MemoryError:
                problem = runner.cannot_simulate(path, scenario, "out of memory: use fewer --runs or a smaller audience.reach")
                break
            except CalibrationError as exc:
                problem = str(exc)
                break
    finally:
        stop(progress, executor)
    refuse(problem)

    if fmt == "json":
        text = json.dumps(simulate_document(results), ensure_ascii=False, indent=2) + "\n"
    else:
        text = "\n\n".join(render_text(r) for r in results) + "\n"
    if output is not None:
        emit(text if fmt == "json" else _strip_markup(text), output)
    elif fmt == "json":
        click.echo(text, nl=False)
    else:
        from rich.console import Console

        Console(highlight=False, soft_wrap=True).print(text, end="")
    from types import SimpleNamespace

    report_plugin_failures(SimpleNamespace(failures=rule_failures))
    sys.exit(2 if registry.failures or rule_failures else 0)


def _strip_markup(text: str) -> str:
    from rich.text import Text

    return Text.from_markup(text).plain
