"""The share cascade: steps that show the campaign to others create new exposures.

A person who completes a sharing step (share, tag_friends, repost, invite, …) at time t exposes
K ~ Poisson(λ) new people, λ = exposes(count) × friend_reach × friend_attention, each at
t + D with D exponential (mean: the platform's ``share_delay_hours``). The new people are agents
like any other: they decide, go through the steps, and may share in turn. With f the share of the
exposed who complete the sharing step, the branching ratio is R = f·λ; below 1 the cascade from S
seeds has mean size S/(1−R) and variance S·R/(1−R)³ (Poisson offspring). Above 1 it is stopped by
the audience size.

The children of a sharer are numbered, and their identities derive from the sharer's identity,
the step and the number, so the cascade's random numbers stay attached to the same people when a
variant changes who shares.
"""

from __future__ import annotations

from typing import Optional

import attrs
import numpy as np

from campaignsim.sim import rng as R

SLOT_SHARE_DELAY = 1  # timing stream


@attrs.define
class Offspring:
    ids: np.ndarray
    times: np.ndarray
    parents: np.ndarray
    truncated: bool = False  # the limit cut some friends off


def offspring_counts(cascade_key: int, parent_ids: np.ndarray, slot: int, mean: float) -> np.ndarray:
    """K_i ~ Poisson(mean) for each parent, by inversion of a keyed uniform."""
    if mean <= 0 or len(parent_ids) == 0:
        return np.zeros(len(parent_ids), dtype=np.int64)
    return R.poisson_inverse(R.uniform(cascade_key, parent_ids, slot), mean)


def spawn(cascade_key: int, timing_key: int, parent_ids: np.ndarray, parent_times: np.ndarray, slot: int, mean: float,
          delay_mean: float, limit: Optional[int] = None) -> Offspring:
    """The people exposed by ``parents`` completing the step named ``slot`` at ``parent_times``.

    ``limit`` bounds how many are created (the room left under the audience ceiling): the
    earliest sharers' friends come first.
    """
    counts = offspring_counts(cascade_key, parent_ids, slot, mean)
    total = int(counts.sum())
    truncated = limit is not None and total > limit
    if truncated:
        order = np.argsort(parent_times, kind="stable")
        kept = np.minimum(counts[order], np.maximum(limit - (np.cumsum(counts[order]) - counts[order]), 0))
        counts = np.empty_like(counts)
        counts[order] = kept
        total = int(counts.sum())
    if total == 0:
        empty = np.zeros(0, dtype=np.uint64)
        return Offspring(empty, np.zeros(0), empty, truncated)
    parents = np.repeat(parent_ids, counts)
    starts = np.repeat(np.cumsum(counts) - counts, counts)
    index = np.arange(total, dtype=np.int64) - starts
    ids = R.child_identities(parents, slot, index)
    times = np.repeat(parent_times, counts)
    if delay_mean > 0:
        times = times + R.exponential(timing_key, ids, SLOT_SHARE_DELAY, delay_mean)
    return Offspring(ids, times, parents, truncated)


def galton_watson(seeds: int, share_probability: float, offspring_mean: float, cascade_key: int, decision_key: int,
                  replications: int = 1, max_total: int = 10_000_000) -> np.ndarray:
    """Total sizes of ``replications`` independent cascades from ``seeds`` people each.

    Each person shares with ``share_probability`` and then exposes Poisson(``offspring_mean``)
    others, with the simulator's own primitives (keyed share decisions, :func:`spawn`) and no
    time: the closed-form check of the branching process (mean S/(1−R), variance S·σ²/(1−R)³,
    R = f·λ, σ² = fλ(1 + λ(1 − f))). Replications differ by their seeds' identities, so they run
    together, one generation at a time.
    """
    ids = R.identities(0xC0FFEE, seeds * replications)
    label = np.repeat(np.arange(replications), seeds)
    totals = np.zeros(replications, dtype=np.int64)
    while len(ids) and totals.sum() < max_total:
        totals += np.bincount(label, minlength=replications)
        shares = R.uniform(decision_key, ids, 7) < share_probability
        parents, parent_label = ids[shares], label[shares]
        counts = offspring_counts(cascade_key, parents, 11, offspring_mean)
        children = spawn(cascade_key, 0, parents, np.zeros(len(parents)), 11, offspring_mean, 0.0)
        ids, label = children.ids, np.repeat(parent_label, counts)
    return totals
