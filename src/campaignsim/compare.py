"""Comparing variants from paired replications under common random numbers.

Replication j of every variant uses the same random streams, so D_j = Y_variant,j − Y_base,j
removes most of the noise both share. The interval is the paired-t interval
D̄ ± t(0.95, n−1)·s_D/√n, a 90% confidence interval for the mean difference (Law & Kelton,
*Simulation Modeling and Analysis*, paired-t comparison; see docs/model.md).
"""

from __future__ import annotations

import math
from typing import Optional, Sequence

import attrs

PAIRED_DEFAULT_RUNS = 100
"""Replications per variant for run and compare. Variants are compared run by run on common random
numbers, and the paired differences vary far less than the figures themselves, so fewer runs are
needed than simulate's default for absolute figures."""


def t_quantile(p: float, df: int) -> float:
    """Student-t quantile by the Cornish–Fisher expansion (error < 1e-3 for df ≥ 3; exact enough for
    the interval's half-width, and avoids a SciPy dependency)."""
    z = _normal_quantile(p)
    if df <= 0:
        return math.inf
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


def _normal_quantile(p: float) -> float:
    # Acklam's rational approximation refined by one Newton step (relative error < 1e-12).
    a = (-3.969683028665376e01, 2.209460984245205e02, -2.759285104469687e02, 1.383577518672690e02, -3.066479806614716e01, 2.506628277459239e00)
    b = (-5.447609879822406e01, 1.615858368580409e02, -1.556989798598866e02, 6.680131188771972e01, -1.328068155288572e01)
    c = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e00, -2.549732539343734e00, 4.374664141464968e00, 2.938163982698783e00)
    d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00)
    if not 0 < p < 1:
        raise ValueError("p must be in (0, 1)")
    low = 0.02425
    if p < low:
        q = math.sqrt(-2 * math.log(p))
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    elif p <= 1 - low:
        q = p - 0.5
        r = q * q
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    else:
        q = math.sqrt(-2 * math.log(1 - p))
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    e = 0.5 * math.erfc(-x / math.sqrt(2)) - p
    return x - e * math.sqrt(2 * math.pi) * math.exp(x * x / 2)


@attrs.define(frozen=True)
class PairedDifference:
    mean: float
    low: float  # 90% interval
    high: float
    runs: int

    @property
    def excludes_zero(self) -> bool:
        return self.low > 0 or self.high < 0


def paired_difference(variant: Sequence[float], base: Sequence[float]) -> PairedDifference:
    """Mean of variant − base over paired replications, with a 90% paired-t interval."""
    if len(variant) != len(base):
        raise ValueError(f"paired runs differ in number: {len(variant)} vs {len(base)}")
    n = len(base)
    diffs = [float(v) - float(b) for v, b in zip(variant, base)]
    mean = sum(diffs) / n if n else 0.0
    if n < 2:
        return PairedDifference(mean, mean, mean, n)
    var = sum((d - mean) ** 2 for d in diffs) / (n - 1)
    half = t_quantile(0.95, n - 1) * math.sqrt(var / n)
    return PairedDifference(mean, mean - half, mean + half, n)


def _signed(x: float) -> str:
    rounded = round(x)
    return f"{'+' if rounded > 0 else '−' if rounded < 0 else '±'}{abs(rounded):,}"


def verdict(label: str, diff: PairedDifference, error_codes: Sequence[str], takedown_probability: Optional[float] = None) -> str:
    """One plain sentence a campaign manager can act on."""
    interval = f"({_signed(diff.low)} to {_signed(diff.high)})"
    if diff.excludes_zero:
        size = f"{_signed(diff.mean)} entrants {interval}"
    else:
        size = f"no clear difference in entrants: {_signed(diff.mean)} {interval}"
    if error_codes:
        codes = ", ".join(sorted(set(error_codes)))
        rules = f"but breaks {len(set(error_codes))} rule{'s' if len(set(error_codes)) != 1 else ''} ({codes})"
        if takedown_probability:
            rules += f" and risks a takedown ({takedown_probability:.0%} of runs)"
        return f"{label}: {size} {rules}"
    return f"{label}: {size} and breaks no rule"
