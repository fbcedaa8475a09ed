"""Scenario texts for the hostile-input tests (importable: the conftest's fixtures use them too)."""

from __future__ import annotations


def variant_with(*lines: str, base_extra: str = "") -> str:
    """The conftest scenario with ``lines`` added to its variant."""
    from conftest import scenario_text

    return scenario_text(extra=base_extra) + "".join(line + "\n" for line in lines)
