"""Calendar arithmetic for the operations rules (GEN015, GEN016): working days, staffed hours and the
longest time the support desk is closed. Plain Python, so that linting imports nothing heavy."""

from __future__ import annotations

import math
from datetime import datetime

from campaignsim.model.scenario import WEEKDAYS

DAY_NAMES = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday", "sat": "Saturday",
             "sun": "Sunday"}


def describe_days(days) -> str:
    """"Monday–Friday", "Monday, Wednesday", … for a set of weekday keys."""
    on = [d in days for d in WEEKDAYS]
    if all(on):
        return "every day"
    names = [DAY_NAMES[d] for d in WEEKDAYS if d in days]
    indexes = [i for i, flag in enumerate(on) if flag]
    if len(indexes) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{names[0]}–{names[-1]}"
    return ", ".join(names)


def calendar_days_for(working_days: int, days) -> int:
    """The fewest calendar days that hold ``working_days`` of the given weekdays, whatever the first day."""
    on = [d in days for d in WEEKDAYS]
    if working_days <= 0:
        return 0
    if not any(on):
        return math.inf  # type: ignore[return-value]
    best = math.inf
    for first in range(7):
        if not on[first]:
            continue
        count, span = 0, 0
        while count < working_days:
            if on[(first + span) % 7]:
                count += 1
            span += 1
        best = min(best, span)
    return int(best)


def staffed_hours(start: datetime, hours: float, days, opens: float, closes: float) -> float:
    """Hours the desk is staffed in the ``hours`` after ``start`` (in ``start``'s own time zone)."""
    on = [d in days for d in WEEKDAYS]
    local = start.weekday() * 24.0 + start.hour + start.minute / 60.0
    total, t = 0.0, 0.0
    while t < hours:
        within = (local + t) % 168.0
        day, hour = int(within // 24), within % 24.0
        end_of_day = min(24.0 - hour, hours - t)
        if on[day]:
            a, b = max(hour, opens), min(hour + end_of_day, closes)
            total += max(0.0, b - a)
        t += end_of_day
    return total


def longest_closed(days, opens: float, closes: float) -> float:
    """The longest stretch, in hours, during which the desk is closed (inf when it never opens)."""
    on = [d in days for d in WEEKDAYS]
    if not any(on):
        return math.inf
    if all(on) and opens <= 0 and closes >= 24:
        return 0.0
    # open intervals over two weeks, then the longest gap between consecutive ones
    intervals = [(w * 168 + d * 24 + opens, w * 168 + d * 24 + closes) for w in range(2) for d in range(7) if on[d]]
    return max(b[0] - a[1] for a, b in zip(intervals, intervals[1:]))


def clock(hour: float) -> str:
    """9 → "09:00", 17.5 → "17:30"."""
    minutes = int(round(hour * 60))
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
