from pathlib import Path

import pytest

from campaignsim.plugin.manager import get_registry

from analysis_helpers import SMALL


@pytest.fixture(scope="session")
def registry():
    return get_registry()


@pytest.fixture
def small_path(tmp_path) -> Path:
    path = tmp_path / "small.toml"
    path.write_text(SMALL, encoding="utf-8")
    return path
