"""Fixtures for output, exit-code and selection tests.

The rules here fire on demand, so the tests do not depend on which packs exist: ``RPT001`` (error),
``RPT002`` (warning) and ``RPT003`` (info) each report ``campaign.name`` when the name contains
``ERR``, ``WARN`` or ``INFO``. The same module is used in-process (``registry_with``) and, for the
command line, as a fake installed distribution on ``PYTHONPATH``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest

from campaignsim.testing import MINIMAL_SCENARIO, registry_with

RULES_SOURCE = '''
from campaignsim.lint.rule import Reference, Rule
from campaignsim.testing import SketchRule
from campaignsim.plugin import hookimpl


class _OnDemand(SketchRule):
    token = ""

    def check(self, scenario, context):
        if self.token in scenario.campaign.name:
            yield self.violation("campaign.name", f"name asks for {self.token}: 50% off, see https://x.example/a,b",
                                 "Rename the campaign.")


class Err(_OnDemand):
    code = "RPT001"
    name = "reporting-error"
    severity = "error"
    token = "ERR"
    summary = "Fires with severity error when the campaign name contains ERR."
    rationale = "A rule that fires on demand, for output tests."
    references = (Reference("Example source", "https://example.org/source", "V"),)


class Warn(_OnDemand):
    code = "RPT002"
    name = "reporting-warning"
    severity = "warning"
    token = "WARN"
    summary = "Fires with severity warning when the campaign name contains WARN."


class Info(_OnDemand):
    code = "RPT003"
    name = "reporting-info"
    severity = "info"
    token = "INFO"
    summary = "Fires with severity info when the campaign name contains INFO."


@hookimpl
def campaignsim_rules():
    return [Err, Warn, Info]
'''


def scenario_text(name: str = "Clean", extra: str = "") -> str:
    """MINIMAL_SCENARIO with another campaign name, plus ``extra`` TOML appended."""
    text = textwrap.dedent(MINIMAL_SCENARIO).replace('name = "Test campaign"', f'name = "{name}"', 1)
    assert f'name = "{name}"' in text
    return text + textwrap.dedent(extra)


def campaignsim_command() -> str:
    script = Path(sys.executable).parent / "campaignsim"
    assert script.exists(), f"the campaignsim command is not installed beside {sys.executable}: pip install -e ."
    return str(script)


@pytest.fixture
def report_registry():
    module = types.ModuleType("cstest_reporting_rules")
    exec(compile(RULES_SOURCE, "cstest_reporting_rules.py", "exec"), module.__dict__)
    return registry_with(("reporting", module))


@pytest.fixture
def report_site(tmp_path) -> Path:
    site = tmp_path / "site"
    info = site / "cstest_reporting-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: cstest-reporting\nVersion: 0.1\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[campaignsim]\nreporting = cstest_reporting_rules\n", encoding="utf-8")
    (site / "cstest_reporting_rules.py").write_text(RULES_SOURCE, encoding="utf-8")
    return site


@pytest.fixture
def write_scenario(tmp_path):
    """``write_scenario("a.toml", name="WARN me", extra="...")`` → the path, under a fresh directory."""
    def write(relative: str = "campaign.toml", name: str = "Clean", extra: str = "", text: str | None = None) -> Path:
        path = tmp_path / "work" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text if text is not None else scenario_text(name, extra), encoding="utf-8")
        return path
    return write


@pytest.fixture
def cli(report_site):
    """Run the installed command with the reporting rules installed (``--plugin reporting`` keeps
    other third-party plugins out)."""
    def run(*args: str, cwd: Path | None = None, preexec_fn=None) -> subprocess.CompletedProcess:
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200",
               "PYTHONPATH": os.pathsep.join([str(report_site), *filter(None, [os.environ.get("PYTHONPATH")])])}
        return subprocess.run([campaignsim_command(), "--plugin", "reporting", *args], capture_output=True, text=True,
                              env=env, cwd=cwd, timeout=120, preexec_fn=preexec_fn)
    return run
