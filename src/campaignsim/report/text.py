"""Human-readable lint output: ``path:line: CODE severity message``, grouped by file."""

from __future__ import annotations

from itertools import groupby

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(report, color: bool = False) -> str:
    import io

    from rich.console import Console
    from rich.markup import escape

    console = Console(file=io.StringIO(), record=True, force_terminal=color, color_system="standard" if color else None,
                      width=200, soft_wrap=True)
    for error in report.load_errors:
        console.print(f"[bold red]{escape(error.render())}[/]" if color else escape(error.render()))
    for failure in report.failures:
        console.print(escape(failure.render()), style="bold red" if color else None)
    findings = sorted(report.findings, key=lambda f: f.sort_key())
    for path, group in groupby(findings, key=lambda f: f.path):
        console.print(f"[bold]{escape(path)}[/]" if color else escape(path))
        for f in group:
            where = f"{path}:{f.line}" if f.line else path
            variant = f" [{f.variant}]" if f.variant else ""
            sev = f"[{STYLE[f.severity]}]{f.severity}[/]" if color else f.severity
            console.print(f"  {escape(where)}: {f.code} {sev}{escape(variant)} {escape(f.message)}", highlight=False)
            if f.suggestion:
                console.print(f"      suggestion: {escape(f.suggestion)}", style="dim" if color else None, highlight=False)
    counts = report.summary()
    files = len({r.path for r in report.results})
    total = sum(counts.values())
    summary = (f"{total} finding{'s' if total != 1 else ''} in {files} file{'s' if files != 1 else ''} "
               f"({counts['error']} error, {counts['warning']} warning, {counts['info']} info)")
    if report.load_errors:
        summary += f"; {len(report.load_errors)} file error{'s' if len(report.load_errors) != 1 else ''}"
    if report.failures:
        summary += f"; {len(report.failures)} plugin failure{'s' if len(report.failures) != 1 else ''}"
    console.print(summary, style="bold" if color else None, highlight=False)
    return console.export_text(styles=color)
