"""Where a scenario's problem lies, for the simulator's refusals (:class:`SimulationConfigError`):
the scenario key each message is about, so that ``simulate``, ``run`` and the lint rule CS003 can
all give the line. Plain Python: the linter imports it."""

from __future__ import annotations

import re

_KEYS = (
    (re.compile(r"\[simulation\] (\w+)"), lambda m: f"simulation.{m.group(1)}"),
    (re.compile(r"(entry\.steps\[\d+\])"), lambda m: m.group(1)),
    (re.compile(r"entry\.steps"), lambda m: "entry.steps"),
    (re.compile(r"cannot simulate without a reach"), lambda m: "platform"),
    (re.compile(r"the posts reach|audience size"), lambda m: "audience.reach"),
    (re.compile(r"time_step_hours"), lambda m: "simulation.time_step_hours"),
    (re.compile(r"power_law_exponent"), lambda m: "simulation"),
    (re.compile(r"campaign\.(\w+)"), lambda m: f"campaign.{m.group(1)}"),
    (re.compile(r"unknown platform"), lambda m: "platform.name"),
)


def key_for(message: str) -> str:
    """The scenario key a refusal's message is about (``campaign`` when it names none)."""
    for pattern, key in _KEYS:
        m = pattern.search(message)
        if m:
            return key(m)
    return "campaign"
