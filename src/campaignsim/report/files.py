"""``--report PATH.html`` / ``PATH.md``: pick the writer by the file name's ending, and write what
belongs together as a set.

- ``PATH.html`` is one self-contained file, written atomically.
- ``PATH.md`` has its charts in a folder of its own beside it, ``PATH-charts/`` (PNG files), so no
  file of the user's is ever overwritten by a chart. The charts and the Markdown are rendered in
  memory first; the charts are written into a new hidden folder, which then takes the place of the
  old chart folder, and the Markdown file is replaced last. A failure at any point leaves the old
  report and its charts as they were. A folder of that name that campaignsim did not write (it has
  no ``.campaignsim-report`` marker) is never touched: the report is refused.
- A report path that is a symbolic link stays one: the file it points to is replaced, and the
  charts go beside that file.
- No output may replace one of the command's input files (a scenario, or an existing ``*.toml`` in
  a folder being linted): :func:`overwrites_input` says so before anything runs.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable, Optional

MARKER = ".campaignsim-report"


class ReportRefused(OSError):
    """A report that is not written, with the reason (the command exits 2)."""


def write_report(result, path) -> list[str]:
    """Write the report; returns the files written."""
    path = Path(path)
    if path.suffix.lower() in (".html", ".htm"):
        from campaignsim.report.html import write_html

        return write_html(result, path)
    if path.suffix.lower() == ".md":
        return write_markdown_set(result, path)
    raise ValueError(f"{path}: a report file must end in .html or .md")


def chart_folder(path: Path) -> Path:
    """The folder that holds a Markdown report's charts: ``NAME-charts`` beside ``NAME.md``."""
    return path.with_name(f"{path.stem}-charts")


def write_markdown_set(result, path) -> list[str]:
    """The Markdown report and its charts, all or nothing (see the module's description)."""
    from campaignsim._io import resolve_target, write_atomic
    from campaignsim.report.markdown import chart_images, render_markdown

    target = resolve_target(path)
    folder = chart_folder(target)
    if folder.exists() and not (folder.is_dir() and not folder.is_symlink() and (folder / MARKER).is_file()):
        raise ReportRefused(f"{folder} exists and was not written by campaignsim: the report's charts go there; "
                            "move it away or choose another report name")
    # Everything rendered before anything is written: a chart that fails leaves no trace.
    images = chart_images(result)
    text = render_markdown(result, {name: f"{folder.name}/{name}.png" for name in images})

    fresh = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    old: Optional[Path] = None
    placed = False
    try:
        for name, data in images.items():
            with open(fresh / f"{name}.png", "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        (fresh / MARKER).write_text("Charts of the Markdown report beside this folder, written by campaignsim.\n", encoding="utf-8")
        os.chmod(fresh, 0o777 & ~_umask())
        if folder.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.old.", dir=folder.parent))
            os.rmdir(old)
            os.rename(folder, old)
        os.rename(fresh, folder)
        placed = True
        write_atomic(target, text)
    except BaseException:
        if placed:  # the Markdown was not replaced: put the old charts back
            shutil.rmtree(folder, ignore_errors=True)
        else:
            shutil.rmtree(fresh, ignore_errors=True)
        if old is not None:
            os.rename(old, folder)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return [str(path), *(str(folder / f"{name}.png") for name in images)]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def overwrites_input(output, inputs: Iterable) -> Optional[str]:
    """A message when writing ``output`` would replace one of the command's inputs (a scenario file
    named, or a ``*.toml`` file inside a folder named), else None."""
    if not output:
        return None
    out = Path(os.path.realpath(output))
    for raw in inputs:
        source = Path(raw)
        try:
            real = Path(os.path.realpath(source))
        except OSError:
            continue
        if source.is_dir():
            if out.suffix.lower() == ".toml" and real in out.parents and out.is_file():
                return f"{output} is a scenario file inside {raw}, which is being read: writing there would replace it; choose another name"
        elif out == real or (out.exists() and source.exists() and os.path.samefile(out, real)):
            return f"{output} is an input of this command: writing there would replace the scenario; choose another name"
    return None
