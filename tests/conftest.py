"""Fixtures shared by every test folder."""

from __future__ import annotations

import pytest

from campaignsim._session import purge


@pytest.fixture
def fresh_caches():
    """A test that needs campaignsim to forget what it remembers (plugin registries, settings found,
    rule indexes): empties the session before and after the test, and gives the purge function for a
    test that changes a settings file or the installed plugins midway."""
    purge()
    yield purge
    purge()
