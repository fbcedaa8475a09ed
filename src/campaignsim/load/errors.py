"""Load errors are data first (path, line, key, message), text last."""

from __future__ import annotations

from typing import Optional

import attrs


@attrs.define(frozen=True)
class LoadError:
    path: str
    line: Optional[int]
    key: str
    message: str
    variant: Optional[str] = None
    column: Optional[int] = None

    def render(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        key = f"{self.key}: " if self.key else ""
        variant = f"in variant {self.variant!r}: " if self.variant else ""
        return f"{where}: {variant}{key}{self.message}"

    def to_dict(self) -> dict:
        return {"path": self.path, "line": self.line, "column": self.column, "key": self.key,
                "message": self.message, "variant": self.variant}


class ScenarioLoadError(Exception):
    """Raised by API helpers that want one exception for a file with load errors."""

    def __init__(self, errors: list[LoadError]):
        self.errors = errors
        super().__init__("\n".join(e.render() for e in errors))
