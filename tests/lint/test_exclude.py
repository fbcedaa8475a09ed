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


def _walk(tmp_path: Path, patterns: list[str], names: list[str]) -> list[str]:
    import json

    (tmp_path / "campaignsim.toml").write_text(f"exclude = {json.dumps(patterns)}\n", encoding="utf-8")
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    files, _ = scenario_files([tmp_path])
    return sorted(p.relative_to(tmp_path).as_posix() for p in files)


FILES = ["a.toml", "drafts/b.toml", "team/drafts/c.toml", "team/d.toml", "drafts/keep.toml", "team/keep.toml", "x.draft.toml",
         "team/y.draft.toml"]


@pytest.mark.parametrize("patterns, kept", [
    # a bare name matches at any depth, as in .gitignore
    (["drafts"], ["a.toml", "team/d.toml", "team/keep.toml", "team/y.draft.toml", "x.draft.toml"]),
    (["*.draft.toml"], ["a.toml", "drafts/b.toml", "drafts/keep.toml", "team/d.toml", "team/drafts/c.toml", "team/keep.toml"]),
    # a leading or inner slash anchors the pattern at the settings file's folder
    (["/drafts"], ["a.toml", "team/d.toml", "team/drafts/c.toml", "team/keep.toml", "team/y.draft.toml", "x.draft.toml"]),
    (["team/*.toml"], ["a.toml", "drafts/b.toml", "drafts/keep.toml", "team/drafts/c.toml", "x.draft.toml"]),
    # ** crosses folders; a trailing slash names folders only
    (["**/drafts/"], ["a.toml", "team/d.toml", "team/keep.toml", "team/y.draft.toml", "x.draft.toml"]),
    (["team/**/*.toml"], ["a.toml", "drafts/b.toml", "drafts/keep.toml", "x.draft.toml"]),
    # ! takes back what an earlier pattern excluded
    (["*.toml", "!keep.toml"], ["drafts/keep.toml", "team/keep.toml"]),
    (["**/drafts/", "!**/drafts/keep.toml"], ["a.toml", "drafts/keep.toml", "team/d.toml", "team/keep.toml", "team/y.draft.toml",
                                               "x.draft.toml"]),
    (["drafts/*.toml", "!drafts/keep.toml"], ["a.toml", "drafts/keep.toml", "team/d.toml", "team/drafts/c.toml", "team/keep.toml",
                                              "team/y.draft.toml", "x.draft.toml"]),
])
def test_exclude_patterns_are_gitignore_style(tmp_path: Path, patterns, kept):
    assert _walk(tmp_path, patterns, FILES) == kept


def test_exclude_patterns_are_relative_to_the_settings_file(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    kept = _walk(tmp_path / "sub", ["/a.toml"], ["a.toml", "more/a.toml"])
    assert kept == ["more/a.toml"]
