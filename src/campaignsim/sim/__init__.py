"""The participation simulator: who takes part in a campaign, when, and where they drop out.

    >>> from campaignsim.sim import simulate
    >>> result = simulate(scenario, runs=200, seed=0)
    >>> result.to_json_dict()["outputs"]["entrants"]

The model is described in docs/model.md. This package's ``__init__`` stays free of numpy and
simpy imports so that the command line can import it at start-up; the
heavy modules load on the first call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from campaignsim.plugin.manager import Registry
    from campaignsim.sim.result import SimResult

__all__ = ["SimResult", "simulate"]


def simulate(scenario, registry: Registry | None = None, runs: int = 200, seed: int = 0, jobs: int = 1, takedown_codes=(), progress=None,
             parameters: str = "fixed", calibration=None, draws=None, executor=None) -> "SimResult":
    """Simulate one scenario (base or variant) ``runs`` times from ``seed``; returns a :class:`SimResult`.

    ``parameters="prior"`` draws the parameters from their priors (or ``calibration``'s posterior)
    in an outer loop: the intervals become prediction intervals (see :func:`campaignsim.sim.runner.simulate`).
    ``executor`` (:mod:`campaignsim.parallel`) says where the replications run.
    """
    from campaignsim.sim.runner import simulate as _simulate

    return _simulate(scenario, registry=registry, runs=runs, seed=seed, jobs=jobs, takedown_codes=takedown_codes, progress=progress,
                     parameters=parameters, calibration=calibration, draws=draws, executor=executor)


def __getattr__(name: str):
    if name == "SimResult":
        from campaignsim.sim.result import SimResult

        return SimResult
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
