"""Fitting the parameters to past campaigns: a mean-field likelihood, its mode, and a posterior sample.

For each past campaign the model's mean field (:mod:`campaignsim.calibrate.meanfield`) gives the
expected new people reached and new entrants per day. The observed daily counts are negative
binomial around them (a dispersion k per kind of count, fitted too: var = μ + μ²/k), and the
parameters have their declared priors (normal on the log or logit scale). scipy's L-BFGS-B finds the
posterior mode; emcee's affine-invariant ensemble sampler, started around it, draws the posterior
sample. The 90% credible interval of each parameter is the sample's 5th–95th percentile.

A parameter whose posterior spread is more than half its prior spread was not pinned down by the
data: it is reported as unidentified and no fitted value is written for it (``[simulation]``
keeps its default); the posterior sample still carries it, with a spread close to its prior's, so
that the combinations the data did fix hold (without views, reach × entry rate). The other uncertain parameters the mean field depends on were
held at their values during the fit; the fitted ones absorb their error, so forecasts hold them too.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Callable, Optional, Sequence

import attrs
import numpy as np

from campaignsim.calibrate import CalibrationError
from campaignsim.calibrate.history import CampaignHistory
from campaignsim.calibrate.meanfield import expected_daily

if TYPE_CHECKING:
    from campaignsim.plugin.manager import Registry
    from campaignsim.model import Scenario

WALKERS_PER_DIM = 3
BURN = 120
KEEP = 200
MAX_SAMPLE = 400
UNIDENTIFIED_RATIO = 0.5
DISPERSION_PRIOR = (math.log(100.0), 3.0)  # log k ~ N(log 100, 3): from near-Poisson to very overdispersed
# Parameters that only act after the entry deadline or only with a lint finding: the counts say nothing of
# them, so a calibrated forecast keeps drawing them from their priors instead of holding them.
_RISK = {"takedown_hazard_per_day", "backlash_hazard_per_day", "backlash_complaint_share"}  # campaignsim.sim.risk
_OPERATIONS = {  # campaignsim.sim.operations: dispatch, transit, claims and support, after the draw
    "default_dispatch_per_day", "default_dispatch_start_days", "unplanned_dispatch_start_days", "default_transit_days",
    "default_transit_spread", "default_winner_response_share", "default_winner_response_days", "default_handling_minutes",
    "inquiries_per_entrant", "inquiry_delay_hours", "late_inquiry_interval_days", "escalation_probability",
    "late_prize_escalation_probability", "public_complaint_probability", "backlash_per_complaint",
}
_NOT_HELD = _RISK | _OPERATIONS | {"power_law_exponent", "trust_prior_weight"}


@attrs.define
class Past:
    path: str
    scenario: Scenario
    history: CampaignHistory


class _Values:
    """A build_config sampler that sets the given values and leaves the rest at their defaults."""

    def __init__(self, values: dict[str, float]):
        self.values = values

    def value(self, name, default, param, prior):
        v = self.values.get(name)
        return default if v is None else min(max(v, param.ge), param.le)


@attrs.define
class FitParam:
    name: str
    transform: str  # "log" | "logit"
    centre: float
    spread: float
    prior_text: str

    def natural(self, x: float) -> float:
        return math.exp(x) if self.transform == "log" else 1.0 / (1.0 + math.exp(-x))


class Model:
    """The likelihood of the past campaigns' counts as a function of the fitted parameters."""

    def __init__(self, pasts: Sequence[Past], registry: Registry, names: Sequence[str]):
        from campaignsim.sim.config import SimulationConfigError, build_config

        self.pasts = list(pasts)
        self.registry = registry
        self._build = build_config
        self.params: list[FitParam] = []
        first = self.pasts[0].scenario
        platform = registry.platform(first.platform.name)
        base_cfg = build_config(first, registry)
        defaults = {name: value for name, value, _ in base_cfg.parameters}
        for name in names:
            prior, default = self._prior(name, platform, defaults)
            if prior.kind not in ("lognormal", "logitnormal"):
                raise CalibrationError(f"--fit {name}: its prior is {prior.kind}; only parameters with a lognormal or logitnormal prior are fitted")
            centre, spread = prior._centre_spread(default)
            self.params.append(FitParam(name, "log" if prior.kind == "lognormal" else "logit", centre, spread, prior.describe(default)))
        self.has_views = any(p.history.has_views for p in self.pasts)
        self.has_steps = any(p.history.steps for p in self.pasts)
        self.ndim = len(self.params) + 1 + int(self.has_views) + int(self.has_steps)
        self._error = SimulationConfigError
        self.warnings: list[str] = []
        for past in self.pasts:
            cfg = build_config(past.scenario, registry)
            if cfg.bass_p > 0 or cfg.bass_q > 0:
                self.warnings.append(f"{past.path}: word of mouth (bass_p, bass_q) is not in the fitted mean field; it is ignored")
            days = int(math.ceil(cfg.horizon / 24.0 - 1e-9))
            late = [d for d in past.history.days if d >= days]
            if late:
                raise CalibrationError(f"{past.path}: the history has day {late[0]}, but the campaign lasts {days} day(s)")
            extra = [k for k in past.history.steps if k >= len(cfg.steps)]
            if extra:
                raise CalibrationError(f"{past.path}: the history has a step{extra[0] + 1} column, but the scenario has {len(cfg.steps)} step(s)")
        self.held = sorted(self._held_names(defaults))

    def __getstate__(self):
        # Sent to worker processes or a Dask cluster with the sampler's batches: the plugin registry
        # stays here, and the worker builds its own from the plugins installed there.
        state = dict(self.__dict__)
        state["registry"] = None
        state["_build"] = None
        state["_error"] = None
        return state

    def __setstate__(self, state):
        from campaignsim.plugin.manager import get_registry
        from campaignsim.sim.config import SimulationConfigError, build_config

        self.__dict__.update(state)
        self.registry = get_registry()
        self._build = build_config
        self._error = SimulationConfigError

    def _prior(self, name: str, platform, defaults):
        """The prior of a parameter to fit, and the value it is centred on."""
        from campaignsim.model.simparams import PARAMETERS, action_prior, find_param, platform_prior

        param = PARAMETERS.get(name)
        if param is not None:
            return (platform_prior(name, platform.sim) if param.default is None else param.prior), defaults[name]
        if find_param(name, list(self.registry.actions)) is None:
            raise CalibrationError(f"--fit {name}: not a simulation parameter (see simulate --help-params)")
        what, _, action = name.partition("_")
        for past in self.pasts:
            cfg = self._build(past.scenario, self.registry)
            for step in cfg.steps:
                if step.action == action:
                    return action_prior(what, self.registry.action(action)), float(getattr(step, what))
        raise CalibrationError(f"--fit {name}: none of the past campaigns has a {action!r} step")

    def _held_names(self, defaults) -> set[str]:
        from campaignsim.model.simparams import ACTION_PARAMETERS, PARAMETERS

        fitted = {p.name for p in self.params}
        held = {name for name, p in PARAMETERS.items() if p.prior is not None and p.prior.uncertain} - fitted - _NOT_HELD
        held -= {name for past in self.pasts for name in dict(past.scenario.simulation)}
        for past in self.pasts:
            for step in past.scenario.entry.steps:
                held |= {f"{what}_{step.action}" for what in ACTION_PARAMETERS}
        return held - fitted

    def values(self, x: np.ndarray) -> dict[str, float]:
        return {p.name: p.natural(float(v)) for p, v in zip(self.params, x)}

    def expected(self, values: dict[str, float]) -> list[tuple[np.ndarray, ...]]:
        """Per past campaign, what ``expected_daily`` gives: reach and entrants per day, and each
        step's completions per day when the histories count steps."""
        sampler = _Values(values)
        out = []
        for past in self.pasts:
            cfg = self._build(past.scenario, self.registry, sampler=sampler)
            out.append(expected_daily(cfg, steps=self.has_steps))
        return out

    def log_prior(self, x: np.ndarray) -> float:
        lp = 0.0
        for p, v in zip(self.params, x):
            lp -= 0.5 * ((v - p.centre) / p.spread) ** 2
        for v in x[len(self.params):]:
            lp -= 0.5 * ((v - DISPERSION_PRIOR[0]) / DISPERSION_PRIOR[1]) ** 2
        return lp

    def log_posterior(self, x: np.ndarray) -> float:
        from scipy.special import gammaln

        x = np.asarray(x, dtype=float)
        if not np.all(np.isfinite(x)) or np.any(np.abs(x) > 50):
            return -math.inf
        lp = self.log_prior(x)
        k_entrants = math.exp(x[len(self.params)])
        k_views = math.exp(x[len(self.params) + 1]) if self.has_views else None
        k_steps = math.exp(x[-1]) if self.has_steps else None
        try:
            expected = self.expected(self.values(x))
        except (self._error, ValueError, OverflowError):
            return -math.inf
        for past, expect in zip(self.pasts, expected):
            views, entrants = expect[0], expect[1]
            h = past.history
            days = np.asarray(h.days)
            lp += _nb(np.asarray(h.entrants, dtype=float), entrants[days], k_entrants, gammaln)
            if k_views is not None and h.has_views:
                mask = np.array([v is not None for v in h.views])
                observed = np.array([v for v in h.views if v is not None], dtype=float)
                lp += _nb(observed, views[days[mask]], k_views, gammaln)
            for k, counts in h.steps.items():
                mask = np.array([v is not None for v in counts])
                assert k_steps is not None  # step counts make has_steps true
                lp += _nb(np.array([v for v in counts if v is not None], dtype=float), expect[2][k][days[mask]], k_steps, gammaln)
        return lp if math.isfinite(lp) else -math.inf


def _nb(y: np.ndarray, mu: np.ndarray, k: float, gammaln) -> float:
    """Σ log NegBin(y | mean μ, dispersion k)."""
    mu = np.maximum(mu, 1e-9)
    return float(np.sum(gammaln(y + k) - gammaln(k) - gammaln(y + 1) + k * np.log(k / (k + mu)) + y * np.log(mu / (k + mu))))


@attrs.define
class FitResult:
    model: Model
    names: list[str]
    median: dict[str, float]
    low: dict[str, float]
    high: dict[str, float]
    identified: dict[str, bool]
    sample: dict[str, np.ndarray]  # natural units, every fitted parameter (an unidentified one's spread is close to its prior's)
    checks: list[dict]
    method: str
    walkers: int
    steps: int
    acceptance: float

    def calibration(self, label: str = "<fit>"):
        """The :class:`~campaignsim.calibrate.Calibration` this fit writes (without a file)."""
        from campaignsim.calibrate import Calibration

        names = [n for n in self.names if self.identified[n]]
        rows = tuple({n: float(self.sample[n][i]) for n in self.names} for i in range(len(self.sample[self.names[0]])))
        return Calibration(label=label, values=tuple((n, self.median[n]) for n in names), sample=rows,
                           held=frozenset(self.model.held), unidentified=tuple(n for n in self.names if not self.identified[n]))


class ExecutorPool:
    """emcee's ``pool``: each step's walkers, in one chunk per worker, through an executor of
    :mod:`campaignsim.parallel` (local processes or a Dask cluster). Results come back in order, so
    the chain is the same as in one process."""

    def __init__(self, executor):
        self.executor = executor

    def map(self, fn, iterable):
        from campaignsim.parallel import chunk_bounds

        items = list(iterable)
        bounds = chunk_bounds(len(items), max(1, int(getattr(self.executor, "workers", 1))), per_worker=1)
        chunks = self.executor.map(_apply_each, [(fn, items[a:b]) for a, b in bounds])
        return [value for chunk in chunks for value in chunk]


def _apply_each(fn, items) -> list:
    return [fn(item) for item in items]


def fit(pasts: Sequence[Past], registry: Registry, names: Sequence[str], seed: int = 0,
        progress: Optional[Callable[[int, int], None]] = None, burn: int = BURN, keep: int = KEEP,
        executor=None) -> FitResult:
    """Fit ``names`` to the past campaigns; ``progress(done, total)`` reports the sampler's steps.

    ``executor`` (:mod:`campaignsim.parallel`), when given, evaluates each step's walkers in parallel
    (worth it when the likelihood is slow: many or long past campaigns); the result is the same."""
    import emcee
    from scipy.optimize import minimize

    model = Model(pasts, registry, names)
    root = np.random.SeedSequence(seed)
    init_seed, walk_seed, check_seed = root.spawn(3)
    x0 = np.array([p.centre for p in model.params] + [DISPERSION_PRIOR[0]] * (model.ndim - len(model.params)))
    def objective(x: np.ndarray) -> float:
        return -model.log_posterior(x)

    best = minimize(objective, x0, method="Nelder-Mead",
                    options={"maxiter": 4000, "xatol": 1e-4, "fatol": 1e-3, "adaptive": True})
    x_map = best.x
    walkers = max(WALKERS_PER_DIM * model.ndim, 16)
    rng = np.random.default_rng(init_seed)
    start = x_map + 1e-3 * rng.standard_normal((walkers, model.ndim))
    pool = ExecutorPool(executor) if executor is not None and getattr(executor, "workers", 1) > 1 else None
    sampler = emcee.EnsembleSampler(walkers, model.ndim, model.log_posterior, pool=pool)
    sampler.random_state = np.random.RandomState(np.random.MT19937(walk_seed)).get_state()
    total = burn + keep
    for i, _ in enumerate(sampler.sample(start, iterations=total)):
        if progress is not None:
            progress(i + 1, total)
    chain = sampler.get_chain(discard=burn, flat=True)
    if len(chain) > MAX_SAMPLE:
        chain = chain[np.linspace(0, len(chain) - 1, MAX_SAMPLE).astype(int)]
    median, low, high, identified, sample = {}, {}, {}, {}, {}
    for i, p in enumerate(model.params):
        natural = np.array([p.natural(v) for v in chain[:, i]])
        median[p.name] = float(np.median(natural))
        low[p.name], high[p.name] = (float(q) for q in np.quantile(natural, [0.05, 0.95]))
        identified[p.name] = float(np.std(chain[:, i])) <= UNIDENTIFIED_RATIO * p.spread
        sample[p.name] = natural  # unidentified ones too: jointly, they keep the combinations the data did fix
    checks = _checks(model, chain, np.random.default_rng(check_seed))
    counts = "entrants" + (", views" if model.has_views else "") + (", step completions" if model.has_steps else "")
    method = (f"mean-field likelihood (expected daily {counts}, negative binomial noise); "
              f"mode by scipy Nelder-Mead, posterior by emcee ({walkers} walkers × {keep} steps after {burn} burn-in); "
              "posterior median and 90% credible interval")
    return FitResult(model, [p.name for p in model.params], median, low, high, identified, sample, checks, method, walkers, keep,
                     float(np.mean(sampler.acceptance_fraction)))


def _checks(model: Model, chain: np.ndarray, rng: np.random.Generator, rows: int = 100) -> list[dict]:
    """Posterior predictive check: observed vs fitted daily entrants for each past campaign."""
    picks = chain[np.linspace(0, len(chain) - 1, min(rows, len(chain))).astype(int)]
    per_row = [model.expected(model.values(x)) for x in picks]
    k = np.exp(picks[:, len(model.params)])
    out = []
    for c, past in enumerate(model.pasts):
        means = np.array([row[c][1] for row in per_row])  # rows × days
        days = len(means[0])
        # negative binomial draws around each row's mean: numpy's (n, p) with n = k, p = k/(k + μ)
        kk = k[:, None]
        draws = rng.negative_binomial(np.broadcast_to(kk, means.shape), kk / (kk + np.maximum(means, 1e-9)), size=(20,) + means.shape)
        observed = dict(zip(past.history.days, past.history.entrants))
        out.append({
            "scenario": past.history.scenario,
            "day": list(range(days)),
            "observed": [observed.get(d) for d in range(days)],
            "fitted": [float(v) for v in np.median(means, axis=0)],
            "low": [float(v) for v in np.quantile(draws, 0.05, axis=(0, 1))],
            "high": [float(v) for v in np.quantile(draws, 0.95, axis=(0, 1))],
        })
    return out


__all__ = ["FitResult", "Model", "Past", "fit"]
