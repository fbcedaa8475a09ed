"""The JSON Schema of the scenario format: valid draft 2020-12, generated from the model, and in
agreement with the loader on what a scenario may contain."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import tomllib
import typing
from datetime import date, datetime, time
from pathlib import Path

import attrs
import pytest
from jsonschema import Draft202012Validator

from campaignsim.load import load_file
from campaignsim.load.validate import hints, unwrap_optional, user_fields
from campaignsim.model import Scenario
from campaignsim.plugin.manager import get_registry
from campaignsim.schema import build_schema
from campaignsim.testing import MINIMAL_SCENARIO

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "tests" / "data" / "reference-scenario.toml"


def as_json(value):
    """A parsed TOML document as an editor sees it through the schema: dates as ISO strings."""
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def registry():
    return get_registry()


@pytest.fixture(scope="module")
def schema(registry):
    return build_schema(registry)


@pytest.fixture(scope="module")
def validator(schema):
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


@pytest.fixture
def minimal():
    return as_json(tomllib.loads(MINIMAL_SCENARIO))


def errors(validator, document) -> list[str]:
    return [f"{e.json_path}: {e.message}" for e in validator.iter_errors(document)]


def test_schema_is_valid_draft_2020_12(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_reference_scenario_validates(validator):
    document = as_json(tomllib.loads(REFERENCE.read_text(encoding="utf-8")))
    assert errors(validator, document) == []


def test_minimal_scenario_of_the_testing_helpers_validates(validator, minimal):
    assert errors(validator, minimal) == []


@pytest.mark.parametrize("where", ["", "campaign", "prize.items.0", "entry.steps.0", "fulfilment", "lint.ignore.0"])
def test_unknown_key_is_rejected_at_every_level(validator, minimal, where):
    document = copy.deepcopy(minimal)
    node = document
    for part in filter(None, where.split(".")):
        node = node[int(part)] if part.isdigit() else node.setdefault(part, {} if part != "ignore" else [{"code": "CS001", "reason": "x"}])
    node["colour"] = "blue"
    found = errors(validator, document)
    assert found and any("colour" in message for message in found), found


def test_negative_prize_value_is_rejected(validator, minimal):
    document = copy.deepcopy(minimal)
    document["prize"]["items"][0]["value"] = -1
    assert any("prize.items[0].value" in e and "minimum" in e for e in errors(validator, document))


def test_missing_required_table_and_empty_steps_are_rejected(validator, minimal):
    document = copy.deepcopy(minimal)
    del document["prize"]
    assert any("'prize' is a required property" in e for e in errors(validator, document))
    document = copy.deepcopy(minimal)
    document["entry"]["steps"] = []
    assert errors(validator, document)


def test_choices_are_enums_and_dates_are_strings_with_a_format(schema, validator, minimal):
    document = copy.deepcopy(minimal)
    document["prize"]["draw"] = "lottery"
    assert any("prize.draw" in e and "is not one of" in e for e in errors(validator, document))
    # Checking formats needs jsonschema's optional format packages; editors check them. Declared:
    assert schema["$defs"]["Campaign"]["properties"]["start"]["format"] == "date-time"
    assert schema["$defs"]["Platform"]["properties"]["registered"]["format"] == "date"
    document = copy.deepcopy(minimal)
    document["campaign"]["start"] = 20270301
    assert any("campaign.start" in e and "'string'" in e for e in errors(validator, document))


def _model_classes():
    seen: list = []

    def walk(cls):
        if cls in seen:
            return
        seen.append(cls)
        for f in user_fields(cls):
            tp = unwrap_optional(hints(cls)[f.name])
            if typing.get_origin(tp) is tuple:
                tp = typing.get_args(tp)[0]
            if attrs.has(tp):
                walk(tp)

    walk(Scenario)
    return seen


def test_every_model_field_appears_with_its_doc(schema):
    classes = _model_classes()
    assert len(classes) > 10
    for cls in classes:
        definition = schema if cls is Scenario else schema["$defs"][cls.__name__]
        for f in user_fields(cls):
            prop = definition["properties"].get(f.name)
            assert prop is not None, f"{cls.__name__}.{f.name} is missing from the schema"
            assert prop["description"] == f.metadata["doc"]


def test_defaults_and_required_come_from_the_model(schema):
    assert schema["required"] == ["campaign", "platform", "entry", "prize"]
    campaign = schema["$defs"]["Campaign"]
    assert campaign["properties"]["kind"]["default"] == "giveaway"
    assert campaign["properties"]["jurisdictions"]["default"] == []
    assert set(campaign["required"]) == {"name", "brand", "start", "end"}
    assert schema["$defs"]["PrizeItem"]["properties"]["quantity"]["minimum"] == 1


def test_platform_and_action_enums_come_from_the_registry(schema, registry):
    platform_names = schema["$defs"]["Platform"]["properties"]["name"]["enum"]
    assert set(registry.platforms) <= set(platform_names)
    assert set(registry.platform_aliases) <= set(platform_names)
    assert schema["$defs"]["EntryStep"]["properties"]["action"]["enum"] == sorted(registry.actions)


def test_platform_extra_keys_are_accepted_only_on_their_platform(validator, minimal, registry):
    spec = next(s for s in registry.platforms.values() if s.extra_fields)
    extra = spec.extra_fields[0]
    value = {"int": max(1, int(extra.ge or 1)), "float": float(extra.ge or 0), "bool": True, "str": (extra.choices or ("x",))[0]}[extra.type]
    document = copy.deepcopy(minimal)
    document["platform"] = {"name": spec.name, extra.name: value}
    assert errors(validator, document) == []
    other = next(name for name, s in registry.platforms.items() if extra.name not in {e.name for e in s.extra_fields})
    document["platform"] = {"name": other, extra.name: value}
    assert errors(validator, document)


def test_account_kind_must_belong_to_the_platform(validator, minimal):
    document = copy.deepcopy(minimal)
    document["platform"]["account"] = "subscription"  # a WeChat kind on Weibo
    assert any("platform" in e for e in errors(validator, document))


def test_a_step_key_the_action_does_not_use_is_rejected(validator, minimal):
    document = copy.deepcopy(minimal)
    document["entry"]["steps"] = [{"action": "like", "to": "friends"}]
    assert errors(validator, document)
    document["entry"]["steps"] = [{"action": "share", "to": "friends", "count": 3}]
    assert errors(validator, document) == []


def test_variants_need_a_name_and_are_partial(validator, minimal):
    document = copy.deepcopy(minimal)
    document["variants"] = [{"name": "bigger prize", "prize": {"items": [{"name": "Tea set", "value": 900, "currency": "CNY"}]},
                             "campaign": {"end": "2027-03-15T22:00:00+08:00"}}]
    assert errors(validator, document) == []
    document["variants"] = [{"campaign": {"end": "2027-03-15T22:00:00+08:00"}}]
    assert any("'name' is a required property" in e for e in errors(validator, document))
    document["variants"] = [{"name": "typo", "campain": {}}]
    assert errors(validator, document)


def test_simulation_parameters_are_bounded(validator, minimal):
    from campaignsim.model.simparams import PARAMETERS

    name, param = next(iter(PARAMETERS.items()))
    document = copy.deepcopy(minimal)
    document["simulation"] = {name: param.le}
    assert errors(validator, document) == []
    document["simulation"] = {name: param.le + 1}
    assert errors(validator, document)
    document["simulation"] = {"no_such_parameter": 1}
    assert errors(validator, document)


def test_simulation_without_parameter_list_accepts_any_numbers(registry, minimal, monkeypatch):
    monkeypatch.setitem(sys.modules, "campaignsim.model.simparams", None)  # makes the import fail
    schema = build_schema(registry)
    validator = Draft202012Validator(schema)
    document = copy.deepcopy(minimal)
    document["simulation"] = {"anything": 12.5}
    assert errors(validator, document) == []
    document["simulation"] = {"anything": "high"}
    assert errors(validator, document)


def test_scenarios_the_loader_accepts_are_accepted_by_the_schema(validator, registry):
    files = sorted((ROOT / "scenarios").rglob("*.toml")) + [REFERENCE]
    checked = 0
    for path in files:
        loaded = load_file(path, registry)
        if loaded.errors:
            continue  # example scenarios may show load errors on purpose
        found = errors(validator, as_json(loaded.raw))
        assert found == [], f"{path}: {found}"
        checked += 1
    assert checked >= 1


def test_cli_writes_the_schema(tmp_path):
    out = tmp_path / "campaignsim.schema.json"
    command = [sys.executable, "-c", "from campaignsim.cli import main; main()", "schema", "-o", str(out)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(written)
