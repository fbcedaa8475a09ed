"""The pytest11 entry point: a fixture, and nothing of campaignsim imported when pytest starts."""

import importlib.metadata
import subprocess
import sys


def test_the_entry_point_is_the_thin_plugin_module():
    points = [e for e in importlib.metadata.entry_points(group="pytest11") if e.name == "campaignsim"]
    assert [e.value for e in points] == ["campaignsim.pytest_plugin"]


def test_importing_the_plugin_imports_neither_the_linter_nor_the_testing_helpers():
    code = "import sys, campaignsim.pytest_plugin; print(sorted(m for m in sys.modules if m.startswith('campaignsim')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == "['campaignsim', 'campaignsim._version', 'campaignsim.pytest_plugin']"


def test_the_fixture_gives_the_registry_of_the_installed_plugins(campaignsim_registry):
    assert campaignsim_registry.rule("WX001") is not None
