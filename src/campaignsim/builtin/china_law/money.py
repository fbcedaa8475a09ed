"""Prize values in yuan, for the caps of Chinese law and of the Chinese platforms (all set in CNY).

A prize in another currency is converted with the lint context's rate table, and the message says
at which rate. When no rate exists the caller reports, at ``info`` severity, that it could not
judge: a missing rate never passes silently. The WeChat, Weibo, Xiaohongshu and Douyin packs use
these helpers too, so that every yuan cap is judged and worded the same way.
"""

from __future__ import annotations

from typing import Iterable, Iterator, Optional

import attrs

from campaignsim.lint.rule import Rule, Violation

CNY = "CNY"


def money(amount: float, currency: str) -> str:
    """``8,999 CNY``; decimals only where the amount has them."""
    shown = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{shown} {currency}"


@attrs.define(frozen=True)
class InYuan:
    """An amount as written and, where a rate allows, in yuan."""

    amount: float
    currency: str
    cny: Optional[float]
    rate_note: str = ""

    @property
    def known(self) -> bool:
        return self.cny is not None

    def shown(self) -> str:
        """``8,999 CNY``, or ``1,000 USD ≈ 7,100 CNY (converted at …)`` for another currency; a total
        in yuan made of converted amounts carries the rates it used."""
        written = money(self.amount, self.currency)
        if self.cny is None:
            return written
        if self.currency != CNY:
            return f"{written} ≈ {money(round(self.cny, 2), CNY)}{self.rate_note}"
        return written + self.rate_note


def in_yuan(context, amount: float, currency: str) -> InYuan:
    cny = context.convert(amount, currency, CNY)
    note = context.rate_note(currency, CNY) if cny is not None else ""
    return InYuan(amount, currency, cny, note)


def total_in_yuan(context, items: Iterable) -> tuple[InYuan, tuple[str, ...]]:
    """The value of every prize unit together, in yuan, and the currencies that had no rate.

    When a currency lacks a rate the returned total counts only the convertible prizes; callers
    must not treat it as the whole.
    """
    total = context.prize_total(items, CNY)
    amount = round(total.amount, 2)
    return InYuan(amount, CNY, amount, "".join(total.rate_notes)), total.unconverted


def cannot_judge(rule: Rule, key: str, what: str, currency: str, limit: str) -> Violation:
    """The info-severity finding of a rule that met a currency it has no rate for."""
    return rule.violation(
        key,
        f"could not judge {what} against {limit}: no exchange rate from {currency} to {CNY}",
        f"Add a {currency} rate with exchange-rates in [tool.campaignsim], or state the value in {CNY}.",
        severity="info",
    )


def prizes_over_cap(rule: Rule, context, items, cap_cny: float, limit: str, message, suggestion: str) -> Iterator[Violation]:
    """One violation for each prize worth more than ``cap_cny`` (``message(item, value)`` says why), and
    an info-level "cannot judge" for each prize whose currency has no rate."""
    for i, item in enumerate(items):
        key = f"prize.items[{i}].value"
        value = in_yuan(context, item.value, item.currency)
        if not value.known:
            yield cannot_judge(rule, key, f"prize '{item.name}'", item.currency, limit)
        elif value.cny is not None and value.cny > cap_cny:
            yield rule.violation(key, message(item, value), suggestion)
