"""`campaignsim --help` and `campaignsim lint` start without the simulator's heavy dependencies.

numpy, simpy and matplotlib belong to `sim/` and `report/` and are imported only by the commands
that simulate or plot; the linter runs in CI and pre-commit hooks, where start-up time matters.
"""

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from campaignsim.testing import MINIMAL_SCENARIO

HEAVY = {"numpy", "simpy", "matplotlib"}
EXAMPLE = Path(__file__).resolve().parents[1] / "plugins" / "campaignsim-example" / "scenarios" / "line_stamp_rally.toml"


def imported_packages(*args: str) -> set[str]:
    """Top-level packages imported by the installed command, from ``python -X importtime``."""
    script = Path(sys.executable).parent / "campaignsim"
    assert script.exists(), f"the campaignsim command is not installed beside {sys.executable}"
    result = subprocess.run([sys.executable, "-X", "importtime", str(script), *args], capture_output=True, text=True, timeout=120)
    assert result.returncode in (0, 1), result.stderr[-2000:]
    names = {line.rsplit("|", 1)[1].strip() for line in result.stderr.splitlines() if line.startswith("import time:") and line.count("|") == 2}
    assert "campaignsim.cli" in names, "importtime output not understood"
    return {name.split(".")[0] for name in names}


def test_help_does_not_import_numpy_simpy_or_matplotlib():
    assert imported_packages("--help") & HEAVY == set()


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_lint_does_not_import_numpy_simpy_or_matplotlib(tmp_path, fmt):
    scenario = tmp_path / "campaign.toml"
    scenario.write_text(textwrap.dedent(MINIMAL_SCENARIO), encoding="utf-8")
    packages = imported_packages("lint", "--format", fmt, str(scenario), str(EXAMPLE))
    assert "campaignsim" in packages and packages & HEAVY == set()
