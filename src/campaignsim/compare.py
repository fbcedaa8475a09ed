"""Comparing variants from paired replications under common random numbers.

Replication j of every variant uses the same random streams, so D_j = Y_variant,j − Y_base,j
removes most of the noise both share. The interval is the paired-t interval
D̄ ± t(0.95, n−1)·s_D/√n, a 90% confidence interval for the mean difference (Law & Kelton,
*Simulation Modeling and Analysis*, paired-t comparison; see docs/model.md).
"""

from __future__ import annotations

import math
from typing import Any, Collection, Optional, Sequence

import attrs

from campaignsim.model.limits import DEFAULT_RUNS  # one default for simulate, run and compare

PAIRED_DEFAULT_RUNS = DEFAULT_RUNS  # the former name, kept for callers


def t_quantile(p: float, df: int) -> float:
    """The Student-t quantile: closed forms for one and two degrees of freedom, SciPy's ``stdtrit``
    (what ``scipy.stats.t.ppf`` computes) otherwise."""
    if not 0 < p < 1:
        raise ValueError("p must be in (0, 1)")
    if df <= 0:
        return math.inf
    if df == 1:  # the Cauchy distribution
        return math.tan(math.pi * (p - 0.5))
    if df == 2:
        return (2 * p - 1) / math.sqrt(2 * p * (1 - p))
    from scipy.special import stdtrit  # SciPy's special functions only, not scipy.stats: a fifth of the import time

    return float(stdtrit(df, p))


@attrs.define(frozen=True)
class PairedDifference:
    mean: float
    low: float  # 90% interval
    high: float
    runs: int

    @property
    def excludes_zero(self) -> bool:
        return self.low > 0 or self.high < 0


def paired_difference(variant: Collection[float], base: Collection[float]) -> PairedDifference:
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


# ----------------------------------------------------------------------------------------- objectives
@attrs.define(frozen=True)
class Objective:
    """What "best" means for the recommendation: a per-run figure and whether higher is better."""

    name: str
    label: str  # in a sentence: "expected entrants"
    higher_is_better: bool
    unit: str = ""

    def per_run(self, run) -> Any:
        """One value per replication (numpy array; NaN where the run has none)."""
        import numpy as np

        per = run.sim.per_run
        if self.name == "entrants":
            return per["entrants"].astype(float)
        if self.name == "reach":
            return per["exposed"].astype(float)
        if self.name == "complaints":
            return (per["complaints"] + per.get("backlash_complaints", 0 * per["complaints"])).astype(float)
        if self.name == "cost-per-entrant":
            budget = run.sim.config.budget
            entrants = per["entrants"].astype(float)
            if budget is None:
                return np.full(len(entrants), np.nan)
            with np.errstate(divide="ignore"):
                return np.where(entrants > 0, budget / np.maximum(entrants, 1), np.inf)
        raise ValueError(f"unknown objective {self.name!r}")

    def value(self, run) -> Optional[float]:
        """The figure the recommendation ranks by (for cost: budget ÷ expected entrants)."""
        import numpy as np

        if self.name == "cost-per-entrant":
            budget = run.sim.config.budget
            mean = float(run.sim.per_run["entrants"].mean())
            return None if budget is None else (math.inf if mean <= 0 else budget / mean)
        v = self.per_run(run)
        return float(np.mean(v))

    def better(self, a: Optional[float], b: Optional[float]) -> bool:
        if a is None or b is None:
            return a is not None
        return a > b if self.higher_is_better else a < b

    def format(self, value: Optional[float], currency: str = "") -> str:
        if value is None:
            return "–"
        if math.isinf(value):
            return "no entrant"
        if self.name == "cost-per-entrant":
            return f"{value:,.2f} {currency}".strip()
        return f"{round(value):,}"


OBJECTIVES: dict[str, Objective] = {o.name: o for o in (
    Objective("entrants", "expected entrants", True),
    Objective("cost-per-entrant", "cost per entrant", False),
    Objective("reach", "expected reach (people exposed)", True),
    Objective("complaints", "fewest expected complaints", False),
)}
"""The objectives ``run --objective`` accepts."""


# -------------------------------------------------------------------------------- a variant's standing
IMPOSSIBLE = "ENTRY-IMPOSSIBLE"
"""The blocker code of a variant nobody can enter (a required step no one can complete)."""


@attrs.define(frozen=True)
class Blocker:
    code: str
    message: str


@attrs.define(frozen=True)
class Standing:
    """What makes a variant launchable or not, and its risk shown as it is distributed."""

    launchable: bool
    blockers: tuple[Blocker, ...]
    error_codes: tuple[str, ...]
    takedown_probability: float
    backlash_probability: float
    entrants_if_live: dict  # mean, low, high, runs, interval
    objective_value: Optional[float]
    warnings: int

    @property
    def blocker_codes(self) -> list[str]:
        return sorted({b.code for b in self.blockers})


LIVE_INTERVAL = "5th–95th percentile of the runs without a takedown or backlash"
LIVE_PREDICTION_INTERVAL = "90% prediction interval of the runs without a takedown or backlash (parameters drawn)"


def standing(run, objective: Objective) -> Standing:
    import numpy as np

    per = run.sim.per_run
    errors = sorted({f.code for f in run.lint.findings if f.severity == "error"})
    blockers = [Blocker(f.code, f.message) for f in sorted(run.lint.findings, key=lambda f: (f.code, f.line or 0)) if f.severity == "error"]
    for reason in getattr(run.sim.config, "impossible", ()):
        blockers.append(Blocker(IMPOSSIBLE, f"nobody can enter: {reason}"))
    taken = per["taken_down"].astype(bool)
    backlash = per["backlash"].astype(bool) if "backlash" in per else np.zeros(len(taken), bool)
    # A backlash from broken rules ends the campaign early; one set off by public complaints about the
    # prizes comes after the draw, when the entries are in: only the first makes a run not "live".
    ended = per["backlash_rules"].astype(bool) if "backlash_rules" in per else backlash
    live = ~(taken | ended)
    entrants = per["entrants"][live].astype(float)
    if len(entrants):
        low, high = np.quantile(entrants, [0.05, 0.95])
        if_live: dict[str, Any] = {"mean": round(float(entrants.mean()), 6), "low": round(float(low), 6), "high": round(float(high), 6)}
    else:
        if_live = {"mean": None, "low": None, "high": None}
    drawn = getattr(run.sim, "uncertainty", "fixed") != "fixed"  # parameters drawn in an outer loop: a prediction interval
    if_live.update(runs=int(live.sum()), interval=LIVE_PREDICTION_INTERVAL if drawn else LIVE_INTERVAL)
    return Standing(
        launchable=not blockers, blockers=tuple(blockers), error_codes=tuple(errors),
        takedown_probability=float(taken.mean()), backlash_probability=float(backlash.mean()), entrants_if_live=if_live,
        objective_value=objective.value(run), warnings=sum(f.severity == "warning" for f in run.lint.findings),
    )


def p_better(variant_values, base_values, higher_is_better: bool = True) -> Optional[float]:
    """Share of paired runs (same replication index, so the same random numbers and, once runs draw
    parameters, the same parameter draw) in which the variant beats the base; pairs where either has
    no value are left out. Strictly better: a tie counts as not better."""
    import numpy as np

    v = np.asarray(variant_values, dtype=float)
    b = np.asarray(base_values, dtype=float)
    if v.shape != b.shape:
        raise ValueError(f"paired runs differ in number: {len(v)} vs {len(b)}")
    ok = ~(np.isnan(v) | np.isnan(b))
    if not ok.any():
        return None
    wins = (v[ok] > b[ok]) if higher_is_better else (v[ok] < b[ok])
    return float(wins.mean())


def rule_diff(base_codes: Sequence[str], variant_codes: Sequence[str]) -> tuple[list[str], list[str], list[str]]:
    """(fixed, introduced, shared): error-level codes the base breaks and the variant does not, the
    reverse, and those both break."""
    b, v = set(base_codes), set(variant_codes)
    return sorted(b - v), sorted(v - b), sorted(b & v)


def _codes(codes: Sequence[str]) -> str:
    return ", ".join(codes)


def verdict(label: str, diff: PairedDifference, fixed: Sequence[str], introduced: Sequence[str], shared: Sequence[str],
            variant: Standing, better: Optional[float] = None) -> str:
    """One plain sentence a campaign manager can act on: launchable or not and why, the rules fixed
    and introduced against the base, the paired difference and how often the variant is ahead."""
    interval = f"({_signed(diff.low)} to {_signed(diff.high)}, 90% CI)"
    if diff.excludes_zero:
        size = f"{_signed(diff.mean)} entrants {interval}"
    else:
        size = f"no clear difference in entrants, {_signed(diff.mean)} {interval}"
    if better is not None:
        size += f", ahead in {better:.0%} of paired runs"
    changes = []
    if fixed:
        changes.append(f"fixes {_codes(fixed)}")
    if introduced:
        changes.append(f"introduces {_codes(introduced)}")
    if shared:
        changes.append(f"still breaks {_codes(shared)}")
    impossible = [b for b in variant.blockers if b.code == IMPOSSIBLE]
    if impossible:
        changes.append("nobody can enter")
    if variant.launchable:
        head = f"{label}: launchable"
        tail = f"; {'; '.join(changes)}" if changes else "; breaks no rule"
    else:
        head = f"{label}: not launchable"
        tail = f" ({'; '.join(changes)})" if changes else ""
        if variant.takedown_probability > 0:
            tail += f"; takedown in {variant.takedown_probability:.0%} of runs"
    return f"{head}{tail}; {size}"


# --------------------------------------------------------------------------------- the recommendation
@attrs.define(frozen=True)
class Recommendation:
    variant: Optional[str]  # label of the recommended variant, None when none is launchable
    reason: str
    closest: Optional[str] = None  # with none launchable: the variant closest to launchable
    blocked_by: tuple[str, ...] = ()
    tied_with: tuple[str, ...] = ()


def recommend(runs: Sequence, standings: Sequence[Standing], objective: Objective) -> Recommendation:
    """The launchable variant best on the objective. Variants whose paired runs cannot tell them
    from the best (the 90% interval of the paired difference includes 0) are tied with it; among
    tied variants the one with fewer warnings is chosen, then the better mean, then the earlier one
    (the base first). With none launchable: the one with fewest blocking problems, then the best
    on the objective, named with what still blocks it."""
    order = list(range(len(runs)))
    launchable = [i for i in order if standings[i].launchable]
    if not launchable:
        if not runs:
            return Recommendation(None, "nothing was simulated")

        def closeness(i):
            v = standings[i].objective_value
            score = -math.inf if v is None else (v if objective.higher_is_better else -v)
            return (len(standings[i].blocker_codes), -score, i)

        best = min(order, key=closeness)
        blockers = standings[best].blockers
        codes = tuple(dict.fromkeys(b.code for b in blockers))
        if len(runs) == 1:
            return Recommendation(None, f"The campaign cannot launch as it is: {_why(standings[best])}.", runs[best].label, codes)
        return Recommendation(None, f"No variant can launch as it is. Closest: {runs[best].label}, which still "
                                    f"{_why(standings[best])}.", runs[best].label, codes)

    def key(i):
        v = standings[i].objective_value
        return -math.inf if v is None else (v if objective.higher_is_better else -v)

    top = max(launchable, key=lambda i: (key(i), -i))
    tied = [i for i in launchable if i != top and _tied(runs[i], runs[top], objective)]
    pool = [top, *tied]
    chosen = min(pool, key=lambda i: (standings[i].warnings, -key(i), i))
    others = tuple(runs[i].label for i in pool if i != chosen)
    currency = runs[chosen].sim.config.budget_currency or ""
    value = objective.format(standings[chosen].objective_value, currency)
    n_launchable = len(launchable)
    if len(runs) == 1:
        reason = f"{runs[chosen].label} breaks no error-level rule and people can enter ({objective.label}: {value})."
    elif others:
        reason = (f"{runs[chosen].label} is launchable and no worse on {objective.label} ({value}) than "
                  f"{_codes(others)}: the paired runs cannot tell them apart, and it has "
                  f"{standings[chosen].warnings} warning{'s' if standings[chosen].warnings != 1 else ''}.")
    else:
        if n_launchable == 1:
            reason = f"{runs[chosen].label} is the only variant that can launch ({objective.label}: {value})"
        else:
            reason = f"{runs[chosen].label} has the best {objective.label} ({value}) of the {n_launchable} variants that can launch"
        blocked = [f"{runs[i].label} ({_blocked(standings[i])})" for i in order if not standings[i].launchable]
        reason += f"; {', '.join(blocked)} cannot." if blocked else "."
    st = standings[chosen]
    risks = []
    if st.takedown_probability:
        risks.append(f"a takedown in {st.takedown_probability:.0%} of runs")
    if st.backlash_probability:
        risks.append(f"a public backlash (from broken rules or public complaints) in {st.backlash_probability:.0%} of runs")
    if risks:
        reason = reason[:-1] + f"; mind the risk of {' and '.join(risks)}."
    return Recommendation(runs[chosen].label, reason, tied_with=others)


def _blocked(st: Standing) -> str:
    codes = [c for c in st.blocker_codes if c != IMPOSSIBLE]
    parts = [f"breaks {_codes(codes)}"] if codes else []
    if IMPOSSIBLE in st.blocker_codes:
        parts.append("nobody can enter")
    return "; ".join(parts)


def _why(st: Standing) -> str:
    """What blocks a variant, in words: the rules it breaks (with the first one's message) and why nobody can enter."""
    rules = [b for b in st.blockers if b.code != IMPOSSIBLE]
    parts = []
    if rules:
        parts.append(f"breaks {_codes(list(dict.fromkeys(b.code for b in rules)))} ({rules[0].message})")
    parts += [b.message for b in st.blockers if b.code == IMPOSSIBLE]
    return "; and ".join(parts)


def _tied(a, b, objective: Objective) -> bool:
    import numpy as np

    va, vb = objective.per_run(a), objective.per_run(b)
    ok = np.isfinite(va) & np.isfinite(vb)
    if not ok.any():
        return bool(np.array_equal(va, vb))
    return not paired_difference(va[ok], vb[ok]).excludes_zero
