"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` line per finding."""

from __future__ import annotations

LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


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
