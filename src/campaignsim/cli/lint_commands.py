"""``lint``, ``rules``, ``explain``, ``plugins`` and ``schema``: the rules on the command line.

Nothing here imports numpy, simpy or matplotlib: these commands start fast.
"""

from __future__ import annotations

import sys

import click

from campaignsim.cli.app import Settings, main
from campaignsim.cli.console import emit, fail, refuse_overwriting_inputs, report_plugin_failures, say


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
        import shutil

        from rich.cells import cell_len

        from campaignsim.report.escape import terminal

        width = max(shutil.get_terminal_size((80, 24)).columns, 40)

        def say(line: str, hang: int = 4) -> None:
            """One line of the listing (escaped: names come from plugins), wrapped at spaces to the terminal's
            width in cells (a CJK character takes two) with a hanging indent: under a list, after its
            label; otherwise four spaces more than the line's own indent. A word wider than that stays whole."""
            line = terminal(line)
            indent = len(line) - len(line.lstrip(" "))
            label = line.find(": ", indent)
            under = label + 2 if 0 <= label - indent < 24 and ", " in line[label:] else indent + hang
            words = line[indent:].split(" ")
            current = " " * indent + words[0]
            for word in words[1:]:
                if cell_len(current) + 1 + cell_len(word) <= width:
                    current += " " + word
                else:
                    click.echo(current)
                    current = " " * under + word
            click.echo(current)

        for p in registry.plugins:
            kind = "built-in" if p.builtin else "third-party"
            say(f"{p.name} {p.version} ({kind}, {p.module})")
            for what, names in sorted(p.provides.items()):
                if what == "actions" and verbose:
                    from campaignsim.plugin.describe import action_lines

                    click.echo("    actions:")
                    for name in names:
                        if registry.action(name) is not None and _action_plugin(registry, name) == p.name:
                            for line in action_lines(registry.action(name), indent="        "):
                                say(line)
                    continue
                say(f"    {what}: {', '.join(names)}")
            for what, names in sorted(p.replaced.items()):
                say(f"    replaces {what}: {', '.join(names)}")
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
