"""Atomic output: write to a temporary file beside the target, then rename over it, so a reader
never sees half a file and a failed write leaves what was there before untouched.

A target that is a symbolic link stays one: the file it points to is replaced (atomically, beside
that file), not the link. The temporary file is removed on any failure, on Ctrl-C, and on SIGTERM
or SIGHUP once :func:`install_signal_handlers` has run (the command line does so at start).
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import IO, Any


def resolve_target(path) -> Path:
    """The file a write to ``path`` replaces: ``path`` itself, or what it links to (links followed)."""
    path = Path(path)
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def write_atomic(path, data, *, binary: bool = False) -> None:
    import tempfile  # only a command that writes a file needs it

    path = resolve_target(path)
    directory = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        handle: IO[Any] = os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_MAIN_PID = None


def _terminate(signum, frame):  # pragma: no cover - exercised through a subprocess
    if os.getpid() != _MAIN_PID:  # a worker process inherited the handler: die as the signal says
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
        return
    # SystemExit unwinds the stack, so every ``except BaseException`` / ``finally`` that removes a
    # temporary file runs; the exit status is the shell's for a death by this signal.
    sys.exit(128 + signum)


def install_signal_handlers() -> None:
    """Turn SIGTERM and SIGHUP into a clean exit of this process, so temporary files are removed."""
    global _MAIN_PID
    _MAIN_PID = os.getpid()
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is None:
            continue
        try:
            if signal.getsignal(signum) in (signal.SIG_DFL, None):
                signal.signal(signum, _terminate)
        except (ValueError, OSError):  # not the main thread, or not allowed here
            pass
