"""The documentation site: it builds strictly, its generated pages hold what the code declares, and
the examples in its hand-written pages are accepted by campaignsim itself."""

from __future__ import annotations

import html
import re
import subprocess
import sys
import tomllib
import typing
from pathlib import Path

import attrs
import pytest

from campaignsim.lint.config import parse_config
from campaignsim.lint.rule import Rule
from campaignsim.load import load_text
from campaignsim.load.validate import hints, is_pairs, unwrap_optional, user_fields
from campaignsim.model import Scenario
from campaignsim.plugin import hookimpl, hookspecs
from campaignsim.plugin.manager import build_registry
from campaignsim.testing import check_rule_case, load_rule_cases, registry_with

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    return out


@pytest.fixture(scope="module")
def builtin():
    return build_registry(include_third_party=False)


def text_of(page: Path) -> str:
    """A built page's visible text, tags removed and whitespace collapsed."""
    raw = page.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
    raw = re.sub(r"</?(code|a|em|strong|span)\b[^>]*>", "", raw)  # inline tags: no space around their text
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())


def words(text: str) -> str:
    return " ".join(text.split())


def toml_blocks(markdown: str) -> list[str]:
    return re.findall(r"```toml\n(.*?)```", markdown, flags=re.S)


def test_no_generated_markdown_is_committed():
    assert not (DOCS / "rules").exists() or not any((DOCS / "rules").glob("*.md")), "rule pages are generated at build time"
    assert not (DOCS / "commands.md").exists()


def test_rule_page_shows_the_rules_own_text_and_sources(site, builtin):
    rule = builtin.rules["CS001"]
    page = text_of(site / "rules" / "CS001.html")
    assert words(rule.rationale) in page
    assert words(rule.summary) in page
    for reference in rule.references:
        assert reference.title in page
    assert "official text seen" in page or "secondary source" in page


def test_every_rule_has_a_page_and_an_index_entry(site, builtin):
    index = (site / "rules" / "index.html").read_text(encoding="utf-8")
    for code, rule in builtin.rules.items():
        assert (site / "rules" / f"{code}.html").is_file(), code
        assert f'href="{code}.html"' in index, code
    index_text = text_of(site / "rules" / "index.html")
    assert "By platform" in index_text and "By jurisdiction" in index_text
    for spec in builtin.platforms.values():
        assert spec.title in index_text


def _dotted_keys(cls, prefix: str):
    for f in user_fields(cls):
        tp = unwrap_optional(hints(cls)[f.name])
        key = f"{prefix}{f.name}"
        yield key
        if attrs.has(tp):
            yield from _dotted_keys(tp, key + ".")
        elif typing.get_origin(tp) is tuple and not is_pairs(tp) and attrs.has(typing.get_args(tp)[0]):
            yield from _dotted_keys(typing.get_args(tp)[0], key + "[].")


def test_scenario_reference_lists_every_key_of_the_model(site):
    page = text_of(site / "scenario.html")
    assert "fulfilment.delivery_track_record" in page
    assert "Share of the brand's past prizes delivered on time, 0 to 1." in page
    keys = list(_dotted_keys(Scenario, ""))
    assert "entry.steps[].action" in keys
    missing = [key for key in keys if key not in page]
    assert not missing, f"keys missing from the scenario reference: {missing}"


def test_scenario_reference_lists_the_plugins_platforms_and_actions(site, builtin):
    page = text_of(site / "scenario.html")
    for spec in builtin.platforms.values():
        assert spec.title in page
        for extra in spec.extra_fields:
            assert extra.name in page
    for name, action in builtin.actions.items():
        assert words(action.summary) in page, name


def test_plugin_guide_documents_every_hook_from_its_docstring(site):
    page = text_of(site / "plugins.html")
    hooks = [name for name in dir(hookspecs) if hasattr(getattr(hookspecs, name), "campaignsim_spec")]
    assert len(hooks) >= 6
    for name in hooks:
        first_line = getattr(hookspecs, name).__doc__.strip().splitlines()[0]
        first_line = re.sub(r":\w+:|[`~]", "", first_line)  # reStructuredText roles and literals, as rendered
        assert name in page
        assert words(first_line) in page, name


def test_plugin_guide_describes_every_rule_attribute():
    guide = (DOCS / "plugins.md").read_text(encoding="utf-8")
    table = {name for row in re.findall(r"^\| (`[^|]+`) \|", guide, flags=re.M) for name in re.findall(r"`(\w+)`", row)}
    attributes = {name for name, tp in typing.get_type_hints(Rule, include_extras=True).items()
                  if typing.get_origin(tp) is typing.ClassVar}
    assert attributes, "Rule declares no class attributes"
    assert attributes <= table, f"Rule attributes missing from docs/plugins.md: {sorted(attributes - table)}"


def test_command_reference_covers_every_command(site):
    from campaignsim.cli import main

    page = text_of(site / "commands.html")
    for name in main.commands:
        assert f"campaignsim {name}" in page, name


def test_no_marker_is_left_unreplaced(site):
    for page in site.rglob("*.html"):
        assert "campaignsim:scenario" not in page.read_text(encoding="utf-8")
        assert not re.search(r"&lt;!--\s*campaignsim:|<!--\s*campaignsim:", page.read_text(encoding="utf-8")), page


def test_scenario_example_loads_with_its_variant(builtin):
    example = toml_blocks((DOCS / "scenario.md").read_text(encoding="utf-8"))[0]
    loaded = load_text(example, builtin, path="docs/scenario.md")
    assert loaded.errors == []
    assert [s.variant for s in loaded.scenarios] == [None, "comment to enter"]


def test_settings_example_is_accepted():
    block = next(b for b in toml_blocks((DOCS / "index.md").read_text(encoding="utf-8")) if "[tool.campaignsim]" in b)
    config = parse_config(tomllib.loads(block)["tool"]["campaignsim"], "docs/index.md")
    assert config.select == ("WX", "CN-LAW") and config.fail_on == "warning"


def test_plugin_guide_rule_and_its_cases_work_together(tmp_path):
    guide = (DOCS / "plugins.md").read_text(encoding="utf-8")
    rule_source = next(b for b in re.findall(r"```python\n(.*?)```", guide, flags=re.S) if "class NoPrizeForMinors" in b)
    namespace: dict = {}
    exec(compile(rule_source, "docs/plugins.md", "exec"), namespace)

    class Plugin:
        @hookimpl
        def campaignsim_rules(self):
            return [namespace["NoPrizeForMinors"]]

    registry = registry_with(("campaignsim_acme", Plugin()))
    assert "ACME001" in registry.rules and not registry.failures
    cases_file = tmp_path / "ACME001.toml"
    cases_file.write_text(next(b for b in toml_blocks(guide) if 'rule = "ACME001"' in b), encoding="utf-8")
    cases = load_rule_cases(cases_file)
    assert {case.fires for case in cases} == {True, False}
    for case in cases:
        check_rule_case(case, registry=registry)


def test_inline_ignore_example_silences_the_finding(tmp_path):
    import campaignsim

    example = toml_blocks((DOCS / "scenario.md").read_text(encoding="utf-8"))[0]
    ignore = next(b for b in toml_blocks((DOCS / "index.md").read_text(encoding="utf-8")) if "campaignsim: ignore[" in b)
    plain = '[[entry.steps]]\naction = "share"\n'
    assert plain in example and ignore.startswith("[[entry.steps]]")
    before, after = tmp_path / "plain.toml", tmp_path / "ignored.toml"
    before.write_text(example, encoding="utf-8")
    after.write_text(example.replace(plain, ignore, 1), encoding="utf-8")
    code = re.search(r"ignore\[(\w+)\]", ignore).group(1)

    def base_codes(path):
        report = campaignsim.lint([str(path)], select=[code])
        assert not report.load_errors
        return [f.code for f in report.findings if f.variant is None]

    assert code in base_codes(before)
    assert code not in base_codes(after)
