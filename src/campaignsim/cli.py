"""The command line: parse, call one library function, pick a format, set the exit code.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 unusable input, usage
or a plugin failure. Heavy modules (numpy, simpy, matplotlib) are imported only by the commands
that need them, so ``--help`` and ``lint`` start fast.
"""

from __future__ import annotations

import sys

import click

from campaignsim import __version__
from campaignsim.cli_options import uncertainty_options as _uncertainty_options
from campaignsim.compare import DEFAULT_RUNS, OBJECTIVES


class Settings:
    def __init__(self, no_plugins: bool = False, plugins: tuple[str, ...] = (), verbose: bool = False):
        self.no_plugins = no_plugins
        self.plugins = plugins
        self.verbose = verbose

    def plugin_options(self) -> dict:
        if self.no_plugins:
            return {"include_third_party": False}
        if self.plugins:
            return {"include_third_party": True, "only": list(self.plugins)}
        return {}

    def registry(self):
        from campaignsim.plugin.manager import get_registry

        return get_registry(self.plugin_options())


def say(message: str) -> None:
    """One line on standard error, escaped for the terminal (paths, names and plugin messages in it
    are data, not control sequences or workflow commands)."""
    from campaignsim.report.escape import terminal

    click.echo(terminal(message), err=True)


def fail(message: str, code: int = 2):
    say(f"campaignsim: {message}")
    sys.exit(code)


def emit(text: str, output: str | None) -> None:
    if output:
        from campaignsim._io import write_atomic

        try:
            write_atomic(output, text)
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror or exc}")
    else:
        click.echo(text, nl=False)


def _verbose() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and getattr(ctx.find_object(Settings), "verbose", False))


def report_plugin_failures(registry, *, tracebacks_only: bool = False) -> None:
    """Each plugin failure on standard error, one line each; with ``--verbose`` the plugin's traceback too."""
    verbose = _verbose()
    for failure in registry.failures:
        if not tracebacks_only:
            say(f"campaignsim: {failure.render()}")
        if verbose and failure.traceback:
            say(failure.traceback.rstrip("\n"))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="campaignsim")
@click.option("--no-plugins", is_flag=True, help="Load only the built-in packs, no third-party plugins.")
@click.option("--plugin", "plugins", multiple=True, metavar="NAME", help="Load only this third-party plugin (repeatable), besides the built-in packs.")
@click.option("--verbose", "-v", is_flag=True, help="Print the traceback of a plugin that fails, after its one-line message.")
@click.pass_context
def main(ctx: click.Context, no_plugins: bool, plugins: tuple[str, ...], verbose: bool) -> None:
    """Check, simulate and compare social-media campaigns before launch.

    \b
    campaignsim run scenarios/wechat_lucky_draw_variants.toml   lint, simulate, compare
    campaignsim lint scenarios/                                  rules only (fast, for CI)
    campaignsim explain WX001                                    one rule and its sources
    """
    if no_plugins and plugins:
        raise click.UsageError("--no-plugins and --plugin exclude each other: --plugin NAME already loads only NAME besides the built-in packs")
    from campaignsim._io import install_signal_handlers

    install_signal_handlers()  # SIGTERM and SIGHUP unwind like Ctrl-C: no temporary file is left behind
    ctx.obj = Settings(no_plugins, plugins, verbose)


def refuse_overwriting_inputs(inputs, *outputs) -> None:
    """Exit 2 before any work when an output file would replace an input."""
    from campaignsim.report.files import overwrites_input

    for output in outputs:
        problem = overwrites_input(output, inputs)
        if problem:
            fail(problem)


FORMAT_HELP = "Output format: text, json, sarif, github, or one a plugin adds."


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules: codes, prefixes (WX), names, or ALL. Comma-separated or repeated.")
@click.option("--extend-select", multiple=True, metavar="RULES", help="Rules added to the selection.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Rules not applied.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None, help="Lowest severity that makes the exit code 1 (default error).")
@click.option("--no-scenario-config", is_flag=True, help="Apply neither a scenario's own [lint] table nor its inline ignore comments (for CI).")
@click.option("--format", "fmt", default="text", show_default=True, help=FORMAT_HELP)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file (atomically) instead of standard output.")
@click.pass_obj
def lint(settings: Settings, paths, select, extend_select, ignore, fail_on, no_scenario_config, fmt, output) -> None:
    """Check scenario files (and every *.toml below directories), base and variants, against the rules."""
    from campaignsim.lint.config import ConfigError
    from campaignsim.lint.engine import lint_paths

    refuse_overwriting_inputs(paths, output)
    registry = settings.registry()
    if fmt not in registry.output_formats:
        fail(f"unknown format {fmt!r} (known: {', '.join(sorted(registry.output_formats))})")
    try:
        report = lint_paths(paths, select=_split(select) or None, extend_select=_split(extend_select), ignore=_split(ignore),
                            fail_on=fail_on, registry=registry, scenario_config=not no_scenario_config)
    except ConfigError as exc:
        fail(str(exc))
    color = fmt == "text" and output is None and sys.stdout.isatty()
    from campaignsim.plugin.manager import PluginError

    try:
        text = registry.output_formats[fmt].render(report, color=color)
    except PluginError as exc:
        if settings.verbose:
            import traceback

            click.echo("".join(traceback.format_exception(exc.__cause__)).rstrip("\n"), err=True)
        fail(str(exc))
    emit(text, output)
    if fmt != "text":  # text already shows these
        for error in report.load_errors:
            say(error.render())
        report_plugin_failures(report)
    else:
        report_plugin_failures(report, tracebacks_only=True)
    sys.exit(report.exit_code())


def _split(values) -> list[str]:
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--select", multiple=True, metavar="RULES", help="Only rules matching these codes, prefixes or names.")
@click.pass_obj
def rules(settings: Settings, fmt, select) -> None:
    """List every rule: code, name, severity, scope and summary."""
    from campaignsim.lint.docs import rule_dict
    from campaignsim.lint.selection import resolve

    registry = settings.registry()
    report_plugin_failures(registry)
    codes, unknown = resolve(registry, _split(select) or None)
    if unknown:
        fail(f"{unknown[0]!r} matches no rule")
    chosen = [registry.rules[c] for c in sorted(codes)]
    if fmt == "json":
        import json

        click.echo(json.dumps([rule_dict(r, registry) for r in chosen], indent=2, ensure_ascii=False))
    else:
        from rich.console import Console

        _print_rules(Console(), chosen)
    sys.exit(2 if registry.failures else 0)


RULES_TABLE_MIN_WIDTH = 140
"""Below this width ``rules`` prints each rule as a heading line and its summary wrapped under it:
a table's columns would split codes and names."""


def _print_rules(console, chosen) -> None:
    """The rule list: codes, names, severities and scopes are never broken; only summaries wrap."""
    from rich.markup import escape
    from rich.table import Table
    from rich.text import Text

    from campaignsim.report.escape import terminal

    style = {"error": "bold red", "warning": "yellow", "info": "cyan"}
    if console.width >= RULES_TABLE_MIN_WIDTH:
        table = Table(title=f"{len(chosen)} rules", show_lines=False)
        for column in ("code", "name", "severity", "applies to"):
            table.add_column(column, no_wrap=True)
        table.add_column("summary", overflow="fold", ratio=1)
        for r in chosen:
            scope = ", ".join(r.platforms + r.jurisdictions) or "all"
            table.add_row(*(escape(terminal(value)) for value in (r.code, r.name, r.severity, scope, r.summary)))
        console.print(table)
        return
    console.print(Text(f"{len(chosen)} rules", style="bold"))
    for r in chosen:
        scope = ", ".join(r.platforms + r.jurisdictions) or "all"
        head = Text.assemble((terminal(r.code), "bold"), " ", terminal(r.name), "  ", (terminal(r.severity), style.get(r.severity, "")),
                             f" · {terminal(scope)}")
        head.no_wrap = True
        head.overflow = "ignore"  # never cut a code or a name; a terminal narrower than one wraps it itself
        console.print()
        console.print(head, crop=False)
        for line in Text(terminal(r.summary)).wrap(console, max(20, console.width - 4)):
            line.rstrip()
            console.print(Text("    ") + line, crop=False)


@main.command()
@click.argument("code")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.pass_obj
def explain(settings: Settings, code, fmt) -> None:
    """Everything about one rule: what, why, examples and sources with their verification status.
    Given an entry action's name (comment, share, form, …): its effort, completion and delay with
    their sources."""
    from campaignsim.lint.docs import rule_dict, rule_markdown
    from campaignsim.lint.selection import unknown_selector_message

    registry = settings.registry()
    report_plugin_failures(registry)
    rule = registry.rule(code)
    if rule is None and registry.action(code) is not None:
        _explain_action(registry, code, fmt)
    if rule is None:
        fail(unknown_selector_message(code, registry))
    if fmt == "json":
        import json

        click.echo(json.dumps(rule_dict(rule, registry), indent=2, ensure_ascii=False))
    elif fmt == "markdown":
        click.echo(rule_markdown(rule, registry))
    else:
        from rich.console import Console
        from rich.markdown import Markdown

        from campaignsim.report.escape import terminal_lines

        console = Console()
        text = terminal_lines(rule_markdown(rule, registry))  # a plugin's rule text: no control sequences
        if console.is_terminal:
            # Headings, bold and code rendered; each source's address shown after its title, so it
            # can be read and copied on any terminal (not only those that make links clickable).
            console.print(Markdown(text, hyperlinks=False))
        else:
            click.echo(text)
    sys.exit(2 if registry.failures else 0)


def _action_plugin(registry, name: str):
    """The plugin whose entry action ``name`` is in use (the last to provide it)."""
    found = None
    for p in registry.plugins:
        if name in p.provides.get("actions", ()):
            found = p.name
    return found


def _explain_action(registry, name: str, fmt: str) -> None:
    from campaignsim.plugin.describe import action_dict, action_lines

    spec = registry.action(name)
    if fmt == "json":
        import json

        click.echo(json.dumps(action_dict(spec, _action_plugin(registry, name)), indent=2, ensure_ascii=False))
    else:
        click.echo("\n".join(action_lines(spec, _action_plugin(registry, name))))
    sys.exit(2 if registry.failures else 0)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--verbose", "-v", is_flag=True, help="Also show each entry action's effort, completion and delay, with the source of every figure.")
@click.pass_obj
def plugins(settings: Settings, fmt, verbose) -> None:
    """List loaded plugins, their versions, and what each provides; and any that failed."""
    registry = settings.registry()
    if fmt == "json":
        import json

        data = {"plugins": [{"name": p.name, "module": p.module, "version": p.version, "builtin": p.builtin, "provides": p.provides,
                                 "replaced": p.replaced}
                            for p in registry.plugins],
                "failures": [{"plugin": f.plugin, "stage": f.stage, "error": f.error, "refused": f.refused} for f in registry.failures]}
        if verbose:
            from campaignsim.plugin.describe import action_dict

            data["actions"] = [action_dict(registry.actions[n], _action_plugin(registry, n)) for n in registry.actions]
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        from campaignsim.report.escape import terminal

        for p in registry.plugins:
            kind = "built-in" if p.builtin else "third-party"
            click.echo(terminal(f"{p.name} {p.version} ({kind}, {p.module})"))
            for what, names in sorted(p.provides.items()):
                if what == "actions" and verbose:
                    from campaignsim.plugin.describe import action_lines

                    click.echo("    actions:")
                    for name in names:
                        if registry.action(name) is not None and _action_plugin(registry, name) == p.name:
                            click.echo("\n".join(action_lines(registry.action(name), indent="        ")))
                    continue
                click.echo(f"    {what}: {', '.join(names)}")
            for what, names in sorted(p.replaced.items()):
                click.echo(f"    replaces {what}: {', '.join(names)}")
        report_plugin_failures(registry)
    sys.exit(2 if registry.failures else 0)


@main.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the schema to this file (atomically).")
@click.pass_obj
def schema(settings: Settings, output) -> None:
    """Print the JSON Schema (draft 2020-12) of the scenario format, for editors."""
    import json

    from campaignsim.schema import build_schema

    registry = settings.registry()
    report_plugin_failures(registry)
    emit(json.dumps(build_schema(registry), indent=2, ensure_ascii=False) + "\n", output)
    sys.exit(2 if registry.failures else 0)


class Progress:
    """A rich progress bar on standard error (``start(total)``, ``advance(n)``, ``stop()``); the
    commands create one only when the output goes to a terminal."""

    def __init__(self, description: str):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            transient=True, console=_stderr_console())
        self.description = description
        self.task = None

    def start(self, total: int) -> None:
        self.bar.start()
        self.task = self.bar.add_task(self.description, total=total)

    def advance(self, n: int = 1) -> None:
        if self.task is not None:
            self.bar.advance(self.task, n)

    def stop(self) -> None:
        self.bar.stop()


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)


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
    from campaignsim.analysis_commands import scheduler_option

    return scheduler_option(_uncertainty_options(f))


def _calibration(path):
    """The --calibration file, read (exit 2 with a one-line message when it cannot be)."""
    if path is None:
        return None
    from campaignsim.calibrate import CalibrationError, load_calibration

    try:
        return load_calibration(path)
    except CalibrationError as exc:
        fail(str(exc))


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
    calibration = _calibration(calibration_path)
    registry = settings.registry()
    progress = Progress("simulating") if fmt == "text" and output is None and sys.stderr.isatty() else None
    problem = None
    from campaignsim.analysis_commands import open_executor

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
        executor.close()
        if progress is not None:
            progress.stop()  # clear the bar before anything else is printed
    if problem is not None:
        say(problem)
        sys.exit(2)
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


def _add_new_command() -> None:
    from campaignsim.newcmd import new

    main.add_command(new)


_add_new_command()


def _add_optional_commands() -> None:
    # The simulator and the report each contribute their commands; both import numpy only when run.
    try:
        from campaignsim.sim.command import simulate
    except ImportError:
        return
    main.add_command(simulate)
    from campaignsim.analysis_commands import sensitivity, sweep

    main.add_command(sensitivity)
    main.add_command(sweep)

    from campaignsim.calibrate.command import calibrate

    main.add_command(calibrate)


_add_optional_commands()
