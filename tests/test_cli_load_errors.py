"""Load errors through the real command: exit code 2, one line per error, never a traceback.

Most tests run the installed ``campaignsim`` console script, some ``python -m campaignsim``; the
cwd is a temporary directory so the paths in messages are the relative ones the user typed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CONSOLE_SCRIPT = shutil.which("campaignsim") or str(Path(sys.executable).with_name("campaignsim"))
MODULE = [sys.executable, "-m", "campaignsim"]

SCENARIO = """\
[campaign]
name = "Spring tea lucky draw"
brand = "Acme Tea"
start = 2027-03-01T10:00:00+08:00
end = 2027-03-08T22:00:00+08:00

[platform]
name = "wechat"
account = "subscription"
followers = 120000

[[entry.steps]]
action = "comment"

[prize]
draw = "random"
draw_at = 2027-03-09T12:00:00+08:00

[[prize.items]]
name = "Tea gift box"
value = 298
currency = "CNY"
quantity = 20
"""


def run(cwd: Path, *args: str, module: bool = False) -> subprocess.CompletedProcess:
    command = [*MODULE] if module else [CONSOLE_SCRIPT]
    return subprocess.run([*command, *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def write(directory: Path, name: str, data) -> str:
    path = directory / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return name


def assert_load_failure(result: subprocess.CompletedProcess, expected: list[str]) -> None:
    """Exit 2, each expected error exactly once as a whole line, and no traceback anywhere."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    lines = (result.stdout + result.stderr).splitlines()
    for error in expected:
        assert lines.count(error) == 1, (error, lines)
    assert "Traceback" not in result.stdout + result.stderr


def test_the_console_script_is_installed():
    assert Path(CONSOLE_SCRIPT).exists()


def test_every_error_of_a_file_is_one_line_and_the_exit_code_is_2(tmp_path):
    text = SCENARIO.replace("followers = 120000", "followers = -5").replace('currency = "CNY"', 'currency = "RMB"')
    text = text.replace('brand = "Acme Tea"', 'brnd = "Acme Tea"')
    name = write(tmp_path, "spring.toml", text)
    result = run(tmp_path, "lint", name)
    assert_load_failure(result, [
        'spring.toml:3: campaign.brnd: unknown key; did you mean "brand"?',
        "spring.toml:1: campaign.brand: missing required key (a string)",
        "spring.toml:10: platform.followers: must be an integer ≥ 0, got -5",
        'spring.toml:22: prize.items[0].currency: unknown currency code "RMB"; did you mean "CNY"? (the ISO 4217 code)',
    ])


def test_python_dash_m_campaignsim_reports_the_same_way(tmp_path):
    name = write(tmp_path, "spring.toml", SCENARIO.replace("quantity = 20", "quantity = 0"))
    result = run(tmp_path, "lint", name, module=True)
    assert_load_failure(result, ["spring.toml:23: prize.items[0].quantity: must be an integer ≥ 1, got 0"])


def test_an_error_in_a_variant_names_the_variant_and_its_line(tmp_path):
    text = SCENARIO + '\n[[variants]]\nname = "share to enter"\nentry.steps = [{ action = "share", to = "friends", count = -3 }]\n'
    name = write(tmp_path, "spring.toml", text)
    assert_load_failure(run(tmp_path, "lint", name), [
        "spring.toml:27: in variant 'share to enter': entry.steps[0].count: must be an integer ≥ 1, got -3"])


def test_json_output_carries_the_errors_and_stderr_repeats_them_one_per_line(tmp_path):
    name = write(tmp_path, "spring.toml", SCENARIO.replace("value = 298", "value = nan"))
    result = run(tmp_path, "lint", "--format", "json", name)
    assert_load_failure(result, ["spring.toml:21: prize.items[0].value: must be a finite number ≥ 0, got nan"])
    report = json.loads(result.stdout)
    assert report["errors"] == [{"path": "spring.toml", "line": 21, "column": None, "key": "prize.items[0].value",
                                 "message": "must be a finite number ≥ 0, got nan", "variant": None}]
    assert result.stderr.splitlines() == ["spring.toml:21: prize.items[0].value: must be a finite number ≥ 0, got nan"]


def test_invalid_toml_gives_the_parsers_line_and_column(tmp_path):
    name = write(tmp_path, "broken.toml", SCENARIO.replace('brand = "Acme Tea"', 'brand = "Acme Tea'))
    assert_load_failure(run(tmp_path, "lint", name), ["broken.toml:3:18: invalid TOML: Illegal character '\\n'"])


def test_toml_nested_too_deeply_for_the_parser_is_an_error_not_a_crash(tmp_path):
    name = write(tmp_path, "deep.toml", "x = " + "[" * 20000 + "]" * 20000 + "\n")
    assert_load_failure(run(tmp_path, "lint", name), ["deep.toml:1:20004: invalid TOML: values are nested too deeply to read"])


@pytest.mark.parametrize("name, data, message", [
    ("empty.toml", b"", "empty.toml: file is empty; a scenario needs at least [campaign], [platform], [entry] and [prize]"),
    ("latin1.toml", SCENARIO.replace("Acme", "Caf\u00e9").encode("latin-1"),
     "latin1.toml:3: file is not UTF-8 text (byte 0xe9 at offset 54)"),
    ("huge.toml", b"#" * (1024 * 1024 + 10),
     "huge.toml: file is 1,048,586 bytes; scenario files are limited to 1,048,576 bytes (1 MiB)"),
], ids=["empty", "not-utf8", "over-1-mib"])
def test_unreadable_files_get_one_line_each(tmp_path, name, data, message):
    write(tmp_path, name, data)
    result = run(tmp_path, "lint", name)
    assert_load_failure(result, [message])


def test_a_missing_file_is_one_line(tmp_path):
    assert_load_failure(run(tmp_path, "lint", "nope.toml"), ["nope.toml: no such file or directory"])


def test_a_bad_file_among_good_ones_still_exits_2_and_the_good_ones_are_linted(tmp_path):
    write(tmp_path, "good.toml", SCENARIO)
    write(tmp_path, "bad.toml", SCENARIO.replace('draw = "random"', 'draw = "lottery"'))
    result = run(tmp_path, "lint", "--format", "json", "good.toml", "bad.toml")
    assert_load_failure(result, [
        'bad.toml:16: prize.draw: must be one of random, first_come, judged, everyone, instant_win, got "lottery"'])
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == ["good.toml"]


def test_a_valid_scenario_is_not_a_load_failure(tmp_path):
    name = write(tmp_path, "spring.toml", SCENARIO)
    result = run(tmp_path, "lint", name)
    assert result.returncode in (0, 1), result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_the_run_command_also_exits_2_on_load_errors(tmp_path):
    name = write(tmp_path, "spring.toml", SCENARIO.replace("end = 2027-03-08T22:00:00+08:00", "end = 2027-02-08T22:00:00+08:00"))
    result = run(tmp_path, "run", name)
    assert_load_failure(result, [
        "spring.toml:5: campaign.end: must be after campaign.start (2027-03-01T10:00:00+08:00), got 2027-02-08T22:00:00+08:00"])


def test_privacy_and_record_keys_are_checked_and_located(tmp_path):
    text = SCENARIO + ('\n[privacy]\ntransfer_mechanism = "contract"\nwinner_fields = "id_number"\n'
                       '\n[fulfilment]\nrecords_kept_years = -1\n')
    name = write(tmp_path, "privacy.toml", text)
    assert_load_failure(run(tmp_path, "lint", name), [
        'privacy.toml:26: privacy.transfer_mechanism: must be one of security_assessment, certification, standard_contract, '
        'exempt, got "contract"; did you mean "standard_contract"?',
        'privacy.toml:27: privacy.winner_fields: must be an array of strings, got "id_number"',
        "privacy.toml:30: fulfilment.records_kept_years: must be a number from 0 to 100, got -1",
    ])
