"""Scenario and registry builders for the simulator's tests (no loader needed)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import attrs

from campaignsim.builtin.core.actions import ACTIONS
from campaignsim.builtin import core
from campaignsim.model.rates import RATES_PER_USD
from campaignsim.model import (
    ActionSpec, Audience, Campaign, Entry, EntryStep, Fulfilment, Money, Platform, PlatformSpec, Prize, PrizeItem, Scenario,
    ScheduledPost, SimDefaults,
)

TZ = timezone(timedelta(hours=8))
START = datetime(2027, 3, 1, 10, 0, tzinfo=TZ)

# The numbers of the WeChat pack (builtin/wechat/platform.py), restated so these tests do not
# depend on that pack loading.
WECHAT_LIKE = PlatformSpec(
    name="wechat", title="WeChat-like test platform",
    sim=SimDefaults(reach_per_follower=0.05, attention_kernel="exponential", attention_half_life_hours=6.0, share_delay_hours=2.0,
                    friend_reach=1.0, repost_reach_factor=0.6, takedown_hazard_per_day=0.08, takedown_voids_entries=True),
)
POWER_LAW = PlatformSpec(
    name="powerlaw", title="Weibo-like test platform",
    sim=SimDefaults(reach_per_follower=0.03, attention_kernel="power", attention_half_life_hours=3.0, power_law_exponent=1.5,
                    share_delay_hours=1.0, friend_reach=2.0, repost_reach_factor=0.5, takedown_hazard_per_day=0.05),
)
# Test actions with exact numbers for the closed-form checks.
TEST_ACTIONS = (
    ActionSpec(name="adopt", summary="enter at once", effort_minutes=0.0, completion_probability=1.0),
    ActionSpec(name="pass_on", summary="share at once, completion certain", effort_minutes=0.0, completion_probability=1.0,
               exposes_per_unit=1.0),
    ActionSpec(name="half", summary="completes half the time", effort_minutes=1.0, completion_probability=0.5),
)


@attrs.define
class TestRegistry:
    platforms: dict
    actions: dict
    exchange_rates: dict
    failures: tuple = ()  # plugin failures, as the real registry reports them
    # The step-friction hooks, as the real registry lists them: the core pack's (comments switched off).
    step_friction: list = attrs.Factory(lambda: [("campaignsim_core", core.campaignsim_step_friction)])

    def platform(self, name):
        return self.platforms.get(name)

    def action(self, name):
        return self.actions.get(name)


def registry() -> TestRegistry:
    actions = {a.name: a for a in ACTIONS}
    actions.update({a.name: a for a in TEST_ACTIONS})
    return TestRegistry({p.name: p for p in (WECHAT_LIKE, POWER_LAW)}, actions, dict(RATES_PER_USD))


def step(action, **kw) -> EntryStep:
    return EntryStep(action=action, **kw)


def scenario(
    *,
    steps=(step("follow"), step("share", to="friends", count=3), step("screenshot", send_to="official_account")),
    reach=30_000,
    size=None,
    hours=180.0,
    platform="wechat",
    prize_value=298.0,
    currency="CNY",
    quantity=20,
    track_record=0.95,
    deliver_days=14.0,
    interest=None,
    schedule=(),
    simulation=(),
    budget=30_000.0,
    variant=None,
    draw="random",
    followers=120_000,
) -> Scenario:
    """The reference WeChat draw (follow, share to 3 friends, screenshot) unless told otherwise."""
    return Scenario(
        campaign=Campaign(name="Spring tea lucky draw", brand="Acme Tea", start=START, end=START + timedelta(hours=hours),
                          budget=None if budget is None else Money(amount=budget, currency=currency)),
        platform=Platform(name=platform, followers=followers),
        audience=Audience(reach=reach, size=size, interest=interest),
        entry=Entry(steps=tuple(steps)),
        prize=Prize(draw=draw, items=(PrizeItem(name="Tea gift box", value=prize_value, currency=currency, quantity=quantity),)),
        fulfilment=Fulfilment(announce_winners_within_days=3, deliver_within_days=deliver_days, delivery_track_record=track_record),
        schedule=tuple(schedule),
        simulation=tuple(simulation.items()) if isinstance(simulation, dict) else tuple(simulation),
        variant=variant,
    )


def post(hours_after_start: float, reach=None, kind="reminder") -> ScheduledPost:
    return ScheduledPost(at=START + timedelta(hours=hours_after_start), kind=kind, reach=reach)


HOMOGENEOUS = {"interest_sigma": 0.0, "prize_value_sigma": 0.0, "effort_tolerance_sigma": 0.0}
"""Overrides that make every agent identical, for the closed-form checks."""
