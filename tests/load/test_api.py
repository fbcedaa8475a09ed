"""The loader's Python surface: errors as data, the exception helper, and documents without text."""

from __future__ import annotations

import pytest

from campaignsim.load import LoadError, ScenarioLoadError, load_mapping, load_scenarios, load_text


def test_errors_are_data_with_path_line_key_message_and_variant(base, reg):
    text = base + '\n[[variants]]\nname = "v"\naudience.reach = -1\n'
    assert load_text(text, reg, path="spring.toml").errors == [
        LoadError("spring.toml", 46, "audience.reach", "must be an integer ≥ 0, got -1", variant="v")]


def test_a_syntax_error_carries_its_column_in_the_data_and_the_text(reg):
    [error] = load_text("a = 1\nb = = 2\n", reg, path="x.toml").errors
    assert (error.line, error.column, error.key) == (2, 5, "")
    assert error.render() == "x.toml:2:5: invalid TOML: Invalid value"
    assert error.to_dict() == {"path": "x.toml", "line": 2, "column": 5, "key": "", "message": "invalid TOML: Invalid value",
                               "variant": None}


def test_load_scenarios_raises_one_exception_listing_every_error(tmp_path, spring, reg):
    path = tmp_path / "spring.toml"
    path.write_text(spring(l13="followers = -1", l27="count = -3"), encoding="utf-8")
    with pytest.raises(ScenarioLoadError) as raised:
        load_scenarios(path, reg)
    assert str(raised.value).splitlines() == [
        f"{path}:13: platform.followers: must be an integer ≥ 0, got -1",
        f"{path}:27: entry.steps[1].count: must be an integer ≥ 1, got -3",
    ]
    assert len(raised.value.errors) == 2


def test_load_scenarios_returns_the_base_then_each_variant(tmp_path, base, reg):
    path = tmp_path / "spring.toml"
    path.write_text(base + '\n[[variants]]\nname = "a"\n[[variants]]\nname = "b"\n', encoding="utf-8")
    assert [s.variant for s in load_scenarios(path, reg)] == [None, "a", "b"]


def test_a_parsed_mapping_is_validated_without_line_numbers(reg):
    loaded = load_mapping({"campaign": {"name": 1}}, reg)
    assert [e.render() for e in loaded.errors][:2] == [
        "<mapping>: campaign.name: must be a string, got 1",
        "<mapping>: campaign.brand: missing required key (a string)",
    ]
    assert loaded.scenarios == []
