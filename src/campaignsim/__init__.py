"""campaignsim: check, simulate and compare social-media campaigns before launch.

The public Python API mirrors the command line:

    >>> import campaignsim
    >>> result = campaignsim.lint(["scenarios/wechat_share_to_enter.toml"])
    >>> sims = campaignsim.simulate(scenario, runs=200, seed=1)

Heavy modules (numpy, simpy) are imported only when simulation is asked for.
"""

__version__ = "0.1.0"

__all__ = ["__version__", "load", "lint", "lint_paths", "simulate"]

# Import the subpackage before defining the function of the same name: importing
# campaignsim.lint later would otherwise replace the function with the module.
from campaignsim import lint as _lint_package  # noqa: E402,F401


def load(path, *, plugins=None):
    """Load a scenario file into a :class:`~campaignsim.load.LoadedFile` (base plus variants)."""
    from campaignsim.load import load_file
    from campaignsim.plugin.manager import get_registry

    return load_file(path, get_registry(plugins))


def lint(paths, **options):
    """Lint scenario files and directories; returns a :class:`~campaignsim.lint.engine.LintReport`."""
    from campaignsim.lint.engine import lint_paths

    return lint_paths(paths, **options)


def lint_paths(paths, **options):
    """Same as :func:`lint`."""
    return lint(paths, **options)


def simulate(scenario, **options):
    """Simulate one scenario (a model value); returns a summary of the Monte Carlo runs."""
    from campaignsim.sim import simulate as _simulate

    return _simulate(scenario, **options)
