"""Parameter uncertainty: the outer loop of parameter draws around the Monte Carlo replications.

A forecast draws the parameters (from their priors, or from a calibration's posterior sample) once
per parameter draw, and runs replications with each draw. Replication j of every variant uses
parameter draw ``j × draws // runs`` and the replication seed j, so variant and base see the same
parameters *and* the same random numbers run by run: their per-run arrays stay paired, and a
difference in mechanics stays sharp while the absolute figures widen honestly.

Every draw is keyed by the parameter's name: the standard normal behind ``effort_sensitivity`` in
draw i is a hash of (the seed's parameter key, i, the name), whatever other parameters a variant
has. The keys come from ``SeedSequence(seed, spawn_key=(PARAMETER_SPAWN, i))``, beside the
replication children ``SeedSequence(seed).spawn(runs)`` (whose spawn keys have one element), so one
seed fixes every number.
"""

from __future__ import annotations

import math
import zlib
from typing import Optional

import numpy as np

from campaignsim.sim import rng as R

PARAMETER_SPAWN = 0x7061726D  # "parm": the spawn-key prefix of the parameter draws
MODES = ("prior", "fixed")


def _normal(key: int, name: str) -> float:
    """A standard normal keyed by (key, name): Box–Muller on two keyed uniforms."""
    ids = np.array([zlib.crc32(name.encode()) + 1], dtype=np.uint64)
    u1 = float(R.uniform(key, ids, 101)[0])
    u2 = float(R.uniform(key, ids, 102)[0])
    return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)


class Sampler:
    """One parameter draw: ``value(name, default, param, prior)`` gives the drawn value.

    With a calibration, its fitted parameters take row ``k`` of the posterior sample (the row is
    keyed like the other draws); the parameters it held fixed while fitting keep their value (their
    error is absorbed by the fitted ones); every other parameter is drawn from its prior.
    """

    def __init__(self, seed: int, index: int, calibration=None):
        ss = np.random.SeedSequence(seed, spawn_key=(PARAMETER_SPAWN, index))
        self.key = int(ss.generate_state(1, np.uint64)[0])
        self.index = index
        self.calibration = calibration
        self.row: Optional[dict[str, float]] = None
        if calibration is not None and calibration.sample:
            u = float(R.uniform(self.key, np.array([1], dtype=np.uint64), 103)[0])
            self.row = calibration.sample[min(int(u * len(calibration.sample)), len(calibration.sample) - 1)]
        self.drawn: dict[str, float] = {}

    def z(self, name: str) -> float:
        return _normal(self.key, name)

    def value(self, name: str, default: float, param, prior) -> float:
        if self.row is not None and name in self.row:
            v = float(self.row[name])
        elif self.calibration is not None and name in self.calibration.held:
            return default
        elif prior is None or not prior.uncertain:
            return default
        else:
            v = prior.value(self.z(name), default)
        v = min(max(v, param.ge), param.le)
        self.drawn[name] = v
        return v


def draw_index(replication: int, runs: int, draws: int) -> int:
    """The parameter draw replication ``replication`` uses (``draws`` draws spread over ``runs`` runs)."""
    return replication * draws // runs


__all__ = ["MODES", "PARAMETER_SPAWN", "Sampler", "draw_index"]
