"""Every parameter of the participation simulator, declared once.

The ``[simulation]`` table of a scenario is a flat table of numbers whose keys are the names below.
The loader checks them against these declarations (``ge``/``le`` bounds); the simulator reads the
defaults from here, or from the platform and action plugins where ``default`` is None; the model
documentation (docs/model.md) describes the same parameters with the same sources.

This module must stay light: it imports neither numpy nor simpy, because the loader imports it.

Two kinds of names are accepted:

* the fixed names of :data:`PARAMETERS` (``effort_sensitivity``, ``attention_half_life_hours``…);
* per-action names ``<what>_<action>`` where ``<what>`` is one of :data:`ACTION_PARAMETERS`
  (``completion``, ``effort``, ``delay``, ``exposes``) and ``<action>`` an entry action's name:
  ``completion_share = 0.4`` replaces the completion probability of every ``share`` step.

:func:`find_param` resolves both kinds; :func:`check_overrides` returns one message per bad key.
"""

from __future__ import annotations

import math
from typing import Iterable, Mapping, Optional

import attrs

ASSUMPTION = "assumption [U]"
FROM_PLATFORM = "platform plugin (SimDefaults); the platform states its source"
FROM_ACTION = "action plugin (ActionSpec); the action states its source"


@attrs.define(frozen=True)
class Param:
    """One simulation parameter: its bounds, default (None: from the platform or action plugin) and source."""

    name: str
    doc: str
    ge: float
    le: float
    default: Optional[float]
    source: str
    unit: str = ""
    prior: Optional["Prior"] = None  # the parameter's uncertainty; None: from the platform or action plugin

    def check(self, value) -> Optional[str]:
        """An error message for a bad value, or None."""
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return f"{self.name} must be a number, got {value!r}"
        if not math.isfinite(value):
            return f"{self.name} must be a finite number, got {value!r}"
        if value < self.ge or value > self.le:
            return f"{self.name} must be between {self.ge:g} and {self.le:g}, got {value:g}"
        return None


_Z90 = 1.6448536269514722  # the standard normal's 95th percentile: a 90% range is ± this many σ


@attrs.define(frozen=True)
class Prior:
    """What is known about a parameter before any data: a distribution and its 90% range.

    ``kind`` is one of

    * ``lognormal``: positive values; 90% of the mass between ``low`` and ``high``, or, with
      ``factor`` instead, between the default ÷ factor and the default × factor;
    * ``logitnormal``: probabilities; the same on the odds p/(1−p);
    * ``normal``: 90% between ``low`` and ``high`` (or the default ± ``factor``);
    * ``uniform``: flat between ``low`` and ``high``;
    * ``fixed``: no uncertainty (a definition, a switch, or a choice the user makes).

    A prior with ``factor`` is centred on the parameter's resolved default (a platform's or an
    action's value); one with ``low``/``high`` is absolute. ``source`` says where the range comes
    from, or carries the [U] mark: wide where nothing is known, narrow where a source exists.
    """

    kind: str
    source: str
    low: Optional[float] = None
    high: Optional[float] = None
    factor: Optional[float] = None

    def __attrs_post_init__(self):
        if self.kind not in ("lognormal", "logitnormal", "normal", "uniform", "fixed"):
            raise ValueError(f"unknown prior kind {self.kind!r}")
        if self.kind != "fixed" and self.factor is None and (self.low is None or self.high is None):
            raise ValueError(f"a {self.kind} prior needs low and high, or a factor")
        if self.factor is not None and self.kind in ("lognormal", "logitnormal") and not self.factor > 1:
            raise ValueError("a prior's factor must be above 1")

    @property
    def uncertain(self) -> bool:
        return self.kind != "fixed"

    def _range(self) -> tuple[float, float]:
        """``low`` and ``high``, which a prior without a factor has (checked when it is made)."""
        if self.low is None or self.high is None:
            raise ValueError(f"a {self.kind} prior without a factor needs low and high")
        return self.low, self.high

    def _centre_spread(self, default: float) -> tuple[float, float]:
        """Location and scale on the transformed axis (log, logit or plain)."""
        if self.kind == "lognormal":
            if self.factor is not None:
                return math.log(max(default, 1e-300)), math.log(self.factor) / _Z90
            low, high = self._range()
            return 0.5 * (math.log(low) + math.log(high)), (math.log(high) - math.log(low)) / (2 * _Z90)
        if self.kind == "logitnormal":
            if self.factor is not None:
                return _logit(default), math.log(self.factor) / _Z90
            low, high = self._range()
            return 0.5 * (_logit(low) + _logit(high)), (_logit(high) - _logit(low)) / (2 * _Z90)
        if self.factor is not None:
            return default, self.factor / _Z90
        low, high = self._range()
        return 0.5 * (low + high), (high - low) / (2 * _Z90)

    def value(self, z: float, default: float) -> float:
        """The prior's value at the standard-normal quantile ``z`` (z = 0: the median)."""
        if self.kind == "fixed":
            return default
        if self.kind == "uniform":
            u = 0.5 * math.erfc(-z / math.sqrt(2.0))
            low, high = self._range()
            return low + u * (high - low)
        centre, spread = self._centre_spread(default)
        x = centre + spread * z
        if self.kind == "lognormal":
            return math.exp(min(x, 700.0))
        if self.kind == "logitnormal":
            return 1.0 / (1.0 + math.exp(-max(min(x, 700.0), -700.0)))
        return x

    def range(self, default: float) -> tuple[float, float]:
        """The 90% range (5th and 95th percentiles) around ``default``."""
        return self.value(-_Z90, default), self.value(_Z90, default)

    def describe(self, default: Optional[float] = None) -> str:
        """One line: the distribution and its 90% range."""
        if self.kind == "fixed":
            return "fixed"
        if self.factor is not None and default is None:
            around = {"lognormal": f"×/÷ {self.factor:g} around the default", "logitnormal": f"odds ×/÷ {self.factor:g} around the default",
                      "normal": f"default ± {self.factor:g}"}[self.kind]
            return f"{self.kind}, 90% within {around}"
        low, high = self.range(default if default is not None else 0.0)
        what = "flat on" if self.kind == "uniform" else "90% in"
        return f"{self.kind}, {what} {low:.3g}–{high:.3g}"


def _logit(p: float) -> float:
    p = min(max(p, 1e-12), 1 - 1e-12)
    return math.log(p / (1.0 - p))


def _p(name, doc, ge, le, default, source, unit=""):
    return Param(name=name, doc=doc, ge=float(ge), le=float(le), default=None if default is None else float(default), source=source, unit=unit)


_ALL = (
    # --- exposure: from the platform plugin -------------------------------------------------------
    _p("reach_per_follower", "People reached by the launch post per follower, when `audience.reach` is not given.", 0, 1, None, FROM_PLATFORM),
    _p("attention_kernel", "Shape of the attention kernel φ(t) of a post: 0 = exponential, 1 = power law (Lomax).", 0, 1, None, FROM_PLATFORM),
    _p("attention_half_life_hours", "Median time from a post to a person's exposure (the kernel's half-life).", 0.01, 8760, None, FROM_PLATFORM, "hours"),
    _p("power_law_exponent", "Exponent α of the power-law kernel φ(t) ∝ (1 + t/c)^−α (α > 1); c follows from the half-life.", 1.05, 10, None, FROM_PLATFORM),
    _p("share_delay_hours", "Mean delay (exponential) between a completed share and a friend's exposure.", 0, 720, None, FROM_PLATFORM, "hours"),
    _p("friend_reach", "Multiplier on the people a sharing step exposes (platform mechanics: feeds, groups).", 0, 100, None, FROM_PLATFORM),
    _p("repost_reach_factor", "Reach of a scheduled post without its own `reach`, as a fraction of the launch reach.", 0, 100, None, FROM_PLATFORM),
    _p("takedown_hazard_per_day", "Takedown hazard per day for one broken platform rule of weight 1 at enforcement level 1 (the rules' weights add up; see docs/model.md).", 0, 100, None, FROM_PLATFORM, "1/day"),
    _p("takedown_voids_entries", "1 when a takedown voids the entries already made, 0 when they stand.", 0, 1, None, FROM_PLATFORM),
    # --- takedown and backlash (campaignsim.sim.risk) ---------------------------------------------------
    _p("enforcement_level", "How hard the platform enforces its rules now, as a multiple of its usual level: multiplies the takedown hazard.",
       0, 100, 1.0, "assumption [U]: 1 is the platform's usual enforcement; raise it during a crackdown (e.g. a 清朗 campaign)"),
    _p("backlash_hazard_per_day", "Hazard per day of a public backlash (the post deleted after public anger) per unit weight of broken reputation rules (e.g. GEN009).",
       0, 100, 0.15, "assumption [U]: hot-topic posts were deleted within a day once anger began (GEN009's sources [S]); how often anger begins is unknown", "1/day"),
    _p("backlash_complaint_share", "Share of the people reached so far who complain publicly when a backlash comes.", 0, 1, 0.002, ASSUMPTION),
    # --- audience ----------------------------------------------------------------------------------
    _p("audience_size_factor", "Audience size (the cascade's ceiling) as a multiple of the launch reach, when `audience.size` is not given.",
       1, 10_000, 20, "assumption [U]: the default stated by the scenario format (`audience.size`: default 20 × reach)"),
    _p("default_interest", "Mean interest in the brand among those reached, when `audience.interest` is not given.", 0, 1, 0.5,
       "assumption [U]: the default stated by the scenario format (`audience.interest`)"),
    _p("interest_sigma", "Spread of individual interest: interest_i = σ(logit(mean) + interest_sigma·z), z ~ N(0,1).", 0, 10, 1.0, ASSUMPTION),
    _p("prize_value_sigma", "Spread of the value a person places on the prize: w_i ~ LogNormal(−s²/2, s), mean 1.", 0, 5, 0.5, ASSUMPTION),
    _p("effort_tolerance_sigma", "Spread of effort tolerance: t_i ~ LogNormal(−s²/2, s), mean 1; effort counts as E/t_i.", 0, 5, 0.5, ASSUMPTION),
    # --- decision (logit) ----------------------------------------------------------------------------
    _p("base_entry_rate", "Probability that a reference visitor (interest 0.5, reference prize, trust and effort) decides to enter; sets β0.",
       0, 1, 0.30, "SweepWidget docs: a 'healthy' 20–40% of unique visitors enter [V]; an agency reports 65–80% [S]; 0.30 is the middle"),
    _p("reference_prize_usd", "Top-prize value (USD) of the reference visitor at which `base_entry_rate` holds.", 0, 1e9, 50, ASSUMPTION, "USD"),
    _p("reference_effort_minutes", "Total effort (minutes) of the reference one-step entry at which `base_entry_rate` holds.", 0, 10_000, 1.0,
       "assumption [U]: a one-step entry such as a comment (core actions: comment = 1 min)", "minutes"),
    _p("reference_trust", "Trust of the reference visitor.", 0, 1, 0.5, "prior Beta(1,1) mean (simulation anchors, table A) [U]"),
    _p("value_sensitivity", "βv: logit weight of ln(1 + τ·V·w_i), V the top prize in USD.", 0, 100, 0.5,
       "assumption [U]; only the top prize counts, not the number of prizes (Laporte & Laurent 2015, JAMS 43(3)) [V]"),
    _p("effort_sensitivity", "βe: logit weight per minute of total effort of the required steps.", 0, 100, 0.2,
       "assumption [U]; shape guided by form conversion 25% at 3 fields → 12% at 7 (HubSpot/Quicksprout/WPForms) [S]", "1/minute"),
    _p("interest_sensitivity", "βi: logit weight of (interest_i − 0.5).", 0, 100, 2.0, ASSUMPTION),
    _p("trust_prior_weight", "Past prizes behind `fulfilment.delivery_track_record`: trust τ = (1 + n·record)/(2 + n), the mean of Beta(1 + delivered, 1 + failed).",
       0, 1e6, 20, "Beta(1+delivered, 1+failed) with prior Beta(1,1) (simulation anchors, table A); the count n is an assumption [U]"),
    # --- steps ---------------------------------------------------------------------------------------
    # --- cascade -------------------------------------------------------------------------------------
    _p("friend_attention", "Share of the friends reached by a share who actually look at it (c_friend = P × this).", 0, 1, 0.5,
       "simulation anchors, table A: c_friend = β0-based P × 0.5 [U]"),
    # --- word of mouth (Bass) and reminders ----------------------------------------------------------
    _p("bass_p", "Bass innovation hazard per hour for each audience member not yet reached (0: off).", 0, 10, 0.0,
       "off by default: calibrate (simulation anchors, table A: annual p ≈ 0.03 for durables, only q/p ≈ 13 transfers) [S]", "1/hour"),
    _p("bass_q", "Bass imitation hazard per hour, multiplied by entrants/audience size (0: off).", 0, 100, 0.0,
       "off by default: calibrate (q ≈ 0.38 per year for durables; q/p ≈ 13) [S]", "1/hour"),
    _p("deadline_reminder_factor", "Reach of an automatic reminder 24 h before the deadline, as a fraction of the launch reach (0: none).", 0, 100, 0.0,
       "assumption [U]: the 'U-curve' deadline surge of simulation anchors, A.6; off unless asked for"),
    _p("time_step_hours", "Time step of the word-of-mouth (Bass) hazard, which reads the entrants at the start of each step. "
       "Other mechanisms use exact times; without word of mouth cohorts are grouped by day, which changes no result.",
       0.001, 24, 1.0, "simulation anchors, D: keep rate × Δt ≤ 0.01 for word of mouth; other mechanisms use exact times"),
    # --- fulfilment ------------------------------------------------------------------------------------
    _p("default_delivery_days", "Delivery deadline assumed when `fulfilment.deliver_within_days` is not given.", 0, 3650, 30,
       "Weibo and Xiaohongshu draw tools: physical prizes within 30 days of the draw (general pack, WEIBO_DELIVERY, XHS_LOTTERY) [S]", "days"),
    _p("default_announce_days", "Days from draw to winner announcement when `fulfilment.announce_winners_within_days` is not given.", 0, 3650, 3, ASSUMPTION, "days"),
    # --- operations: dispatch, transit, claims, support (the [operations] table's defaults) ------------
    _p("default_claim_window_days", "Days a winner has to claim when `fulfilment.claim_window_days` is not given.", 0, 3650, 7,
       "assumption [U]; Weibo's lottery platform gives at least 5 natural days (WEIBO_DELIVERY) [S]", "days"),
    _p("default_dispatch_per_day", "Parcels handed to the courier per working day when `operations.dispatch_per_day` is not given.", 0.001, 1e9, 50,
       "assumption [U]: one person packing and labelling gift parcels for a working day", "parcels/day"),
    _p("default_dispatch_start_days", "Days after the draw before the first parcel can go, when a dispatch plan exists but "
       "`operations.dispatch_starts_days` is not given.", 0, 3650, 2, ASSUMPTION, "days"),
    _p("unplanned_dispatch_start_days", "Mean days (exponential, drawn once per run) before anyone starts sending prizes when nobody "
       "plans dispatch: no `fulfilment.owner` and no `operations.dispatch_per_day`.", 0, 3650, 21,
       "assumption [U]; the failed-delivery cases (Himalaya 2020, general pack) show prizes that never ship, not a rate", "days"),
    _p("default_transit_days", "Mean courier transit time when `operations.transit_days` is not given.", 0.01, 365, 3,
       "assumption [U]: domestic express parcels in China arrive in about 2–3 days; allow a margin", "days"),
    _p("default_transit_spread", "Coefficient of variation of the transit time when `operations.transit_spread` is not given.", 0, 10, 0.5, ASSUMPTION),
    _p("default_winner_response_share", "Share of notified winners who answer, when `operations.winner_response_share` is not given.", 0, 1, 0.9, ASSUMPTION),
    _p("default_winner_response_days", "Mean days (exponential) to claim when `operations.winner_response_days` is not given.", 0, 365, 1.5,
       "assumption [U]; Douyin lucky bags ask winners for an address within 48 h (rule catalogue) [S-]", "days"),
    _p("default_support_agents", "Support agents when `operations.support_agents` is not given.", 0, 100_000, 1, ASSUMPTION),
    _p("default_handling_minutes", "Mean minutes (exponential) per question when `operations.handling_minutes` is not given.", 0.01, 10_000, 10,
       ASSUMPTION, "minutes"),
    _p("default_response_hours", "Answer time entrants hold the brand to when `fulfilment.response_time_hours` is not given.", 0, 8760, 24,
       "the general pack's 24-hour line (GEN011): 72% of complainers on Twitter expect an answer within an hour "
       "(Lithium / Millward Brown 2013) [S]; a day is the lenient end [U]", "hours"),
    _p("inquiries_per_entrant", "Questions per entrant (Poisson): did my entry count, when is the draw, did I win.", 0, 100, 0.03, ASSUMPTION),
    _p("inquiry_delay_hours", "Mean hours (exponential) from an entry to the entrant's question.", 0, 8760, 24, ASSUMPTION, "hours"),
    _p("late_inquiry_interval_days", "A winner whose prize is not there by the promised date asks then, and again after this many "
       "days on average (exponential), until it arrives.", 0.01, 365, 3, ASSUMPTION, "days"),
    _p("escalation_probability", "Probability that a question answered later than promised, or not at all, escalates "
       "(asked again in public: a comment, a mention, a report).", 0, 1, 0.3, ASSUMPTION),
    _p("late_prize_escalation_probability", "Probability that a late winner's question escalates even when answered in time.", 0, 1, 0.1,
       ASSUMPTION),
    _p("public_complaint_probability", "Probability that an escalation becomes a public complaint (a post or review naming the brand).",
       0, 1, 0.5, ASSUMPTION),
    _p("backlash_per_complaint", "Probability that one public complaint sets off a backlash (a 'bogus campaign' thread, reports "
       "that get the post removed); P(backlash) = 1 − (1 − p)^complaints.", 0, 1, 0.003,
       "assumption [U]: about 230 public complaints give an even chance of a backlash, a few dozen about one in ten; the "
       "failed-delivery cases (Himalaya 2020, general pack) drew complaints in the hundreds; not a measured rate"),
    _p("operations_days", "Days after the draw that the operations are followed; questions still open then count as unanswered "
       "and parcels not delivered as late.", 1, 3650, 60, ASSUMPTION, "days"),
)

_WIDE = "assumption [U]: nothing published; wide"
_CHOICE = "fixed: a definition or a switch, not an uncertain quantity"
PRIORS: dict[str, Prior] = {
    # Platform parameters: the platform plugin declares its priors (SimDefaults.priors); these are the
    # fallbacks for a plugin that declares none, centred on the plugin's default.
    "reach_per_follower": Prior("lognormal", _WIDE, factor=3.0),
    "attention_kernel": Prior("fixed", _CHOICE),
    "attention_half_life_hours": Prior("lognormal", _WIDE, factor=3.0),
    "power_law_exponent": Prior("lognormal", _WIDE, factor=1.3),
    "share_delay_hours": Prior("lognormal", _WIDE, factor=3.0),
    "friend_reach": Prior("lognormal", _WIDE, factor=2.0),
    "repost_reach_factor": Prior("lognormal", _WIDE, factor=2.0),
    "takedown_hazard_per_day": Prior("lognormal", _WIDE, factor=3.0),
    "takedown_voids_entries": Prior("fixed", "fixed: the platform's rule, not a behaviour"),
    # audience
    "audience_size_factor": Prior("lognormal", _WIDE, factor=3.0),
    "default_interest": Prior("logitnormal", _WIDE, factor=3.0),
    "interest_sigma": Prior("lognormal", _WIDE, factor=2.0),
    "prize_value_sigma": Prior("lognormal", _WIDE, factor=2.0),
    "effort_tolerance_sigma": Prior("lognormal", _WIDE, factor=2.0),
    # decision
    "base_entry_rate": Prior("logitnormal", "SweepWidget: 20–40% of giveaway-page visitors enter [V], an agency 65–80% [S]; "
                             "widened downwards because a feed viewer is not yet a page visitor [U]", low=0.10, high=0.60),
    "reference_prize_usd": Prior("fixed", "fixed: defines the reference visitor at which base_entry_rate holds"),
    "reference_effort_minutes": Prior("fixed", "fixed: defines the reference visitor at which base_entry_rate holds"),
    "reference_trust": Prior("fixed", "fixed: defines the reference visitor at which base_entry_rate holds"),
    "value_sensitivity": Prior("lognormal", _WIDE, factor=2.5),
    "effort_sensitivity": Prior("lognormal", "assumption [U]: the result moves about 1:1 with it; form conversion 25% at 3 fields → 12% at 7 [S] "
                                "bounds its order of magnitude", low=0.06, high=0.6),
    "interest_sensitivity": Prior("lognormal", _WIDE, factor=2.5),
    "trust_prior_weight": Prior("lognormal", _WIDE, factor=3.0),
    # cascade, word of mouth, reminders
    "friend_attention": Prior("logitnormal", "anchors table A: c_friend = P × 0.5 [U]; wide", factor=3.0),
    "bass_p": Prior("fixed", "fixed: off unless set or calibrated (the scale depends on the campaign)"),
    "bass_q": Prior("fixed", "fixed: off unless set or calibrated (the scale depends on the campaign)"),
    "deadline_reminder_factor": Prior("fixed", "fixed: the user's choice of an automatic reminder"),
    "time_step_hours": Prior("fixed", "fixed: numerical step, not a behaviour"),
    # takedown and backlash (campaignsim.sim.risk)
    "enforcement_level": Prior("fixed", "fixed: a condition the user states (1: the platform's usual enforcement; higher during a "
                               "crackdown); the uncertainty of the hazard itself is takedown_hazard_per_day's prior"),
    "backlash_hazard_per_day": Prior("lognormal", "assumption [U]: how often public anger begins is unknown (GEN009's sources [S] "
                                     "show only how fast a post goes once it has); wide", factor=3.0),
    "backlash_complaint_share": Prior("logitnormal", _WIDE, factor=3.0),
    # fulfilment
    "default_delivery_days": Prior("fixed", "fixed: the promise assumed when the scenario gives none"),
    "default_announce_days": Prior("fixed", "fixed: the promise assumed when the scenario gives none"),
    # operations: the [operations] table's defaults (a scenario that states its own value is not drawn)
    "default_claim_window_days": Prior("fixed", "fixed: the claim window assumed when the scenario gives none (a rule, not a behaviour)"),
    "default_dispatch_per_day": Prior("lognormal", "assumption [U]: one person packing parcels for a day; an organiser's capacity "
                                      "varies widely", factor=3.0),
    "default_dispatch_start_days": Prior("lognormal", _WIDE, factor=2.0),
    "unplanned_dispatch_start_days": Prior("lognormal", "assumption [U]: the failed-delivery cases (general pack) show prizes that "
                                           "never ship, not a rate; wide", factor=3.0),
    "default_transit_days": Prior("lognormal", "domestic express parcels in China arrive in about 2–3 days [U]; 90% within "
                                  "1.5–6 days allows remote addresses and peak seasons", low=1.5, high=6.0),
    "default_transit_spread": Prior("lognormal", _WIDE, factor=2.0),
    "default_winner_response_share": Prior("logitnormal", _WIDE, factor=3.0),
    "default_winner_response_days": Prior("lognormal", "assumption [U]; Douyin lucky bags ask winners for an address within 48 h "
                                          "(rule catalogue) [S-]; wide", factor=3.0),
    "default_support_agents": Prior("fixed", "fixed: the organiser's staffing, a choice (a whole number of people)"),
    "default_handling_minutes": Prior("lognormal", _WIDE, factor=2.5),
    "default_response_hours": Prior("fixed", "fixed: the answer time entrants hold the brand to, a promise (GEN011)"),
    "inquiries_per_entrant": Prior("lognormal", _WIDE, factor=3.0),
    "inquiry_delay_hours": Prior("lognormal", _WIDE, factor=3.0),
    "late_inquiry_interval_days": Prior("lognormal", _WIDE, factor=2.5),
    "escalation_probability": Prior("logitnormal", _WIDE, factor=3.0),
    "late_prize_escalation_probability": Prior("logitnormal", _WIDE, factor=3.0),
    "public_complaint_probability": Prior("logitnormal", _WIDE, factor=3.0),
    "backlash_per_complaint": Prior("logitnormal", "assumption [U]: the failed-delivery cases (Himalaya 2020, general pack) show the "
                                    "mechanism, not a rate; wide", factor=3.0),
    "operations_days": Prior("fixed", "fixed: how long after the draw the operations are followed (a definition)"),
}
"""The prior of every fixed parameter (for the platform ones: the fallback when a platform declares none)."""

_ALL = tuple(attrs.evolve(p, prior=PRIORS[p.name]) for p in _ALL)
PARAMETERS: dict[str, Param] = {p.name: p for p in _ALL}
"""The fixed simulation parameters, by name."""

ACTION_PARAMETERS: dict[str, Param] = {
    "completion": _p("completion_<action>", "Probability that a person who reaches a step of this action completes it (the step's total, count included).", 0, 1, None, FROM_ACTION),
    "effort": _p("effort_<action>", "Minutes of effort of a step of this action (the step's total, count included).", 0, 10_000, None, FROM_ACTION, "minutes"),
    "delay": _p("delay_<action>", "Mean time (exponential) to complete a step of this action.", 0, 720, None, FROM_ACTION, "hours"),
    "exposes": _p("exposes_<action>", "People a completed step of this action exposes to the campaign (before `friend_reach`).", 0, 1e6, None, FROM_ACTION),
}
ACTION_PRIORS: dict[str, Prior] = {
    "completion": Prior("logitnormal", "assumption [U]: no published completion rates for social actions (anchors, table A)", factor=2.5),
    "effort": Prior("lognormal", _WIDE, factor=2.0),
    "delay": Prior("lognormal", _WIDE, factor=3.0),
    "exposes": Prior("lognormal", _WIDE, factor=1.5),
}
"""Fallback priors of the per-action families, centred on each step's value; an action plugin may
declare its own (ActionSpec.priors, keyed ``completion``, ``effort``, ``delay``, ``exposes``)."""
ACTION_PARAMETERS = {what: attrs.evolve(p, prior=ACTION_PRIORS[what]) for what, p in ACTION_PARAMETERS.items()}
"""Per-action parameter families: ``<what>_<action>`` overrides the action plugin's value for every step of that action."""


def find_param(name: str, actions: Optional[Iterable[str]] = None) -> Optional[Param]:
    """The declaration for a ``[simulation]`` key, or None if the name is unknown.

    ``actions`` (names of the known entry actions) restricts the per-action names; without it any
    suffix is accepted.
    """
    if name in PARAMETERS:
        return PARAMETERS[name]
    what, sep, action = name.partition("_")
    if sep and what in ACTION_PARAMETERS and action:
        if actions is not None and action not in set(actions):
            return None
        return attrs.evolve(ACTION_PARAMETERS[what], name=name)
    return None


def platform_prior(name: str, sim) -> Prior:
    """The prior of a platform parameter: the platform's own (``SimDefaults.priors``) or the fallback."""
    return dict(getattr(sim, "priors", ()) or ()).get(name) or PRIORS[name]


def action_prior(what: str, spec) -> Prior:
    """The prior of an action family (``completion``, ``effort``, ``delay``, ``exposes``) for an action."""
    return dict(getattr(spec, "priors", ()) or ()).get(what) or ACTION_PRIORS[what]


def check_overrides(values: Mapping[str, object], actions: Optional[Iterable[str]] = None) -> list[tuple[str, str]]:
    """``(key, message)`` for every unknown key or out-of-bounds value of a ``[simulation]`` table."""
    known_actions = None if actions is None else set(actions)
    problems = []
    for key, value in values.items():
        param = find_param(key, known_actions)
        if param is None:
            problems.append((key, f"unknown simulation parameter {key!r} (see docs/model.md for the list)"))
            continue
        message = param.check(value)
        if message:
            problems.append((key, message))
    return problems


__all__ = ["ACTION_PARAMETERS", "ACTION_PRIORS", "PARAMETERS", "PRIORS", "Param", "Prior", "action_prior", "platform_prior", "check_overrides", "find_param"]
