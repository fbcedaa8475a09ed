"""Random streams: one SeedSequence child per replication, one child per purpose inside it.

Aggregate draws (how many people a post reaches in an hour, when the takedown comes, how prizes
are delivered) come straight from the purpose's ``numpy.random.Generator``.

Draws that belong to one person (interest, prize value, effort tolerance, the entry decision, each
step's completion, friends reached, delays) are *keyed*: the purpose's Generator draws a 64-bit
key once, and a person's draw is a counter-based hash (SplitMix64's finaliser) of that key, the
person's identity and the draw's slot. A person's identity is fixed by where they came from (the
post and the hour, or the sharer and which of the sharer's friends), so the same person receives the
same draws in every variant run with the same seed, whatever happens to the others. This makes the
common random numbers exact and pathwise even through the share cascade, where the set of people
differs between variants.
"""

from __future__ import annotations

import numpy as np

PURPOSES = ("reach", "decision", "steps", "cascade", "timing", "fulfilment", "takedown", "word_of_mouth")
"""The per-replication streams, in spawn order (keep the order: it fixes the streams)."""

MASK64 = (1 << 64) - 1
GOLDEN = 0x9E3779B97F4A7C15
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_TWO53 = 2.0 ** -53


def replication_seeds(seed: int, runs: int) -> list[np.random.SeedSequence]:
    """One SeedSequence child per replication (``SeedSequence(seed).spawn(runs)``)."""
    return np.random.SeedSequence(seed).spawn(runs)


class Streams:
    """The purpose streams of one replication, and the keys of the keyed per-person draws.

    Purpose seeds, Generators and keys are built on first use (most replications need only a
    few). A purpose's key is the eighth 64-bit word of its seed state, past the words a
    Generator's bit generator is seeded from.
    """

    def __init__(self, replication: np.random.SeedSequence):
        self.replication = replication
        self._seeds: dict[str, np.random.SeedSequence] = {}
        self.gen: dict[str, np.random.Generator] = {}
        self.key = _Keys(self)

    def seed(self, purpose: str) -> np.random.SeedSequence:
        seed = self._seeds.get(purpose)
        if seed is None:
            rep = self.replication
            seed = self._seeds[purpose] = np.random.SeedSequence(
                rep.entropy, spawn_key=tuple(rep.spawn_key) + (PURPOSES.index(purpose),), pool_size=rep.pool_size)
        return seed

    def __getitem__(self, purpose: str) -> np.random.Generator:
        gen = self.gen.get(purpose)
        if gen is None:
            gen = self.gen[purpose] = np.random.default_rng(self.seed(purpose))
        return gen


class _Keys(dict):
    def __init__(self, streams: Streams):
        super().__init__()
        self.streams = streams

    def __missing__(self, purpose: str) -> int:
        value = self[purpose] = int(self.streams.seed(purpose).generate_state(8, np.uint64)[7])
        return value


def mix_scalar(x: int) -> int:
    """SplitMix64's finaliser on one Python int (mod 2**64)."""
    x &= MASK64
    x ^= x >> 30
    x = (x * 0xBF58476D1CE4E5B9) & MASK64
    x ^= x >> 27
    x = (x * 0x94D049BB133111EB) & MASK64
    x ^= x >> 31
    return x


def mix(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser, elementwise, in place on a uint64 array (returned)."""
    x ^= x >> np.uint64(30)
    x *= _M1
    x ^= x >> np.uint64(27)
    x *= _M2
    x ^= x >> np.uint64(31)
    return x


def identities(base: int, n: int, start: int = 0) -> np.ndarray:
    """Identities of ``n`` people numbered ``start…start+n−1`` within a source named by ``base``."""
    x = np.arange(start, start + n, dtype=np.uint64)
    x *= np.uint64(GOLDEN)
    x += np.uint64(mix_scalar(base))
    return mix(x)


def child_identities(parents: np.ndarray, slot: int, index: np.ndarray) -> np.ndarray:
    """Identities of the ``index``-th people exposed by ``parents`` through the step named ``slot``."""
    x = index.astype(np.uint64) + np.uint64(1)
    x *= np.uint64(GOLDEN)
    x ^= parents
    x += np.uint64(mix_scalar(slot * 0xD1B54A32D192ED03 + 0x8CB92BA72F3D8DD7))
    return mix(mix(x))


def bits(key: int, ids: np.ndarray, slot: int) -> np.ndarray:
    """64 random bits per identity for (purpose key, slot)."""
    x = ids ^ np.uint64(mix_scalar(key ^ ((slot + 1) * GOLDEN & MASK64)))
    return mix(x)


def uniform(key: int, ids: np.ndarray, slot: int) -> np.ndarray:
    """One uniform in the open interval (0, 1) per identity (52 random bits)."""
    b = bits(key, ids, slot)
    b >>= np.uint64(12)
    b |= np.uint64(0x3FF0000000000000)  # a double in [1, 2) with these 52 bits as its mantissa
    u = b.view(np.float64)
    u -= 1.0 - _TWO53
    return u


def normal_pair(key: int, ids: np.ndarray, slot: int) -> tuple[np.ndarray, np.ndarray]:
    """Two independent standard normals per identity (Box–Muller on two 24-bit halves, in float32).

    The resolution bounds |z| below 5.9; these normals spread individual attributes, where
    single precision is ample.
    """
    b = bits(key, ids, slot)
    u1 = (b >> np.uint64(40)).astype(np.int32).astype(np.float32)
    u1 += np.float32(0.5)
    u1 *= np.float32(2.0 ** -24)
    u2 = ((b >> np.uint64(8)) & np.uint64(0xFFFFFF)).astype(np.int32).astype(np.float32)
    u2 *= np.float32(2.0 * np.pi * 2.0 ** -24)
    r = np.sqrt(np.float32(-2.0) * np.log(u1))
    return r * np.cos(u2), r * np.sin(u2)


def exponential(key: int, ids: np.ndarray, slot: int, mean: float) -> np.ndarray:
    """Exponential delays with the given mean (zeros when the mean is 0)."""
    if mean <= 0:
        return np.zeros(len(ids))
    return -mean * np.log(uniform(key, ids, slot))


def poisson_inverse(u: np.ndarray, lam: float) -> np.ndarray:
    """Poisson(lam) counts by inversion of the CDF at ``u``: monotone in ``u`` and in ``lam``."""
    n = len(u)
    out = np.zeros(n, dtype=np.int64)
    if lam <= 0 or n == 0:
        return out
    if lam > 200:  # normal approximation with continuity correction; far beyond real share counts
        from scipy.special import ndtri

        z = ndtri(u)
        return np.maximum(0, np.floor(lam + np.sqrt(lam) * z + 0.5)).astype(np.int64)
    p = np.exp(-lam)
    cdf = p
    k = 0
    active = u > cdf
    limit = int(lam + 12 * np.sqrt(lam) + 30)
    while active.any() and k < limit:
        k += 1
        out[active] = k
        p *= lam / k
        cdf += p
        active &= u > cdf
    return out
