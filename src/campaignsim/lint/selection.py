"""Which rules run: selectors are codes, code prefixes, rule names, old codes (aliases) or ALL."""

from __future__ import annotations

import difflib
from typing import TYPE_CHECKING, Iterable

if TYPE_CHECKING:
    from campaignsim.plugin.manager import Registry


def match(selector: str, registry: Registry) -> set[str]:
    """Codes a selector stands for (empty when it matches no rule)."""
    if selector.upper() == "ALL":
        return set(registry.rules)
    code = selector.upper()  # codes are capitals; wx001 means WX001
    if code in registry.rules:
        return {code}
    if code in registry.rule_aliases:
        return {registry.rule_aliases[code]}
    by_name = {c for c, rule in registry.rules.items() if rule.name == selector.lower()}
    if by_name:
        return by_name
    return {c for c in registry.rules if c.startswith(code)}


def unknown_selector_message(selector: str, registry: Registry) -> str:
    words = list(registry.rules) + [r.name for r in registry.rules.values()]
    hint = difflib.get_close_matches(selector, words, n=1)
    return f"{selector!r} matches no rule" + (f"; did you mean {hint[0]!r}?" if hint else " (see `campaignsim rules`)")


def resolve(registry: Registry, select: Iterable[str] | None, extend_select: Iterable[str] = (), ignore: Iterable[str] = ()) -> tuple[set[str], list[str]]:
    """Selected codes, and the selectors that matched nothing."""
    unknown: list[str] = []

    def codes(selectors) -> set[str]:
        out: set[str] = set()
        for sel in selectors:
            found = match(sel, registry)
            if not found:
                unknown.append(sel)
            out |= found
        return out

    chosen = codes(select) if select is not None else set(registry.rules)
    chosen |= codes(extend_select)
    chosen -= codes(ignore)
    return chosen, unknown
