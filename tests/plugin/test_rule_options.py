"""Rule options: declared with type, default and meaning; set under [tool.campaignsim.rules.CODE];
checked against the declarations; shown by explain. GEN007, GEN008 and GEN011 take their tunable
thresholds from options."""

import json
import re
import textwrap

import pytest

from campaignsim._session import purge
from campaignsim.lint.config import ConfigError
from campaignsim.lint.engine import lint_paths
from campaignsim.testing import MINIMAL_SCENARIO, assert_fires, assert_passes

SLOW_ANSWER = "[fulfilment]\nresponse_time_hours = 20"


def test_gen011_threshold_is_an_option():
    assert_passes("GEN011", SLOW_ANSWER)
    assert_fires("GEN011", SLOW_ANSWER, options={"max_response_hours": 8}, message="more than 8 hours")


def test_gen007_thresholds_are_options():
    two_steps = '[[entry.steps]]\naction = "follow"\n[[entry.steps]]\naction = "comment"\n'
    assert_passes("GEN007", two_steps)
    assert_fires("GEN007", two_steps, options={"max_steps": 1}, message="more than 1 steps")
    assert_fires("GEN007", two_steps, options={"max_minutes": 0.5}, message="more than 0.5 minutes")


def test_gen008_cadence_limit_is_an_option_and_can_judge_a_platform_without_a_figure():
    posts = "\n".join(f"[[schedule]]\nat = 2027-03-02T{h:02d}:00:00+08:00" for h in (9, 12, 15))
    assert_passes("GEN008", posts)
    assert_fires("GEN008", posts, options={"max_posts": 2}, message="tolerate about 2 a day")


@pytest.fixture
def project(tmp_path, fresh_caches):
    (tmp_path / "campaign.toml").write_text(textwrap.dedent(MINIMAL_SCENARIO).replace("response_time_hours = 12", "response_time_hours = 20"),
                                            encoding="utf-8")
    return tmp_path


def _settings(project, body):
    (project / "pyproject.toml").write_text("[tool.campaignsim]\n" + body, encoding="utf-8")
    purge()  # the settings file changed: read it again


def test_pyproject_sets_a_rule_option(project):
    assert "GEN011" not in {f.code for f in lint_paths([project / "campaign.toml"]).findings}
    _settings(project, "[tool.campaignsim.rules.GEN011]\nmax-response-hours = 8\n")
    report = lint_paths([project / "campaign.toml"])
    assert [f.message for f in report.findings if f.code == "GEN011"] == [
        "entrants are promised an answer within 20 hours; more than 8 hours leaves complaints to grow in public"]


@pytest.mark.parametrize("body, message", [
    ("[tool.campaignsim.rules.GEN011]\nmax_hours = 8\n", "rules.GEN011.max_hours: GEN011 has no such option (its options: max_response_hours)"),
    ("[tool.campaignsim.rules.GEN011]\nmax_response_hours = \"8\"\n", "rules.GEN011.max_response_hours: must be a float, got '8'"),
    ("[tool.campaignsim.rules.GEN011]\nmax_response_hours = -1\n", "must be at least 0"),
    ("[tool.campaignsim.rules.NOPE001]\nx = 1\n", "rules.NOPE001:"),
    ("[tool.campaignsim]\nrules = 3\n", "rules: must be a table of tables"),
])
def test_a_bad_rule_option_is_an_error_naming_the_settings_file(project, body, message):
    _settings(project, body.replace("[tool.campaignsim]\n", ""))
    with pytest.raises(ConfigError) as raised:
        lint_paths([project / "campaign.toml"])
    assert re.search(r"pyproject\.toml:\d+: \[tool\.campaignsim\]", str(raised.value)) and message in str(raised.value)  # file and line


def test_explain_shows_the_options_and_how_to_set_them(cli):
    text = cli("explain", "GEN007", "--format", "markdown").stdout
    assert "## Options" in text and "| `max_minutes` | float (≥ 0) | `5.0` |" in text and "[tool.campaignsim.rules.GEN007]" in text
    data = json.loads(cli("explain", "GEN011", "--format", "json").stdout)
    assert data["options"] == [{"name": "max_response_hours", "type": "float", "default": 24, "doc": "Slowest promised response time accepted, in hours.",
                                "ge": 0, "le": None, "choices": None}]


def test_cli_lint_reports_a_bad_option_with_exit_2(cli, project):
    _settings(project, "[tool.campaignsim.rules.GEN011]\nmax_hours = 8\n")
    result = cli("lint", str(project / "campaign.toml"))
    assert result.returncode == 2 and "GEN011 has no such option" in result.stderr and "Traceback" not in result.stderr


def test_a_bad_rule_option_names_the_line_of_the_option(project):
    _settings(project, "[tool.campaignsim.rules.GEN011]\nmax_response_hours = 4\nmax-hours = 8\n")
    with pytest.raises(ConfigError) as raised:
        lint_paths([project / "campaign.toml"])
    text = (project / "pyproject.toml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, written in enumerate(text, start=1) if written.startswith("max-hours"))
    assert f"pyproject.toml:{line}: [tool.campaignsim]: rules.GEN011.max_hours:" in str(raised.value)
