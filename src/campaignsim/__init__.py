"""campaignsim: check, simulate and compare social-media campaigns before launch.

The public Python API mirrors the command line:

    >>> import campaignsim
    >>> result = campaignsim.lint(["scenarios/wechat_share_to_enter.toml"])
    >>> sims = campaignsim.simulate(scenario, runs=200, seed=1)

``campaignsim.lint`` is the linter's package, which can be called (:mod:`campaignsim.lint`).
Heavy modules (numpy, simpy) are imported only when simulation is asked for.
"""

from campaignsim._version import __version__

__all__ = ["__version__", "load", "lint", "lint_paths", "simulate"]


def __getattr__(name: str):
    # ``campaignsim.lint`` before anything imported the linter: import it now (it then stays bound).
    if name == "lint":
        import importlib

        return importlib.import_module("campaignsim.lint")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def load(path, *, plugins=None):
    """Load a scenario file into a :class:`~campaignsim.load.LoadedFile` (base plus variants)."""
    from campaignsim.load import load_file
    from campaignsim.plugin.manager import get_registry

    return load_file(path, get_registry(plugins))


def lint_paths(paths, **options):
    """Lint scenario files and directories; returns a :class:`~campaignsim.lint.engine.LintReport`
    (the same as calling ``campaignsim.lint``)."""
    from campaignsim.lint.engine import lint_paths as _lint_paths

    return _lint_paths(paths, **options)


def simulate(scenario, **options):
    """Simulate one scenario (a model value); returns a summary of the Monte Carlo runs."""
    from campaignsim.sim import simulate as _simulate

    return _simulate(scenario, **options)
