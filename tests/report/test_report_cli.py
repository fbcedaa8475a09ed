"""The lint command's exit codes and ``--output``, through the real command.

Exit codes: 0 when no finding is at or above ``--fail-on`` (default error), 1 when one is, 2 for
unusable input or usage (and for a plugin failure).
"""

import json
import resource

import pytest


@pytest.mark.parametrize(("name", "fail_on", "code"), [
    ("Clean", None, 0),
    ("INFO WARN", None, 0),
    ("ERR", None, 1),
    ("WARN", "warning", 1),
    ("INFO", "warning", 0),
    ("INFO", "info", 1),
    ("ERR", "info", 1),
])
def test_exit_code_is_1_only_when_a_finding_is_at_or_above_fail_on(cli, write_scenario, name, fail_on, code):
    args = ["lint", "--select", "RPT", str(write_scenario(name=name))]
    if fail_on:
        args[1:1] = ["--fail-on", fail_on]
    result = cli(*args)
    assert result.returncode == code, result.stdout + result.stderr


def test_exit_code_is_2_for_a_missing_file_even_beside_a_clean_one(cli, write_scenario, tmp_path):
    result = cli("lint", "--select", "RPT", str(write_scenario()), str(tmp_path / "nope.toml"))
    assert result.returncode == 2
    assert f"{tmp_path / 'nope.toml'}: no such file or directory" in result.stdout


def test_exit_code_is_2_for_invalid_toml_and_the_error_names_file_and_line(cli, write_scenario):
    path = write_scenario(text='[campaign]\nname = "x\n')
    result = cli("lint", str(path))
    assert result.returncode == 2
    assert f"{path}:2" in result.stdout and "invalid TOML" in result.stdout


@pytest.mark.parametrize(("args", "message"), [
    (["lint", "--select", "RPT009"], "'RPT009' matches no rule"),
    (["lint", "--format", "yaml"], "unknown format 'yaml' (known: github, json, sarif, text)"),
    (["lint", "--fail-on", "fatal"], "Invalid value for '--fail-on'"),
])
def test_exit_code_is_2_for_unusable_options(cli, write_scenario, args, message):
    result = cli(*args, str(write_scenario(name="ERR")))
    assert result.returncode == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_lint_without_paths_is_a_usage_error(cli):
    result = cli("lint")
    assert result.returncode == 2 and "Missing argument" in result.stderr


def test_fail_on_from_the_settings_file_applies_when_the_option_is_not_given(cli, write_scenario):
    path = write_scenario("proj/campaign.toml", name="WARN")
    (path.parent / "campaignsim.toml").write_text('select = ["RPT"]\nfail-on = "warning"\n', encoding="utf-8")
    assert cli("lint", str(path)).returncode == 1
    assert cli("lint", "--fail-on", "error", str(path)).returncode == 0


# -- --output ---------------------------------------------------------------------------------------

def test_output_replaces_an_existing_file_whole_and_prints_nothing(cli, write_scenario, tmp_path):
    target = tmp_path / "report.json"
    target.write_text("x" * 100_000, encoding="utf-8")
    result = cli("lint", "--select", "RPT", "--format", "json", "--output", str(target), str(write_scenario(name="ERR")))
    assert result.returncode == 1
    assert result.stdout == ""
    report = json.loads(target.read_text(encoding="utf-8"))  # no trailing remains of the old content
    assert report["summary"] == {"error": 1, "warning": 0, "info": 0}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.json", "site", "work"]


def _limit_file_size():
    resource.setrlimit(resource.RLIMIT_FSIZE, (64, 64))


def test_output_that_cannot_be_written_leaves_the_old_file_and_exits_2_with_one_line(cli, write_scenario, tmp_path):
    # Writes over 64 bytes fail with EFBIG (Python ignores SIGXFSZ); this works for root too,
    # for whom a read-only directory is no obstacle.
    target = tmp_path / "report.sarif"
    target.write_text("previous report\n", encoding="utf-8")
    result = cli("lint", "--select", "RPT", "--format", "sarif", "-o", str(target), str(write_scenario(name="ERR")),
                 preexec_fn=_limit_file_size)
    assert result.returncode == 2
    assert target.read_text(encoding="utf-8") == "previous report\n"
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"campaignsim: cannot write {target}: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.sarif", "site", "work"]  # no temporary file left


def test_output_into_a_missing_directory_exits_2_with_one_line(cli, write_scenario, tmp_path):
    target = tmp_path / "no" / "such" / "dir" / "report.txt"
    result = cli("lint", "--select", "RPT", "-o", str(target), str(write_scenario(name="ERR")))
    assert result.returncode == 2
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"campaignsim: cannot write {target}: ")
    assert not target.parent.exists()


def test_text_output_written_to_a_file_has_no_colour_codes(cli, write_scenario, tmp_path):
    target = tmp_path / "report.txt"
    result = cli("lint", "--select", "RPT", "-o", str(target), str(write_scenario(name="ERR")))
    assert result.returncode == 1
    text = target.read_text(encoding="utf-8")
    assert "\x1b[" not in text and ": RPT001 error name asks for ERR" in text
