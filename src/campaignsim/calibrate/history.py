"""The history file: what a brand's past campaigns did, day by day.

A CSV file with a header row. Required columns: ``scenario`` (the past scenario file's stem),
``day`` (0-based day since the campaign's start) and ``entrants`` (new entrants that day).
Optional: ``views`` (new people who saw the campaign that day) and ``step1``, ``step2``… (people
completing the past scenario's first, second… entry step that day). Other columns (notes) are
allowed and ignored. Every problem is reported as ``FILE:LINE: column: message``.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import attrs

from campaignsim.calibrate import CalibrationError

REQUIRED = ("scenario", "day", "entrants")


@attrs.define
class CampaignHistory:
    """One past campaign's observed days (sorted by day)."""

    scenario: str
    days: list[int] = attrs.Factory(list)
    entrants: list[int] = attrs.Factory(list)
    views: list = attrs.Factory(list)  # None where not given
    steps: dict = attrs.Factory(dict)  # step index (0-based) → completions per row, None where not given

    @property
    def has_views(self) -> bool:
        return any(v is not None for v in self.views)


def _count(text: str, path, line: int, column: str) -> int:
    try:
        value = int(text.strip())
    except ValueError:
        try:
            as_float = float(text.strip())
        except ValueError:
            raise CalibrationError(f"{path}:{line}: {column}: must be a whole number, got {text!r}") from None
        if as_float != int(as_float):
            raise CalibrationError(f"{path}:{line}: {column}: must be a whole number, got {text!r}") from None
        value = int(as_float)
    if value < 0:
        raise CalibrationError(f"{path}:{line}: {column}: must not be negative, got {value}")
    return value


def read_history(path) -> dict[str, CampaignHistory]:
    """The campaigns of a history file, by scenario stem."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CalibrationError(f"{path}: no such history file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise CalibrationError(f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from None
    reader = csv.reader(text.splitlines())
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise CalibrationError(f"{path}: empty file (expected a header: scenario,day,entrants[,views])") from None
    for name in REQUIRED:
        if name not in header:
            raise CalibrationError(f"{path}:1: missing column {name!r} (expected scenario,day,entrants[,views])")
    col = {name: header.index(name) for name in header}
    step_cols = {int(m.group(1)) - 1: i for i, name in enumerate(header) if (m := re.fullmatch(r"step([1-9][0-9]*)", name))}
    out: dict[str, CampaignHistory] = {}
    seen: set[tuple[str, int]] = set()
    for line, row in enumerate(reader, start=2):
        if not row or all(not c.strip() for c in row):
            continue
        if len(row) < len(header):
            raise CalibrationError(f"{path}:{line}: {len(row)} columns, the header has {len(header)}")
        name = row[col["scenario"]].strip()
        if not name:
            raise CalibrationError(f"{path}:{line}: scenario: empty")
        day = _count(row[col["day"]], path, line, "day")
        if (name, day) in seen:
            raise CalibrationError(f"{path}:{line}: day: day {day} of {name!r} appears twice")
        seen.add((name, day))
        entrants = _count(row[col["entrants"]], path, line, "entrants")
        views = None
        if "views" in col and row[col["views"]].strip():
            views = _count(row[col["views"]], path, line, "views")
        h = out.setdefault(name, CampaignHistory(name))
        h.days.append(day)
        h.entrants.append(entrants)
        h.views.append(views)
        for k, i in step_cols.items():
            text = row[i].strip()
            h.steps.setdefault(k, []).append(_count(text, path, line, header[i]) if text else None)
    if not out:
        raise CalibrationError(f"{path}: no data rows")
    for h in out.values():
        order = sorted(range(len(h.days)), key=h.days.__getitem__)
        h.days = [h.days[i] for i in order]
        h.entrants = [h.entrants[i] for i in order]
        h.views = [h.views[i] for i in order]
        h.steps = {k: [v[i] for i in order] for k, v in h.steps.items() if any(x is not None for x in v)}
    return out


__all__ = ["CampaignHistory", "read_history"]
