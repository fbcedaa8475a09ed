"""Filings with authorities (``[[terms.registrations]]``), for the packs whose laws require a notice,
permit or licence before a promotion starts."""

from __future__ import annotations

from datetime import date, timedelta


def filing_for(scenario, jurisdiction: str):
    """(index, registration) of the first filing listed for ``jurisdiction``, or None."""
    for i, registration in enumerate(scenario.terms.registrations):
        if registration.jurisdiction == jurisdiction:
            return i, registration
    return None


def business_days_between(earlier: date, later: date) -> int:
    """Monday-to-Friday days from ``earlier`` (exclusive) to ``later`` (exclusive); negative when ``later`` is first.
    Public holidays are not known here, so the count can be a day or two generous."""
    if later <= earlier:
        return -business_days_between(later, earlier) if later < earlier else 0
    days, day = 0, earlier + timedelta(days=1)
    while day < later:
        if day.weekday() < 5:
            days += 1
        day += timedelta(days=1)
    return days


def lead_time(filed_on: date, start: date, business: bool) -> int:
    """Days (or business days) between the filing and the start."""
    return business_days_between(filed_on, start) if business else (start - filed_on).days
