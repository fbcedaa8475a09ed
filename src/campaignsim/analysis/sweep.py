"""Sweeps: the same campaign at many design points, one row of outputs per point.

A point sets scenario keys (``platform.followers``, ``prize.items[0].value``, ``entry.steps[1].count``)
and simulation parameters (``effort_sensitivity`` or ``simulation.effort_sensitivity``) on top of
the scenario file (its base, or one variant). ``KEY=V1,V2,…`` lists values: the lists are crossed
into a grid. ``KEY=LOW:HIGH`` gives a numeric range: ``samples`` points are drawn over all ranges by
Latin hypercube sampling (crossed with any lists). Every point is validated by the loader, as the
file itself is, so a bad key or value gets the same message, located at the file's line for the
key when the file has it. Every point is simulated with the same replication seeds (common random
numbers), so differences between points come from the design, not from the noise.
"""

from __future__ import annotations

import copy
import itertools
import math
import re
from typing import TYPE_CHECKING, Any, Optional, Sequence

import attrs

from campaignsim.analysis.points import AnalysisError, simulate_points

if TYPE_CHECKING:
    from campaignsim.plugin.manager import Registry

#: The most points one sweep may have.
MAX_POINTS = 10_000

_PART = re.compile(r"^([A-Za-z_][A-Za-z0-9_-]*)((?:\[\d+\])*)$")
_INDEX = re.compile(r"\[(\d+)\]")


@attrs.define(frozen=True)
class Axis:
    """One swept key: its values (a list) or its range (LOW, HIGH, sampled)."""

    key: str  # as written by the user
    path: str  # where it lands in the scenario document (simulation parameters under ``simulation.``)
    values: tuple = ()
    low: Optional[float] = None
    high: Optional[float] = None
    integer: bool = False

    @property
    def is_range(self) -> bool:
        return self.low is not None

    @property
    def bounds(self) -> tuple[float, float]:
        """(low, high) of a range."""
        if self.low is None or self.high is None:
            raise ValueError(f"{self.key} is a list of values, not a range")
        return self.low, self.high


def _literal(text: str) -> list:
    """``1,2,3`` / ``"a","b"`` / ``true`` as TOML values; bare words as strings."""
    from campaignsim.load.toml import TOMLDecodeError
    from campaignsim.load.toml import loads as read_toml

    try:
        return list(read_toml(f"v = [{text}]")["v"])
    except TOMLDecodeError:
        return [part.strip() for part in text.split(",") if part.strip()]


def parse_set(spec: str) -> Axis:
    """``KEY=V1,V2`` or ``KEY=LOW:HIGH`` → an :class:`Axis`."""
    from campaignsim.model.simparams import find_param

    key, sep, text = spec.partition("=")
    key, text = key.strip(), text.strip()
    if not sep or not key or not text:
        raise AnalysisError(f"--set {spec}: write KEY=V1,V2,… or KEY=LOW:HIGH")
    path = key
    if "." not in key and "[" not in key and find_param(key) is not None:
        path = f"simulation.{key}"
    for part in path.split("."):
        if not _PART.match(part):
            raise AnalysisError(f"--set {spec}: {key!r} is not a key path (e.g. platform.followers, prize.items[0].value)")
    match = re.fullmatch(r"\s*([-+0-9.eE_]+)\s*:\s*([-+0-9.eE_]+)\s*", text)
    if match:
        try:
            low, high = float(match.group(1)), float(match.group(2))
        except ValueError:
            raise AnalysisError(f"--set {spec}: a range is LOW:HIGH, two numbers") from None
        if not (math.isfinite(low) and math.isfinite(high)) or low >= high:
            raise AnalysisError(f"--set {spec}: a range is LOW:HIGH with LOW < HIGH")
        integer = all(re.fullmatch(r"[-+]?[0-9_]+", g) for g in match.groups())
        return Axis(key, path, low=low, high=high, integer=integer)
    values = _literal(text)
    if not values:
        raise AnalysisError(f"--set {spec}: no values")
    return Axis(key, path, values=tuple(values))


def _set_path(doc: dict, path: str, value: Any) -> Optional[str]:
    """Set ``path`` in ``doc``; a message when the path does not fit the document."""
    parts = path.split(".")
    node: Any = doc
    for n, part in enumerate(parts):
        name = _PART.match(part).group(1)  # type: ignore[union-attr]
        indexes = [int(i) for i in _INDEX.findall(part)]
        last = n == len(parts) - 1
        if not isinstance(node, dict):
            return f"{'.'.join(parts[:n])} is not a table"
        if last and not indexes:
            node[name] = value
            return None
        if name not in node:
            if indexes:
                return f"{'.'.join(parts[:n] + [name])}: no such array in the scenario"
            node[name] = {}
        node = node[name]
        for k, i in enumerate(indexes):
            if not isinstance(node, list):
                return f"{'.'.join(parts[:n] + [name])} is not an array"
            if i >= len(node):
                return f"{'.'.join(parts[:n] + [name])} has {len(node)} item(s): index {i} is out of range"
            if last and k == len(indexes) - 1:
                node[i] = value
                return None
            node = node[i]
    return None


@attrs.define(frozen=True)
class SweepResult:
    scenario: str
    variant: Optional[str]
    axes: tuple[Axis, ...]
    runs: int
    seed: int
    rows: tuple[dict, ...]

    @property
    def keys(self) -> list[str]:
        return [a.key for a in self.axes]

    def to_json_dict(self) -> dict:
        return {"scenario": self.scenario, "variant": self.variant, "keys": self.keys, "runs": self.runs, "seed": self.seed,
                "interval": "5th–95th percentile of runs, parameters fixed (Monte Carlo noise only)",
                "points": [dict(r) for r in self.rows]}

    def columns(self) -> list[str]:
        return list(self.rows[0]) if self.rows else self.keys


def points_of(axes: Sequence[Axis], samples: Optional[int], seed: int) -> list[tuple]:
    """The design: lists crossed into a grid, ranges filled by Latin hypercube sampling."""
    lists = [a for a in axes if not a.is_range]
    ranges = [a for a in axes if a.is_range]
    if ranges and not samples:
        raise AnalysisError(f"--set {ranges[0].key}={ranges[0].low:g}:{ranges[0].high:g} is a range: give --samples N")
    grid = list(itertools.product(*[a.values for a in lists])) if lists else [()]
    if ranges:
        from scipy.stats import qmc

        assert samples  # a range without --samples was refused above
        unit = qmc.LatinHypercube(d=len(ranges), seed=seed).random(samples)
        scaled = qmc.scale(unit, [a.bounds[0] for a in ranges], [a.bounds[1] for a in ranges])
        sampled = [tuple(int(round(v)) if a.integer else float(v) for a, v in zip(ranges, row)) for row in scaled]
    else:
        sampled = [()]
    total = len(grid) * len(sampled)
    if total > MAX_POINTS:
        raise AnalysisError(f"the sweep has {total:,} points; at most {MAX_POINTS:,}")
    order = [axes.index(a) for a in lists + ranges]
    points = []
    for g in grid:
        for s in sampled:
            flat = list(g) + list(s)
            value = [None] * len(axes)
            for pos, v in zip(order, flat):
                value[pos] = v
            points.append(tuple(value))
    return points


def build_points(loaded, registry: Registry, axes: Sequence[Axis], points: Sequence[tuple], variant: Optional[str] = None) -> list:
    """One validated scenario per point, or :class:`AnalysisError` with the loader's located message."""
    from campaignsim.load import load_mapping, merge
    from campaignsim.model.fields import evolve

    raw = {k: v for k, v in loaded.raw.items() if k != "variants"}
    if variant is not None:
        tables = [t for t in loaded.raw.get("variants", []) if isinstance(t, dict) and t.get("name") == variant]
        if not tables:
            names = ", ".join(["base"] + [s.variant for s in loaded.scenarios if s.variant])
            raise AnalysisError(f"{loaded.path}: no variant named {variant!r} (known: {names})")
        raw = merge(raw, {k: v for k, v in tables[0].items() if k != "name"})
    scenarios = []
    for point in points:
        doc = copy.deepcopy(raw)
        for axis, value in zip(axes, point):
            problem = _set_path(doc, axis.path, value)
            if problem:
                raise AnalysisError(f"{loaded.path}: --set {axis.key}: {problem}")
        checked = load_mapping(doc, registry, path=loaded.path)
        if checked.errors:
            error = checked.errors[0]
            line = loaded.line_for(error.key, variant) if error.key else None
            where = f"{loaded.path}:{line}" if line else loaded.path
            given = ", ".join(f"{a.key}={v!r}" for a, v in zip(axes, point))
            raise AnalysisError(f"{where}: {error.key}: {error.message} (with --set {given})")
        scenario = checked.scenarios[0]
        if variant is not None:
            scenario = evolve(scenario, variant=variant)
        scenarios.append(scenario)
    return scenarios


def sweep(loaded, registry: Registry, specs: Sequence[str], *, samples: Optional[int] = None, runs: int = 50, seed: int = 0,
          variant: Optional[str] = None, executor=None, jobs: int = 1, progress=None, takedown_codes=None) -> SweepResult:
    """Simulate every point of the design; ``takedown_codes(scenario)`` gives each point's broken platform rules."""
    from campaignsim.sim.config import build_config
    from campaignsim.sim.result import summary

    if not specs:
        raise AnalysisError("give at least one --set KEY=V1,V2,… or KEY=LOW:HIGH")
    axes = [parse_set(s) for s in specs]
    seen: set[str] = set()
    for a in axes:
        if a.path in seen:
            raise AnalysisError(f"--set {a.key} is given twice")
        seen.add(a.path)
    points = points_of(axes, samples, seed)
    scenarios = build_points(loaded, registry, axes, points, variant)
    cfgs = [build_config(s, registry, tuple(takedown_codes(s)) if takedown_codes else ()) for s in scenarios]
    if progress is not None:
        progress.start(len(cfgs) * runs)
    results = simulate_points(cfgs, runs, seed, executor=executor, jobs=jobs,
                              progress=progress.advance if progress is not None else None)
    rows = []
    for point, result in zip(points, results):
        row: dict[str, Any] = {a.key: v for a, v in zip(axes, point)}
        for name in ("entrants", "exposed", "started", "shares", "late_prizes", "complaints"):
            s = summary(result.per_run[name])
            row[f"{name}_mean"] = s["mean"]
            row[f"{name}_low"] = s["p05"]
            row[f"{name}_high"] = s["p95"]
        row["takedown_probability"] = float(result.per_run["taken_down"].mean())
        budget = result.config.budget
        mean = row["entrants_mean"]
        row["cost_per_entrant"] = budget / mean if budget is not None and mean else None
        rows.append(row)
    base = scenarios[0]
    return SweepResult(scenario=base.campaign.name, variant=variant, axes=tuple(axes), runs=runs, seed=seed, rows=tuple(rows))


def to_csv(result: SweepResult) -> str:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=result.columns(), lineterminator="\n")
    writer.writeheader()
    for row in result.rows:
        writer.writerow({k: _csv_cell(v) for k, v in row.items()})
    return buffer.getvalue()


def _csv_cell(value):
    # A cell that starts with = + - @ is a formula in a spreadsheet: quote it as text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def to_parquet(result: SweepResult) -> bytes:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        raise AnalysisError("--format parquet needs pyarrow: pip install 'campaignsim[parquet]'") from None
    import io

    columns = result.columns()
    table = pa.table({c: [_plain(r.get(c)) for r in result.rows] for c in columns})
    buffer = io.BytesIO()
    pq.write_table(table, buffer)
    return buffer.getvalue()


def _plain(value):
    if isinstance(value, (list, dict, tuple)):
        return str(value)
    return value
