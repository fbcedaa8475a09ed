"""The pre-commit hook manifest (.pre-commit-hooks.yaml) runs `campaignsim lint` on scenario files."""

import re
import shlex
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml

from campaignsim.testing import MINIMAL_SCENARIO

MANIFEST = Path(__file__).resolve().parents[2] / ".pre-commit-hooks.yaml"


def hook() -> dict:
    hooks = yaml.safe_load(MANIFEST.read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and len(hooks) == 1
    return hooks[0]


def test_manifest_declares_the_campaignsim_lint_hook_for_python():
    h = hook()
    assert {"id", "name", "entry", "language"} <= set(h)
    assert (h["id"], h["entry"], h["language"]) == ("campaignsim-lint", "campaignsim lint", "python")
    assert h["types"] == ["toml"]
    assert h.get("pass_filenames", True) is True


def test_hook_skips_settings_files_and_other_tools_toml_but_not_scenarios():
    exclude = re.compile(hook()["exclude"])
    for skipped in ("pyproject.toml", "campaignsim.toml", "sub/dir/pyproject.toml", "campaigns/campaignsim.toml", "Cargo.toml", ".ruff.toml"):
        assert exclude.search(skipped), skipped
    for linted in ("campaigns/spring.toml", "scenarios/my_pyproject.toml", "pyproject.toml.d/x.toml", "wechat-campaignsim.toml"):
        assert not exclude.search(linted), linted


def test_hook_entry_runs_lint_on_the_files_pre_commit_passes(tmp_path):
    program, *args = shlex.split(hook()["entry"])
    script = Path(sys.executable).parent / program
    assert script.exists(), f"{program} is not installed beside {sys.executable}"
    scenario = tmp_path / "spring.toml"
    scenario.write_text(textwrap.dedent(MINIMAL_SCENARIO) + '\n[lint]\nignore = [{ code = "NOSUCH1" }]\n', encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text("[campaign\n", encoding="utf-8")

    ok = subprocess.run([str(script), *args, "--select", "CS", str(scenario)], capture_output=True, text=True, timeout=120)
    assert ok.returncode == 0, ok.stdout + ok.stderr  # warnings do not stop a commit by default
    assert "CS001 warning" in ok.stdout and "in 1 file" in ok.stdout

    stopped = subprocess.run([str(script), *args, "--fail-on", "warning", "--select", "CS", str(scenario)], capture_output=True, text=True, timeout=120)
    assert stopped.returncode == 1

    failed = subprocess.run([str(script), *args, str(scenario), str(broken)], capture_output=True, text=True, timeout=120)
    assert failed.returncode == 2 and "invalid TOML" in failed.stdout
