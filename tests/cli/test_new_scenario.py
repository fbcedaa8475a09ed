"""`campaignsim new scenario`: every offered platform × mechanic lints without an error and runs."""

from __future__ import annotations

import json
import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

import pytest

from campaignsim.starter import MECHANICS, PLATFORMS, offered, starter_scenario


def test_every_platform_is_offered_with_at_least_two_mechanics():
    from campaignsim.plugin.manager import build_registry

    shipped = set(build_registry(include_third_party=False).platforms) - {"line"}  # LINE comes from the example plugin
    assert shipped <= set(PLATFORMS)
    assert all(len(p.mechanics) >= 2 for p in PLATFORMS.values())


@pytest.mark.parametrize("platform, mechanic", offered())
def test_the_starter_lints_without_an_error_and_runs(cli, tmp_path, platform, mechanic):
    path = tmp_path / "my.toml"
    made = cli("new", "scenario", "--platform", platform, "--mechanic", mechanic, "-o", str(path))
    assert made.returncode == 0, made.stderr
    assert f"wrote {path}" in made.stderr
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# A starter ") and text.count("#") > 20  # commented
    data = tomllib.loads(text)
    assert data["platform"]["name"] == platform
    assert data["entry"]["steps"][0]["action"] == {"ugc": "ugc_upload"}.get(mechanic, mechanic)

    lint = cli("lint", "--format", "json", str(path))
    assert lint.returncode == 0, lint.stdout + lint.stderr
    findings = [f for file in json.loads(lint.stdout)["files"] for f in file["findings"]]
    assert [f for f in findings if f["severity"] == "error"] == []
    # only a content upload may warn: it takes long (GEN007), which is the point of showing it
    assert {f["code"] for f in findings} <= ({"GEN007"} if mechanic == "ugc" else set())

    run = cli("run", "--runs", "5", "--format", "json", str(path))
    assert run.returncode == 0, run.stderr
    simulation = json.loads(run.stdout)["simulations"][0]
    assert simulation["runs"] == 5 and simulation["outputs"]["entrants"]["mean"] > 0


def test_without_a_terminal_it_takes_the_defaults_and_writes_to_standard_output(cli):
    result = cli("new", "scenario")  # stdin is not a terminal: no prompt
    assert result.returncode == 0, result.stderr
    data = tomllib.loads(result.stdout)
    assert data["platform"]["name"] == "wechat" and data["entry"]["steps"][0]["action"] == "comment"
    assert "Platform" not in result.stderr


def test_on_a_terminal_it_asks_for_the_platform_and_the_mechanic(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from campaignsim.cli import new_commands

    monkeypatch.setattr(new_commands, "_interactive", lambda: True)
    path = tmp_path / "asked.toml"
    result = CliRunner().invoke(new_commands.new, ["scenario", "-o", str(path)], input="weibo\nrepost\n")
    assert result.exit_code == 0, result.output
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["platform"]["name"] == "weibo" and data["entry"]["steps"][0]["action"] == "repost"


def test_it_never_overwrites_a_file(cli, tmp_path):
    path = tmp_path / "mine.toml"
    path.write_text("# my own work\n", encoding="utf-8")
    result = cli("new", "scenario", "--platform", "x", "-o", str(path))
    assert result.returncode == 2
    assert result.stderr == f"campaignsim: {path} already exists: choose another name (new never overwrites a file)\n"
    assert path.read_text(encoding="utf-8") == "# my own work\n"


def test_a_mechanic_the_platform_forbids_is_refused_with_the_reason_and_the_choices(cli, tmp_path):
    result = cli("new", "scenario", "--platform", "xiaohongshu", "--mechanic", "comment", "-o", str(tmp_path / "a.toml"))
    assert result.returncode == 2
    assert "forbid commenting for a draw entry (XHS001); choose join_draw, form, ugc" in result.stderr
    assert not (tmp_path / "a.toml").exists()


def test_a_comment_draw_on_a_douyin_short_video_is_not_offered(cli, tmp_path):
    result = cli("new", "scenario", "--platform", "douyin", "--mechanic", "comment", "-o", str(tmp_path / "a.toml"))
    assert result.returncode == 2
    assert "reward comments (DY005)" in result.stderr and "choose form, ugc" in result.stderr


def test_new_is_a_group_with_a_scenario_subcommand():
    import click

    from campaignsim.cli import main

    assert isinstance(main.commands["new"], click.Group) and "scenario" in main.commands["new"].commands


def test_dates_lie_ahead_and_entries_close_before_the_draw():
    from datetime import date

    data = tomllib.loads(starter_scenario("wechat", "comment", today=date(2027, 1, 6)))
    start, end, draw = data["campaign"]["start"], data["campaign"]["end"], data["prize"]["draw_at"]
    assert start.date() >= date(2027, 1, 20) and start.weekday() == 0
    assert start < end < draw
    assert set(MECHANICS) == {m for p in PLATFORMS.values() for m in p.mechanics}
