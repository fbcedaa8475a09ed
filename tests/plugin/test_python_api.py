"""The Python API that notebooks and plugin tests use: ``campaignsim.lint(paths)``."""

import textwrap

import campaignsim
from campaignsim.lint.engine import LintReport
from campaignsim.testing import MINIMAL_SCENARIO


def test_campaignsim_lint_can_be_called_again_after_the_lint_package_is_imported(tmp_path):
    path = tmp_path / "campaign.toml"
    path.write_text(textwrap.dedent(MINIMAL_SCENARIO) + '\n[lint]\nignore = [{ code = "NOSUCH1" }]\n', encoding="utf-8")
    import campaignsim.lint.engine  # noqa: F401  (what the first call does, and every test helper)

    first = campaignsim.lint([path], select=["CS"])
    second = campaignsim.lint([path], select=["CS"])
    assert isinstance(first, LintReport) and isinstance(second, LintReport)
    assert sorted(f.code for f in second.findings) == ["CS001", "CS002"]
