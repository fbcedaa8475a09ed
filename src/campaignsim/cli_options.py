"""Command-line options shared by simulate, run and compare (kept apart from cli.py so that the
simulator's command can use them without importing the CLI)."""

from __future__ import annotations

import click


def uncertainty_options(f):
    """--fixed-parameters and --calibration."""
    f = click.option("--fixed-parameters", "fixed_parameters", is_flag=True,
                     help="Keep every parameter at its value (Monte Carlo noise only) instead of drawing them from their priors "
                          "or a calibration: intervals are then over runs, not prediction intervals.")(f)
    f = click.option("--calibration", "calibration_path", type=click.Path(dir_okay=False), default=None,
                     help="A calibration file from `campaignsim calibrate`: its fitted values and posterior replace the priors.")(f)
    return f
