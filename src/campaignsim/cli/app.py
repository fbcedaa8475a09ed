"""The ``campaignsim`` click group and its global options (the plugins to load, --verbose)."""

from __future__ import annotations

import click

from campaignsim._version import __version__


class Settings:
    def __init__(self, no_plugins: bool = False, plugins: tuple[str, ...] = (), verbose: bool = False):
        self.no_plugins = no_plugins
        self.plugins = plugins
        self.verbose = verbose

    def plugin_options(self) -> dict:
        if self.no_plugins:
            return {"include_third_party": False}
        if self.plugins:
            return {"include_third_party": True, "only": list(self.plugins)}
        return {}

    def registry(self):
        from campaignsim.plugin.manager import get_registry

        return get_registry(self.plugin_options())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", "-V", prog_name="campaignsim")
@click.option("--no-plugins", is_flag=True, help="Load only the built-in packs, no third-party plugins.")
@click.option("--plugin", "plugins", multiple=True, metavar="NAME", help="Load only this third-party plugin (repeatable), besides the built-in packs.")
@click.option("--verbose", "-v", is_flag=True, help="Print the traceback of a plugin that fails, after its one-line message.")
@click.pass_context
def main(ctx: click.Context, no_plugins: bool, plugins: tuple[str, ...], verbose: bool) -> None:
    """Check, simulate and compare social-media campaigns before launch.

    \b
    campaignsim run scenarios/wechat_lucky_draw_variants.toml   lint, simulate, compare
    campaignsim lint scenarios/                                  rules only (fast, for CI)
    campaignsim explain WX001                                    one rule and its sources
    """
    if no_plugins and plugins:
        raise click.UsageError("--no-plugins and --plugin exclude each other: --plugin NAME already loads only NAME besides the built-in packs")
    from campaignsim._io import install_signal_handlers

    install_signal_handlers()  # SIGTERM and SIGHUP unwind like Ctrl-C: no temporary file is left behind
    ctx.obj = Settings(no_plugins, plugins, verbose)
