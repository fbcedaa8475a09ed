"""exclude in the settings leaves files out of a directory walk, not out of an explicit list."""

import subprocess
import sys
from pathlib import Path

from campaignsim.lint.config import ConfigError, parse_config
from campaignsim.lint.engine import scenario_files

import pytest


def test_excluded_folders_and_globs_are_skipped_in_a_directory(tmp_path: Path):
    (tmp_path / "campaignsim.toml").write_text('exclude = ["fixtures", "drafts/*.toml"]\n', encoding="utf-8")
    for name in ("a.toml", "fixtures/b.toml", "fixtures/deep/c.toml", "drafts/d.toml", "drafts/keep/e.toml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    files, _ = scenario_files([tmp_path])
    assert sorted(p.relative_to(tmp_path).as_posix() for p in files) == ["a.toml", "drafts/keep/e.toml"]
    named, _ = scenario_files([tmp_path / "fixtures" / "b.toml"])
    assert [p.name for p in named] == ["b.toml"]


def test_exclude_must_be_strings():
    with pytest.raises(ConfigError, match="exclude: must be an array of strings"):
        parse_config({"exclude": [1]}, "campaignsim.toml")


def test_the_projects_own_checkout_lints_clean_of_fixture_files():
    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-m", "campaignsim", "lint", ".", "--format", "json"], capture_output=True, text=True, cwd=root)
    assert "tests/rule_cases" not in proc.stdout + proc.stderr
    assert proc.returncode in (0, 1), proc.stderr
