"""The simulator's parts in isolation: random streams, attention kernels, the engine's exposure times."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sim_helpers as H

from campaignsim.sim import rng as R
from campaignsim.sim.config import build_config
from campaignsim.sim.engine import run_replication
from campaignsim.sim.kernels import Kernel

REG = H.registry()


def ks_statistic(sample: np.ndarray, cdf) -> float:
    x = np.sort(sample)
    m = len(x)
    f = cdf(x)
    return float(max(np.max(np.arange(1, m + 1) / m - f), np.max(f - np.arange(m) / m)))


def ks_bound(m: int) -> float:
    """The KS critical value at α = 0.01: 1.63/√m."""
    return 1.63 / math.sqrt(m)


def test_keyed_uniforms_are_uniform_and_independent_across_slots():
    ids = R.identities(42, 200_000)
    u = R.uniform(123, ids, 0)
    v = R.uniform(123, ids, 1)
    assert 0 < u.min() and u.max() < 1
    assert ks_statistic(u, lambda x: x) <= ks_bound(len(u))
    assert abs(np.corrcoef(u, v)[0, 1]) < 4 / math.sqrt(len(u))


def test_keyed_draws_depend_only_on_key_identity_and_slot():
    ids = R.identities(7, 1000)
    a = R.uniform(99, ids, 3)
    b = R.uniform(99, ids[::-1].copy(), 3)[::-1]  # same people, other order
    assert np.array_equal(a, b)
    assert not np.array_equal(a, R.uniform(100, ids, 3))


def test_keyed_normal_pairs_have_unit_variance_and_no_correlation():
    z1, z2 = R.normal_pair(5, R.identities(1, 200_000), 0)
    for z in (z1, z2):
        assert abs(float(z.mean())) < 4 / math.sqrt(len(z))
        assert abs(float(z.std()) - 1) < 0.01
    assert abs(np.corrcoef(z1, z2)[0, 1]) < 4 / math.sqrt(len(z1))


@pytest.mark.parametrize("lam", [0.3, 3.0, 40.0])
def test_poisson_by_inversion_has_poisson_mean_and_variance(lam):
    n = 200_000
    k = R.poisson_inverse(R.uniform(3, R.identities(2, n), 0), lam)
    assert abs(k.mean() - lam) <= 4 * math.sqrt(lam / n)
    assert abs(k.var() / lam - 1) <= 0.03


def test_poisson_by_inversion_is_monotone_in_the_uniform_and_the_mean():
    u = np.linspace(0.001, 0.999, 999)
    k = R.poisson_inverse(u, 2.5)
    assert np.all(np.diff(k) >= 0)
    assert np.all(R.poisson_inverse(u, 3.0) >= k)


def test_each_replication_and_purpose_has_its_own_stream_and_the_seed_fixes_them():
    seeds = R.replication_seeds(0, 3)
    a = [[R.Streams(s).key[p] for p in R.PURPOSES] for s in seeds]
    b = [[R.Streams(s).key[p] for p in R.PURPOSES] for s in seeds]  # the same seed objects, used again
    assert a == b
    assert len({k for keys in a for k in keys}) == 3 * len(R.PURPOSES)
    draws = [R.Streams(s)["reach"].random() for s in seeds]
    assert draws == [R.Streams(s)["reach"].random() for s in seeds] and len(set(draws)) == 3


def test_exponential_kernel_share_of_exposures_by_t_is_one_minus_two_to_minus_t_over_h():
    # Check #5: KS statistic ≤ 1.63/√m.
    h = 6.0
    k = Kernel("exponential", h)
    t = k.sample(R.uniform(1, R.identities(3, 100_000), 0))
    assert ks_statistic(t, lambda x: 1 - 2 ** (-x / h)) <= ks_bound(len(t))


def test_power_law_kernel_has_its_half_life_as_median_and_a_heavy_tail():
    k = Kernel("power", 3.0, 1.5)
    assert float(k.survival(3.0)) == pytest.approx(0.5)
    t = k.sample(R.uniform(1, R.identities(4, 100_000), 0))
    assert ks_statistic(t, lambda x: 1 - (1 + x / k.scale) ** (-0.5)) <= ks_bound(len(t))
    # far more mass left after ten half-lives than the exponential kernel with the same half-life
    assert float(k.survival(30.0)) > 100 * float(Kernel("exponential", 3.0).survival(30.0))


def test_sampling_within_a_window_follows_the_kernel_restricted_to_it():
    k = Kernel("exponential", 6.0)
    a, b = 5.0, 20.0
    t = k.sample_in_window(R.uniform(8, R.identities(5, 50_000), 0), a, b)
    assert t.min() >= a and t.max() < b
    sa, sb = float(k.survival(a)), float(k.survival(b))
    assert ks_statistic(t, lambda x: (sa - k.survival(x)) / (sa - sb)) <= ks_bound(len(t))


def test_engine_exposure_times_of_the_launch_post_follow_the_kernel():
    # Check #5 end to end: the traced exposure times of one replication (no sharing), against
    # the kernel truncated at the deadline. KS ≤ 1.63/√m.
    T, h = 48.0, 6.0
    sc = H.scenario(steps=(H.step("follow"),), reach=60_000, hours=T)
    out = run_replication(build_config(sc, REG), R.replication_seeds(1, 1)[0], trace=True)
    t = out["trace_exposure_times"]
    s_T = 2 ** (-T / h)
    assert ks_statistic(t, lambda x: (1 - 2 ** (-x / h)) / (1 - s_T)) <= ks_bound(len(t))
    # the hourly timeline is the histogram of the same times
    assert out["timeline_exposed"].sum() == len(t)
    assert np.array_equal(out["timeline_exposed"], np.bincount(t.astype(int), minlength=int(T))[: int(T)])
