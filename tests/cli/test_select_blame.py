"""A rule code that matches nothing is blamed on where it was written: the command line or a settings file."""

import re
import textwrap

from campaignsim.testing import MINIMAL_SCENARIO


def _project(tmp_path, settings: str):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.campaignsim]\n' + settings, encoding="utf-8")
    (tmp_path / "campaign.toml").write_text(textwrap.dedent(MINIMAL_SCENARIO), encoding="utf-8")


def test_an_unknown_code_given_with_select_blames_the_command_line_not_pyproject(cli, tmp_path):
    _project(tmp_path, 'exclude = ["drafts"]\n')
    result = cli("lint", "--select", "ZZ999", "campaign.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "campaignsim: --select: 'ZZ999' matches no rule (see `campaignsim rules`)\n"


def test_an_unknown_code_given_with_ignore_blames_ignore_and_suggests_the_close_code(cli, tmp_path):
    _project(tmp_path, "")
    result = cli("lint", "--ignore", "WX01", "campaign.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == "campaignsim: --ignore: 'WX01' matches no rule; did you mean 'WX001'?\n"


def test_an_unknown_code_in_pyproject_still_blames_pyproject(cli, tmp_path):
    _project(tmp_path, 'select = ["ZZ999"]\n')
    result = cli("lint", "campaign.toml", cwd=tmp_path)
    assert result.returncode == 2
    assert re.search(r"pyproject\.toml:\d+: \[tool\.campaignsim\]: 'ZZ999' matches no rule", result.stderr)  # file and line
    assert "--select" not in result.stderr
