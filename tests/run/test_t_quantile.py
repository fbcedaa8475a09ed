"""The Student-t quantile behind the paired-t interval, against closed forms and printed tables."""

import math
from statistics import NormalDist

import numpy as np
import pytest

from campaignsim.compare import paired_difference, t_quantile
from campaignsim.sim import rng

# Two-sided tables (e.g. NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.6.7.2), six decimals.
TABLE = [
    (0.95, 1, 6.313752), (0.975, 1, 12.706205), (0.95, 2, 2.919986), (0.975, 2, 4.302653),
    (0.95, 3, 2.353363), (0.975, 3, 3.182446), (0.975, 4, 2.776445), (0.975, 5, 2.570582),
    (0.995, 5, 4.032143), (0.95, 9, 1.833113), (0.975, 10, 2.228139), (0.95, 29, 1.699127),
    (0.975, 30, 2.042272), (0.95, 199, 1.652547),
]


@pytest.mark.parametrize("p, df, expected", TABLE)
def test_t_quantile_matches_tables_to_six_decimals(p, df, expected):
    assert t_quantile(p, df) == pytest.approx(expected, abs=6e-7)


@pytest.mark.parametrize("p", [0.6, 0.9, 0.95, 0.99, 0.999])
def test_t_quantile_closed_forms_for_one_and_two_degrees_of_freedom(p):
    assert t_quantile(p, 1) == pytest.approx(math.tan(math.pi * (p - 0.5)), rel=1e-12)
    assert t_quantile(p, 2) == pytest.approx((2 * p - 1) / math.sqrt(2 * p * (1 - p)), rel=1e-12)


@pytest.mark.parametrize("df", [1, 2, 3, 7, 50])
def test_t_quantile_is_symmetric_and_tends_to_the_normal(df):
    assert t_quantile(0.05, df) == pytest.approx(-t_quantile(0.95, df), rel=1e-12)
    assert t_quantile(0.95, 10**6) == pytest.approx(NormalDist().inv_cdf(0.95), rel=1e-5)
    assert t_quantile(0.95, df) > t_quantile(0.95, df + 1)


def test_t_quantile_rejects_p_outside_the_open_interval():
    with pytest.raises(ValueError):
        t_quantile(1.0, 5)


def test_two_paired_runs_use_the_cauchy_quantile():
    # differences 1 and 3: mean 2, s = √2, half-width t(0.95, 1)·s/√2 = tan(0.45π) = 6.3138, not
    # the 6.0057 a series expansion in 1/df gives at df = 1.
    d = paired_difference([2, 5], [1, 2])
    assert d.high - d.mean == pytest.approx(6.313751514675, rel=1e-9)


def test_large_mean_poisson_uses_the_exact_normal_quantile():
    u = np.linspace(1e-6, 1 - 1e-6, 2001)
    lam = 400.0
    expected = [max(0, math.floor(lam + math.sqrt(lam) * NormalDist().inv_cdf(x) + 0.5)) for x in u]
    assert rng.poisson_inverse(u, lam).tolist() == expected
