"""What plugins contribute besides rules: platforms and entry actions, as frozen values.

A plugin returns these from the ``campaignsim_platforms`` and ``campaignsim_actions`` hooks. Each
numeric default used by the simulator carries its source (or says it is an assumption) in the
``sources`` mapping, so docs/model.md and ``campaignsim plugins`` can show it.
"""

from __future__ import annotations

from typing import Any, Callable, Literal, Optional, get_args

import attrs

from campaignsim.model.fields import value_class

ExtraFieldType = Literal["int", "float", "bool", "str"]
"""What an :class:`ExtraField` holds: a TOML integer, float (integers accepted), boolean or string."""
EXTRA_FIELD_TYPES: tuple[str, ...] = get_args(ExtraFieldType)

AttentionKernel = Literal["exponential", "power"]
"""The shape of a post's attention over time: ``exponential`` decay, or a ``power`` law (Lomax) with a long tail."""
ATTENTION_KERNELS: tuple[str, ...] = get_args(AttentionKernel)


def _doc(doc: str, default=attrs.NOTHING, **kwargs):
    """A declaration field with its meaning (``campaignsim.lint.reference`` prints it in docs/plugins.md)."""
    return attrs.field(default=default, metadata={"doc": doc}, **kwargs)


@attrs.define(frozen=True)
class ExtraField:
    """A key a platform or action accepts beyond the generic ones.

    ``type`` is one of ``int``, ``float``, ``bool``, ``str``; ``ge``/``le`` bound numbers and
    ``choices`` bounds strings. ``validate`` may add a check of its own: it receives the value and
    returns an error message (``"must be ≤ 500"``) or None.
    """

    name: str = _doc("The key as written in the scenario (snake_case), e.g. `broadcasts_per_month`.")
    type: ExtraFieldType = _doc("`int`, `float`, `bool` or `str`: the TOML type the key takes (a `float` key also accepts integers).")
    doc: str = _doc("What the key means, for the scenario reference, the editor schema and error messages.")
    ge: Optional[float] = _doc("Lowest allowed value of an `int` or `float` key (None: unbounded).", None)
    le: Optional[float] = _doc("Highest allowed value of an `int` or `float` key (None: unbounded).", None)
    choices: Optional[tuple[str, ...]] = _doc("The only values a `str` key may take (None: any string).", None)
    validate: Optional[Callable[[Any], Optional[str]]] = _doc(
        "A check of your own, run after the type and bounds: receives the value, returns an error message or None. "
        "If it raises, the scenario gets a located error naming your plugin.", None, eq=False)


@value_class
class SimDefaults:
    """A platform's default simulation parameters; ``sources`` says where each number comes from.

    ``priors`` may give a :class:`campaignsim.model.simparams.Prior` for any of them (how uncertain
    the default is); a parameter without one takes the generic prior declared in simparams.
    """

    reach_per_follower: float = _doc("Share of the followers the launch post reaches when `audience.reach` is not given (0 to 1).", 0.1)
    attention_kernel: AttentionKernel = _doc("`exponential` or `power`: how a post's attention fades (see docs/model.md).", "exponential")
    attention_half_life_hours: float = _doc("Median hours from a post to a person's exposure (0.01 to 8760).", 6.0)
    power_law_exponent: float = _doc("Exponent α of the `power` kernel, 1.05 to 10 (ignored by `exponential`).", 1.5)
    share_delay_hours: float = _doc("Mean hours between a completed share and a friend's exposure (0 to 720).", 2.0)
    friend_reach: float = _doc("Multiplier on the people a sharing step exposes (feeds, groups), 0 to 100.", 1.0)
    repost_reach_factor: float = _doc("Reach of a scheduled post without its own `reach`, as a fraction of the launch reach (0 to 100).", 0.5)
    takedown_hazard_per_day: float = _doc("Daily hazard that the platform removes the post, used only when lint finds an error-level "
                                          "platform rule (0 to 100).", 0.0)
    takedown_voids_entries: bool = _doc("Whether a takedown voids the entries already made (true) or they stand (false).", False)
    sources: tuple[tuple[str, str], ...] = _doc("`(field, source)` pairs: where each number comes from, or `assumption [U]`. "
                                                "Fields without one are shown as assumptions.", ())
    priors: tuple[tuple[str, Any], ...] = _doc("`(field, Prior)` pairs: how uncertain each default is (a `campaignsim.model.simparams.Prior` whose "
                                               "source carries [V], [S] or [U]; its 90% range must lie inside the field's bounds and hold the "
                                               "default; `attention_kernel` and `takedown_voids_entries` take only a fixed prior). Fields "
                                               "without one take the generic prior.", ())


@value_class
class PlatformSpec:
    """A platform: its account kinds, extra keys, home jurisdictions, official rules and simulation defaults."""

    name: str = _doc("What `[platform] name` takes (snake_case), e.g. `bilibili`.")
    title: str = _doc("The name people know it by, for messages and reports, e.g. `Bilibili (哔哩哔哩)`.")
    account_kinds: tuple[str, ...] = _doc("The values `[platform] account` may take; empty: any value, or none.", ())
    extra_fields: tuple[ExtraField, ...] = _doc("The platform's own `[platform]` keys, checked by the loader (see `ExtraField`); "
                                                "rules read them with `scenario.platform.extra(name)`.", ())
    jurisdictions: tuple[str, ...] = _doc("Where a campaign on it runs when the scenario names no `campaign.jurisdictions` "
                                          "(ISO 3166 codes).", ())
    rules_url: Optional[str] = _doc("The URL of the platform's official rules for promotions.", None)
    family: Optional[str] = _doc("A name shared by platforms that share rules (`meta` for Facebook and Instagram): a rule whose "
                                 "`platforms` names the family applies to each of them.", None)
    sim: SimDefaults = _doc("The simulator's defaults for campaigns on this platform (see `SimDefaults`).", SimDefaults())
    aliases: tuple[str, ...] = _doc("Other names `[platform] name` accepts (`twitter` for `x`).", ())
    replaces: Optional[str] = _doc("The name of a platform an earlier plugin provides that this one replaces on purpose; "
                                   "without it, a name already taken is refused.", None)


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

    name: str = _doc("What `action = \"…\"` in `[[entry.steps]]` takes (snake_case), e.g. `bullet_comment`.")
    summary: str = _doc("One sentence: what the entrant does.")
    fields: tuple[str, ...] = _doc("The generic step keys this action uses (`count`, `to`, `fields`, `url`, `hashtag`, `amount`, …): "
                                   "the loader refuses the others on a step of this action. Not to be confused with the step's "
                                   "own `fields` key (the form fields asked for) nor with `extra_fields`.", ())
    effort_minutes: float = _doc("Minutes one step takes at `count` 1 (≥ 0).", 1.0)
    effort_per_extra: float = _doc("Minutes each unit of `count` beyond the first adds (≥ 0).", 0.0)
    completion_probability: float = _doc("Probability that someone who starts the step finishes it, at `count` 1 (0 to 1).", 0.9)
    completion_per_extra: float = _doc("Factor on the completion for each unit of `count` beyond the first (0 to 1).", 1.0)
    effort_per_field: float = _doc("Minutes each form field (the step's `fields` key) adds (≥ 0).", 0.0)
    completion_per_field_beyond: float = _doc("Factor on the completion for each form field beyond `free_fields` (0 to 1).", 1.0)
    free_fields: int = _doc("Form fields that cost no completion (≥ 0).", 3)
    exposes_per_unit: float = _doc("People one completed step shows the campaign to, per unit of `count` (shares, tags, invites; ≥ 0).", 0.0)
    exposes_fixed: float = _doc("People one completed step shows the campaign to, whatever the `count` (≥ 0).", 0.0)
    exposes_by_target: tuple[tuple[str, float], ...] = _doc(
        "`(to, people per unit)` pairs: a step whose `to` is listed exposes that many per unit instead of `exposes_per_unit` "
        "(a share to `moments` reaches more than one to a `chat`).", ())
    delay_hours: float = _doc("Mean hours from reaching the step to completing it (≥ 0).", 0.0)
    proof: bool = _doc("The step produces a proof the organiser must check by hand (a screenshot, a receipt).", False)
    public: bool = _doc("The step is visible to others on the platform (a comment, a repost): rules about public "
                        "entries and reward-baiting use it.", False)
    sources: tuple[tuple[str, str], ...] = _doc("`(field, source)` pairs for the friction figures; fields without one are "
                                                "shown as assumptions.", ())
    extra_fields: tuple[ExtraField, ...] = _doc("The action's own step keys, checked by the loader (see `ExtraField`); rules read "
                                                "them with `step.extra(name)`.", ())
    replaces: Optional[str] = _doc("The name of an action an earlier plugin provides that this one replaces on purpose; "
                                   "without it, a name already taken is refused.", None)
    priors: tuple[tuple[str, Any], ...] = _doc("`(what, Prior)` pairs, `what` one of `completion`, `effort`, `delay`, `exposes`: the uncertainty "
                                               "of the step's figure (a `campaignsim.model.simparams.Prior`, usually with a `factor` around it; its "
                                               "90% range around the action's value at `count` 1 must lie inside the family's bounds, "
                                               "completion 0 to 1).", ())

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


@attrs.define(frozen=True)
class StepFriction:
    """What a ``campaignsim_step_friction`` hook returns for one step: figures that replace the action's
    own for this scenario (None keeps the action's), and a note the simulation shows as a warning."""

    completion: Optional[float] = _doc("Probability that someone who reaches the step completes it, 0 to 1 (None: the action's).", None)
    effort: Optional[float] = _doc("Minutes the step takes, ≥ 0 (None: the action's).", None)
    note: str = _doc("Why, in a sentence naming the scenario key (shown among the simulation's warnings).", "")


DECLARED_KEYS: dict[str, set[str]] = {"platform": set(), "step": set()}
"""Every extra key a loaded platform ("platform") or action ("step") declares, filled as plugins load:
:meth:`Platform.extra` and :meth:`EntryStep.extra` tell a typo from a key a scenario leaves out."""


def check_declared(kind: str, key: str) -> None:
    """Raise KeyError when no loaded plugin declares ``key`` for a platform or step (``kind``)."""
    known = DECLARED_KEYS[kind]
    if key in known:
        return
    import difflib

    hint = difflib.get_close_matches(key, sorted(known), n=1)
    where = "platform" if kind == "platform" else "entry action"
    raise KeyError(f"no loaded {where} declares the key {key!r}" + (f"; did you mean {hint[0]!r}?" if hint else "")
                   + f" (declare it in the {'PlatformSpec' if kind == 'platform' else 'ActionSpec'}'s extra_fields)")


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
