"""What one winner can receive, for caps and thresholds that apply per winner rather than per prize.

``prize.prizes_per_winner`` says how many prize units one person may receive; the most a winner can
get is then the value of that many of the most valuable units (a person who may win twice can win the
two best prizes, or two of the best one when there are several).
"""

from __future__ import annotations

from typing import Any

import attrs


@attrs.define(frozen=True)
class WinnerShare:
    """The most valuable share one winner can receive, in one currency."""

    amount: float
    currency: str
    units: int  # prize units in the share
    unconverted: tuple[str, ...]  # currencies left out for want of a rate

    def describe(self) -> str:
        left_out = f", not counting prizes in {', '.join(self.unconverted)} (no exchange rate)" if self.unconverted else ""
        return f"{self.amount:,.0f} {self.currency}{left_out}"


def best_units(items, per_winner: int, currency: str, context) -> tuple[list[tuple[int, Any, float]], list[int]]:
    """The ``per_winner`` most valuable prize units, most valuable first, as ``(index, item, value in
    currency)`` (an item counts once per unit taken), and the indexes of the items whose currency has
    no exchange rate."""
    valued: list[tuple[int, Any, float]] = []
    unconverted: list[int] = []
    for i, item in enumerate(items):
        value = context.convert(item.value, item.currency, currency)
        if value is None:
            unconverted.append(i)
        else:
            valued.append((i, item, value))
    valued.sort(key=lambda entry: entry[2], reverse=True)
    units: list[tuple[int, Any, float]] = []
    for entry in valued:
        units += [entry] * min(entry[1].quantity, per_winner - len(units))
        if len(units) >= per_winner:
            break
    return units, unconverted


def most_one_winner_gets(prize, currency: str, context) -> WinnerShare:
    """The value of the ``prize.prizes_per_winner`` most valuable prize units, converted to ``currency``."""
    units, unconverted = best_units(prize.items, prize.prizes_per_winner, currency, context)
    currencies = tuple(dict.fromkeys(prize.items[i].currency for i in unconverted))
    return WinnerShare(sum(value for _, _, value in units), currency, len(units), currencies)
