"""campaignsim's pytest plugin (the ``pytest11`` entry point): the fixture ``campaignsim_registry``.

pytest imports this module at start-up in every environment where campaignsim is installed, so it
imports nothing of campaignsim itself: the registry, and the linter it needs, are imported when a
test asks for the fixture. The rule-testing helpers are in :mod:`campaignsim.testing`.
"""

import pytest


@pytest.fixture
def campaignsim_registry():
    """The registry of every installed plugin, as the command line would load it."""
    from campaignsim.plugin.manager import get_registry

    return get_registry()
