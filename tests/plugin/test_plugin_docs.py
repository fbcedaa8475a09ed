"""docs/plugins.md reads completely in the repository: the reference is committed and kept in sync
with the code, every declaration field is explained, and the extra-key accessors are documented
and strict about typos."""

import re
from pathlib import Path

import attrs
import pytest

from campaignsim.lint.rule import RuleOption
from campaignsim.model import ActionSpec, ExtraField, PlatformSpec, SimDefaults, StepFriction
from campaignsim.lint.reference import refresh
from campaignsim.testing import registry_with, scenario_from_string

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "plugins.md"


def test_the_generated_reference_in_docs_plugins_md_is_up_to_date():
    text = GUIDE.read_text(encoding="utf-8")
    assert refresh(text) == text, "run: python -m campaignsim.lint.reference docs/plugins.md"


def test_the_raw_guide_has_no_placeholder_left_for_the_site_build_to_fill():
    text = GUIDE.read_text(encoding="utf-8")
    assert not re.search(r"<!--\s*campaignsim:", text)
    assert "### `campaignsim_rules`" in text and "### `campaignsim_step_friction`" in text


@pytest.mark.parametrize("cls", [PlatformSpec, ExtraField, SimDefaults, ActionSpec, StepFriction, RuleOption])
def test_every_field_of_every_declaration_is_explained_in_the_guide(cls):
    text = GUIDE.read_text(encoding="utf-8")
    block = text.split(f"<!-- generated:fields {cls.__name__} -->")[1].split("<!-- /generated:")[0]
    for f in attrs.fields(cls):
        row = next((line for line in block.splitlines() if line.startswith(f"| `{f.name}` |")), None)
        assert row is not None, f"{cls.__name__}.{f.name}"
        meaning = row.rstrip(" |").rsplit(" | ", 1)[1]
        assert len(meaning) > 15, f"{cls.__name__}.{f.name} has no real explanation: {meaning!r}"


def test_the_guide_explains_the_fields_that_were_undocumented():
    text = GUIDE.read_text(encoding="utf-8")
    for phrase in ("`public`", "`proof`", "`family`", "`exposes_by_target`", "Three things called `fields`",
                   'scenario.platform.extra("danmaku_enabled")', 'step.extra("key")', "replaces", "[tool.campaignsim.rules."):
        assert phrase in text, phrase


class Keys:
    from campaignsim.plugin import hookimpl

    @hookimpl
    def campaignsim_platforms(self):
        return [PlatformSpec(name="bilibili", title="Bilibili", extra_fields=(ExtraField("danmaku_enabled", "bool", "Bullet comments on."),))]


def test_a_typo_in_an_extra_key_raises_instead_of_returning_none():
    registry = registry_with(("keys", Keys()), strict=True)
    loaded = scenario_from_string('[platform]\nname = "bilibili"\naccount = "x"\n'.replace('account = "x"\n', ""), registry=registry)
    platform = loaded.base.platform
    assert platform.extra("danmaku_enabled") is None  # declared, left out by the scenario
    assert platform.extra("danmaku_enabled", True) is True
    with pytest.raises(KeyError, match="did you mean 'danmaku_enabled'"):
        platform.extra("danmaku_enable")
    with pytest.raises(KeyError, match="no loaded entry action declares the key 'pass_markk'"):
        loaded.base.entry.steps[0].extra("pass_markk")
