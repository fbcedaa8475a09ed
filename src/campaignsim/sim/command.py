"""`campaignsim simulate SCENARIO.toml`: the participation simulator on the command line.

This module is imported when the CLI starts, so it must not import numpy or simpy at module level:
the simulator is imported inside the command.
"""

from __future__ import annotations

import json
import sys
from typing import Optional

import click


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
    ctx.exit(0)


@click.command("simulate")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--help-params", is_flag=True, is_eager=True, expose_value=False, callback=_help_params,
              help="List the [simulation] parameters with defaults, bounds and sources, and exit.")
@click.option("--runs", type=click.IntRange(1, 100_000), default=200, show_default=True, help="Monte Carlo replications per scenario.")
@click.option("--seed", type=click.IntRange(min=0), default=0, show_default=True, help="Seed: the same seed gives the same output, and variants share random numbers.")
@click.option("--jobs", type=click.IntRange(min=0), default=0, show_default=True,
              help="Worker processes; 0: one per CPU (results are identical to --jobs 1).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--variant", "variant", default=None, help="Simulate only this variant ('base' for the base); default: the base and every variant.")
@click.option("--output", "output", type=click.Path(dir_okay=False), default=None, help="Write the output to FILE (atomically) instead of stdout.")
@click.pass_obj
def simulate(settings, path: str, runs: int, seed: int, jobs: int, fmt: str, variant: Optional[str], output: Optional[str]) -> None:
    """Estimate how many people take part in a campaign, when, and where they drop out.

    Every output is the mean over RUNS replications with a 90% interval (p05–p95).
    """
    from campaignsim import runner
    from campaignsim.cli import Progress, emit, refuse_overwriting_inputs, report_plugin_failures, say

    refuse_overwriting_inputs([path], output)
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
    try:
        for scenario in scenarios:
            try:
                results.append(run(scenario, registry=registry, runs=runs, seed=seed, jobs=jobs,
                                   takedown_codes=runner.takedown_codes(scenario, registry),
                                   progress=progress.advance if progress is not None else None))
            except SimulationConfigError as exc:
                problem = runner.cannot_simulate(path, scenario, exc, loaded)
                break
            except MemoryError:
                problem = runner.cannot_simulate(path, scenario, "out of memory: use fewer --runs or a smaller audience.reach")
                break
    finally:
        if progress is not None:
            progress.stop()  # clear the bar before anything else is printed
    if problem is not None:
        say(problem)
        sys.exit(2)

    if fmt == "json":
        documents = [r.to_json_dict() for r in results]
        text = json.dumps(documents[0] if len(documents) == 1 else documents, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "\n\n".join(r.render_text() for r in results) + "\n"
    if output is not None:
        emit(text if fmt == "json" else _strip_markup(text), output)
    elif fmt == "json":
        click.echo(text, nl=False)
    else:
        from rich.console import Console

        Console(highlight=False, soft_wrap=True).print(text, end="")
    sys.exit(2 if registry.failures else 0)


def _strip_markup(text: str) -> str:
    from rich.text import Text

    return Text.from_markup(text).plain
