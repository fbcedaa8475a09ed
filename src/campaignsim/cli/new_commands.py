"""``new scenario`` and ``new plugin``: files to start from."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import click

from campaignsim.cli.app import main
from campaignsim.cli.console import fail
from campaignsim.scaffold_plugin import write_plugin
from campaignsim.starter import MECHANICS, PLATFORMS, starter_scenario, unavailable_message


@main.group("new")
def new() -> None:
    """Write a file to start from: `new scenario` a starter scenario, `new plugin NAME` a plugin package."""


def _interactive() -> bool:
    return sys.stdin.isatty()


@new.command("scenario")
@click.option("--platform", type=click.Choice(sorted(PLATFORMS)), default=None,
              help="The platform (asked on a terminal; default wechat).")
@click.option("--mechanic", type=click.Choice(sorted(MECHANICS)), default=None,
              help="How people enter: comment, form, ugc (a judged photo contest), repost (Weibo), join_draw "
                   "(Xiaohongshu's draw tool). Asked on a terminal; default: the platform's first.")
@click.option("--output", "-o", type=click.Path(dir_okay=False), default=None,
              help="Write the scenario to FILE (never over an existing file); default: standard output.")
def scenario(platform: Optional[str], mechanic: Optional[str], output: Optional[str]) -> None:
    """Write a commented starter scenario for a platform and an entry mechanic: it lints without an
    error and runs, ready to fill in with the campaign's own values.

    \b
    campaignsim new scenario --platform weibo --mechanic repost -o my.toml
    campaignsim new scenario -o my.toml        asks for the platform and mechanic on a terminal
    """
    if output is not None and os.path.lexists(output):
        fail(f"{output} already exists: choose another name (new never overwrites a file)")
    if output is not None:
        parent = os.path.dirname(output) or "."
        if not os.path.isdir(parent):
            fail(f"cannot write {output}: no such directory {parent}")
    ask = _interactive()
    if platform is None:
        platform = click.prompt("Platform", type=click.Choice(sorted(PLATFORMS)), default="wechat", err=True) if ask else "wechat"
    profile = PLATFORMS[platform]
    if mechanic is None:
        choices = list(profile.mechanics)
        mechanic = click.prompt("How people enter", type=click.Choice(choices), default=choices[0], err=True) if ask else choices[0]
    if mechanic not in profile.mechanics:
        fail(unavailable_message(platform, mechanic))
    text = starter_scenario(platform, mechanic)
    if output is None:
        click.echo(text, nl=False)
        return
    from campaignsim._io import write_atomic

    try:
        _write_new(output, text, write_atomic)
    except FileExistsError:
        fail(f"{output} already exists: choose another name (new never overwrites a file)")
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    from campaignsim.report.escape import terminal

    name = terminal(output)  # the name as typed, shown, never interpreted by the terminal
    click.echo(f"wrote {name}: a {profile.title} {MECHANICS[mechanic].kind} entered by {MECHANICS[mechanic].title}.\n"
               f"Next: campaignsim lint {name}, then campaignsim run {name} --report report.html", err=True)


def _write_new(path: str, text: str, write_atomic) -> None:
    """Write ``text`` to a new file ``path``: claim the name first, so a file made meanwhile is never replaced."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    os.close(fd)
    try:
        write_atomic(path, text)
    except BaseException:
        os.unlink(path)
        raise


@new.command("plugin")
@click.argument("name")
@click.option("--directory", "-d", type=click.Path(file_okay=False), default=".", show_default=True,
              help="Where to create the campaignsim-NAME folder.")
def new_plugin(name: str, directory: str) -> None:
    """Create a plugin package campaignsim-NAME: a platform, an entry action and a rule with tests that pass.

    \b
    campaignsim new plugin acme
    cd campaignsim-acme && pip install -e .[test] && pytest
    """
    from campaignsim.report.escape import terminal

    root = terminal(write_plugin(name, Path(directory)))  # the folder as given, never interpreted by the terminal
    click.echo(f"created {root}: cd {root} && pip install -e .[test] && pytest")
