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
    (re.compile(r"the posts reach|audience size"), lambda m: ("audience.reach", "platform.followers", "schedule")),
    (re.compile(r"time_step_hours"), lambda m: "simulation.time_step_hours"),
    (re.compile(r"power_law_exponent"), lambda m: "simulation"),
    (re.compile(r"campaign\.(\w+)"), lambda m: f"campaign.{m.group(1)}"),
    (re.compile(r"unknown platform"), lambda m: "platform.name"),
)


def keys_for(message: str) -> tuple[str, ...]:
    """The scenario keys a refusal's message is about, the most precise first; ``campaign`` last."""
    for pattern, key in _KEYS:
        m = pattern.search(message)
        if m:
            found = key(m)
            return (found, "campaign") if isinstance(found, str) else (*found, "campaign")
    return ("campaign",)


def key_for(message: str) -> str:
    """The most precise scenario key a refusal's message is about."""
    return keys_for(message)[0]


def locate(message: str, loaded, variant=None) -> tuple[str, "int | None"]:
    """The first of :func:`keys_for` that is written in ``loaded`` (a LoadedFile), with its line;
    a key the file does not write (a reach that comes from the followers) gives way to the next."""
    keys = keys_for(message)
    if loaded is None:
        return keys[0], None
    for key in keys:
        line = loaded.line_for(key, variant)
        if line is not None:
            return key, line
    return keys[0], None
