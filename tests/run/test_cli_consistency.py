"""Every command treats bad input, plugin options and output files the same way."""

import subprocess
import sys

import pytest


def _cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "campaignsim", *args], capture_output=True, text=True, cwd=cwd)


@pytest.fixture
def huge_audience(tmp_path, reference_path):
    text = reference_path.read_text(encoding="utf-8").replace("reach = 30000 ", "reach = 8000000000 ")
    path = tmp_path / "huge.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["run", "simulate"])
def test_a_scenario_too_large_to_simulate_is_exit_2_with_one_line(command, huge_audience, project_root):
    proc = _cli(command, str(huge_audience), "--runs", "2", cwd=project_root)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(str(huge_audience)) and "more than" in lines[0]


def test_simulate_output_into_a_missing_folder_is_exit_2_and_one_line(tmp_path, reference_path, project_root):
    proc = _cli("simulate", str(reference_path), "--runs", "2", "--output", str(tmp_path / "no" / "such" / "x.json"), cwd=project_root)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("campaignsim: cannot write")


def test_no_plugins_and_plugin_together_are_a_usage_error(project_root):
    proc = _cli("--no-plugins", "--plugin", "campaignsim_example", "rules", cwd=project_root)
    assert proc.returncode == 2 and "exclude each other" in proc.stderr


def test_simulate_honours_no_plugins(project_root):
    scenario = project_root / "plugins" / "campaignsim-example" / "scenarios" / "line_stamp_rally.toml"
    proc = _cli("--no-plugins", "simulate", str(scenario), "--runs", "2", cwd=project_root)
    assert proc.returncode == 2 and 'unknown platform "line"' in proc.stderr


@pytest.mark.parametrize("args", [["explain", "WX001"], ["schema"], ["simulate", "tests/data/reference-scenario.toml", "--runs", "2"]])
def test_a_missing_plugin_is_reported_and_exit_2_in_every_command(args, project_root):
    proc = _cli("--plugin", "no_such_plugin", *args, cwd=project_root)
    assert proc.returncode == 2
    assert "no_such_plugin" in proc.stderr and proc.stdout  # the command still did its job


def test_run_takes_files_not_directories(project_root):
    proc = _cli("run", "scenarios", cwd=project_root)
    assert proc.returncode == 2 and "is a directory" in proc.stderr


def test_a_report_into_a_missing_folder_fails_before_simulating(tmp_path, reference_path, project_root):
    proc = _cli("run", str(reference_path), "--runs", "2", "--report", str(tmp_path / "nope" / "r.html"), cwd=project_root)
    assert proc.returncode == 2 and "no such directory" in proc.stderr
    assert "Simulation" not in proc.stdout  # nothing was run


def test_error_findings_row_counts_findings_not_rules(reference_run):
    from campaignsim.report.summary import output_rows

    _, rows = output_rows(reference_run)
    counts = rows[-1]
    assert counts[0] == "error findings"
    for run, shown in zip(reference_run.runs, counts[1:]):
        assert int(shown) == sum(f.severity == "error" for f in run.lint.findings)
    assert int(counts[1]) > len(reference_run.runs[0].error_codes)  # WX002 fires twice on the base
