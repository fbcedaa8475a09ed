"""Calibration: fit the simulator's parameters to a brand's past campaigns.

``campaignsim calibrate PAST.toml... --history HISTORY.csv --output CALIB.toml`` writes a TOML
file with a ``[simulation]`` table of fitted values (it drops straight into a scenario), a
``[calibration.<parameter>]`` table per fitted parameter (its 90% credible interval and how it was
fitted), the parameters the data could not pin down, and a posterior sample the forecasts draw from
(``simulate``/``run``/``compare --calibration CALIB.toml``, or ``[simulation] calibration =
"CALIB.toml"`` in a scenario).

This module stays light (no numpy): the loader and the command line import it.
"""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Optional

import attrs

DEFAULT_FIT = ("reach_per_follower", "base_entry_rate", "attention_half_life_hours", "effort_sensitivity")
"""The parameters fitted unless told otherwise."""


class CalibrationError(ValueError):
    """A calibration or history file that cannot be used; the message names the file (and line)."""


@attrs.define(frozen=True)
class Calibration:
    """A calibration file, read.

    ``values``: the fitted values (its ``[simulation]`` table); ``sample``: the posterior sample,
    one mapping per draw; ``held``: parameters the fit held at their value (their error is absorbed
    by the fitted ones, so forecasts keep them fixed); ``unidentified``: parameters the data could
    not pin down (forecasts draw them from their prior).
    """

    label: str
    values: tuple[tuple[str, float], ...]
    sample: tuple[dict, ...] = ()
    held: frozenset = frozenset()
    unidentified: tuple[str, ...] = ()
    checks: tuple[dict, ...] = ()  # the posterior predictive check: per past campaign, observed vs fitted daily entrants


def load_calibration(path) -> Calibration:
    """Read a calibration file written by ``campaignsim calibrate`` (or by hand: ``[simulation]`` alone)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # Python 3.10: the same parser, as the tomli package
        import tomli as tomllib

    from campaignsim.model.simparams import find_param

    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CalibrationError(f"{path}: no such calibration file") from None
    except OSError as exc:
        raise CalibrationError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise CalibrationError(f"{path}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise CalibrationError(f"{path}: not valid TOML: {exc}") from None
    sim = data.get("simulation", {})
    if not isinstance(sim, dict):
        raise CalibrationError(f"{path}: simulation: must be a table")
    values = []
    for key, value in sim.items():
        if key == "calibration":
            raise CalibrationError(f"{path}: simulation.calibration: a calibration file cannot name another")
        param = find_param(key)
        if param is None:
            raise CalibrationError(f"{path}: simulation.{key}: unknown simulation parameter")
        message = param.check(value)
        if message:
            raise CalibrationError(f"{path}: simulation.{key}: {message}")
        values.append((key, float(value)))
    meta = data.get("calibration", {})
    if not sim and not (isinstance(meta, dict) and meta.get("sample")):
        raise CalibrationError(f"{path}: no [simulation] table of fitted values: not a calibration file")
    if not isinstance(meta, dict):
        raise CalibrationError(f"{path}: calibration: must be a table")
    sample_table = meta.get("sample", {})
    rows: tuple[dict, ...] = ()
    if sample_table:
        if not isinstance(sample_table, dict):
            raise CalibrationError(f"{path}: calibration.sample: must be a table of arrays")
        lengths = set()
        for key, column in sample_table.items():
            param = find_param(key)
            if param is None:
                raise CalibrationError(f"{path}: calibration.sample.{key}: unknown simulation parameter")
            if not isinstance(column, list) or not column or not all(isinstance(v, (int, float)) and not isinstance(v, bool)
                                                                     and math.isfinite(v) for v in column):
                raise CalibrationError(f"{path}: calibration.sample.{key}: must be a non-empty array of numbers")
            bad = [v for v in column if param.check(v)]
            if bad:
                raise CalibrationError(f"{path}: calibration.sample.{key}: {param.check(bad[0])}")
            lengths.add(len(column))
        if len(lengths) != 1:
            raise CalibrationError(f"{path}: calibration.sample: the arrays differ in length")
        n = lengths.pop()
        rows = tuple({key: float(col[i]) for key, col in sample_table.items()} for i in range(n))
    held = meta.get("held", [])
    unidentified = meta.get("unidentified", [])
    for key, names in (("held", held), ("unidentified", unidentified)):
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise CalibrationError(f"{path}: calibration.{key}: must be an array of parameter names")
    checks = meta.get("check", [])
    if not isinstance(checks, list) or not all(isinstance(c, dict) and isinstance(c.get("scenario"), str)
                                               and all(isinstance(c.get(k), list) for k in ("day", "observed", "fitted", "low", "high"))
                                               for c in checks):
        raise CalibrationError(f"{path}: calibration.check: must be tables with scenario, day, observed, fitted, low and high")
    checks = tuple({**c, "observed": [None if isinstance(v, float) and math.isnan(v) else v for v in c["observed"]]} for c in checks)
    return Calibration(label=str(path), values=tuple(values), sample=rows, held=frozenset(held), unidentified=tuple(unidentified),
                       checks=checks)


def scenario_calibration(scenario, loaded=None, explicit: Optional[Calibration] = None) -> Optional[Calibration]:
    """The calibration a scenario is forecast with: ``explicit`` (``--calibration``) first, else the
    file its ``[simulation] calibration`` names, relative to the scenario file (``loaded``, the
    :class:`campaignsim.load.LoadedFile` it came from). Errors name the scenario file, line and key."""
    if explicit is not None:
        return explicit
    name = dict(scenario.simulation).get("calibration")
    if name is None:
        return None
    path = getattr(loaded, "path", None)
    base = Path(path).parent if path and not str(path).startswith("<") else Path(".")
    try:
        return load_calibration(base / str(name))
    except CalibrationError as exc:
        line = loaded.line_for("simulation.calibration", scenario.variant) if loaded is not None else None
        where = f"{path}:{line}" if line else f"{path or '<scenario>'}"
        raise CalibrationError(f"{where}: simulation.calibration: {exc}") from None


__all__ = ["DEFAULT_FIT", "Calibration", "CalibrationError", "load_calibration", "scenario_calibration"]
