"""Fixtures for plugin tests: fake installed distributions and the real command line.

A fake distribution is a directory holding ``<name>-0.1.dist-info/{METADATA,entry_points.txt}``
plus the plugin's modules; put on ``PYTHONPATH`` it is found by ``importlib.metadata`` exactly as an
installed plugin is, so the command runs its real discovery.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from campaignsim.testing import MINIMAL_SCENARIO


def campaignsim_command() -> str:
    script = Path(sys.executable).parent / "campaignsim"
    assert script.exists(), f"the campaignsim command is not installed beside {sys.executable}: pip install -e ."
    return str(script)


def write_distribution(root: Path, name: str, entry_points: dict[str, str], modules: dict[str, str]) -> None:
    """A distribution ``name`` 0.1 with ``entry_points`` (plugin name → module) in the campaignsim group."""
    info = root / f"{name.replace('-', '_')}-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    lines = ["[campaignsim]"] + [f"{ep} = {module}" for ep, module in entry_points.items()]
    (info / "entry_points.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for module, source in modules.items():
        (root / f"{module}.py").write_text(textwrap.dedent(source), encoding="utf-8")


def run_cli(*args: str, pythonpath: Path | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    if pythonpath is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(pythonpath), *filter(None, [os.environ.get("PYTHONPATH")])])
    return subprocess.run([campaignsim_command(), *args], capture_output=True, text=True, env=env, cwd=cwd, timeout=120)


@pytest.fixture
def scenario_with_reasonless_unknown_ignore(tmp_path) -> Path:
    """A clean campaign plus one ignore that gives no reason (CS001) and names no rule (CS002)."""
    path = tmp_path / "campaign.toml"
    path.write_text(textwrap.dedent(MINIMAL_SCENARIO) + '\n[lint]\nignore = [{ code = "NOSUCH999" }]\n', encoding="utf-8")
    return path


@pytest.fixture
def cli():
    """Run the installed ``campaignsim`` command: ``cli("lint", path, pythonpath=site)``."""
    return run_cli


@pytest.fixture
def site(tmp_path) -> Path:
    """An empty directory for fake distributions, to pass as ``pythonpath``."""
    path = tmp_path / "site"
    path.mkdir()
    return path


@pytest.fixture
def fake_distribution():
    """``fake_distribution(root, dist_name, {plugin_name: module}, {module: source})``."""
    return write_distribution


# tests/plugin/data holds whole plugin packages with their own tests, run by test_second_plugin.py in
# their own folder (their rootdir and pythonpath), not collected as part of this suite.
collect_ignore_glob = ["data/*"]
