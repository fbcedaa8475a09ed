"""Escaping for every output a scenario's or a plugin's strings reach.

A campaign name, a variant name, a key, a file name or a plugin's message is data, never markup or
a command for whatever reads the output. Each output has one function here, applied where the
string is written out (not when it is read), so the values themselves stay as the user wrote them:

``terminal(text)``
    A terminal, a CI log or a pipe. Control characters (C0 including newline, carriage return and
    tab, DEL, C1 including the 8-bit CSI), Unicode line and paragraph separators and the
    bidirectional overrides and isolates used in "Trojan source" attacks are shown as visible
    escapes (``\\n``, ``\\x1b``, ``\\u202e``), so a name can neither move the cursor, change colours,
    start a new line nor reorder what is shown. A string that begins with ``::`` (a GitHub Actions
    workflow command when it starts a log line) has its first colon escaped as ``\\x3a``, and so has
    the second colon of any other ``::`` in it: a table that wraps a long name could otherwise start
    a line of the log with one.

``github_data(text)`` / ``github_property(text)``
    The message and the property values of a GitHub Actions workflow command
    (``::error file=…,line=…::message``), escaped as the Actions toolkit does: ``%`` → ``%25``,
    CR → ``%0D``, LF → ``%0A``; in properties also ``:`` → ``%3A`` and ``,`` → ``%2C``. Other control
    characters are escaped as for the terminal (the log viewer interprets colour codes).

``markdown(text)``
    Inline Markdown text (a table cell, a heading, a list item) as literal text: HTML-special
    characters become entities (renderers such as python-markdown pass raw HTML through), the
    punctuation Markdown gives a meaning inline is backslash-escaped (no links, images, emphasis,
    headings, lists or table breaks), and a line break becomes a space.

``html(text)``
    HTML text and attribute values: ``& < > " '`` as entities; control characters that HTML does
    not allow are shown as visible escapes.

The functions take any object and return ``str`` (``str(value)`` first), and are idempotent only in
the sense that escaping twice shows the escapes: apply each once, at the output.
"""

from __future__ import annotations

import html as _html
import re

__all__ = ["terminal", "terminal_lines", "github_data", "github_property", "markdown", "html", "UNSAFE"]

_BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029" + _BIDI + "]")
"""Characters that are never written raw to a terminal, log or report."""

_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _visible(match: re.Match) -> str:
    ch = match.group()
    named = _NAMED.get(ch)
    if named is not None:
        return named
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal(text) -> str:
    """``text`` safe to print on a terminal or CI log: no control character, no line break, no
    bidirectional override, and no workflow command at its start."""
    text = str(text)
    if UNSAFE.search(text):
        text = UNSAFE.sub(_visible, text)
    stripped = text.lstrip(" ")
    if stripped.startswith("::"):
        text = text[: len(text) - len(stripped)] + "\\x3a" + stripped[1:]
    if "::" in text:  # a table may wrap a long name anywhere: no part of it may start a line with "::"
        text = text.replace("::", ":\\x3a")
    return text


def terminal_lines(text) -> str:
    """A block of text for the terminal whose own line breaks are kept (a rule's documentation):
    each line escaped as by :func:`terminal`."""
    return "\n".join(terminal(line) for line in str(text).split("\n"))


_GITHUB_CONTROL = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029" + _BIDI + "]")


def github_data(text) -> str:
    """The message part of a workflow command (after the second ``::``)."""
    text = str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return _GITHUB_CONTROL.sub(_visible, text)


def github_property(text) -> str:
    """A property value of a workflow command (``file=``, ``title=``)."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#|~^$])")
_MARKDOWN_LEADING = re.compile(r"^(\s*)([-+=]|\d+[.)])")
_LINE_BREAK = re.compile("\r\n|[\r\n\u2028\u2029\x0b\x0c\x85]")


def markdown(text) -> str:
    """``text`` as literal inline Markdown: no HTML, link, image, emphasis, heading, list or table
    break, and still readable in the Markdown source (``.``, ``-`` and ``+`` inside a sentence are
    left alone; ``$`` is escaped as GitHub reads ``$…$`` as maths)."""
    text = _LINE_BREAK.sub(" ", str(text))
    text = UNSAFE.sub(_visible, text)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", text)
    m = _MARKDOWN_LEADING.match(text)
    if m:  # a leading "-", "+", "=" or "1." cannot start a list or an underline heading
        cut = m.end(2) - 1 if m.group(2)[0].isdigit() else m.end(1)
        text = text[:cut] + "\\" + text[cut:]
    return text


_HTML_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f" + _BIDI + "]")


def html(text) -> str:
    """``text`` as HTML text or a quoted attribute value."""
    text = _HTML_CONTROL.sub(_visible, str(text))
    return _html.escape(text, quote=True)
