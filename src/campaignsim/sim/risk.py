"""Takedown and backlash hazards from what a campaign breaks.

A platform takes a post down at a rate that depends on which of its rules are broken and on how
hard it enforces them; the public turns on a campaign that rides a tragedy or misleads. Both are
modelled as constant hazards over the campaign (an exponential time to the event):

    h_takedown = takedown_hazard_per_day × enforcement_level × W_takedown
    h_backlash = backlash_hazard_per_day × W_backlash

where W is the sum, over the families of broken rules, of the largest ``Enforcement.weight`` in
each family (a rule without a family is its own family). A rule pack declares the weight beside the
rule (:class:`campaignsim.lint.rule.Enforcement`); an error-severity platform rule that declares
none weighs 1, an assumption [U]. So a campaign breaking two independent rules is taken down about
twice as fast as one breaking one of them, while three ways of inducing shares count as one.

P(event before T hours) = 1 − exp(−h·T/24) for each hazard alone; the first of the two events ends
the campaign. This module is light (no numpy) so the runner and the reports can name the
assumptions without running anything.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Iterable, Optional

import attrs

if TYPE_CHECKING:
    from campaignsim.plugin.manager import Registry

DEFAULT_WEIGHT_SOURCE = "[U]: an error-severity platform rule without a declared enforcement weight counts 1"


@attrs.define(frozen=True)
class RiskTerm:
    """One broken rule's contribution: its code, the kind of risk, its family, weight and source."""

    code: str
    kind: str  # "takedown" or "backlash"
    family: str
    weight: float
    source: str


@attrs.define(frozen=True)
class Risk:
    """The resolved hazards for one scenario and the terms behind them."""

    terms: tuple[RiskTerm, ...] = ()
    takedown_per_day: float = 0.0
    backlash_per_day: float = 0.0
    platform_hazard_per_day: float = 0.0
    enforcement_level: float = 1.0
    backlash_base_per_day: float = 0.0
    sources: tuple[tuple[str, str], ...] = ()  # (parameter, where its value came from)

    def _status(self, name: str) -> str:
        source = dict(self.sources).get(name)
        if source is None:
            return "[U]"
        return "[scenario]" if source.startswith("scenario") else status(source)

    def weight(self, kind: str) -> float:
        return family_weight(t for t in self.terms if t.kind == kind)

    def probability(self, kind: str, hours: float) -> float:
        """P(the event before ``hours``) for this hazard alone (closed form)."""
        rate = self.takedown_per_day if kind == "takedown" else self.backlash_per_day
        return 1.0 - math.exp(-rate * max(hours, 0.0) / 24.0)

    def assumptions(self) -> list[str]:
        """One sentence per risk figure: the hazard and what it rests on, with each weight's source status."""
        out = []
        if any(t.kind == "takedown" for t in self.terms):
            out.append(f"takedown hazard {self.takedown_per_day:.3g}/day = platform {self.platform_hazard_per_day:g}/day "
                       f"{self._status('takedown_hazard_per_day')} × enforcement level {self.enforcement_level:g} "
                       f"{self._status('enforcement_level')} × rule weight {self.weight('takedown'):g} "
                       f"({_by_family(t for t in self.terms if t.kind == 'takedown')})")
        if any(t.kind == "backlash" for t in self.terms):
            out.append(f"backlash hazard {self.backlash_per_day:.3g}/day = {self.backlash_base_per_day:g}/day {self._status('backlash_hazard_per_day')} × weight "
                       f"{self.weight('backlash'):g} ({_by_family(t for t in self.terms if t.kind == 'backlash')})")
        return out

    def to_json_dict(self) -> dict:
        return {
            "takedown_hazard_per_day": self.takedown_per_day,
            "backlash_hazard_per_day": self.backlash_per_day,
            "terms": [attrs.asdict(t) for t in self.terms],
            "assumptions": self.assumptions(),
        }


def status(source: str) -> str:
    """The weakest source status tag ([V], [S], [S-] or [U]) a source text carries; [U] when it
    carries none. A figure is as well sourced as its weakest part."""
    import re

    order = ("U", "S-", "S", "V")
    tags = re.findall(r"\[(V|S-|S|U)(?=[\]:\s])", source)
    return f"[{min(tags, key=order.index)}]" if tags else "[U]"


def _by_family(terms) -> str:
    """``WX001, WX002 weight 1 [U]; WX003 weight 0.5 [U]``: each family once, with its source status."""
    groups: dict[str, list[RiskTerm]] = {}
    for t in terms:
        groups.setdefault(t.family, []).append(t)
    parts = []
    for members in groups.values():
        top = max(members, key=lambda t: t.weight)
        parts.append(f"{', '.join(t.code for t in members)} weight {top.weight:g} {status(top.source)}")
    return "; ".join(parts)


def family_weight(terms: Iterable[RiskTerm]) -> float:
    """Σ over families of the largest weight in each family."""
    best: dict[str, float] = {}
    for t in terms:
        best[t.family] = max(best.get(t.family, 0.0), t.weight)
    return float(sum(best.values()))


def terms_for(codes: Iterable[str], registry: Registry) -> tuple[RiskTerm, ...]:
    """The risk terms of the given broken rule codes (see :func:`campaignsim.runner.takedown_codes`)."""
    rules = getattr(registry, "rules", {}) or {}
    out = []
    for code in sorted(set(codes)):
        rule = rules.get(code)
        enforcement = getattr(rule, "enforcement", None) if rule is not None else None
        if enforcement is None:
            out.append(RiskTerm(code, "takedown", code, 1.0, DEFAULT_WEIGHT_SOURCE))
        else:
            kind = enforcement.kind if enforcement.kind in ("takedown", "backlash") else "takedown"
            out.append(RiskTerm(code, kind, enforcement.family or code, float(max(enforcement.weight, 0.0)), enforcement.source))
    return tuple(out)


def resolve(codes: Iterable[str], registry: Registry, values: dict, platform_hazard: Optional[float] = None,
            sources: Optional[dict] = None) -> Risk:
    """The hazards for one scenario, from its broken rule codes and the simulation parameters."""
    terms = terms_for(codes, registry)
    base = float(values["takedown_hazard_per_day"] if platform_hazard is None else platform_hazard)
    level = float(values.get("enforcement_level", 1.0))
    backlash_base = float(values.get("backlash_hazard_per_day", 0.0))
    w_take = family_weight(t for t in terms if t.kind == "takedown")
    w_back = family_weight(t for t in terms if t.kind == "backlash")
    return Risk(terms=terms, takedown_per_day=base * level * w_take, backlash_per_day=backlash_base * w_back,
                platform_hazard_per_day=base, enforcement_level=level, backlash_base_per_day=backlash_base,
                sources=tuple((k, str(v)) for k, v in (sources or {}).items()
                              if k in ("takedown_hazard_per_day", "enforcement_level", "backlash_hazard_per_day")))


__all__ = ["DEFAULT_WEIGHT_SOURCE", "Risk", "RiskTerm", "family_weight", "resolve", "terms_for"]
