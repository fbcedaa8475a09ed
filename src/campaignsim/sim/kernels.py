"""Attention kernels φ(t): when, after a post, the people it reaches see it.

Both kernels are parameterised by their half-life h, the median delay from post to exposure:

* exponential: S(t) = 2^(−t/h), the share still to come at age t;
* power law (Lomax, Pareto type II): φ(t) ∝ (1 + t/c)^−α, S(t) = (1 + t/c)^(1−α) with
  c = h / (2^(1/(α−1)) − 1), so that S(h) = ½ as well.

A post of reach r produces a Poisson process of exposures with intensity r·φ(t − t_post). Over a
window [a, b) of the post's age the count is Poisson(r·(S(a) − S(b))) and, given the count, the
times are independent draws of φ restricted to the window (inversion of S).
"""

from __future__ import annotations

import math

import attrs
import numpy as np

LN2 = math.log(2.0)


@attrs.define(frozen=True)
class Kernel:
    kind: str  # "exponential" | "power"
    half_life: float  # hours
    exponent: float = 1.5  # α of the power law

    @property
    def scale(self) -> float:
        """c of the power law."""
        return self.half_life / (2.0 ** (1.0 / (self.exponent - 1.0)) - 1.0)

    def survival(self, t):
        """S(t): the share of a post's reach still to arrive at age t (1 at t ≤ 0)."""
        t = np.maximum(np.asarray(t, dtype=np.float64), 0.0)
        if self.kind == "exponential":
            return np.exp(-LN2 * t / self.half_life)
        return (1.0 + t / self.scale) ** (1.0 - self.exponent)

    def cdf(self, t):
        return 1.0 - self.survival(t)

    def inverse_survival(self, s):
        """The age at which S(t) = s, for s in (0, 1]."""
        s = np.asarray(s, dtype=np.float64)
        if self.kind == "exponential":
            return -self.half_life * np.log(s) / LN2
        return self.scale * (s ** (1.0 / (1.0 - self.exponent)) - 1.0)

    def window_masses(self, edges) -> np.ndarray:
        """S(a) − S(b) for consecutive ages in ``edges``: the expected share of reach per window."""
        s = self.survival(edges)
        return np.maximum(s[:-1] - s[1:], 0.0)

    def sample_in_window(self, u, a: float, b: float) -> np.ndarray:
        """Ages in [a, b) with density ∝ φ, by inversion of S at the uniforms ``u``."""
        sa, sb = float(self.survival(a)), float(self.survival(b))
        t = self.inverse_survival(sa - np.asarray(u) * (sa - sb))
        return np.clip(t, a, np.nextafter(b, a) if b > a else a)

    def sample(self, u) -> np.ndarray:
        """Unrestricted ages (the full kernel) at the uniforms ``u``."""
        return self.inverse_survival(np.asarray(u, dtype=np.float64))


def make_kernel(code: float, half_life: float, exponent: float) -> Kernel:
    """The kernel for the `attention_kernel` parameter (0 exponential, 1 power law)."""
    return Kernel("power" if code >= 0.5 else "exponential", float(half_life), float(exponent))
