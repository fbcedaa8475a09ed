"""Age limits that depend on where a campaign is open: the strictest of its jurisdictions wins."""

from __future__ import annotations

from campaignsim.lint.context import open_in


def strictest_age(campaign, table: dict, default: int) -> tuple[int, str]:
    """(age, where) for the highest minimum age among the places the campaign is open to; ``where`` is the
    country code that sets it, or "" when the default applies."""
    age, where = default, ""
    for country, (limit, _source) in table.items():
        if limit > age and open_in(campaign, country):
            age, where = limit, country
    return age, where


def items_in(prize, categories) -> list[tuple[int, object]]:
    """(index, item) for the prizes of the given categories."""
    return [(i, item) for i, item in enumerate(prize.items) if item.category in categories]


def age_gap(scenario, needed: int) -> str | None:
    """Why the audience is not limited to ``needed``-year-olds and over, or None when it is."""
    stated = scenario.audience.min_age
    if stated is None:
        return "the terms state no minimum age"
    if stated < needed:
        return f"the terms let {stated}-year-olds enter"
    return None


def underage_prize(scenario, categories, table: dict, default: int):
    """The first prize of the given categories when the campaign lets in people under the strictest
    age for it where it runs: ``(item, gap, needed, place)`` (``place`` is `` in XX`` or empty), or None."""
    found = items_in(scenario.prize, categories)
    if not found:
        return None
    needed, where = strictest_age(scenario.campaign, table, default)
    gap = age_gap(scenario, needed)
    if gap is None:
        return None
    return found[0][1], gap, needed, f" in {where}" if where else ""
