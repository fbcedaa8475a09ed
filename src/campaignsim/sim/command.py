"""`campaignsim simulate SCENARIO.toml`: the participation simulator on the command line.

This module is imported when the CLI starts, so it must not import numpy or simpy at module level:
the simulator is imported inside the command.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Optional

import click

from campaignsim.analysis_commands import open_executor, scheduler_option
from campaignsim.cli_options import uncertainty_options as _uncertainty_options
from campaignsim.compare import DEFAULT_RUNS
from campaignsim.model.limits import MAX_RUNS


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
        click.echo(f"    prior: {p.prior.describe(p.default)}{plugin}; {p.prior.source}")
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


@click.command("simulate")
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
    from campaignsim.cli import Progress, _calibration, emit, fail, refuse_overwriting_inputs, report_plugin_failures, say

    if os.path.isdir(path):  # one line, as run and compare say it, not click's usage block
        fail(f"{path} is a directory: simulate takes one scenario file (lint takes directories)")
    refuse_overwriting_inputs([path], output)
    calibration = _calibration(calibration_path)
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
        executor.close()
        if progress is not None:
            progress.stop()  # clear the bar before anything else is printed
    if problem is not None:
        say(problem)
        sys.exit(2)

    if fmt == "json":
        text = json.dumps(json_document(results), ensure_ascii=False, indent=2) + "\n"
    else:
        text = "\n\n".join(r.render_text() for r in results) + "\n"
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


def json_document(results) -> dict:
    """``simulate --format json``: one object whatever the number of scenarios, its
    ``simulations`` a list with one entry per simulated scenario (the base, then each variant), the
    same entries as ``run --format json``'s ``simulations``."""
    return {"simulations": [r.to_json_dict() for r in results]}


def simulations_from_json(document) -> list[dict]:
    """The simulations of a ``simulate --format json`` document as a list, read from the current
    shape (``{"simulations": [...]}``) or from the earlier one (one object for one scenario, a list
    for several), which is still read in this release."""
    if isinstance(document, dict) and isinstance(document.get("simulations"), list):
        return list(document["simulations"])
    if isinstance(document, dict) and "scenario" in document:
        return [document]
    if isinstance(document, list) and all(isinstance(d, dict) for d in document):
        return list(document)
    raise ValueError("not a campaignsim simulate document: expected an object with a \"simulations\" list")
