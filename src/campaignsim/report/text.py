"""Human-readable lint output: ``path:line: CODE severity message``, grouped by file.

Plain strings with ANSI styles added only for a terminal: rendering stays linear in the number of
findings (tens of thousands for a large repository) and costs no import of a console library.
"""

from __future__ import annotations

from itertools import groupby
from operator import attrgetter, methodcaller

from campaignsim.report.escape import terminal

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
ANSI = {"bold": "1", "dim": "2", "red": "31", "yellow": "33", "cyan": "36"}
_SORT_KEY = methodcaller("sort_key")
_PATH = attrgetter("path")


def _style(text: str, style: str | None, color: bool) -> str:
    if not color or not style:
        return text
    codes = ";".join(ANSI[word] for word in style.split())
    return f"\x1b[{codes}m{text}\x1b[0m"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def render(report, color: bool = False) -> str:
    lines: list[str] = []
    append = lines.append
    # Every string that comes from a file, a scenario or a plugin goes through terminal(): no
    # control character, line break or workflow command reaches the terminal or a CI log.
    for error in report.load_errors:
        append(_style(terminal(error.render()), "bold red", color))
    for failure in report.failures:
        append(_style(terminal(failure.render()), "bold red", color))
    findings = sorted(report.findings, key=_SORT_KEY)
    # Styled once per render, not per finding: an unknown severity still fails as STYLE[...] would.
    severity = {name: _style(name, style, color) for name, style in STYLE.items()}
    dim, end = ("\x1b[2m", "\x1b[0m") if color else ("", "")
    for path, group in groupby(findings, key=_PATH):
        shown = terminal(path)
        append(_style(shown, "bold", color))
        for f in group:
            line, variant = f.line, f.variant
            where = f"{shown}:{line}" if line else shown
            if variant:
                append(f"  {where}: {terminal(f.code)} {severity[f.severity]} [{terminal(variant)}] {terminal(f.message)}")
            else:
                append(f"  {where}: {terminal(f.code)} {severity[f.severity]} {terminal(f.message)}")
            suggestion = f.suggestion
            if suggestion:
                append(f"{dim}      suggestion: {terminal(suggestion)}{end}")
    counts = report.summary()
    files = len({r.path for r in report.results})
    summary = (f"{_plural(sum(counts.values()), 'finding')} in {_plural(files, 'file')} "
               f"({counts['error']} error, {counts['warning']} warning, {counts['info']} info)")
    if report.load_errors:
        summary += f"; {_plural(len(report.load_errors), 'load error')}"
    if report.failures:
        summary += f"; {_plural(len(report.failures), 'plugin failure')}"
    append(_style(summary, "bold", color))
    append("")  # the final newline, joined in: adding it afterwards would copy the whole output again
    return "\n".join(lines)
