"""Keys and strings as TOML writes them: quoting a string, a key as it appears in a dotted path,
and the key a quoted key's source text stands for."""

from __future__ import annotations

import re

from campaignsim.load.toml.fallback import TOMLDecodeError, loads

BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
"""A key written without quotes."""


_SHORT_ESCAPES = {"\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def quote(text: str) -> str:
    """``text`` as a TOML basic string on one line: quotes, backslashes and unprintable characters escaped."""
    out = []
    for ch in text:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[ch])
        elif not ch.isprintable():
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def key_part(key: str) -> str:
    """One key as it appears in a dotted path: bare keys as written, any other key quoted."""
    return key if BARE_KEY.fullmatch(key) else quote(key)


def unquote(source: str) -> str:
    """The key a quoted key's source text stands for (escapes decoded in basic strings)."""
    if source.startswith("'"):
        return source[1:-1]
    try:
        return loads(f"k = {source}")["k"]
    except (TOMLDecodeError, ValueError):
        return source[1:-1]
