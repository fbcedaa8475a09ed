"""What one winner can receive, for caps and thresholds that apply per winner rather than per prize.

``prize.prizes_per_winner`` says how many prize units one person may receive; the most a winner can
get is then the value of that many of the most valuable units (a person who may win twice can win the
two best prizes, or two of the best one when there are several).
"""

from __future__ import annotations

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


def most_one_winner_gets(prize, currency: str, context) -> WinnerShare:
    """The value of the ``prize.prizes_per_winner`` most valuable prize units, converted to ``currency``."""
    units: list[float] = []
    unconverted: list[str] = []
    for item in prize.items:
        value = context.convert(item.value, item.currency, currency)
        if value is None:
            if item.currency not in unconverted:
                unconverted.append(item.currency)
            continue
        units.extend([value] * min(item.quantity, prize.prizes_per_winner))
    units.sort(reverse=True)
    share = units[: prize.prizes_per_winner]
    return WinnerShare(sum(share), currency, len(share), tuple(unconverted))
