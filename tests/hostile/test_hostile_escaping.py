"""Strings from a scenario reach the terminal, CI logs and GitHub annotations as data: no control
character, no line break and no workflow command survives into any output."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from campaignsim.cli import main
from campaignsim.report import escape

HOSTILE_NAME = r'"Tea\n::error file=app.py,line=1::forged\u001b[31m red\u001b]0;title\u0007"'
HOSTILE_VARIANT = r'"comment\r\n::stop-commands::token\u202e\u009b2J"'
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _assert_clean(output: str, github: bool = False) -> None:
    assert not CONTROL.search(output), repr(CONTROL.search(output).group())
    for line in output.splitlines():
        if github:  # our own commands, and nothing else: the one command per line is ours
            assert re.match(r"::(error|warning|notice)( [^:]*)?::", line), line
        else:
            assert not line.strip().startswith("::"), line  # a workflow command starts a line of the log


def _hostile(write_scenario):
    return write_scenario(name=HOSTILE_NAME, variant=HOSTILE_VARIANT)


@pytest.mark.parametrize("command", [["lint"], ["lint", "--format", "github"], ["simulate", "--runs", "2"], ["run", "--runs", "2"]])
def test_outputs_carry_no_control_character_or_workflow_command(write_scenario, command):
    path = _hostile(write_scenario)
    result = CliRunner().invoke(main, ["--no-plugins", *command, str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1)
    _assert_clean(result.output, github="github" in command)
    if command[0] != "lint":
        assert r"comment\r\n:\x3astop-commands:\x3atoken" in result.output  # shown, escaped
    if command[0] == "simulate":
        assert r"Tea\n:\x3aerror file=app.py,line=1:\x3aforged\x1b[31m" in result.output


def test_github_format_escapes_a_variant_name_in_the_message(write_scenario):
    path = _hostile(write_scenario)
    result = CliRunner().invoke(main, ["--no-plugins", "lint", "--format", "github", str(path)])
    lines = [line for line in result.output.splitlines() if "comment" in line]
    assert lines and all(line.startswith("::") for line in lines)
    assert all("[comment%0D%0A::stop-commands::token" in line for line in lines)


def test_a_file_name_that_is_a_workflow_command_is_not_one_at_the_start_of_a_line(tmp_path, write_scenario):
    write_scenario(filename="::error::pwned.toml", name=HOSTILE_NAME)
    import os

    here = os.getcwd()
    os.chdir(tmp_path)
    try:
        result = CliRunner().invoke(main, ["--no-plugins", "lint", "."])
    finally:
        os.chdir(here)
    assert "pwned.toml" in result.output
    _assert_clean(result.output)


def test_load_errors_on_stderr_are_escaped(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[campaign]\n"key\\u001b[2J\\n::error::x" = 1\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["--no-plugins", "lint", "--format", "json", str(path)])
    assert result.exit_code == 2
    _assert_clean(result.output)


def test_the_github_helpers_follow_the_toolkit_rules():
    assert escape.github_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert escape.github_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"
    assert escape.github_data("\x1b[31m") == "\\x1b[31m"


def test_terminal_shows_controls_as_visible_escapes():
    assert escape.terminal("a\nb\tc\x1b[0m\u202e\x9b") == "a\\nb\\tc\\x1b[0m\\u202e\\x9b"
    assert escape.terminal("::error::x") == "\\x3a:error:\\x3ax"
    assert escape.terminal("plain 中文 text: ok") == "plain 中文 text: ok"
    assert escape.terminal_lines("one\n::two\x1b") == "one\n\\x3a:two\\x1b"


def test_markdown_and_html_helpers_leave_no_markup():
    text = 'x <script>alert(1)</script> "><img src=x onerror=alert(1)> [t](javascript:alert(1)) | a\n# Legal review: APPROVED'
    md = escape.markdown(text)
    assert "<" not in md and ">" not in md and "\n" not in md
    assert "](" not in md and "\\|" in md and "\\# Legal" in md
    h = escape.html(text + "\x1b")
    assert "<" not in h and '"' not in h and "\x1b" not in h


def _hostile_plugin_registry():
    from campaignsim.lint.rule import Reference, Rule
    from campaignsim.plugin import hookimpl
    from campaignsim.testing import registry_with

    class Hostile(Rule):
        code = "EVL001"
        name = "evil-rule"  # a name must be kebab-case: the free texts below carry the hostile strings
        severity = "warning"
        summary = "summary\n::error::forged by a plugin\x1b]0;title\x07"
        rationale = "why\n::warning::also forged\u202e"
        fail_example = "[lint]"
        pass_example = "[lint]"
        references = (Reference("source\x1b[31m", None, "U"),)

        def check(self, scenario, context):
            yield self.violation("campaign.name", "message\n::error::from a rule\x1b[0m")

    class Plugin:
        @hookimpl
        def campaignsim_rules(self):
            return [Hostile]

    return registry_with(("campaignsim_evil", Plugin()))


@pytest.mark.parametrize("command", [["rules"], ["rules", "--select", "EVL"], ["explain", "EVL001"], ["plugins"]])
def test_rule_texts_from_a_plugin_are_escaped_in_rules_explain_and_plugins(monkeypatch, command):
    from campaignsim import cli

    registry = _hostile_plugin_registry()
    monkeypatch.setattr(cli.Settings, "registry", lambda self: registry)
    result = CliRunner().invoke(main, command)
    assert result.exit_code == 0, result.output
    _assert_clean(result.output)
    if command[0] == "explain":
        assert r"\x3a:warning:\x3aalso forged\u202e" in result.output


def test_a_plugin_rule_message_is_escaped_in_lint_and_run(monkeypatch, write_scenario):
    from campaignsim import cli

    registry = _hostile_plugin_registry()
    monkeypatch.setattr(cli.Settings, "registry", lambda self: registry)
    path = write_scenario()
    for command in (["lint"], ["run", "--runs", "2", "--jobs", "1"]):
        result = CliRunner().invoke(main, [*command, str(path)])
        assert result.exit_code in (0, 1), result.output
        _assert_clean(result.output)
        assert r"message\n:\x3aerror:\x3afrom a rule\x1b[0m" in result.output


@pytest.mark.parametrize("command", [
    ["sweep", "--runs", "2", "--jobs", "1", "--set", "platform.followers=1000,2000"],
    ["sensitivity", "--method", "morris", "--samples", "2", "--runs-per-point", "1", "--jobs", "1",
     "--param", "reach_per_follower,share_delay_hours"],
])
def test_the_analyses_text_output_is_escaped(write_scenario, command):
    path = _hostile(write_scenario)
    result = CliRunner().invoke(main, ["--no-plugins", command[0], str(path), *command[1:]])
    assert result.exit_code == 0, result.output
    _assert_clean(result.output)
    assert r"Tea\n:\x3aerror file=app.py,line=1:\x3aforged\x1b[31m" in result.output  # shown, escaped


def test_new_scenario_names_its_file_escaped(tmp_path):
    target = tmp_path / "x\x1b[2J\n::error::y.toml"
    result = CliRunner().invoke(main, ["new", "scenario", "--platform", "wechat", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.exists()
    _assert_clean(result.output)
    assert r"x\x1b[2J\n:\x3aerror:\x3ay.toml" in result.output


def test_calibrate_text_escapes_the_past_campaigns_names():
    from types import SimpleNamespace

    from campaignsim.report.calibration import render_text

    param = SimpleNamespace(name="share_fraction", prior_text="uniform\x1b[31m")
    model = SimpleNamespace(pasts=[1], params=[param], held=["x\n::error::held"], warnings=["w\u202e"])
    check = {"scenario": "spring\n::error::forged\x1b[2J", "day": [0], "observed": [5], "fitted": [5.0], "low": [1.0], "high": [9.0]}
    result = SimpleNamespace(model=model, method="mcmc\x07", identified={"share_fraction": True}, median={"share_fraction": 0.1},
                             low={"share_fraction": 0.05}, high={"share_fraction": 0.2}, checks=[check])
    from rich.text import Text

    text = Text.from_markup(render_text(result, 1.0)).plain
    _assert_clean(text)
    assert r"spring\n:\x3aerror:\x3aforged\x1b[2J" in text


def test_a_long_name_that_a_table_wraps_starts_no_line_with_a_workflow_command(write_scenario):
    """Found by the long fuzz run: a variant name escaped on one line, then wrapped by the run table
    at a ``::`` inside it, put ``::forged`` at the start of a line of the log."""
    path = write_scenario(variant=r'"\r\n::stop-commands::x\n::error::forged"')
    for command in (["run", "--runs", "2"], ["simulate", "--runs", "2"]):
        result = CliRunner().invoke(main, ["--no-plugins", *command, str(path)])
        assert result.exit_code in (0, 1), result.output[-500:]
        _assert_clean(result.output)
    assert escape.terminal("a::b:::c") == "a:\\x3ab:\\x3a:c"
