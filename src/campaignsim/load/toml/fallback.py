"""tomllib (tomli before Python 3.11), the authority on TOML: any document the one-pass reader leaves
to it, and the wording of every error.

    data, error = parse(text, "spring.toml")   # error: a LoadError with line and column, or None
"""

from __future__ import annotations

import re
import sys
from typing import Optional

from campaignsim.load.errors import LoadError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TOMLDecodeError = tomllib.TOMLDecodeError
loads = tomllib.loads
"""``tomllib.loads``: a document from text; raises :class:`TOMLDecodeError`."""

_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)$")


def parse(text: str, shown: str) -> tuple[Optional[dict], Optional[LoadError]]:
    """The document tomllib reads from ``text``, or the error that keeps it from being read, as a
    :class:`LoadError` of ``shown`` with its line and column where tomllib gives them."""
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        m = _TOML_POSITION.search(message)
        line = column = None
        if m:
            line, column = int(m.group(1)), int(m.group(2))
            message = message[: m.start()]
        elif "end of document" in message:
            line, column = _position(text, len(text))
        return None, LoadError(shown, line, "", f"invalid TOML: {message}", column=column)
    except RecursionError:
        line, column = _position(text, _deepest_bracket(text))
        return None, LoadError(shown, line, "", "invalid TOML: values are nested too deeply to read", column=column)
    except (ValueError, OverflowError) as exc:
        # Python refuses to convert decimal strings longer than sys.get_int_max_str_digits() (4,300 by default)
        limit = sys.get_int_max_str_digits() if hasattr(sys, "get_int_max_str_digits") else 0
        m = re.search(r"[+-]?\d(?:_?\d){%d,}" % limit, text) if limit else None
        if m:
            line, column = _position(text, m.start())
            digits = sum(c.isdigit() for c in m.group())
            return None, LoadError(shown, line, "", f"invalid TOML: an integer of {digits:,} digits is out of range "
                                   "(TOML integers are 64-bit)", column=column)
        return None, LoadError(shown, None, "", f"invalid TOML: {exc}")


def _position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of ``text[index]``."""
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _deepest_bracket(text: str) -> int:
    """Index of the opening bracket that is nested deepest (strings and comments not excluded)."""
    depth = best = best_index = 0
    for index, ch in enumerate(text):
        if ch in "[{":
            depth += 1
            if depth > best:
                best, best_index = depth, index
        elif ch in "]}":
            depth -= 1
    return best_index
