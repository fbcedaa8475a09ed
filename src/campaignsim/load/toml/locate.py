"""Where each key of a TOML document stands: dotted key → line, and the comment on each line.

``tomllib`` gives values without positions, so this scanner reads the text a second time and
records the line of every key, table header, array-of-tables entry and inline-table entry. It
only needs to be right for documents that ``tomllib`` accepted; for a key it did not see, the
line of the nearest enclosing key is used.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

from campaignsim.load.toml.quoting import BARE_KEY, key_part, unquote

_WS = re.compile(r"[ \t\r]*")
_WS_NL = re.compile(r"[ \t\r\n]*")
_BASIC_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"?')
_LITERAL_STRING = re.compile(r"'[^'\n]*'?")
_BARE_VALUE = re.compile(r"[^,\]}\n#]*")
_TO_EOL = re.compile(r"[^\n]*")
# Most lines are ``key = scalar  # comment``: read those in one match and leave the rest to the
# character scanner (strings with quotes, arrays, inline tables, multi-line strings).
_SIMPLE_LINE = re.compile(
    r'([A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*)[ \t]*=[ \t]*'
    r'(?:"(?:[^"\\\n]|\\.)*"(?!")|[-+0-9A-Za-z_:.]+(?:[ T][0-9:.Z+-]+)?)'
    r'[ \t\r]*(?:#([^\n]*))?(?=\n|$)'
)
# An array of plain strings or scalars on one line: its elements share the key's line.
_SIMPLE_ARRAY = re.compile(r'\[(?:[ \t]*(?:"(?:[^"\\\n]|\\.)*"|[-+0-9A-Za-z_:.]+)[ \t]*,)*[ \t]*(?:"(?:[^"\\\n]|\\.)*"|[-+0-9A-Za-z_:.]+)?[ \t]*,?[ \t]*\]')
_ELEMENT = re.compile(r'"(?:[^"\\\n]|\\.)*"|[-+0-9A-Za-z_:.]+')
# An inline table of plain keys and scalars on one line: its keys share the line.
_SIMPLE_INLINE_TABLE = re.compile(
    r'\{[ \t]*(?:[A-Za-z0-9_-]+[ \t]*=[ \t]*(?:"(?:[^"\\\n]|\\.)*"|[-+0-9A-Za-z_:.]+)[ \t]*,[ \t]*)*'
    r'(?:[A-Za-z0-9_-]+[ \t]*=[ \t]*(?:"(?:[^"\\\n]|\\.)*"|[-+0-9A-Za-z_:.]+)[ \t]*)?\}')
_INLINE_KEY = re.compile(r'([A-Za-z0-9_-]+)[ \t]*=[ \t]*(?:"(?:[^"\\\n]|\\.)*"|[-+0-9A-Za-z_:.]+)')
# Blank lines and whole-line comments between statements, skipped in one match.
_GAP = re.compile(r'(?:[ \t\r\n]+|#[^\n]*)*')
_COMMENT = re.compile(r'#([^\n]*)')
# A table header of plain keys: [a.b] or [[a.b]].
_HEADER = re.compile(r'(\[\[?)[ \t]*([A-Za-z0-9_-]+(?:[ \t]*\.[ \t]*[A-Za-z0-9_-]+)*)[ \t]*(\]\]?)')


class _Scanner:
    """A single pass over the text; positions are turned into line numbers only when recorded."""

    def __init__(self, text: str):
        self.text = text
        self.end = len(text)
        self.pos = 0
        self.newlines = [m.start() for m in re.finditer("\n", text)]
        self.lines: dict[str, int] = {}
        self.comments: dict[int, str] = {}
        self.array_counts: dict[str, int] = {}

    @property
    def line(self) -> int:
        return bisect_right(self.newlines, self.pos - 1) + 1 if self.newlines else 1

    # -- low level ---------------------------------------------------------------------------
    def peek(self, n: int = 0) -> str:
        i = self.pos + n
        return self.text[i] if i < self.end else ""

    def advance(self, n: int = 1) -> None:
        self.pos = min(self.pos + n, self.end)

    def skip_ws(self, newlines: bool) -> None:
        pattern = _WS_NL if newlines else _WS
        text = self.text
        while True:
            self.pos = pattern.match(text, self.pos).end()  # type: ignore[union-attr]  # matches "": never None
            if self.pos < self.end and text[self.pos] == "#":
                start = self.pos
                self.pos = _TO_EOL.match(text, self.pos).end()  # type: ignore[union-attr]  # matches "": never None
                self.comments[self.line] = text[start + 1 : self.pos].strip()
                if not newlines:
                    return
            else:
                return

    def skip_string(self) -> None:
        quote = self.peek()
        if self.text.startswith(quote * 3, self.pos):
            self.advance(3)
            end = self.text.find(quote * 3, self.pos)
            while end != -1 and quote == '"' and self._escaped(end):
                end = self.text.find(quote * 3, end + 1)
            target = self.end if end == -1 else end + 3
            # a closing run may be longer than three quotes
            while target < self.end and self.text[target] == quote:
                target += 1
            self.pos = target
            return
        pattern = _BASIC_STRING if quote == '"' else _LITERAL_STRING
        # pos is at the opening quote, which both patterns start with: the match is never None
        self.pos = pattern.match(self.text, self.pos).end()  # type: ignore[union-attr]

    def _escaped(self, index: int) -> bool:
        backslashes = 0
        while index - 1 - backslashes >= 0 and self.text[index - 1 - backslashes] == "\\":
            backslashes += 1
        return backslashes % 2 == 1

    def read_key(self) -> list[str]:
        parts: list[str] = []
        while True:
            self.skip_ws(False)
            c = self.peek()
            if c in "\"'":
                start = self.pos
                self.skip_string()
                parts.append(key_part(unquote(self.text[start : self.pos])))
            else:
                m = BARE_KEY.match(self.text, self.pos)
                if not m:
                    break
                parts.append(m.group())
                self.advance(m.end() - self.pos)
            self.skip_ws(False)
            if self.peek() == ".":
                self.advance()
                continue
            break
        return parts

    # -- structure -------------------------------------------------------------------------------
    def resolve(self, parts: list[str], line: int) -> str:
        """Dotted path for table-header parts, following the latest entry of each array of tables.

        Tables a header opens implicitly (``a`` for ``[a.b]``) are recorded at its line unless seen before.
        """
        path = ""
        for part in parts:
            path = f"{path}.{part}" if path else part
            if path in self.array_counts:
                path = f"{path}[{self.array_counts[path] - 1}]"
            self.record(path, line)
        return path

    def record(self, path: str, line: int) -> None:
        self.lines.setdefault(path, line)

    def record_dotted(self, table: str, parts: list[str], line: int) -> str:
        """Record a dotted key (``a.b.c = 1``) and each table it opens (``a``, ``a.b``) at its line."""
        path = table
        for part in parts:
            path = f"{path}.{part}" if path else part
            self.record(path, line)
        return path

    def skip_gap(self) -> None:
        start = self.pos
        self.pos = _GAP.match(self.text, start).end()  # type: ignore[union-attr]  # matches "": never None
        if "#" in self.text[start:self.pos]:
            for m in _COMMENT.finditer(self.text, start, self.pos):
                self.comments[bisect_right(self.newlines, m.start() - 1) + 1 if self.newlines else 1] = m.group(1).strip()

    def scan(self) -> None:
        table = ""
        while True:
            self.skip_gap()
            if self.pos >= self.end:
                return
            c = self.peek()
            line = self.line
            if c == "[":
                header = _HEADER.match(self.text, self.pos)
                if header is not None and len(header.group(1)) == len(header.group(3)):
                    double = len(header.group(1)) == 2
                    parts = [part.strip() for part in header.group(2).split(".")]
                    self.pos = header.end()
                else:
                    double = self.peek(1) == "["
                    self.advance(2 if double else 1)
                    parts = self.read_key()
                    self.advance(2 if double else 1)
                if double:
                    parent = self.resolve(parts[:-1], line)
                    base = f"{parent}.{parts[-1]}" if parent else parts[-1]
                    self.record(base, line)
                    self.array_counts[base] = self.array_counts.get(base, 0) + 1
                    table = f"{base}[{self.array_counts[base] - 1}]"
                else:
                    table = self.resolve(parts, line)
                self.record(table, line)
                continue
            simple = _SIMPLE_LINE.match(self.text, self.pos)
            if simple is not None:
                parts = [part.strip() for part in simple.group(1).split(".")]
                self.record_dotted(table, parts, line)
                if simple.group(2) is not None:
                    self.comments[line] = simple.group(2).strip()
                self.pos = simple.end()
                continue
            parts = self.read_key()
            if not parts:  # not TOML we understand: skip the line
                self.pos = _TO_EOL.match(self.text, self.pos).end()  # type: ignore[union-attr]  # matches "": never None
                continue
            path = self.record_dotted(table, parts, line)
            self.skip_ws(False)
            if self.peek() == "=":
                self.advance()
                self.skip_ws(False)
                self.value(path)

    def value(self, path: str) -> None:
        c = self.peek()
        if c in "\"'":
            self.skip_string()
        elif c == "[":
            simple = _SIMPLE_ARRAY.match(self.text, self.pos)
            if simple is not None:
                line = self.line
                for index in range(len(_ELEMENT.findall(simple.group()))):
                    self.record(f"{path}[{index}]", line)
                self.pos = simple.end()
                return
            self.advance()
            index = 0
            while self.pos < len(self.text):
                self.skip_ws(True)
                if self.peek() == "]":
                    self.advance()
                    return
                if self.peek() == ",":
                    self.advance()
                    index += 1
                    continue
                self.record(f"{path}[{index}]", self.line)
                self.value(f"{path}[{index}]")
        elif c == "{":
            simple = _SIMPLE_INLINE_TABLE.match(self.text, self.pos)
            if simple is not None:
                line = self.line
                for key in _INLINE_KEY.findall(simple.group()):
                    self.record(f"{path}.{key}", line)
                self.pos = simple.end()
                return
            self.advance()
            while self.pos < len(self.text):
                self.skip_ws(False)
                if self.peek() == "}":
                    self.advance()
                    return
                if self.peek() == ",":
                    self.advance()
                    continue
                line = self.line
                parts = self.read_key()
                if not parts:
                    self.advance()
                    continue
                sub = self.record_dotted(path, parts, line)
                self.skip_ws(False)
                if self.peek() == "=":
                    self.advance()
                    self.skip_ws(False)
                    self.value(sub)
        else:
            self.pos = _BARE_VALUE.match(self.text, self.pos).end()  # type: ignore[union-attr]  # matches "": never None


class Locator:
    """Line numbers of the keys of one TOML text."""

    def __init__(self, text: str):
        scanner = _Scanner(text)
        try:
            scanner.scan()
        except RecursionError:
            pass  # deeply nested values: keep the positions found so far
        self.lines = scanner.lines
        self.comments = scanner.comments

    @classmethod
    def from_positions(cls, lines: dict[str, int], comments: dict[int, str]) -> "Locator":
        """A locator for positions already recorded (by the one-pass reader)."""
        locator = cls.__new__(cls)
        locator.lines, locator.comments = lines, comments
        return locator

    def line_of(self, key: str) -> Optional[int]:
        """The line of ``key``, or of its nearest enclosing key; None when nothing encloses it."""
        while key:
            if key in self.lines:
                return self.lines[key]
            key = _parent(key)
        return None

    def has(self, key: str) -> bool:
        return key in self.lines


def _parent(key: str) -> str:
    if key.endswith("]"):
        return key[: key.rindex("[")]
    if "." in key:
        return key[: key.rindex(".")]
    return ""
