"""The command line's console helpers: one-line messages, output to a file or standard output,
plugin failures, and the progress bar. Rich is imported only when a bar is shown."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Optional

import click

from campaignsim.cli.app import Settings

if TYPE_CHECKING:  # rich is imported only when a bar is shown
    from rich.progress import TaskID


def say(message: str) -> None:
    """One line on standard error, escaped for the terminal (paths, names and plugin messages in it
    are data, not control sequences or workflow commands)."""
    from campaignsim.report.escape import terminal

    click.echo(terminal(message), err=True)


def fail(message: str, code: int = 2):
    say(f"campaignsim: {message}")
    sys.exit(code)


def stop(progress, executor=None) -> None:
    """After the work, in a ``finally``: release the executor's workers and clear the progress bar
    (before anything else is printed)."""
    if executor is not None:
        executor.close()
    if progress is not None:
        progress.stop()


def refuse(problem: Optional[str]) -> None:
    """A problem that stopped the work, said on one line (it names its file and key where it has
    them); the command exits 2. Nothing when there is none."""
    if problem:
        say(problem)
        sys.exit(2)


def emit(text: str, output: str | None) -> None:
    if output:
        from campaignsim._io import write_atomic

        try:
            write_atomic(output, text)
        except OSError as exc:
            fail(f"cannot write {output}: {exc.strerror or exc}")
    else:
        click.echo(text, nl=False)


def _verbose() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx is not None and getattr(ctx.find_object(Settings), "verbose", False))


def report_plugin_failures(registry, *, tracebacks_only: bool = False) -> None:
    """Each plugin failure on standard error, one line each; with ``--verbose`` the plugin's traceback too."""
    verbose = _verbose()
    for failure in registry.failures:
        if not tracebacks_only:
            say(f"campaignsim: {failure.render()}")
        if verbose and failure.traceback:
            say(failure.traceback.rstrip("\n"))


def refuse_overwriting_inputs(inputs, *outputs) -> None:
    """Exit 2 before any work when an output file would replace an input."""
    from campaignsim.report.files import overwrites_input

    for output in outputs:
        problem = overwrites_input(output, inputs)
        if problem:
            fail(problem)


class Progress:
    """A rich progress bar on standard error (``start(total)``, ``advance(n)``, ``stop()``); the
    commands create one only when the output goes to a terminal."""

    def __init__(self, description: str):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                            transient=True, console=_stderr_console())
        self.description = description
        self.task: Optional[TaskID] = None

    def start(self, total: int) -> None:
        self.bar.start()
        self.task = self.bar.add_task(self.description, total=total)

    def advance(self, n: int = 1) -> None:
        if self.task is not None:
            self.bar.advance(self.task, n)

    def stop(self) -> None:
        self.bar.stop()


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)
