"""One pass over a scenario file: its values, the line of every key and the comment on each line.

``tomllib`` gives values without positions, so a file would otherwise be read twice: by tomllib
for the values and by the :class:`~campaignsim.load.toml.locate.Locator` for the lines. Scenario files
use a small part of TOML — bare keys, table headers, one-line strings without escapes, decimal
numbers, booleans, dates and times, arrays and one-line inline tables — and this reader handles
that part in one pass of compiled regular expressions, recording lines as it goes.

Anything outside that part (quoted keys, escapes, multi-line strings, inf and nan, hexadecimal
numbers, a table or key that is defined again, any syntax error) makes :func:`read` return None,
and the loader takes the long way: tomllib, which stays the authority and gives the error
messages, then the Locator. ``tests/load/test_onepass.py`` holds this reader to exactly what the
long way gives.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from typing import Any, Optional

_KEY = r"[A-Za-z0-9_-]+"
_DOTTED = rf"{_KEY}(?:[ \t]*\.[ \t]*{_KEY})*"
_NOT_CONTROL = r"[^\x00-\x08\x0a-\x1f\x7f]"  # TOML forbids control characters other than tab in comments and strings

# Blank lines and whole-line comments between statements.
_GAP = re.compile(rf"(?:[ \t\n]+|#{_NOT_CONTROL}*)*")
_GAP_START = frozenset(" \t\n#")
_COMMENT = re.compile(rf"#({_NOT_CONTROL}*)")
# What may follow a statement: spaces, a comment, then the end of the line or of the document.
_END = re.compile(rf"[ \t]*(?:#({_NOT_CONTROL}*))?(?:\n|\Z)")
_HEADER = re.compile(rf"\[(\[)?[ \t]*({_DOTTED})[ \t]*\](\])?")
_KEY_EQUALS = re.compile(rf"({_DOTTED})[ \t]*=[ \t]*")
_DOT = re.compile(r"[ \t]*\.[ \t]*")

_STRING_BODY = r'[^"\\\x00-\x08\x0a-\x1f\x7f]*'  # a one-line basic string without escapes
# A plain value: such a string, a decimal integer without underscores, or a boolean. The groups
# (string, integer, boolean) are what _plain() turns into the value.
_PLAIN_GROUPS = rf'"({_STRING_BODY})"|(0|[1-9][0-9]{{0,17}})|(true|false)'
_PLAIN_VALUE = rf'"{_STRING_BODY}"|0|[1-9][0-9]{{0,17}}|true|false'
_PLAIN_PAIR = rf"{_KEY}[ \t]*=[ \t]*(?:{_PLAIN_VALUE})"
# Most lines are ``key = "text"``, ``key = 12`` or ``key = true``, with perhaps a comment: one match each.
_PLAIN_STATEMENT = re.compile(rf"({_KEY})[ \t]*=[ \t]*(?:{_PLAIN_GROUPS})[ \t]*(?:#({_NOT_CONTROL}*))?(?:\n|\Z)")
# ``{ action = "comment", count = 3 }`` and ``["CN", "US"]``: checked whole by one match, then split.
_PLAIN_INLINE_TABLE = re.compile(rf"[ \t]*(?:{_PLAIN_PAIR}[ \t]*,[ \t]*)*{_PLAIN_PAIR}[ \t]*\}}")
_PAIRS = re.compile(rf"({_KEY})[ \t]*=[ \t]*(?:{_PLAIN_GROUPS})")
_PLAIN_ARRAY = re.compile(rf"[ \t]*(?:(?:{_PLAIN_VALUE})[ \t]*,[ \t]*)*(?:{_PLAIN_VALUE})[ \t]*\]")
_ITEMS = re.compile(_PLAIN_GROUPS)

_BASIC_STRING = re.compile(rf'"({_STRING_BODY})"')
_LITERAL_STRING = re.compile(r"'([^'\x00-\x08\x0a-\x1f\x7f]*)'")
_TIME = r"([01][0-9]|2[0-3]):([0-5][0-9]):([0-5][0-9])(?:\.([0-9]{1,6})[0-9]*)?"
_DATETIME = re.compile(rf"([0-9]{{4}})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
                       rf"(?:[Tt ]{_TIME}(?:([Zz])|([+-])([01][0-9]|2[0-3]):([0-5][0-9]))?)?")
_LOCAL_TIME = re.compile(_TIME)
# Decimal integers and floats; 4,000 digits and more are left to tomllib, which knows how to refuse them.
_NUMBER = re.compile(r"[+-]?(?:0|[1-9](?:_?[0-9]){0,99})((?:\.[0-9](?:_?[0-9])*)?(?:[eE][+-]?[0-9](?:_?[0-9])*)?)")
_BOOL = re.compile(r"true|false")

_COMMA_OR_CLOSE = re.compile(r"[,\]]")
_INLINE_SPACE = re.compile(r"[ \t]*")


class _Beyond(Exception):
    """The text uses TOML this reader leaves to tomllib."""


@lru_cache(maxsize=None)
def _offset(sign: str, hours: str, minutes: str) -> timezone:
    # tomllib shares one timezone object per offset too
    factor = 1 if sign == "+" else -1
    return timezone(timedelta(hours=factor * int(hours), minutes=factor * int(minutes)))


class _Reader:
    def __init__(self, text: str):
        self.text = text
        self.end = len(text)
        self.line = 1
        self.lines: dict[str, int] = {}
        self.comments: dict[int, str] = {}
        # Tables opened by a header (explicitly or as a parent), those defined by their own header,
        # arrays of tables, and tables made by dotted keys in the current section: what TOML lets a
        # later statement extend. Anything else met again is left to tomllib.
        self.header_tables: set[int] = set()
        self.defined: set[int] = set()
        self.table_arrays: set[int] = set()
        self.dotted: set[int] = set()
        self.array_counts: dict[str, int] = {}

    # -- positions -------------------------------------------------------------------------------
    def gap(self, pos: int) -> int:
        """Skip blank lines and comments (recording the comments); the new position."""
        if pos >= self.end or self.text[pos] not in _GAP_START:
            return pos
        end = _GAP.match(self.text, pos).end()  # type: ignore[union-attr]  # matches "": never None
        if end != pos:
            text = self.text
            if text.find("#", pos, end) != -1:
                line = self.line
                last = pos
                for m in _COMMENT.finditer(text, pos, end):
                    line += text.count("\n", last, m.start())
                    last = m.start()
                    self.comments[line] = m.group(1).strip()
            self.line += text.count("\n", pos, end)
        return end

    def statement_end(self, pos: int) -> int:
        m = _END.match(self.text, pos)
        if m is None:
            raise _Beyond
        if m.group(1) is not None:
            self.comments[self.line] = m.group(1).strip()
        self.line += 1
        return m.end()

    # -- document --------------------------------------------------------------------------------
    def read(self) -> dict:
        root: dict = {}
        self.header_tables.add(id(root))
        self.defined.add(id(root))
        table, path = root, ""
        text, end = self.text, self.end
        lines, plain_statement = self.lines, _PLAIN_STATEMENT.match
        pos = self.gap(0)
        while pos < end:
            if text[pos] == "[":
                m = _HEADER.match(text, pos)
                if m is None or (m.group(1) is None) != (m.group(3) is None):
                    raise _Beyond
                parts = _DOT.split(m.group(2))
                if m.group(1) is None:
                    table, path = self.open_table(root, parts)
                else:
                    table, path = self.open_array_entry(root, parts)
                self.dotted = set()
                pos = m.end()
            else:
                m = plain_statement(text, pos)
                if m is not None:
                    key, string, integer, boolean, comment = m.groups()
                    if key in table:
                        raise _Beyond
                    key_path = f"{path}.{key}" if path else key
                    if key_path not in lines:
                        lines[key_path] = self.line
                    table[key] = _plain(string, integer, boolean)
                    if comment is not None:
                        self.comments[self.line] = comment.strip()
                    self.line += 1
                    pos = m.end()
                    if pos < end and text[pos] in _GAP_START:
                        pos = self.gap(pos)
                    continue
                m = _KEY_EQUALS.match(text, pos)
                if m is None:
                    raise _Beyond
                key = m.group(1)
                if "." in key:
                    parts = _DOT.split(key)
                    target, key_path = self.dotted_target(table, path, parts)
                    key = parts[-1]
                else:
                    target, key_path = table, f"{path}.{key}" if path else key
                    if key_path not in lines:
                        lines[key_path] = self.line
                value, pos = self.value(m.end(), key_path)
                if key in target:
                    raise _Beyond  # defined twice: tomllib words the error
                target[key] = value
            pos = self.statement_end(pos)
            pos = self.gap(pos)
        return root

    def record(self, path: str) -> None:
        if path not in self.lines:
            self.lines[path] = self.line

    def walk_headers(self, root: dict, parts: list[str]) -> tuple[dict, str]:
        """The table a header's parent parts name, creating tables as TOML does (``[a.b]`` opens ``a``)."""
        node, path = root, ""
        for part in parts:
            path = f"{path}.{part}" if path else part
            child = node.get(part)
            if child is None:
                child = node[part] = {}
                self.header_tables.add(id(child))
            elif type(child) is list and id(child) in self.table_arrays:
                path = f"{path}[{len(child) - 1}]"
                child = child[-1]
            elif type(child) is not dict or id(child) not in self.header_tables:
                raise _Beyond
            self.record(path)
            node = child
        return node, path

    def open_table(self, root: dict, parts: list[str]) -> tuple[dict, str]:
        parent, parent_path = self.walk_headers(root, parts[:-1])
        last = parts[-1]
        path = f"{parent_path}.{last}" if parent_path else last
        table = parent.get(last)
        if table is None:
            table = parent[last] = {}
            self.header_tables.add(id(table))
        elif type(table) is not dict or id(table) not in self.header_tables or id(table) in self.defined:
            raise _Beyond
        self.defined.add(id(table))
        self.record(path)
        return table, path

    def open_array_entry(self, root: dict, parts: list[str]) -> tuple[dict, str]:
        parent, parent_path = self.walk_headers(root, parts[:-1])
        last = parts[-1]
        base = f"{parent_path}.{last}" if parent_path else last
        array = parent.get(last)
        if array is None:
            array = parent[last] = []
            self.table_arrays.add(id(array))
        elif type(array) is not list or id(array) not in self.table_arrays:
            raise _Beyond
        table: dict = {}
        array.append(table)
        self.header_tables.add(id(table))
        self.defined.add(id(table))
        self.record(base)
        path = f"{base}[{len(array) - 1}]"
        self.record(path)
        return table, path

    def dotted_target(self, table: dict, path: str, parts: list[str]) -> tuple[dict, str]:
        """The table a (dotted) key sets its value in, and the key's full path."""
        for part in parts[:-1]:
            path = f"{path}.{part}" if path else part
            child = table.get(part)
            if child is None:
                child = table[part] = {}
                self.dotted.add(id(child))
            elif type(child) is not dict or id(child) not in self.dotted:
                raise _Beyond
            self.record(path)
            table = child
        path = f"{path}.{parts[-1]}" if path else parts[-1]
        self.record(path)
        return table, path

    # -- values ----------------------------------------------------------------------------------
    def value(self, pos: int, path: str) -> tuple[Any, int]:
        text = self.text
        if pos >= self.end:
            raise _Beyond
        c = text[pos]
        if c == '"':
            m = _BASIC_STRING.match(text, pos)
            if m is None:
                raise _Beyond
            return m.group(1), m.end()
        if c == "'":
            m = _LITERAL_STRING.match(text, pos)
            if m is None:
                raise _Beyond
            return m.group(1), m.end()
        if c == "[":
            return self.array(pos + 1, path)
        if c == "{":
            return self.inline_table(pos + 1, path)
        if c == "t" or c == "f":
            m = _BOOL.match(text, pos)
            if m is None:
                raise _Beyond
            return m.group() == "true", m.end()
        if "0" <= c <= "9":
            m = _DATETIME.match(text, pos)
            if m is not None:
                return _datetime(m), m.end()
            m = _LOCAL_TIME.match(text, pos)
            if m is not None:
                hour, minute, second, micros = m.groups()
                try:
                    return time(int(hour), int(minute), int(second), int(micros.ljust(6, "0")) if micros else 0), m.end()
                except ValueError:
                    raise _Beyond from None
        if c in "0123456789+-":
            m = _NUMBER.match(text, pos)
            if m is None:
                raise _Beyond
            if m.group(1):
                return float(m.group()), m.end()
            return int(m.group(), 0), m.end()
        raise _Beyond

    def array(self, pos: int, path: str) -> tuple[list, int]:
        text = self.text
        plain = _PLAIN_ARRAY.match(text, pos)
        if plain is not None:
            items = [_plain(*m.groups()) for m in _ITEMS.finditer(text, pos, plain.end())]
            for index in range(len(items)):
                self.record(f"{path}[{index}]")
            return items, plain.end()
        items = []
        while True:
            pos = self.gap(pos)
            if pos >= self.end:
                raise _Beyond
            if text[pos] == "]":
                return items, pos + 1
            item_path = f"{path}[{len(items)}]"
            self.record(item_path)
            value, pos = self.value(pos, item_path)
            items.append(value)
            pos = self.gap(pos)
            m = _COMMA_OR_CLOSE.match(text, pos)
            if m is None:
                raise _Beyond
            if m.group() == "]":
                return items, pos + 1
            pos += 1

    def inline_table(self, pos: int, path: str) -> tuple[dict, int]:
        table: dict = {}
        text = self.text
        plain = _PLAIN_INLINE_TABLE.match(text, pos)
        if plain is not None:
            for m in _PAIRS.finditer(text, pos, plain.end()):
                key, string, integer, boolean = m.groups()
                if key in table:
                    raise _Beyond
                self.record(f"{path}.{key}")
                table[key] = _plain(string, integer, boolean)
            return table, plain.end()
        pos = _INLINE_SPACE.match(text, pos).end()  # type: ignore[union-attr]  # matches "": never None
        if text.startswith("}", pos):
            return table, pos + 1
        while True:
            found = _KEY_EQUALS.match(text, pos)
            if found is None or "." in found.group(1):
                raise _Beyond  # dotted keys inside inline tables are left to tomllib
            key = found.group(1)
            if key in table:
                raise _Beyond
            key_path = f"{path}.{key}"
            self.record(key_path)
            table[key], pos = self.value(found.end(), key_path)
            pos = _INLINE_SPACE.match(text, pos).end()  # type: ignore[union-attr]  # matches "": never None
            if text.startswith("}", pos):
                return table, pos + 1
            if not text.startswith(",", pos):
                raise _Beyond
            pos = _INLINE_SPACE.match(text, pos + 1).end()  # type: ignore[union-attr]  # matches "": never None


def _plain(string: Optional[str], integer: Optional[str], boolean: Optional[str]) -> Any:
    """The value of a string, integer or boolean matched by one of the plain patterns."""
    if string is not None:
        return string
    if integer is not None:
        return int(integer)
    return boolean == "true"


def _datetime(m: re.Match) -> date | datetime:
    year, month, day, hour, minute, second, micros, zulu, sign, offset_hours, offset_minutes = m.groups()
    try:
        if hour is None:
            return date(int(year), int(month), int(day))
        tz = _offset(sign, offset_hours, offset_minutes) if sign else (timezone.utc if zulu else None)
        return datetime(int(year), int(month), int(day), int(hour), int(minute), int(second),
                        int(micros.ljust(6, "0")) if micros else 0, tzinfo=tz)
    except ValueError:  # 30 February and the like: tomllib words the error
        raise _Beyond from None


def read(text: str) -> Optional[tuple[dict, dict[str, int], dict[int, str]]]:
    """The document, the line of each dotted key and the comment of each line — or None when the
    text uses TOML beyond what this reader handles (or is not valid TOML)."""
    reader = _Reader(text.replace("\r\n", "\n") if "\r" in text else text)
    try:
        document = reader.read()
    except (_Beyond, RecursionError):
        return None
    return document, reader.lines, reader.comments
