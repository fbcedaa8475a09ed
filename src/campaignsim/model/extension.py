"""What plugins contribute besides rules: platforms and entry actions, as frozen values.

A plugin returns these from the ``campaignsim_platforms`` and ``campaignsim_actions`` hooks. Each
numeric default used by the simulator carries its source (or says it is an assumption) in the
``sources`` mapping, so docs/model.md and ``campaignsim plugins`` can show it.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

import attrs

from campaignsim.model.fields import value_class


@attrs.define(frozen=True)
class ExtraField:
    """A key a platform or action accepts beyond the generic ones.

    ``type`` is one of ``int``, ``float``, ``bool``, ``str``; ``ge``/``le`` bound numbers and
    ``choices`` bounds strings. ``validate`` may add a check of its own: it receives the value and
    returns an error message (``"must be ≤ 500"``) or None.
    """

    name: str
    type: str
    doc: str
    ge: Optional[float] = None
    le: Optional[float] = None
    choices: Optional[tuple[str, ...]] = None
    validate: Optional[Callable[[Any], Optional[str]]] = attrs.field(default=None, eq=False)


@value_class
class SimDefaults:
    """A platform's default simulation parameters; ``sources`` says where each number comes from.

    ``priors`` may give a :class:`campaignsim.model.simparams.Prior` for any of them (how uncertain
    the default is); a parameter without one takes the generic prior declared in simparams.
    """

    reach_per_follower: float = 0.1
    attention_kernel: str = "exponential"  # exponential | power
    attention_half_life_hours: float = 6.0
    power_law_exponent: float = 1.5
    share_delay_hours: float = 2.0
    friend_reach: float = 1.0
    repost_reach_factor: float = 0.5
    takedown_hazard_per_day: float = 0.0
    takedown_voids_entries: bool = False
    sources: tuple[tuple[str, str], ...] = ()
    priors: tuple[tuple[str, Any], ...] = ()  # (field, campaignsim.model.simparams.Prior): the uncertainty of a default


@value_class
class PlatformSpec:
    """A platform: its account kinds, extra keys, home jurisdictions, official rules and simulation defaults."""

    name: str
    title: str
    account_kinds: tuple[str, ...] = ()
    extra_fields: tuple[ExtraField, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    rules_url: Optional[str] = None
    family: Optional[str] = None  # platforms that share rules, e.g. "meta" for facebook and instagram
    sim: SimDefaults = SimDefaults()
    aliases: tuple[str, ...] = ()


@value_class
class ActionSpec:
    """An entry action and its friction.

    Effort and completion scale with the step's ``count`` and number of form ``fields`` where the
    action says so:
    ``effort = effort_minutes + effort_per_extra × (count − 1) + effort_per_field × fields`` and
    ``completion = completion_probability × completion_per_extra ** (count − 1)
    × completion_per_field_beyond ** max(0, fields − free_fields)``.
    The linter's friction estimate and the simulator both use these two methods.
    ``exposes_per_unit`` other people see the campaign per unit of ``count`` (0 for actions
    that show it to nobody); ``exposes_fixed`` is for actions that expose a fixed audience.
    """

    name: str
    summary: str
    fields: tuple[str, ...] = ()
    effort_minutes: float = 1.0
    effort_per_extra: float = 0.0
    completion_probability: float = 0.9
    completion_per_extra: float = 1.0
    effort_per_field: float = 0.0
    completion_per_field_beyond: float = 1.0
    free_fields: int = 3
    exposes_per_unit: float = 0.0
    exposes_fixed: float = 0.0
    exposes_by_target: tuple[tuple[str, float], ...] = ()
    delay_hours: float = 0.0
    proof: bool = False
    public: bool = False
    sources: tuple[tuple[str, str], ...] = ()
    extra_fields: tuple[ExtraField, ...] = ()
    priors: tuple[tuple[str, Any], ...] = ()  # ("completion" | "effort" | "delay" | "exposes", Prior), relative to the step's value

    def units(self, count: Optional[int]) -> int:
        return max(1, count or 1)

    # effort and completion write units() out: the linter asks them for every step of every scenario.
    def effort(self, count: Optional[int] = None, fields: int = 0) -> float:
        units = count if count and count > 1 else 1
        return self.effort_minutes + self.effort_per_extra * (units - 1) + self.effort_per_field * fields

    def completion(self, count: Optional[int] = None, fields: int = 0) -> float:
        units = count if count and count > 1 else 1
        beyond = fields - self.free_fields
        return (self.completion_probability * self.completion_per_extra ** (units - 1)
                * self.completion_per_field_beyond ** (beyond if beyond > 0 else 0))

    def exposes(self, count: Optional[int] = None, to: Optional[str] = None) -> float:
        """People one completed step shows the campaign to. A step aimed at a feed (``to`` listed in
        ``exposes_by_target``) reaches that many per unit instead of ``exposes_per_unit``."""
        per_unit = dict(self.exposes_by_target).get(to, self.exposes_per_unit) if to is not None else self.exposes_per_unit
        return self.exposes_fixed + per_unit * self.units(count)


ASSUMPTION = "assumption [U]: no published figure; calibrate to past campaigns"
SIM_FIELDS = ("reach_per_follower", "attention_kernel", "attention_half_life_hours", "power_law_exponent", "share_delay_hours",
              "friend_reach", "repost_reach_factor", "takedown_hazard_per_day", "takedown_voids_entries")
"""The SimDefaults fields a platform documents a source (or an assumption) for."""
FRICTION_FIELDS = ("effort_minutes", "effort_per_extra", "effort_per_field", "completion_probability", "completion_per_extra",
                   "completion_per_field_beyond", "exposes_per_unit", "exposes_fixed", "exposes_by_target", "delay_hours")
"""The ActionSpec fields an action documents a source (or an assumption) for."""


def complete_sources(sources, fields, note: str = ASSUMPTION) -> tuple[tuple[str, str], ...]:
    """``sources`` completed with ``note`` for every field in ``fields`` that has none, so that every
    default the simulator uses says where it comes from."""
    given = dict(sources)
    return tuple(sources) + tuple((name, note) for name in fields if name not in given)
