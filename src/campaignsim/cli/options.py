"""Command-line options shared by several commands: --fixed-parameters and --calibration (simulate,
run, compare), --scheduler and the executor it opens (simulate, run, compare, sweep, sensitivity,
calibrate)."""

from __future__ import annotations

import sys
from typing import Optional

import click


def uncertainty_options(f):
    """--fixed-parameters and --calibration."""
    f = click.option("--fixed-parameters", "fixed_parameters", is_flag=True,
                     help="Keep every parameter at its value (Monte Carlo noise only) instead of drawing them from their priors "
                          "or a calibration: intervals are then over runs, not prediction intervals.")(f)
    f = click.option("--calibration", "calibration_path", type=click.Path(dir_okay=False), default=None,
                     help="A calibration file from `campaignsim calibrate`: its fitted values and posterior replace the priors.")(f)
    return f


def scheduler_option(f):
    """``--scheduler tcp://HOST:PORT`` (or ``DASK_SCHEDULER_ADDRESS``): run on an existing Dask cluster."""
    return click.option("--scheduler", envvar="DASK_SCHEDULER_ADDRESS", default=None, metavar="ADDRESS",
                        help="Send the replications to this Dask scheduler (tcp://HOST:PORT; also DASK_SCHEDULER_ADDRESS). "
                             "Default: processes on this machine. The numbers are the same either way.")(f)


def open_executor(jobs: int, scheduler: Optional[str]):
    """The executor for ``--jobs``/``--scheduler``, or exit 2 with one line saying why not."""
    from campaignsim.parallel import ExecutorError, executor_for

    try:
        return executor_for(jobs=jobs, scheduler=scheduler)
    except ExecutorError as exc:
        from campaignsim.cli.console import say

        say(f"campaignsim: {exc}")
        sys.exit(2)


def read_calibration(path):
    """The --calibration file, read (exit 2 with a one-line message when it cannot be)."""
    if path is None:
        return None
    from campaignsim.calibrate import CalibrationError, load_calibration

    try:
        return load_calibration(path)
    except CalibrationError as exc:
        from campaignsim.cli.console import fail

        fail(str(exc))
