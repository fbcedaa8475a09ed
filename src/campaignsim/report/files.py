"""``--report PATH.html`` / ``PATH.md``: pick the writer by the file name's ending."""

from __future__ import annotations

from pathlib import Path


def write_report(result, path) -> list[str]:
    """Write the report; returns the files written (all atomically)."""
    path = Path(path)
    if path.suffix.lower() in (".html", ".htm"):
        from campaignsim.report.html import write_html

        return write_html(result, path)
    if path.suffix.lower() == ".md":
        from campaignsim.report.markdown import write_markdown

        return write_markdown(result, path)
    raise ValueError(f"{path}: a report file must end in .html or .md")
