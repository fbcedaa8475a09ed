"""Prize totals in a threshold's currency, with the conversions spelled out for the message."""

from __future__ import annotations

import attrs


@attrs.define(frozen=True)
class PrizeTotal:
    """The prizes' total in one currency; items whose currency has no rate are left out and listed."""

    amount: float
    currency: str
    rate_notes: tuple[str, ...]
    unconverted: tuple[str, ...]

    def describe(self) -> str:
        notes = "".join(self.rate_notes)
        left_out = f", not counting prizes in {', '.join(self.unconverted)} (no exchange rate)" if self.unconverted else ""
        return f"{self.amount:,.0f} {self.currency}{notes}{left_out}"


def prize_total(scenario, context, currency: str) -> PrizeTotal:
    amount = 0.0
    notes: list[str] = []
    unconverted: list[str] = []
    for item in scenario.prize.items:
        converted = context.convert(item.value * item.quantity, item.currency, currency)
        if converted is None:
            if item.currency not in unconverted:
                unconverted.append(item.currency)
            continue
        amount += converted
        note = context.rate_note(item.currency, currency)
        if note and note not in notes:
            notes.append(note)
    return PrizeTotal(amount, currency, tuple(notes), tuple(unconverted))
