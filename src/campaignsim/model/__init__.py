"""Frozen value classes: the scenario and what plugins contribute."""

from campaignsim.model.extension import ActionSpec, ExtraField, PlatformSpec, SimDefaults, StepFriction
from campaignsim.model.scenario import (
    Audience, Campaign, Content, Entry, EntryStep, Fulfilment, LintIgnore, LintSettings, Money,
    Operations, Platform, Prize, PrizeItem, Registration, Scenario, ScheduledPost, Terms,
)

__all__ = [
    "ActionSpec", "Audience", "Campaign", "Content", "Entry", "EntryStep", "ExtraField", "Fulfilment",
    "LintIgnore", "LintSettings", "Money", "Operations", "Platform", "PlatformSpec", "Prize", "PrizeItem",
    "Registration", "Scenario", "ScheduledPost", "SimDefaults", "StepFriction", "Terms",
]
