"""The command line: parse, call one library function, pick a format, set the exit code.

Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 unusable input, usage
or a plugin failure. Heavy modules (numpy, simpy, matplotlib) are imported only by the commands
that need them, so ``--help`` and ``lint`` start fast.

``main`` (the ``campaignsim`` console script) is the click group of :mod:`campaignsim.cli.app`;
each command family registers its commands on it: :mod:`~campaignsim.cli.lint_commands` (lint,
rules, explain, plugins, schema), :mod:`~campaignsim.cli.run_commands` (run, compare, simulate),
:mod:`~campaignsim.cli.analysis_commands` (sweep, sensitivity, calibrate) and
:mod:`~campaignsim.cli.new_commands` (new scenario, new plugin). The console helpers are in
:mod:`~campaignsim.cli.console`.
"""

from campaignsim.cli import analysis_commands, lint_commands, new_commands, run_commands  # noqa: F401  (register the commands)
from campaignsim.cli.app import Settings, main

__all__ = ["Settings", "main"]
