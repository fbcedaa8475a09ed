"""Run the installed ``campaignsim`` command as a user would: ``cli("lint", path, cwd=...)``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def campaignsim_command() -> str:
    script = Path(sys.executable).parent / "campaignsim"
    assert script.exists(), f"the campaignsim command is not installed beside {sys.executable}: pip install -e ."
    return str(script)


def run_cli(*args: str, cwd: Path | None = None, columns: int = 200, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": str(columns)}
    return subprocess.run([campaignsim_command(), *args], capture_output=True, text=True, env=env, cwd=cwd,
                          timeout=300, input=stdin if stdin is not None else "")


@pytest.fixture
def cli():
    return run_cli
