"""Files that are not files, settings that point at their line, and scenarios that cannot switch
the linter off."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from campaignsim.cli import main
from campaignsim.load import load_file
from campaignsim.plugin.manager import get_registry

REGISTRY = get_registry({"include_third_party": False})


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/stdin", "/dev/urandom"])
def test_a_symlink_to_a_device_is_refused_before_it_is_read(tmp_path, target):
    assert os.path.exists(target), f"{target} is on every Linux system this test runs on"
    link = tmp_path / "campaign.toml"
    link.symlink_to(target)
    loaded = load_file(link, REGISTRY)
    assert len(loaded.errors) == 1 and not loaded.scenarios
    assert loaded.errors[0].render().startswith(f"{link}: is not a regular file (")


def test_a_fifo_in_a_linted_folder_neither_hangs_nor_is_read(tmp_path, write_scenario):
    write_scenario()
    os.mkfifo(tmp_path / "pipe.toml")
    (tmp_path / "zero.toml").symlink_to("/dev/zero")
    # In a child process with a timeout: before the fix this read /dev/zero without end, or blocked on the FIFO.
    done = subprocess.run([sys.executable, "-m", "campaignsim", "--no-plugins", "lint", str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert f"{tmp_path / 'pipe.toml'}: is not a regular file (a FIFO); only regular files are read" in done.stdout
    assert f"{tmp_path / 'zero.toml'}: is not a regular file (a character device)" in done.stdout
    assert "1 file" in done.stdout  # the real scenario was still linted


def test_a_settings_file_that_is_a_device_is_refused(tmp_path, write_scenario):
    path = write_scenario()
    (tmp_path / "campaignsim.toml").symlink_to("/dev/zero")
    result = CliRunner().invoke(main, ["--no-plugins", "lint", str(path)])
    # is_file() is false for a device, so it is not taken for a settings file at all
    assert result.exit_code in (0, 1)


def test_an_unknown_code_in_a_scenario_select_is_a_located_error(write_scenario):
    path = write_scenario(extra='\n[lint]\nselect = ["WX999"]\n')
    result = CliRunner().invoke(main, ["--no-plugins", "lint", str(path)])
    assert result.exit_code == 2
    assert f"{path}:31: lint.select[0]: 'WX999' matches no rule" in result.output


def test_an_unknown_code_in_a_variant_extend_select_names_the_variant(tmp_path):
    from tests_hostile_support import variant_with

    path = tmp_path / "v.toml"
    path.write_text(variant_with('lint.extend_select = ["NOPE1"]'), encoding="utf-8")
    result = CliRunner().invoke(main, ["--no-plugins", "lint", str(path)])
    assert result.exit_code == 2
    assert "in variant 'comment to enter': lint.extend_select[0]: 'NOPE1' matches no rule" in result.output


def test_settings_can_forbid_a_scenario_to_choose_its_rules(tmp_path, write_scenario):
    path = write_scenario(extra='\n[lint]\nselect = ["CS001"]\n')
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.campaignsim]\nscenario-may-select = false\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["--no-plugins", "lint", str(path)])
    assert result.exit_code == 2
    assert f"{path}:31: lint.select: this project does not let a scenario choose its rules" in result.output


def test_no_scenario_config_applies_neither_the_table_nor_inline_ignores(write_scenario):
    path = write_scenario(extra='\n[lint]\nselect = ["CS001"]\n')
    narrowed = CliRunner().invoke(main, ["--no-plugins", "lint", str(path)])
    full = CliRunner().invoke(main, ["--no-plugins", "lint", "--no-scenario-config", str(path)])
    assert narrowed.exit_code == 0 and "0 findings" in narrowed.output
    assert full.exit_code == 1 and "CN-LAW002" in full.output


@pytest.mark.parametrize("settings, expected", [
    ('[project]\nname = "x"\n\n[tool.campaignsim]\nselect = ["WX"]\nfail_on = "warning"\n',
     "pyproject.toml:6: [tool.campaignsim]: unknown key 'fail_on'; did you mean 'fail-on'?"),
    ('[tool.campaignsim]\n\nfail-on = "fatal"\n', "pyproject.toml:3: [tool.campaignsim]: fail-on: must be one of"),
    ('[tool.campaignsim]\nselect = ["GEN", "WX999"]\n', "pyproject.toml:2: [tool.campaignsim]: 'WX999' matches no rule"),
    ('[tool.campaignsim]\nscenario-may-select = "no"\n', "pyproject.toml:2: [tool.campaignsim]: scenario-may-select: must be true or false"),
    ('[tool.campaignsim]\nfail-on = \n', "pyproject.toml:2:11: invalid TOML"),
])
def test_settings_errors_name_the_line(tmp_path, write_scenario, settings, expected):
    path = write_scenario()
    (tmp_path / "pyproject.toml").write_text(settings, encoding="utf-8")
    result = CliRunner().invoke(main, ["--no-plugins", "lint", str(path)])
    assert result.exit_code == 2
    assert f"campaignsim: {tmp_path / expected}" in result.output


def test_run_takes_no_scenario_config_too(write_scenario):
    path = write_scenario(extra='\n[lint]\nselect = ["CS001"]\n')
    narrowed = CliRunner().invoke(main, ["--no-plugins", "run", "--runs", "2", "--jobs", "1", "--format", "json", str(path)])
    full = CliRunner().invoke(main, ["--no-plugins", "run", "--runs", "2", "--jobs", "1", "--format", "json", "--no-scenario-config", str(path)])
    assert narrowed.exit_code == 0 and "CN-LAW002" not in narrowed.output
    assert full.exit_code == 1 and "CN-LAW002" in full.output


def test_an_exchange_rate_that_would_overflow_a_total_is_refused_at_its_line(tmp_path, write_scenario):
    path = write_scenario()
    (tmp_path / "campaignsim.toml").write_text("exchange-rates = { CNY = 1e-300 }\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--no-plugins", "lint", str(path)])
    assert result.exit_code == 2
    assert f"{tmp_path / 'campaignsim.toml'}:1: exchange-rates: must be a table of positive numbers" in result.output


def test_settings_that_forbid_choosing_rules_forbid_a_scenarios_rule_options_too(tmp_path, write_scenario):
    """A scenario's own thresholds ([lint.rules.CODE]) could switch a rule off as surely as deselecting it."""
    path = write_scenario(extra='\n[lint.rules.GEN007]\nmax_minutes = 1000\n')
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.campaignsim]\nscenario-may-select = false\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["--no-plugins", "lint", str(path)])
    assert result.exit_code == 2
    assert "lint.rules: this project does not let a scenario set rule options" in result.output
