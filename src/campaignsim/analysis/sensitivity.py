"""Global sensitivity of a forecast to the simulation parameters, with SALib.

Which assumption drives the number? Each parameter is varied over its range (its prior where one
is declared, else the documented range below) and the simulator is run at every sampled point with
the same replication seeds, so the output moves only because the parameters do.

* **Sobol** (default; Saltelli's scheme, ``N × (D + 2)`` evaluations for ``D`` parameters): the
  first-order index S1 is the share of the output's variance a parameter explains alone; the total
  index ST adds its interactions with the others. S1 ≤ ST, and the S1 add up to at most 1 (up to
  sampling error, which the 95% bootstrap confidence bounds show).
* **Morris** (``method="morris"``, ``r × (D + 1)`` evaluations): elementary effects, a cheaper
  screening; μ* ranks the parameters, σ shows interactions or non-linearity.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Callable, Optional, Sequence

import attrs

from campaignsim.analysis.points import AnalysisError, metric_value, simulate_points

if TYPE_CHECKING:
    from campaignsim.plugin.manager import Registry

#: Documented ranges of the decision parameters, used where no prior is declared: (low, high, why).
DOCUMENTED_RANGES: dict[str, tuple[float, float, str]] = {
    "base_entry_rate": (0.10, 0.60, "20–40% of visitors enter a giveaway page (SweepWidget) [V], widened both ways [U]"),
    "effort_sensitivity": (0.05, 0.60, "a quarter to three times the default 0.2 per minute [U]"),
    "value_sensitivity": (0.10, 1.50, "a fifth to three times the default 0.5 [U]"),
    "interest_sensitivity": (0.50, 4.00, "a quarter to twice the default 2.0 [U]"),
    "interest_sigma": (0.25, 2.00, "a quarter to twice the default 1.0 [U]"),
    "prize_value_sigma": (0.10, 1.00, "a fifth to twice the default 0.5 [U]"),
    "effort_tolerance_sigma": (0.10, 1.00, "a fifth to twice the default 0.5 [U]"),
    "friend_attention": (0.20, 0.80, "0.5 ± 0.3 [U]"),
}
#: Parameters that change the takedown hazard or what a takedown does.
TAKEDOWN_PARAMETERS = frozenset({"takedown_hazard_per_day", "takedown_voids_entries", "enforcement_level"})
#: Range of a platform or action parameter without a declared prior, relative to its resolved value.
RELATIVE_RANGE = (0.5, 1.5)
RELATIVE_WHY = "the platform's or action's value ×0.5 to ×1.5 [U]"


@attrs.define(frozen=True)
class ParameterRange:
    name: str
    low: float
    high: float
    basis: str  # where the range comes from


@attrs.define(frozen=True)
class ParameterIndex:
    name: str
    low: float
    high: float
    basis: str
    first_order: Optional[float] = None
    first_order_conf: Optional[float] = None
    total: Optional[float] = None
    total_conf: Optional[float] = None
    mu_star: Optional[float] = None
    mu_star_conf: Optional[float] = None
    sigma: Optional[float] = None

    @property
    def effect(self) -> float:
        value = self.total if self.total is not None else self.mu_star
        return -math.inf if value is None or value != value else value


@attrs.define(frozen=True)
class SensitivityResult:
    scenario: str
    variant: Optional[str]
    metric: str
    method: str
    samples: int
    evaluations: int
    runs_per_point: int
    seed: int
    output_mean: float
    output_sd: float
    parameters: tuple[ParameterIndex, ...]
    notes: tuple[str, ...] = ()

    def to_json_dict(self) -> dict:
        def num(x):
            return None if x is None or (isinstance(x, float) and not math.isfinite(x)) else float(x)

        rows = []
        for p in self.parameters:
            row = {"name": p.name, "low": p.low, "high": p.high, "range_basis": p.basis}
            if self.method == "sobol":
                row.update(first_order=num(p.first_order), first_order_conf=num(p.first_order_conf),
                           first_order_low=num(None if p.first_order is None or p.first_order_conf is None else p.first_order - p.first_order_conf),
                           first_order_high=num(None if p.first_order is None or p.first_order_conf is None else p.first_order + p.first_order_conf),
                           total=num(p.total), total_conf=num(p.total_conf),
                           total_low=num(None if p.total is None or p.total_conf is None else p.total - p.total_conf),
                           total_high=num(None if p.total is None or p.total_conf is None else p.total + p.total_conf))
            else:
                row.update(mu_star=num(p.mu_star), mu_star_conf=num(p.mu_star_conf), sigma=num(p.sigma))
            rows.append(row)
        return {
            "scenario": self.scenario,
            "variant": self.variant,
            "metric": self.metric,
            "method": self.method,
            "samples": self.samples,
            "evaluations": self.evaluations,
            "runs_per_point": self.runs_per_point,
            "seed": self.seed,
            "confidence": "95% bootstrap confidence bounds (±conf)",
            "output": {"mean": num(self.output_mean), "sd": num(self.output_sd)},
            "parameters": rows,
            "notes": list(self.notes),
        }


def _declared_prior(name: str, value: Optional[float], scenario, registry: Registry):
    """(low, high, basis): the 90% range of the prior declared for the parameter (by the project, or
    by the platform or action plugin), or None when it has none or it is fixed."""
    from campaignsim.model.simparams import ACTION_PARAMETERS, PARAMETERS, action_prior, platform_prior

    if name in PARAMETERS:
        param = PARAMETERS[name]
        prior = platform_prior(name, registry.platform(scenario.platform.name).sim) if param.default is None else param.prior
    else:
        what, _, action = name.partition("_")
        spec = registry.actions.get(action)
        prior = action_prior(what, spec) if what in ACTION_PARAMETERS and spec is not None else None
    if prior is None or not prior.uncertain or value is None:
        return None
    low, high = prior.range(float(value))
    return float(low), float(high), f"prior: {prior.describe(float(value))} ({prior.source})"


def _resolved_values(cfg) -> dict[str, float]:
    values = {name: value for name, value, _ in cfg.parameters}
    for step in cfg.steps:
        values.setdefault(f"completion_{step.action}", step.completion)
        values.setdefault(f"effort_{step.action}", step.effort)
        values.setdefault(f"delay_{step.action}", step.delay)
    return values


def default_parameters(scenario, cfg) -> list[str]:
    """The parameters that can move this scenario's forecast: decision weights and spreads, exposure
    (reach per follower only when the scenario does not state its reach), sharing when a step
    shares, and the completion of each required action."""
    names = ["base_entry_rate", "effort_sensitivity", "value_sensitivity", "interest_sensitivity",
             "interest_sigma", "effort_tolerance_sigma", "attention_half_life_hours"]
    if getattr(scenario.audience, "reach", None) is None:
        names.append("reach_per_follower")
    if any(step.offspring_mean > 0 for step in cfg.steps):
        names += ["friend_reach", "friend_attention"]
    for step in cfg.required_steps:
        name = f"completion_{step.action}"
        if name not in names and 0 < step.completion:
            names.append(name)
    return names


def parameter_ranges(names: Sequence[str], cfg, overrides: Optional[dict] = None, scenario=None, registry: Registry | None = None) -> list[ParameterRange]:
    """The range each parameter is varied over: the user's ``NAME=LOW:HIGH``, the 90% range of its
    prior, or (for a parameter whose prior is fixed or unknown) the documented range."""
    from campaignsim.model.simparams import find_param

    actions = {s.action for s in cfg.steps}
    values = _resolved_values(cfg)
    out = []
    for name in names:
        param = find_param(name, actions)
        if param is None:
            raise AnalysisError(f"unknown simulation parameter {name!r} (campaignsim simulate --help-params lists them)")
        if overrides and name in overrides:
            low, high = overrides[name]
            basis = "given on the command line"
        elif scenario is not None and registry is not None and (prior := _declared_prior(name, values.get(name), scenario, registry)) is not None:
            low, high, basis = prior
        elif name in DOCUMENTED_RANGES:
            low, high, basis = DOCUMENTED_RANGES[name]
        else:
            value = values.get(name)
            if value is None or value == 0:
                raise AnalysisError(f"{name}: no range known for this scenario; give one as --param {name}=LOW:HIGH")
            low, high, basis = value * RELATIVE_RANGE[0], value * RELATIVE_RANGE[1], RELATIVE_WHY
        low, high = max(low, param.ge), min(high, param.le)
        if not (low < high):
            raise AnalysisError(f"{name}: empty range {low:g}:{high:g} (bounds {param.ge:g} to {param.le:g})")
        out.append(ParameterRange(name, float(low), float(high), basis))
    return out


def parse_param_specs(specs: Sequence[str]) -> tuple[list[str], dict[str, tuple[float, float]]]:
    """``NAME`` or ``NAME=LOW:HIGH`` (repeatable, comma-separated) → names and explicit ranges."""
    names: list[str] = []
    ranges: dict[str, tuple[float, float]] = {}
    for spec in specs:
        for item in (s.strip() for s in spec.split(",")):
            if not item:
                continue
            name, sep, rng = item.partition("=")
            name = name.strip()
            if sep:
                low_s, colon, high_s = rng.partition(":")
                try:
                    low, high = float(low_s), float(high_s)
                except ValueError:
                    raise AnalysisError(f"--param {item}: a range is LOW:HIGH, two numbers") from None
                if not colon or not (math.isfinite(low) and math.isfinite(high)) or low >= high:
                    raise AnalysisError(f"--param {item}: a range is LOW:HIGH with LOW < HIGH")
                ranges[name] = (low, high)
            if name not in names:
                names.append(name)
    return names, ranges


def sensitivity(scenario, registry: Registry, *, metric: str = "entrants", method: str = "sobol", samples: Optional[int] = None,
                params: Sequence[str] = (), seed: int = 0, runs_per_point: int = 1, takedown_codes=(),
                executor=None, jobs: int = 1, progress=None) -> SensitivityResult:
    """Sobol (or Morris) indices of ``metric`` for ``scenario``'s simulation parameters.

    ``params``: ``NAME`` or ``NAME=LOW:HIGH``; default: :func:`default_parameters`. ``samples``: N,
    the base sample (Sobol; a power of two, default 64) or the number of trajectories (Morris,
    default 20). ``progress``, when given, has ``start(total)`` and ``advance(n)``.
    """
    import numpy as np

    from campaignsim.sim.config import build_config

    if method not in ("sobol", "morris"):
        raise AnalysisError(f"unknown method {method!r} (sobol or morris)")
    metric_value_check = metric  # validated on the first point; fail early on a typo
    from campaignsim.analysis import METRICS

    if metric_value_check not in METRICS:
        raise AnalysisError(f"unknown metric {metric!r} (known: {', '.join(METRICS)})")
    if runs_per_point < 1:
        raise AnalysisError("runs per point must be at least 1")
    base_cfg = build_config(scenario, registry, tuple(takedown_codes))
    names, explicit = parse_param_specs(params)
    if not names:
        names = default_parameters(scenario, base_cfg)
    ranges = parameter_ranges(names, base_cfg, explicit, scenario, registry)
    # SALib treats a seed of 0 as no seed (its bootstrap then differs from run to run): hand it a
    # positive seed derived from ours through the one SeedSequence.
    salib_seed = int(np.random.SeedSequence([seed, 0x5A11B]).generate_state(1)[0]) or 1
    problem = {"num_vars": len(ranges), "names": [r.name for r in ranges], "bounds": [[r.low, r.high] for r in ranges]}
    if method == "sobol":
        from SALib.sample import sobol as sobol_sample

        n = samples or 64
        if n < 2:
            raise AnalysisError("--samples must be at least 2")
        X = sobol_sample.sample(problem, n, calc_second_order=False, scramble=True, seed=salib_seed)
    else:
        from SALib.sample import morris as morris_sample

        n = samples or 20
        if n < 2:
            raise AnalysisError("--samples must be at least 2")
        X = morris_sample.sample(problem, n, num_levels=4, seed=salib_seed)

    base_overrides = scenario.simulation_overrides()
    # A takedown that voids every entry is all or nothing, and its chance does not depend on the
    # parameters varied here (unless one of them is a takedown parameter): expected entrants are then
    # P(live) × entrants-if-live at every point, and the indices, which do not change when every point
    # is scaled alike, are those of the runs in which the post stays up. Simulating those directly
    # keeps one run per point from landing on a takedown for all points (every index 0).
    live_only = (metric != "taken_down" and base_cfg.takedown_active and base_cfg.takedown_voids
                 and base_cfg.takedown_hazard_per_hour > 0 and not any(r.name in TAKEDOWN_PARAMETERS for r in ranges))
    notes = []
    if live_only:
        p_takedown = 1.0 - math.exp(-base_cfg.takedown_hazard_per_hour * base_cfg.horizon)
        notes.append(f"the post is taken down, voiding every entry, in about {p_takedown:.0%} of runs whatever these parameters "
                     f"are; the indices are those of the runs in which it stays up (a takedown scales every point alike)")
    cfgs = []
    for row in X:
        overrides = dict(base_overrides)
        overrides.update({r.name: float(v) for r, v in zip(ranges, row)})
        point = attrs.evolve(scenario, simulation=tuple(sorted(overrides.items())))
        cfg = build_config(point, registry, tuple(takedown_codes))
        if live_only:
            cfg = attrs.evolve(cfg, takedown_hazard_per_hour=0.0, takedown_active=cfg.backlash_hazard_per_hour > 0)
        cfgs.append(cfg)
    if progress is not None:
        progress.start(len(cfgs) * runs_per_point)
    results = simulate_points(cfgs, runs_per_point, seed, executor=executor, jobs=jobs,
                              progress=progress.advance if progress is not None else None)
    Y = np.array([metric_value(r, metric) for r in results], dtype=float)
    if not np.all(np.isfinite(Y)):
        raise AnalysisError(f"{metric} is undefined at {int((~np.isfinite(Y)).sum())} of {len(Y)} points (e.g. no entrants): choose another --metric")
    sd = float(Y.std())
    rows = []
    if sd == 0:
        notes.append(f"{metric} does not change over these ranges: every index is 0")
        for r in ranges:
            rows.append(ParameterIndex(r.name, r.low, r.high, r.basis, 0.0, 0.0, 0.0, 0.0) if method == "sobol"
                        else ParameterIndex(r.name, r.low, r.high, r.basis, mu_star=0.0, mu_star_conf=0.0, sigma=0.0))
    elif method == "sobol":
        from SALib.analyze import sobol as sobol_analyze

        Si = sobol_analyze.analyze(problem, Y, calc_second_order=False, conf_level=0.95, seed=salib_seed)
        for i, r in enumerate(ranges):
            rows.append(ParameterIndex(r.name, r.low, r.high, r.basis, float(Si["S1"][i]), float(Si["S1_conf"][i]),
                                       float(Si["ST"][i]), float(Si["ST_conf"][i])))
        s1 = float(np.nansum(Si["S1"]))
        notes.append(f"first-order indices add up to {s1:.2f}; the rest of the variance ({max(0.0, 1 - s1):.0%}) comes from interactions")
    else:
        from SALib.analyze import morris as morris_analyze

        Si = morris_analyze.analyze(problem, X, Y, conf_level=0.95, num_levels=4, seed=salib_seed)
        for i, r in enumerate(ranges):
            rows.append(ParameterIndex(r.name, r.low, r.high, r.basis, mu_star=float(Si["mu_star"][i]),
                                       mu_star_conf=float(Si["mu_star_conf"][i]), sigma=float(Si["sigma"][i])))
    rows.sort(key=lambda p: p.effect, reverse=True)
    return SensitivityResult(scenario=scenario.campaign.name, variant=scenario.variant, metric=metric, method=method,
                             samples=n, evaluations=len(cfgs), runs_per_point=runs_per_point, seed=seed,
                             output_mean=float(Y.mean()), output_sd=sd, parameters=tuple(rows), notes=tuple(notes))
