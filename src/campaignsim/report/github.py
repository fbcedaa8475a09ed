"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding.

Messages and property values are escaped by :mod:`campaignsim.report.escape` as the Actions
toolkit escapes them, so no string from a scenario can end a command or start another.
"""

from __future__ import annotations

from campaignsim.report.escape import github_data as _escape_data, github_property as _escape_property

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def command(level: str, props: list[str], message: str) -> str:
    return f"::{level}{' ' + ','.join(props) if props else ''}::{_escape_data(message)}"


def render(report, color: bool = False) -> str:
    lines = []
    for f in report.findings:
        props = [f"file={_escape_property(f.path)}"]
        if f.line:
            props.append(f"line={f.line}")
        props.append(f"title={_escape_property(f'{f.code} {f.name}')}")
        variant = f"[{f.variant}] " if f.variant else ""
        lines.append(command(LEVEL[f.severity], props, variant + f.message))
    for e in report.load_errors:
        props = [f"file={_escape_property(e.path)}"] + ([f"line={e.line}"] if e.line else [])
        lines.append(command("error", props, e.render()))
    for p in report.failures:
        lines.append(command("error", [], p.render()))
    return "\n".join(lines) + ("\n" if lines else "")
