"""What campaignsim remembers while it runs, in one place.

Work that depends on the world outside the code (the installed plugins, the settings files on
disk, the working directory) is done once and remembered in the current :class:`Session`: the
plugin registries by their options, the lint settings found per folder and per path, and the lint
engine's index of each registry's rules. The session is held in a :class:`contextvars.ContextVar`,
so every layer reaches it without importing another, and code that needs a clean slate can run
in a session of its own (:func:`using`). Tests empty it with :func:`purge`.

Each cache is a plain dict under its name in the session, created on first use, so a hit costs a
``ContextVar.get()`` and two dict lookups::

    registries = current()[REGISTRIES]

Memos of pure functions of what the code itself declares (a model class's fields, the ISO code
tables, a regular expression built from a constant) stay as ``functools.lru_cache`` where they are:
nothing outside the code can make them wrong.

This module imports nothing of campaignsim, so any layer may use it.
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator, Optional


class Session(defaultdict):
    """The caches of one run: cache name → that cache's dict (an empty one on first use)."""

    def __init__(self) -> None:
        super().__init__(dict)

    def __repr__(self) -> str:
        return f"Session({', '.join(f'{name}: {len(cache)}' for name, cache in sorted(self.items())) or 'empty'})"


_PROCESS = Session()  # the session of any context that has not chosen one: the whole process shares it
_CURRENT: ContextVar[Session] = ContextVar("campaignsim_session", default=_PROCESS)

current = _CURRENT.get
"""The current :class:`Session`."""


def purge() -> None:
    """Forget everything the current session remembers: plugins are discovered, settings files read
    and rule indexes built again when next needed."""
    _CURRENT.get().clear()


@contextmanager
def using(session: Optional[Session] = None) -> Iterator[Session]:
    """Run a block in ``session`` (a new, empty one by default) instead of the current one."""
    session = Session() if session is None else session
    token = _CURRENT.set(session)
    try:
        yield session
    finally:
        _CURRENT.reset(token)
