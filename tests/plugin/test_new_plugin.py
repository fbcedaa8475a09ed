"""`campaignsim new plugin NAME` writes a plugin package whose own tests pass, in one command."""

import subprocess
import sys

import pytest


def test_new_plugin_writes_a_package_whose_tests_pass(cli, tmp_path):
    result = cli("new", "plugin", "acme", "--directory", str(tmp_path))
    assert result.returncode == 0, result.stderr
    root = tmp_path / "campaignsim-acme"
    for path in ("pyproject.toml", "README.md", "src/campaignsim_acme/plugin.py", "src/campaignsim_acme/platform.py",
                 "src/campaignsim_acme/actions.py", "src/campaignsim_acme/rules/acme001.py", "tests/rule_cases/ACME001.toml",
                 "tests/test_plugin.py", "scenarios/example.toml"):
        assert (root / path).is_file(), path
    assert 'campaignsim_acme = "campaignsim_acme.plugin"' in (root / "pyproject.toml").read_text(encoding="utf-8")
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=root, capture_output=True, text=True,
                           timeout=300)
    assert tests.returncode == 0, tests.stdout + tests.stderr
    assert "7 passed" in tests.stdout


def test_new_plugin_refuses_to_overwrite_and_refuses_bad_or_built_in_names(cli, tmp_path):
    assert cli("new", "plugin", "acme", "-d", str(tmp_path)).returncode == 0
    again = cli("new", "plugin", "acme", "-d", str(tmp_path))
    assert again.returncode != 0 and "already exists" in again.stderr
    for bad, phrase in (("9lives", "lower-case letters"), ("wechat", "a built-in pack already provides 'wechat'")):
        result = cli("new", "plugin", bad, "-d", str(tmp_path))
        assert result.returncode == 2 and phrase in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["campaignsim-acme"]
