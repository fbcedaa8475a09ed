"""The command line: parse, call one library function, pick a format, set the exit code.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 unusable input, usage
or a plugin failure. Heavy modules (numpy, simpy, matplotlib) are imported only by the commands
that need them, so ``--help`` and ``lint`` start fast.
"""

from __future__ import annotations

import sys

import click

from campaignsim import __version__


class Settings:
    def __init__(self, no_plugins: bool = False, plugins: tuple[str, ...] = ()):
        self.no_plugins = no_plugins
        self.plugins = plugins

    def plugin_options(self) -> dict:
        if self.no_plugins:
            return {"include_third_party": False}
        if self.plugins:
            return {"include_third_party": True, "only": list(self.plugins)}
        return {}

    def registry(self):
        from campaignsim.plugin.manager import get_registry

        return get_registry(self.plugin_options())


def fail(message: str, code: int = 2):
    click.echo(f"campaignsim: {message}", err=True)
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


def report_plugin_failures(registry) -> None:
    for failure in registry.failures:
        click.echo(f"campaignsim: {failure.render()}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="campaignsim")
@click.option("--no-plugins", is_flag=True, help="Load only the built-in packs, no third-party plugins.")
@click.option("--plugin", "plugins", multiple=True, metavar="NAME", help="Load only this third-party plugin (repeatable), besides the built-in packs.")
@click.pass_context
def main(ctx: click.Context, no_plugins: bool, plugins: tuple[str, ...]) -> None:
    """Check, simulate and compare social-media campaigns before launch.

    \b
    campaignsim run scenarios/wechat_lucky_draw_variants.toml   lint, simulate, compare
    campaignsim lint scenarios/                                  rules only (fast, for CI)
    campaignsim explain WX001                                    one rule and its sources
    """
    ctx.obj = Settings(no_plugins, plugins)


FORMAT_HELP = "Output format: text, json, sarif, github, or one a plugin adds."


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules: codes, prefixes (WX), names, or ALL. Comma-separated or repeated.")
@click.option("--extend-select", multiple=True, metavar="RULES", help="Rules added to the selection.")
@click.option("--ignore", multiple=True, metavar="RULES", help="Rules not applied.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), default=None, help="Lowest severity that makes the exit code 1 (default error).")
@click.option("--format", "fmt", default="text", show_default=True, help=FORMAT_HELP)
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the report to this file (atomically) instead of standard output.")
@click.pass_obj
def lint(settings: Settings, paths, select, extend_select, ignore, fail_on, fmt, output) -> None:
    """Check scenario files (and every *.toml below directories), base and variants, against the rules."""
    from campaignsim.lint.config import ConfigError
    from campaignsim.lint.engine import lint_paths

    registry = settings.registry()
    if fmt not in registry.output_formats:
        fail(f"unknown format {fmt!r} (known: {', '.join(sorted(registry.output_formats))})")
    try:
        report = lint_paths(paths, select=_split(select) or None, extend_select=_split(extend_select), ignore=_split(ignore),
                            fail_on=fail_on, registry=registry)
    except ConfigError as exc:
        fail(str(exc))
    color = fmt == "text" and output is None and sys.stdout.isatty()
    text = registry.output_formats[fmt].render(report, color=color)
    emit(text, output)
    if fmt != "text":  # text already shows these
        for error in report.load_errors:
            click.echo(error.render(), err=True)
        report_plugin_failures(report)
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
        from rich.markup import escape
        from rich.table import Table

        table = Table(title=f"{len(chosen)} rules", show_lines=False)
        for column in ("code", "name", "severity", "applies to", "summary"):
            table.add_column(column, overflow="fold")
        for r in chosen:
            scope = ", ".join(r.platforms + r.jurisdictions) or "all"
            table.add_row(r.code, r.name, r.severity, escape(scope), escape(r.summary))
        Console().print(table)
    sys.exit(2 if registry.failures else 0)


@main.command()
@click.argument("code")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.pass_obj
def explain(settings: Settings, code, fmt) -> None:
    """Everything about one rule: what, why, examples and sources with their verification status."""
    from campaignsim.lint.docs import rule_dict, rule_markdown
    from campaignsim.lint.selection import unknown_selector_message

    registry = settings.registry()
    rule = registry.rule(code)
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

        console = Console()
        if console.is_terminal:
            console.print(Markdown(rule_markdown(rule, registry)))
        else:
            click.echo(rule_markdown(rule, registry))


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.pass_obj
def plugins(settings: Settings, fmt) -> None:
    """List loaded plugins, their versions, and what each provides; and any that failed."""
    registry = settings.registry()
    if fmt == "json":
        import json

        data = {"plugins": [{"name": p.name, "module": p.module, "version": p.version, "builtin": p.builtin, "provides": p.provides}
                            for p in registry.plugins],
                "failures": [{"plugin": f.plugin, "stage": f.stage, "error": f.error} for f in registry.failures]}
        click.echo(json.dumps(data, indent=2))
    else:
        for p in registry.plugins:
            kind = "built-in" if p.builtin else "third-party"
            click.echo(f"{p.name} {p.version} ({kind}, {p.module})")
            for what, names in sorted(p.provides.items()):
                click.echo(f"    {what}: {', '.join(names)}")
        report_plugin_failures(registry)
    sys.exit(2 if registry.failures else 0)


@main.command()
@click.option("--output", "-o", type=click.Path(dir_okay=False), help="Write the schema to this file (atomically).")
@click.pass_obj
def schema(settings: Settings, output) -> None:
    """Print the JSON Schema (draft 2020-12) of the scenario format, for editors."""
    import json

    from campaignsim.schema import build_schema

    emit(json.dumps(build_schema(settings.registry()), indent=2, ensure_ascii=False) + "\n", output)


def _add_optional_commands() -> None:
    # The simulator and the report each contribute their commands; both import numpy only when run.
    try:
        from campaignsim.sim.command import simulate
    except ImportError:
        return
    main.add_command(simulate)


_add_optional_commands()
