"""scripts/ensure-chromium.sh, which the README's test command (scripts/test.sh) and CI run: with a
PATH of fake commands, so that nothing is installed for real."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "ensure-chromium.sh"
BASH = "/bin/bash"


def _bin(tmp_path: Path, *, uid: int, apt: bool, chromium: bool) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "env").symlink_to("/usr/bin/env")
    (folder / "id").write_text(f"#!{BASH}\necho {uid}\n")
    if apt:  # records its arguments; "install chromium" puts a chromium on PATH
        (folder / "apt-get").write_text(
            f'#!{BASH}\necho "$*" >> "{tmp_path}/apt.log"\n'
            f'if [ "$1" = install ]; then printf "#!{BASH}\\n" > "{folder}/chromium"; /bin/chmod +x "{folder}/chromium"; fi\n')
    if chromium:
        (folder / "chromium").write_text(f"#!{BASH}\n")
    for f in folder.iterdir():
        if not f.is_symlink():
            f.chmod(0o755)
    return folder


def _run(folder: Path) -> subprocess.CompletedProcess:
    return subprocess.run([BASH, str(SCRIPT)], capture_output=True, text=True, env={"PATH": str(folder)}, timeout=60)


@pytest.mark.skipif(not Path("/usr/bin/env").exists() or not Path(BASH).exists(), reason="needs /bin/bash and /usr/bin/env")
class TestEnsureChromium:
    def test_a_chromium_on_path_is_used_and_nothing_is_installed(self, tmp_path):
        result = _run(_bin(tmp_path, uid=0, apt=True, chromium=True))
        assert result.returncode == 0 and result.stderr == ""
        assert not (tmp_path / "apt.log").exists()

    def test_as_root_with_apt_get_it_installs_chromium(self, tmp_path):
        folder = _bin(tmp_path, uid=0, apt=True, chromium=False)
        result = _run(folder)
        assert result.returncode == 0, result.stderr
        assert (tmp_path / "apt.log").read_text().splitlines() == ["update -qq", "install -y -qq chromium"]
        assert (folder / "chromium").exists()

    def test_without_root_or_sudo_it_says_what_to_run(self, tmp_path):
        result = _run(_bin(tmp_path, uid=1000, apt=True, chromium=False))
        assert result.returncode == 1
        assert "run 'sudo apt-get install chromium'" in result.stderr
        assert not (tmp_path / "apt.log").exists()

    def test_without_apt_get_it_says_what_to_install(self, tmp_path):
        result = _run(_bin(tmp_path, uid=0, apt=False, chromium=False))
        assert result.returncode == 1 and "install Chromium or Google Chrome" in result.stderr


def test_the_readme_test_command_is_the_script_ci_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "\nscripts/test.sh" in readme.split("```sh", 1)[1].split("```", 1)[0]
    assert "scripts/test.sh" in ci
    assert os.access(ROOT / "scripts" / "test.sh", os.X_OK) and os.access(SCRIPT, os.X_OK)


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```sh", 1)[1].split("```", 1)[0]
    return [line.split("#", 1)[0].strip() for line in block.strip().splitlines()]


def test_right_under_the_readme_commands_it_says_what_runs_exit_code_1_means():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    after = readme.split("```sh", 1)[1].split("```", 1)[1].lstrip()
    first_paragraph = " ".join(after.split("\n\n", 1)[0].split())
    # the paragraph may open with what this command exits with; it must say what 1 means right there
    assert "Exit code 1 from `run` is not a failed install" in first_paragraph
    assert "2 means" in first_paragraph


def test_the_readme_run_command_ends_with_0_or_1_and_prints_the_report(cli):
    commands = _readme_commands()
    run = next(c for c in commands if "campaignsim run" in c).split("&&")[-1].split()
    assert run[:2] == ["campaignsim", "run"]
    result = cli(*run[1:], cwd=ROOT)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr and "comment to enter" in result.stdout
