"""A second plugin, written from docs/plugins.md alone (tests/plugin/data/campaignsim-bili: Bilibili,
bullet comments, a friction hook, two rules with cases, one with an option), passes its own tests,
and loads beside the example plugin without a clash."""

import subprocess
import sys
from pathlib import Path

from campaignsim.plugin.manager import build_registry

BILI = Path(__file__).parent / "data" / "campaignsim-bili"


def test_the_plugin_written_from_the_docs_passes_its_own_tests():
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=BILI, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "10 passed" in result.stdout


def test_it_loads_beside_the_example_plugin_with_every_built_in_rule(monkeypatch):
    monkeypatch.syspath_prepend(str(BILI / "src"))
    from campaignsim_bili import plugin

    builtin = set(build_registry(include_third_party=False).rules)
    registry = build_registry(only=["campaignsim_example"], extra_plugins=[("campaignsim_bili", plugin)])
    assert registry.failures == []
    assert builtin | {"EX001", "BILI001", "BILI002"} == set(registry.rules)
    assert {"line", "bilibili"} <= set(registry.platforms)
