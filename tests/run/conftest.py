from pathlib import Path

import pytest

from campaignsim.plugin.manager import get_registry
from campaignsim.runner import run_scenarios

ROOT = Path(__file__).resolve().parents[2]
REFERENCE = ROOT / "tests" / "data" / "reference-scenario.toml"


@pytest.fixture(scope="session")
def reference_path() -> Path:
    return REFERENCE


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def reference_run():
    """The reference scenario run once for the whole session (it is the slow part)."""
    return run_scenarios([REFERENCE], get_registry(), runs=60, seed=7)
