"""Output files: never an input replaced, never a temporary file left, a Markdown report and its
charts written as a set, a symlinked report kept a symlink."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest
from click.testing import CliRunner

from campaignsim.cli import main
from campaignsim.report import files


def test_lint_output_refuses_to_overwrite_the_scenario(write_scenario):
    path = write_scenario()
    before = path.read_bytes()
    result = CliRunner().invoke(main, ["--no-plugins", "lint", str(path), "-o", str(path)])
    assert result.exit_code == 2
    assert f"{path} is an input of this command" in result.output
    assert path.read_bytes() == before


@pytest.mark.parametrize("command", [["simulate", "--runs", "2", "--output"], ["run", "--runs", "2", "-o"]])
def test_simulate_and_run_refuse_it_too(write_scenario, command, tmp_path):
    path = write_scenario()
    before = path.read_bytes()
    other = tmp_path / "." / path.name  # the same file, named another way
    result = CliRunner().invoke(main, ["--no-plugins", command[0], str(path), *command[1:], str(other)])
    assert result.exit_code == 2 and "is an input of this command" in result.output
    assert path.read_bytes() == before


def test_lint_of_a_folder_refuses_an_output_over_a_scenario_in_it(tmp_path, write_scenario):
    path = write_scenario()
    result = CliRunner().invoke(main, ["--no-plugins", "lint", str(tmp_path), "-o", str(path)])
    assert result.exit_code == 2 and "is a scenario file inside" in result.output


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path):
    script = textwrap.dedent(f"""
        import os, sys, time
        from campaignsim import _io
        _io.install_signal_handlers()
        real_fsync = os.fsync
        def slow_fsync(fd):
            print("writing", flush=True)
            time.sleep(30)
        os.fsync = slow_fsync
        _io.write_atomic({str(tmp_path / 'out.html')!r}, "x" * 1000)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "writing"
    child.send_signal(signal.SIGTERM)
    assert child.wait(timeout=30) == 128 + signal.SIGTERM
    assert os.listdir(tmp_path) == []  # neither the output nor .out.html.XXXX.tmp


def test_a_symlinked_report_stays_a_symlink(tmp_path):
    from campaignsim._io import write_atomic

    real = tmp_path / "real.html"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "report.html"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == "new"


@pytest.fixture(scope="module")
def small_run():
    from pathlib import Path

    from campaignsim.plugin.manager import get_registry
    from campaignsim.runner import run_scenarios

    reference = Path(__file__).resolve().parents[1] / "data" / "reference-scenario.toml"
    return run_scenarios([reference], get_registry({"include_third_party": False}), runs=3, seed=1)


def test_markdown_charts_go_to_a_folder_of_the_report_and_leave_other_files_alone(tmp_path, small_run):
    mine = tmp_path / "report-funnel.png"
    mine.write_bytes(b"the user's own picture")
    written = files.write_report(small_run, tmp_path / "report.md")
    assert mine.read_bytes() == b"the user's own picture"
    folder = tmp_path / "report-charts"
    assert sorted(p.name for p in folder.iterdir()) == [".campaignsim-report", "entrants-distribution.png",
                                                        "entrants-over-time.png", "funnel.png", "support-queue.png"]
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "](report-charts/funnel.png)" in text
    assert written[0] == str(tmp_path / "report.md")
    assert [p for p in os.listdir(tmp_path) if p.startswith(".")] == []  # no temporary left


def test_a_folder_of_that_name_that_is_not_ours_is_refused(tmp_path, small_run):
    (tmp_path / "report-charts").mkdir()
    (tmp_path / "report-charts" / "holiday.png").write_bytes(b"photo")
    with pytest.raises(files.ReportRefused, match="was not written by campaignsim"):
        files.write_report(small_run, tmp_path / "report.md")
    assert (tmp_path / "report-charts" / "holiday.png").read_bytes() == b"photo"
    assert not (tmp_path / "report.md").exists()


def test_a_failure_while_writing_leaves_the_old_report_and_charts(tmp_path, small_run, monkeypatch):
    files.write_report(small_run, tmp_path / "report.md")
    old_text = (tmp_path / "report.md").read_bytes()
    old_chart = (tmp_path / "report-charts" / "funnel.png").read_bytes()
    (tmp_path / "report.md").write_bytes(old_text + b"\nmarker of the old report\n")

    import campaignsim._io as io

    def broken(path, data, binary=False):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(io, "write_atomic", broken)
    with pytest.raises(OSError, match="No space"):
        files.write_report(small_run, tmp_path / "report.md")
    assert (tmp_path / "report.md").read_bytes().endswith(b"marker of the old report\n")
    assert (tmp_path / "report-charts" / "funnel.png").read_bytes() == old_chart
    assert sorted(os.listdir(tmp_path)) == ["report-charts", "report.md"]


def test_a_chart_that_fails_to_draw_writes_nothing(tmp_path, small_run, monkeypatch):
    from campaignsim.report import charts

    def broken(result):
        raise RuntimeError("cannot draw")

    monkeypatch.setitem(charts.CHARTS, "funnel", broken)
    with pytest.raises(RuntimeError):
        files.write_report(small_run, tmp_path / "report.md")
    assert os.listdir(tmp_path) == []


def test_a_symlinked_markdown_report_stays_a_symlink_and_its_charts_go_beside_the_target(tmp_path, small_run):
    target_dir = tmp_path / "reports"
    target_dir.mkdir()
    (target_dir / "march.md").write_text("old", encoding="utf-8")
    link = tmp_path / "latest.md"
    link.symlink_to(target_dir / "march.md")
    files.write_report(small_run, link)
    assert link.is_symlink()
    assert (target_dir / "march-charts" / "funnel.png").is_file()
    assert "](march-charts/funnel.png)" in (target_dir / "march.md").read_text(encoding="utf-8")


def test_a_calibrated_forecast_puts_its_calibration_checks_in_the_chart_folder(tmp_path):
    from pathlib import Path

    scenario = Path(__file__).resolve().parents[2] / "scenarios" / "wechat_calibrated_forecast.toml"
    report = tmp_path / "forecast.md"
    result = CliRunner().invoke(main, ["--no-plugins", "run", str(scenario), "--runs", "4", "--report", str(report)])
    assert result.exit_code in (0, 1), result.output
    folder = tmp_path / "forecast-charts"
    checks = sorted(p.name for p in folder.glob("calibration-check-*.png"))
    assert checks and all((folder / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for name in checks)
    text = report.read_text(encoding="utf-8")
    assert all(f"](forecast-charts/{name})" in text for name in checks)
    assert sorted(os.listdir(tmp_path)) == ["forecast-charts", "forecast.md"]
