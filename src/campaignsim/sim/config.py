"""From a Scenario and the plugins' defaults to a plain, picklable simulation configuration.

Every number the engine uses is resolved here, once: the declared defaults of
:mod:`campaignsim.model.simparams`, the platform's :class:`SimDefaults`, the actions' friction,
and the scenario's ``[simulation]`` overrides on top. The result holds numbers and tuples only, so
it can be sent to worker processes.
"""

from __future__ import annotations

import math
import zlib
from datetime import datetime
from typing import TYPE_CHECKING, Any, Optional

import attrs

from campaignsim.model import limits
from campaignsim.model.simparams import ACTION_PARAMETERS, PARAMETERS, action_prior, find_param, platform_prior

if TYPE_CHECKING:
    from campaignsim.plugin.manager import Registry

if TYPE_CHECKING:  # the linter's CS003 asks build_config whether a scenario simulates: numpy and simpy stay out of lint
    from campaignsim.sim.operations import OperationsConfig

ORGANIC, SCHEDULED, SHARES, WORD_OF_MOUTH = 0, 1, 2, 3
SOURCES = ("organic", "scheduled", "shares", "word_of_mouth")

_PLATFORM_PARAMS = (
    "reach_per_follower", "attention_kernel", "attention_half_life_hours", "power_law_exponent", "share_delay_hours",
    "friend_reach", "repost_reach_factor", "takedown_hazard_per_day", "takedown_voids_entries",
)


MAX_EXPOSURES = limits.MAX_PERSON_RUNS
"""People the posts of one replication may reach: the work one command may do (``MAX_PERSON_RUNS`` of
:mod:`campaignsim.model.limits`, minutes of work), since a replication holds its people in chunks of
fixed size and its memory does not grow with them. Also the cascade's ceiling at most."""
MAX_STEPS = 200_000
"""Word-of-mouth time steps one replication may take."""


class SimulationConfigError(ValueError):
    """The scenario cannot be simulated as given (unknown platform or action, no reach, bad override)."""


@attrs.define(frozen=True)
class StepConfig:
    index: int
    action: str
    key: int  # stable across variants: the action's name and its occurrence among the steps
    completion: float
    effort: float  # minutes
    delay: float  # mean hours
    exposes: float  # people exposed per completion, before friend_reach/friend_attention
    offspring_mean: float  # exposes × friend_reach × friend_attention: the Poisson mean of new exposures
    worth: int
    optional: bool


@attrs.define(frozen=True)
class PostConfig:
    at: float  # hours from the start
    reach: float
    source: int  # ORGANIC or SCHEDULED
    key: int
    kind: str


@attrs.define(frozen=True)
class SimConfig:
    name: str
    variant: Optional[str]
    horizon: float  # hours from start to the entry deadline
    hours: int
    reach: float
    audience_size: int
    posts: tuple[PostConfig, ...]
    steps: tuple[StepConfig, ...]
    kernel: tuple[float, float, float]  # code, half-life, exponent
    # decision
    beta0: float
    beta_value: float
    beta_effort: float
    beta_interest: float
    prize_usd: float
    trust: float
    effort: float
    interest_location: float  # logit of the mean interest
    interest_sigma: float
    value_sigma: float
    tolerance_sigma: float
    # dynamics
    share_delay: float
    time_step: float
    bass_p: float
    bass_q: float
    takedown_active: bool
    takedown_hazard_per_hour: float
    takedown_voids: bool
    # fulfilment
    draw_kind: str
    prize_quantity: int
    draw_at: float  # hours from start
    announce_days: float
    deliver_days: float
    budget: Optional[float]
    budget_currency: Optional[str]
    parameters: tuple[tuple[str, float, str], ...]  # name, value, where it came from
    warnings: tuple[str, ...] = ()
    max_entries_per_person: Optional[int] = None
    operations: Optional[OperationsConfig] = None  # dispatch, transit, claims and support (sim/operations.py)
    # takedown and backlash (campaignsim.sim.risk); reasons nobody can enter
    backlash_hazard_per_hour: float = 0.0
    backlash_complaint_share: float = 0.0
    risk: Any = None
    impossible: tuple[str, ...] = ()
    follower_base: float = 0.0  # people the brand's posts can reach; 0: no overlap between posts (each reaches new people)

    @property
    def required_steps(self) -> tuple[StepConfig, ...]:
        return tuple(s for s in self.steps if not s.optional)

    @property
    def optional_steps(self) -> tuple[StepConfig, ...]:
        return tuple(s for s in self.steps if s.optional)


def _hours(a: datetime, b: datetime) -> float:
    return (b - a).total_seconds() / 3600.0


def _logit(p: float) -> float:
    if p <= 0.0:
        return -math.inf
    if p >= 1.0:
        return math.inf
    return math.log(p / (1.0 - p))


def step_key(action: str, occurrence: int) -> int:
    """A stable slot for a step: the same action's n-th step keeps its random numbers when others change."""
    return zlib.crc32(f"{action}#{occurrence}".encode()) + 1024


def _platform_value(sim, name: str) -> float:
    if name == "attention_kernel":
        return 1.0 if sim.attention_kernel == "power" else 0.0
    return float(getattr(sim, name))


def _rates(registry: Registry) -> dict[str, float]:
    rates = dict(getattr(registry, "exchange_rates", None) or {})
    if not rates:
        from campaignsim.model.rates import RATES_PER_USD

        rates = dict(RATES_PER_USD)
    return rates


def build_config(scenario, registry: Registry, takedown_codes=(), sampler=None, calibration=None, *, operations: bool = True) -> SimConfig:
    """Resolve every parameter for one scenario. Raises :class:`SimulationConfigError` when it cannot.

    Values come, from lowest to highest precedence, from the declared defaults and the plugins, a
    ``calibration`` (its fitted values, :class:`campaignsim.calibrate.Calibration`), and the
    scenario's ``[simulation]`` table. A ``sampler`` (``value(name, default, param, prior)``, see
    :mod:`campaignsim.sim.uncertainty`) replaces each value the scenario does not set with a draw
    from its prior or from the calibration's posterior: one parameter draw of the outer loop.

    ``operations=False`` leaves the operations (dispatch, transit, support; :mod:`campaignsim.sim.operations`,
    which needs numpy and simpy) unresolved: what the linter's CS003 uses to ask whether a scenario
    can be simulated (resolving the operations never refuses one) without loading the simulator.
    """
    warnings: list[str] = []
    platform = registry.platform(scenario.platform.name)
    if platform is None:
        raise SimulationConfigError(f"unknown platform {scenario.platform.name!r}: no loaded plugin provides it")
    overrides = {k: v for k, v in scenario.simulation_overrides().items() if k != "calibration"}
    fitted = dict(calibration.values) if calibration is not None else {}
    action_names = [s.action for s in scenario.entry.steps]
    for key, value in overrides.items():
        param = find_param(key, action_names)
        if param is None:
            raise SimulationConfigError(f"[simulation] {key}: unknown simulation parameter")
        message = param.check(value)
        if message:
            raise SimulationConfigError(f"[simulation] {message}")

    values: dict[str, float] = {}
    origin: dict[str, str] = {}
    for name, param in PARAMETERS.items():
        if name in overrides:
            values[name], origin[name] = float(overrides[name]), "scenario [simulation]"
            continue
        if name in fitted:
            values[name], origin[name] = float(fitted[name]), f"calibration {calibration.label}"
        elif param.default is None:
            values[name] = _platform_value(platform.sim, name)
            origin[name] = f"platform {platform.name}: " + dict(platform.sim.sources).get(name, "the plugin gives no source: an assumption [U]")
        else:
            values[name], origin[name] = param.default, param.source
        if sampler is not None:
            prior = platform_prior(name, platform.sim) if param.default is None else param.prior
            values[name] = sampler.value(name, values[name], param, prior)
    if values["attention_kernel"] >= 0.5 and values["power_law_exponent"] <= 1.0:
        raise SimulationConfigError("power_law_exponent must be above 1 for a power-law kernel")

    start, end = scenario.campaign.start, scenario.campaign.end
    horizon = _hours(start, end)
    if not horizon > 0:
        raise SimulationConfigError("campaign.end must be after campaign.start")

    # --- reach and audience --------------------------------------------------------------------------
    audience = scenario.audience
    if audience.reach is not None:
        reach = float(audience.reach)
    elif scenario.platform.followers is not None:
        reach = scenario.platform.followers * values["reach_per_follower"]
    else:
        raise SimulationConfigError("cannot simulate without a reach: set audience.reach or platform.followers")
    size = audience.size if audience.size is not None else int(round(values["audience_size_factor"] * reach))

    posts: list[PostConfig] = []
    launch_at, launch_reach = 0.0, reach
    scheduled = sorted(scenario.schedule, key=lambda p: p.at)
    launch_posts = [p for p in scheduled if p.kind == "launch"]
    if launch_posts:
        launch_at = _hours(start, launch_posts[0].at)
        if launch_posts[0].reach is not None and audience.reach is None:
            launch_reach = float(launch_posts[0].reach)
            reach = launch_reach
            if audience.size is None:
                size = int(round(values["audience_size_factor"] * reach))
    seen: dict[tuple, int] = {}

    def _key(at: float, source: int) -> int:
        base = (source, int(round(at * 60)))
        seen[base] = seen.get(base, 0) + 1
        return (source << 56) ^ (int(round(at * 60)) & ((1 << 40) - 1)) ^ (seen[base] << 44)

    posts.append(PostConfig(launch_at, launch_reach, ORGANIC, _key(launch_at, ORGANIC), "launch"))
    for post in scheduled:
        if launch_posts and post is launch_posts[0]:
            continue
        at = _hours(start, post.at)
        post_reach = float(post.reach) if post.reach is not None else launch_reach * values["repost_reach_factor"]
        if at >= horizon:
            continue  # after the deadline: it informs, it does not recruit
        posts.append(PostConfig(at, post_reach, SCHEDULED, _key(at, SCHEDULED), post.kind))
    if values["deadline_reminder_factor"] > 0 and horizon > 24:
        at = horizon - 24.0
        posts.append(PostConfig(at, launch_reach * values["deadline_reminder_factor"], SCHEDULED, _key(at, SCHEDULED), "reminder"))

    expected = sum(p.reach for p in posts)
    if expected > MAX_EXPOSURES:
        raise SimulationConfigError(
            f"the posts reach {expected:,.0f} people, more than the {MAX_EXPOSURES:,} one replication may simulate person by person "
            "(minutes of work); set audience.reach (and audience.size) to a representative sample, say 1/10 of it, and scale the counts up")
    if size > MAX_EXPOSURES:
        warnings.append(f"audience size {size:,} is above {MAX_EXPOSURES:,}: the cascade's ceiling is lowered to that")
        size = MAX_EXPOSURES
    if (values["bass_p"] > 0 or values["bass_q"] > 0) and horizon / values["time_step_hours"] > MAX_STEPS:
        raise SimulationConfigError(
            f"time_step_hours = {values['time_step_hours']:g} gives more than {MAX_STEPS:,} word-of-mouth steps over "
            f"{horizon:,.0f} hours; use a larger step")

    # --- steps ------------------------------------------------------------------------------------------
    steps: list[StepConfig] = []
    occurrences: dict[str, int] = {}
    friction_notes: dict[int, list[str]] = {}
    if not scenario.entry.steps:
        raise SimulationConfigError("entry.steps is empty: there is nothing to simulate")
    for index, step in enumerate(scenario.entry.steps):
        spec = registry.action(step.action)
        if spec is None:
            raise SimulationConfigError(f"entry.steps[{index}]: unknown action {step.action!r}: no loaded plugin provides it")
        occurrences[step.action] = occurrences.get(step.action, 0) + 1
        n_fields = len(step.fields)
        step_values = {"completion": spec.completion(step.count, fields=n_fields), "effort": spec.effort(step.count, fields=n_fields),
                       "delay": spec.delay_hours, "exposes": spec.exposes(step.count, to=step.to)}
        for what, param in ACTION_PARAMETERS.items():
            name = f"{what}_{step.action}"
            if name in overrides:
                step_values[what] = overrides[name]
                continue
            if name in fitted:
                step_values[what] = fitted[name]
            if sampler is not None:
                # One draw per action, relative to each step's own value: steps of the same action move together,
                # and variants that share an action share its draw.
                step_values[what] = sampler.value(name, float(step_values[what]), attrs.evolve(param, name=name), action_prior(what, spec))
        completion, effort, delay, exposes = (step_values[w] for w in ("completion", "effort", "delay", "exposes"))
        # Plugins adjust a step from the platform's and the step's keys (comments switched off: nobody can comment).
        from campaignsim.sim.friction import step_friction

        completion, effort, notes = step_friction(registry, scenario, index, step, spec, completion, effort, overrides)
        warnings.extend(notes)
        prefix = f"entry.steps[{index}]: "
        friction_notes[index] = [n[len(prefix):] if n.startswith(prefix) else n for n in notes]
        for what in ACTION_PARAMETERS:
            name = f"{what}_{step.action}"
            if name in overrides:
                origin[name] = "scenario [simulation]"
                values[name] = float(overrides[name])
        steps.append(StepConfig(
            index=index, action=step.action, key=step_key(step.action, occurrences[step.action]),
            completion=float(min(max(completion, 0.0), 1.0)), effort=float(max(effort, 0.0)), delay=float(max(delay, 0.0)),
            exposes=float(exposes), offspring_mean=float(exposes) * values["friend_reach"] * values["friend_attention"],
            worth=int(step.worth), optional=bool(step.optional),
        ))
    # The reason is what the plugins' campaignsim_step_friction said about the step (e.g. comments switched off).
    impossible = [f"entry step {s.index + 1} ({s.action}) cannot be completed by anyone"
                  + (": " + "; ".join(friction_notes[s.index]) if friction_notes.get(s.index) else "")
                  for s in steps if not s.optional and s.completion <= 0.0]
    effort_total = sum(s.effort for s in steps if not s.optional)
    if not any(not s.optional for s in steps):
        raise SimulationConfigError("entry.steps has only optional steps: nobody can enter")

    # --- prize, trust, decision --------------------------------------------------------------------------
    rates = _rates(registry)
    prize_usd = 0.0
    for item in scenario.prize.items:
        rate = rates.get(item.currency)
        if rate is None:
            warnings.append(f"no exchange rate for {item.currency}: its value is taken as USD")
            rate = 1.0
        prize_usd = max(prize_usd, item.value / rate)
    fulfilment = scenario.fulfilment
    record = fulfilment.delivery_track_record
    n_past = values["trust_prior_weight"]
    trust = (1.0 + n_past * record) / (2.0 + n_past) if record is not None else 0.5

    interest = audience.interest if audience.interest is not None else values["default_interest"]
    interest = min(max(interest, 1e-4), 1 - 1e-4)
    beta_v, beta_e = values["value_sensitivity"], values["effort_sensitivity"]
    beta0 = _logit(values["base_entry_rate"]) - beta_v * math.log1p(values["reference_trust"] * values["reference_prize_usd"]) + beta_e * values["reference_effort_minutes"]

    # --- takedown and fulfilment -----------------------------------------------------------------------
    from campaignsim.sim.risk import resolve as resolve_risk

    risk = resolve_risk(takedown_codes, registry, values, sources=origin)
    takedown_active = risk.takedown_per_day > 0 or risk.backlash_per_day > 0
    draw_at = horizon
    if scenario.prize.draw_at is not None:
        draw_at = max(horizon, _hours(start, scenario.prize.draw_at))
    quantity = sum(item.quantity for item in scenario.prize.items)
    budget = scenario.campaign.budget

    # The people the brand's own posts can reach: its followers. Posts reach them with overlap (a
    # follower who sees the launch and a reminder is one person). Without a follower count, the audience.
    follower_base = float(scenario.platform.followers) if scenario.platform.followers else float(size)
    parameters = tuple((name, float(values[name]), origin[name]) for name in sorted(values))
    return SimConfig(
        max_entries_per_person=scenario.entry.max_entries_per_person,
        name=scenario.campaign.name, variant=scenario.variant, horizon=horizon, hours=int(math.ceil(horizon - 1e-9)),
        reach=reach, audience_size=int(size), posts=tuple(sorted(posts, key=lambda p: (p.at, p.source))), steps=tuple(steps),
        kernel=(values["attention_kernel"], values["attention_half_life_hours"], values["power_law_exponent"]),
        beta0=beta0, beta_value=beta_v, beta_effort=beta_e, beta_interest=values["interest_sensitivity"],
        prize_usd=prize_usd, trust=trust, effort=effort_total, interest_location=_logit(interest),
        interest_sigma=values["interest_sigma"], value_sigma=values["prize_value_sigma"], tolerance_sigma=values["effort_tolerance_sigma"],
        share_delay=values["share_delay_hours"], time_step=values["time_step_hours"], bass_p=values["bass_p"], bass_q=values["bass_q"],
        takedown_active=takedown_active, takedown_hazard_per_hour=risk.takedown_per_day / 24.0, takedown_voids=values["takedown_voids_entries"] >= 0.5,
        draw_kind=scenario.prize.draw, prize_quantity=int(quantity), draw_at=draw_at,
        announce_days=fulfilment.announce_winners_within_days if fulfilment.announce_winners_within_days is not None else values["default_announce_days"],
        deliver_days=fulfilment.deliver_within_days if fulfilment.deliver_within_days is not None else values["default_delivery_days"],
        operations=_operations(scenario, values, horizon, draw_at) if operations else None,
        budget=None if budget is None else float(budget.amount), budget_currency=None if budget is None else budget.currency,
        parameters=parameters, warnings=tuple(warnings),
        backlash_hazard_per_hour=risk.backlash_per_day / 24.0, backlash_complaint_share=values["backlash_complaint_share"], risk=risk,
        impossible=tuple(impossible), follower_base=follower_base,
    )


def _operations(scenario, values: dict, horizon: float, draw_at: float):
    from campaignsim.sim.operations import build_operations

    return build_operations(scenario, values, horizon, draw_at)
