"""Human-readable lint output: ``path:line: CODE severity message``, grouped by file.

Plain strings with ANSI styles added only for a terminal: rendering stays linear in the number of
findings (tens of thousands for a large repository) and costs no import of a console library.
"""

from __future__ import annotations

from itertools import groupby

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
ANSI = {"bold": "1", "dim": "2", "red": "31", "yellow": "33", "cyan": "36"}


def _style(text: str, style: str | None, color: bool) -> str:
    if not color or not style:
        return text
    codes = ";".join(ANSI[word] for word in style.split())
    return f"\x1b[{codes}m{text}\x1b[0m"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def render(report, color: bool = False) -> str:
    lines = []
    for error in report.load_errors:
        lines.append(_style(error.render(), "bold red", color))
    for failure in report.failures:
        lines.append(_style(failure.render(), "bold red", color))
    findings = sorted(report.findings, key=lambda f: f.sort_key())
    for path, group in groupby(findings, key=lambda f: f.path):
        lines.append(_style(path, "bold", color))
        for f in group:
            where = f"{path}:{f.line}" if f.line else path
            variant = f" [{f.variant}]" if f.variant else ""
            lines.append(f"  {where}: {f.code} {_style(f.severity, STYLE[f.severity], color)}{variant} {f.message}")
            if f.suggestion:
                lines.append(_style(f"      suggestion: {f.suggestion}", "dim", color))
    counts = report.summary()
    files = len({r.path for r in report.results})
    summary = (f"{_plural(sum(counts.values()), 'finding')} in {_plural(files, 'file')} "
               f"({counts['error']} error, {counts['warning']} warning, {counts['info']} info)")
    if report.load_errors:
        summary += f"; {_plural(len(report.load_errors), 'load error')}"
    if report.failures:
        summary += f"; {_plural(len(report.failures), 'plugin failure')}"
    lines.append(_style(summary, "bold", color))
    return "\n".join(lines) + "\n"
