"""One way in for TOML: scenario files, settings files and the test helpers' documents are all read
here.

    raw, locator, error = read(text, "spring.toml")

:func:`read` tries the one-pass reader first (:mod:`.onepass`: the TOML scenario files are written
in, with each key's line and each line's comment recorded as it goes); anything else goes to
tomllib (:mod:`.fallback`), which stays the authority and words the errors, and then to the
:class:`Locator` (:mod:`.locate`) for the lines. :mod:`.quoting` writes keys and strings as TOML does.
"""

from __future__ import annotations

from typing import Optional

from campaignsim.load.errors import LoadError
from campaignsim.load.toml import onepass
from campaignsim.load.toml.fallback import TOMLDecodeError, loads, parse
from campaignsim.load.toml.locate import Locator
from campaignsim.load.toml.quoting import key_part, quote

__all__ = ["Locator", "TOMLDecodeError", "key_part", "loads", "parse", "quote", "read"]


def read(text: str, shown: str) -> tuple[Optional[dict], Optional[Locator], Optional[LoadError]]:
    """The document in ``text``, where its keys stand (None when the text is nested too deeply to
    scan), or the error that keeps it from being read (``shown`` names the file in it)."""
    found = onepass.read(text)
    if found is not None:
        raw, lines, comments = found
        return raw, Locator.from_positions(lines, comments), None
    parsed, error = parse(text, shown)
    if error is not None:
        return None, None, error
    try:
        locator: Optional[Locator] = Locator(text)
    except RecursionError:
        locator = None
    return parsed, locator, None
