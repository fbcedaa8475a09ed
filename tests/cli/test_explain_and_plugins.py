"""`explain` renders Markdown on a terminal and stays plain when piped; `explain ACTION` and
`plugins --verbose` show an entry action's effort, completion and delay with their sources."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path


def campaignsim_command() -> str:
    return str(Path(sys.executable).parent / "campaignsim")


def _on_a_terminal(*args: str, columns: int = 100) -> str:
    """Run the command with its standard output on a pseudo-terminal; what it printed, as text."""
    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE")}
    env.update({"TERM": "xterm-256color", "COLUMNS": str(columns)})
    process = subprocess.Popen([campaignsim_command(), *args], stdout=follower, stderr=subprocess.PIPE, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    assert process.wait(timeout=120) == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_explain_on_a_terminal_renders_the_markdown_and_shows_source_addresses():
    text = _on_a_terminal("explain", "GEN007")
    assert "\x1b[" in text  # styled
    assert "**Severity:**" not in text and "## Sources" not in text and "```" not in text
    assert "Severity:" in text and "Sources" in text
    assert "https://baymard.com/lists/cart-abandonment-rate" in text  # the address, not only a link


def test_explain_piped_is_plain_markdown_without_escape_sequences(cli):
    result = cli("explain", "GEN007")
    assert result.returncode == 0
    assert "\x1b" not in result.stdout
    assert result.stdout.startswith("# GEN007 entry-friction\n") and "**Severity:** warning" in result.stdout


def test_explain_gen007_points_to_where_the_action_figures_are_listed(cli):
    text = cli("explain", "GEN007").stdout
    assert "`campaignsim explain ACTION`" in text and "`campaignsim plugins --verbose`" in text
    assert "(`campaignsim plugins` lists them" not in text


def test_explain_an_action_shows_effort_completion_and_delay_with_sources(cli):
    result = cli("explain", "form")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "form (campaignsim_core): Fill in a form (name, phone, address…)."
    assert "    effort: 1 min + 0.25 min per form field" in lines
    assert "    completion: 90% × 0.95 per form field beyond 3" in lines
    assert "    delay: 0 h (mean, before the step is done)" in lines
    assert any(line.startswith("        completion_probability: form conversion 25% at 3 fields") and line.endswith("[S]") for line in lines)
    assert any("source: assumption [U]" in line for line in lines)


def test_explain_an_action_as_json(cli):
    data = json.loads(cli("explain", "--format", "json", "share").stdout)
    assert data["name"] == "share" and data["plugin"] == "campaignsim_core"
    assert set(data["figures"]) == {"effort", "completion", "delay"}
    assert set(data["figures"]["effort"]["sources"]) == {"effort_minutes", "effort_per_extra"}
    assert data["figures"]["delay"]["formula"].startswith("2 h")


def test_plugins_verbose_lists_every_action_with_its_figures_and_plain_lists_only_names(cli):
    plain = cli("--no-plugins", "plugins").stdout
    verbose = cli("--no-plugins", "plugins", "--verbose").stdout
    assert "    actions: follow, like, comment" in plain and "effort:" not in plain
    for action in ("follow", "comment", "share", "form", "join_draw"):
        assert f"        {action} (" not in verbose  # the plugin is the heading above, not repeated
        assert any(line.startswith(f"        {action}: ") for line in verbose.splitlines()), action
    assert verbose.count("            effort: ") == verbose.count("            completion: ") == verbose.count("            delay: ") >= 20
    data = json.loads(cli("--no-plugins", "plugins", "--format", "json", "--verbose").stdout)
    assert {a["name"] for a in data["actions"]} >= {"comment", "share", "form", "join_draw"}


def test_plugins_listing_wraps_to_the_terminal_with_a_hanging_indent(cli):
    from rich.cells import cell_len

    lines = cli("--no-plugins", "plugins", "--verbose", columns=80).stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= 80, [line for line in lines if cell_len(line) > 80][:3]
    # a long list of rules goes on under its first item; a long source line four spaces further in
    rules = next(i for i, line in enumerate(lines) if line.startswith("    rules: CN-LAW001"))
    assert lines[rules + 1].startswith(" " * len("    rules: ") + "CN-LAW")
    source = next(i for i, line in enumerate(lines) if line.startswith("                source: ") and i + 1 < len(lines)
                  and lines[i + 1].startswith(" " * 20 + "campaigns"))
    assert source
    # a wide terminal gets one line per list
    wide = cli("--no-plugins", "plugins", columns=300).stdout
    assert any(line.startswith("    rules: CN-LAW001") and line.rstrip().endswith("CN-LAW013") for line in wide.splitlines())


def test_a_plugins_control_characters_are_not_sent_to_the_terminal():
    from campaignsim.model import ActionSpec
    from campaignsim.plugin.describe import action_lines

    spec = ActionSpec(name="odd", summary="clears\x1b[2J the screen", sources=(("effort_minutes", "src\x07"),))
    text = "\n".join(action_lines(spec, "evil"))
    assert "\x1b" not in text and "\x07" not in text and "clears\\x1b[2J the screen" in text
