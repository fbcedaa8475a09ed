"""Agents in cohorts: individual attributes, the entry decision and the funnel, as numpy arrays.

Everyone exposed in one time step is decided at once. Each person has

* interest in the brand: x_i = σ(logit(m) + s_x·z₁), m the audience's mean interest;
* the value they place on the prize, relative to its market value: w_i = exp(s_w·z₂ − s_w²/2) (mean 1);
* effort tolerance: t_i = exp(s_t·z₃ − s_t²/2) (mean 1);

with z standard normal. They decide to enter with the logit probability

    P_i = σ(β0 + βi·(x_i − ½) + βv·ln(1 + τ·V·w_i) − βe·E / t_i)

(V the top prize in USD, τ trust, E the total minutes of the required steps). Those who decide
then go through the required steps in order: step k completes with probability s_k after an
exponential delay with the action's mean; a person who drops out at step k has still done steps
1…k−1. Entrants (all required steps done) then try each optional step.

All draws are keyed by the person's identity (see :mod:`campaignsim.sim.rng`), so a person
decides the same way in every variant where their probability is the same, and more readily in
every variant where it is higher.
"""

from __future__ import annotations

from typing import Optional

import attrs
import numpy as np

from campaignsim.sim import rng as R
from campaignsim.sim.config import SimConfig, StepConfig

SLOT_ATTRIBUTES = 0  # decision: z1 (interest), z2 (prize value)
SLOT_TOLERANCE = 1  # decision: z3 (effort tolerance)
SLOT_DECISION = 2  # decision: the uniform compared with P_i


@attrs.define
class Attributes:
    interest: np.ndarray
    value_weight: np.ndarray
    tolerance: np.ndarray


def draw_attributes(cfg: SimConfig, key: int, ids: np.ndarray) -> Attributes:
    """Individual attributes of a cohort (constants when their spread is 0)."""
    n = len(ids)
    z1: Optional[np.ndarray] = None
    z2: Optional[np.ndarray] = None
    if cfg.interest_sigma > 0 or cfg.value_sigma > 0:
        z1, z2 = R.normal_pair(key, ids, SLOT_ATTRIBUTES)
    if z1 is not None and cfg.interest_sigma > 0:
        interest = 1.0 / (1.0 + np.exp(-(cfg.interest_location + cfg.interest_sigma * z1)))
    else:
        interest = np.full(n, 1.0 / (1.0 + np.exp(-cfg.interest_location)))
    if z2 is not None and cfg.value_sigma > 0:
        value_weight = np.exp(cfg.value_sigma * z2 - 0.5 * cfg.value_sigma**2)
    else:
        value_weight = np.ones(n)
    if cfg.tolerance_sigma > 0:
        z3, _ = R.normal_pair(key, ids, SLOT_TOLERANCE)
        tolerance = np.exp(cfg.tolerance_sigma * z3 - 0.5 * cfg.tolerance_sigma**2)
    else:
        tolerance = np.ones(n)
    return Attributes(interest, value_weight, tolerance)


def entry_probabilities(cfg: SimConfig, attrs_: Attributes) -> np.ndarray:
    """P_i, the logit choice probability of each person."""
    with np.errstate(over="ignore", invalid="ignore"):
        u = cfg.beta0 + cfg.beta_interest * (attrs_.interest - 0.5)
        u = u + cfg.beta_value * np.log1p(cfg.trust * cfg.prize_usd * attrs_.value_weight)
        u = u - cfg.beta_effort * cfg.effort / attrs_.tolerance
        return 1.0 / (1.0 + np.exp(-u))


def decide(cfg: SimConfig, key: int, ids: np.ndarray) -> np.ndarray:
    """Who, among a cohort, decides to enter (boolean mask)."""
    if len(ids) == 0:
        return np.zeros(0, dtype=bool)
    p = entry_probabilities(cfg, draw_attributes(cfg, key, ids))
    return R.uniform(key, ids, SLOT_DECISION) < p


@attrs.define
class StepOutcome:
    """Who completed a step and when."""

    step: StepConfig
    ids: np.ndarray
    times: np.ndarray


def run_steps(steps, step_key: int, timing_key: int, ids: np.ndarray, times: np.ndarray):
    """Take people who decided to enter at ``times`` through ``steps`` in order.

    Returns the outcome of each step (who completed it and when) and the survivors (ids, times),
    who completed every step.
    """
    outcomes = []
    for step in steps:
        if len(ids) == 0:
            outcomes.append(StepOutcome(step, ids, times))
            continue
        done = R.uniform(step_key, ids, step.key) < step.completion
        ids = ids[done]
        times = times[done]
        if step.delay > 0 and len(ids):
            times = times + R.exponential(timing_key, ids, step.key, step.delay)
        outcomes.append(StepOutcome(step, ids, times))
    return outcomes, ids, times


def run_optional_steps(steps, step_key: int, timing_key: int, ids: np.ndarray, times: np.ndarray):
    """Each entrant tries each optional (bonus) step independently, after entering."""
    outcomes = []
    for step in steps:
        done = R.uniform(step_key, ids, step.key) < step.completion
        t = times[done]
        if step.delay > 0 and len(t):
            t = t + R.exponential(timing_key, ids[done], step.key, step.delay)
        outcomes.append(StepOutcome(step, ids[done], t))
    return outcomes
