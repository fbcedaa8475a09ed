"""The model's mean field: expected new people reached and expected new entrants per day.

The same equations as the simulator (docs/model.md), in expectation and on a fine time grid:

* each post j adds new people at the rate r_j·φ(t − t_j)·Π_{i≠j}(1 − q_i·W_i(t)) (the overlap of posts
  on one follower base, W_i(t) the share of post i's reach that has come by t);
* a person reached decides with probability p̄ = E[P_i], the logit choice averaged over the
  individual attributes (a fixed set of normal nodes);
* the required steps complete with probability s_k after exponential delays (a recursive
  filter on the grid is the convolution with the exponential density);
* completing a sharing step exposes, on average, the step's offspring mean of new people after an
  exponential share delay; the generations are summed until they vanish (R < 1) or 60 have passed.

Bass word of mouth, takedowns and the audience ceiling are left out: they are off or do not bind in
the campaigns this is fitted to, and the fit says so when a scenario turns one of them on.
"""

from __future__ import annotations

import math

import numpy as np

DT = 0.25  # hours per grid cell
_NODES = None


def _nodes() -> tuple[np.ndarray, np.ndarray]:
    """Gauss–Hermite nodes and weights for three independent standard normals (12 per axis)."""
    global _NODES
    if _NODES is None:
        x, w = np.polynomial.hermite_e.hermegauss(12)
        w = w / w.sum()
        g = np.meshgrid(x, x, x, indexing="ij")
        weight = (w[:, None, None] * w[None, :, None] * w[None, None, :]).ravel()
        _NODES = (np.stack([a.ravel() for a in g]), weight)
    return _NODES


def mean_entry_probability(cfg) -> float:
    """p̄ = E[σ(β0 + βi(x − ½) + βv ln(1 + τVw) − βe E/t)] over the individual attributes."""
    (z1, z2, z3), weight = _nodes()
    interest = 1.0 / (1.0 + np.exp(-(cfg.interest_location + cfg.interest_sigma * z1)))
    w = np.exp(cfg.value_sigma * z2 - 0.5 * cfg.value_sigma**2)
    t = np.exp(cfg.tolerance_sigma * z3 - 0.5 * cfg.tolerance_sigma**2)
    with np.errstate(over="ignore"):
        u = cfg.beta0 + cfg.beta_interest * (interest - 0.5) + cfg.beta_value * np.log1p(cfg.trust * cfg.prize_usd * w) - cfg.beta_effort * cfg.effort / t
        return float(np.dot(weight, 1.0 / (1.0 + np.exp(-u))))


def _delay(x: np.ndarray, mean: float) -> np.ndarray:
    """x convolved with an exponential delay of the given mean (mass past the grid is lost)."""
    if mean <= 0:
        return x
    from scipy.signal import lfilter

    # Mass arriving uniformly within a cell: a share c0 = 1 − (d/Δ)(1 − a) completes in the same cell
    # (a = e^(−Δ/d)); of the rest r = 1 − c0, a share (1 − a) completes in each later cell, geometrically.
    a = math.exp(-DT / mean)
    r = (mean / DT) * (1.0 - a)
    g = lfilter([1.0], [1.0, -a], x)  # g[n] = Σ_k a^k x[n − k]
    return (1.0 - r) * x + r * (1.0 - a) * np.concatenate(([0.0], g[:-1]))


def expected_daily(cfg, steps: bool = False):
    """Expected (new people reached, new entrants) per day of the campaign (day 0 from its start);
    with ``steps``, a third array: each entry step's completions per day (steps × days)."""
    from campaignsim.sim.kernels import make_kernel

    horizon = cfg.horizon
    n = int(math.ceil(horizon / DT - 1e-9))
    edges = np.minimum(np.arange(n + 1) * DT, horizon)
    mid = 0.5 * (edges[:-1] + edges[1:])
    kernel = make_kernel(*cfg.kernel)
    posts = cfg.posts
    # W_i(t): the share of post i's reach seen by time t (within the campaign)
    seen_by = []
    for post in posts:
        a = max(post.at, 0.0) - post.at
        age = mid - post.at
        s_a = float(kernel.survival(a))
        seen_by.append(np.where(age > a, s_a - kernel.survival(np.maximum(age, a)), 0.0))
    reached = np.zeros(n)
    for j, post in enumerate(posts):
        if post.at >= horizon:
            continue
        mass = kernel.window_masses(np.maximum(edges - post.at, 0.0))
        mass[edges[1:] <= max(post.at, 0.0)] = 0.0
        rate = post.reach * mass
        if len(posts) > 1 and cfg.follower_base > 0:
            unseen = np.ones(n)
            for i, other in enumerate(posts):
                if i != j:
                    unseen *= 1.0 - min(other.reach / cfg.follower_base, 1.0) * seen_by[i]
            rate = rate * unseen
        reached += rate
    p = mean_entry_probability(cfg)
    required = [s for s in cfg.steps if not s.optional]
    optional = [s for s in cfg.steps if s.optional]
    total_reached = np.zeros(n)
    entrants = np.zeros(n)
    by_step = np.zeros((len(cfg.steps), n)) if steps else None
    position = {s.index: i for i, s in enumerate(cfg.steps)}
    generation = reached
    for _ in range(60):
        total_reached += generation
        flow = generation * p
        offspring = np.zeros(n)
        for step in required:
            flow = _delay(flow * step.completion, step.delay)
            if by_step is not None:
                by_step[position[step.index]] += flow
            if step.offspring_mean > 0:
                offspring += flow * step.offspring_mean
        entrants += flow
        for step in optional:
            done = _delay(flow * step.completion, step.delay)
            if by_step is not None:
                by_step[position[step.index]] += done
            if step.offspring_mean > 0:
                offspring += done * step.offspring_mean
        generation = _delay(offspring, cfg.share_delay)
        if generation.sum() < 1e-6 * max(total_reached.sum(), 1.0):
            break
    days = int(math.ceil(horizon / 24.0 - 1e-9))
    day_of = np.minimum((mid // 24.0).astype(int), days - 1)
    daily = (np.bincount(day_of, total_reached, minlength=days), np.bincount(day_of, entrants, minlength=days))
    if by_step is None:
        return daily
    return (*daily, np.stack([np.bincount(day_of, row, minlength=days) for row in by_step]) if len(by_step) else np.zeros((0, days)))


__all__ = ["DT", "expected_daily", "mean_entry_probability"]
