"""What an output format is."""

from __future__ import annotations

from typing import Callable

import attrs


@attrs.define(frozen=True)
class OutputFormat:
    """``render(report, color=False) -> str`` turns a LintReport into text."""

    name: str
    summary: str
    render: Callable = attrs.field(eq=False)
