"""The settings' ``exclude``: gitignore-style patterns, matched by pathspec as git matches them.

A pattern without a slash (``tests``, ``*.draft.toml``) matches a file or folder of that name at
any depth; one with a slash inside (``drafts/*.toml``, ``/old``) is relative to the settings
file's folder; a trailing slash (``**/drafts/``) matches folders only, and everything below them;
``*`` stays within a folder, ``**`` crosses folders; ``!pattern`` takes back what an earlier
pattern excluded.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec


@lru_cache(maxsize=64)  # a pure function of the patterns: nothing to invalidate
def _spec(patterns: tuple[str, ...]) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec

    return GitIgnoreSpec.from_lines(patterns)


def excluded(patterns: tuple[str, ...], root: str, path: Path) -> bool:
    """Whether ``path`` (a file met while walking a directory) is left out by ``patterns``, which are
    relative to ``root``. A file outside ``root`` is never excluded."""
    if not patterns:
        return False
    try:
        relative = path.resolve().relative_to(root).as_posix()
    except ValueError:
        return False
    return _spec(patterns).match_file(relative)
