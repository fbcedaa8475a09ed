"""`campaignsim new`: start something new from a template (`campaignsim new plugin NAME`)."""

from __future__ import annotations

import click


@click.group("new")
def new() -> None:
    """Create a new project from a template."""


def _register() -> None:
    from campaignsim.scaffold_plugin import new_plugin

    new.add_command(new_plugin)


_register()
