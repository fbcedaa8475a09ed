"""Raw TOML tables → frozen model values, through one cattrs converter.

The document has been validated before it reaches here, so structuring cannot fail on user
input; the hooks below only say how TOML's shapes map onto the model's frozen ones.
"""

from __future__ import annotations

import types
import typing
from datetime import date, datetime
from functools import lru_cache
from typing import Any, cast

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory

from campaignsim.model import EntryStep, Platform, Scenario
from campaignsim.model.fields import evolve, fields_of

# Unknown keys are not looked for again here: validation has already reported every key the model
# does not declare, and plugin keys are moved to ``extras`` below.
_converter = cattrs.Converter(forbid_extra_keys=False)
_converter.register_structure_hook(datetime, lambda value, _: value)
_converter.register_structure_hook(date, lambda value, _: value)


def _is_optional(tp) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) in (typing.Union, types.UnionType) and len(args) == 2 and type(None) in args


def _optional_hook(tp):
    """Optional[X] with X's hook looked up once, not on every value (cattrs' default looks it up each time)."""
    inner = next(a for a in typing.get_args(tp) if a is not type(None))
    handler = _converter.get_structure_hook(inner)
    if handler == getattr(_converter, "_structure_call", None):  # str, int, float, bool: the type itself converts
        def structure_optional_plain(value, _):
            return None if value is None else inner(value)
        return structure_optional_plain

    def structure_optional(value, _):
        return None if value is None else handler(value, inner)
    return structure_optional


def _is_homogeneous_tuple(tp) -> bool:
    args = typing.get_args(tp)
    return typing.get_origin(tp) is tuple and len(args) == 2 and args[1] is Ellipsis


# Model arrays are tuple[X, ...]: cattrs' own factory for them finds X's hook once per type.
_converter.register_structure_hook_factory(_is_homogeneous_tuple, lambda tp: homogenous_tuple_structure_factory(tp, _converter))
_converter.register_structure_hook_factory(_is_optional, _optional_hook)
# Registered after the tuple factory so that these tables of arbitrary keys take precedence over it.
_NUMBER_TABLE = tuple[tuple[str, float], ...]
_ANY_TABLE = tuple[tuple[str, object], ...]
# (the [simulation] table: numbers, and the one string key `calibration`, a file name)
_converter.register_structure_hook_func(lambda t: t == _NUMBER_TABLE, lambda value, _: tuple((k, v if k == "calibration" else float(v)) for k, v in value.items()))
_converter.register_structure_hook_func(lambda t: t == _ANY_TABLE, lambda value, _: tuple(value.items()))
# ([lint.rules]: a table of tables, rule → option → value)
_RULE_OPTIONS = tuple[tuple[str, tuple[tuple[str, object], ...]], ...]
_converter.register_structure_hook_func(lambda t: t == _RULE_OPTIONS,
                                        lambda value, _: tuple((code, tuple(options.items())) for code, options in value.items()))


_PLATFORM_GENERIC = {a.name for a in fields_of(Platform)} - {"extras"}
_STEP_FIELDS = frozenset({a.name for a in fields_of(EntryStep)} - {"extras"})
_SCENARIO_TYPES = {a.name: a.type for a in fields_of(attrs.resolve_types(cast(Any, Scenario)))}
_SCENARIO_KEYS = frozenset(_SCENARIO_TYPES)
# The structure hook of each model type, looked up once: the converter is set up when this module
# loads and never changes, so this is a pure function of the type.
_hook = lru_cache(maxsize=None)(_converter.get_structure_hook)


def _structure(value, tp):
    return _hook(tp)(value, tp)


def _step(step: dict) -> dict:
    """A step with the keys its action's plugin adds set apart (an empty ``extras`` is the default)."""
    if _STEP_FIELDS.issuperset(step):
        return step
    return dict({k: v for k, v in step.items() if k in _STEP_FIELDS}, extras={k: v for k, v in step.items() if k not in _STEP_FIELDS})


def _prepared(key: str, value, platform_fields: set[str], default_jurisdictions: tuple[str, ...]):
    """A top-level table in the shape the model wants: plugin keys set apart, defaults filled in."""
    if key == "platform":
        moved = [k for k in value if k not in _PLATFORM_GENERIC and k in platform_fields]
        if not moved and "extras" not in value:
            return value
        platform = dict(value)
        platform["extras"] = {k: platform.pop(k) for k in moved}
        return platform
    if key == "entry":
        return dict(value, steps=[_step(step) for step in value["steps"]])
    if key == "campaign" and not value.get("jurisdictions"):
        return dict(value, jurisdictions=list(default_jurisdictions))
    return value


_PREPARED_KEYS = ("platform", "entry", "campaign")  # the tables _prepared changes


def to_scenario(data: dict, *, platform_fields: set[str], default_jurisdictions: tuple[str, ...], variant: str | None,
                base: tuple[dict, Scenario] | None = None) -> Scenario:
    """Structure a validated document. ``base`` (the base's raw document and scenario) lets a variant
    reuse every table it shares with the base, unchanged, instead of structuring it again."""
    if base is not None:
        base_raw, base_scenario = base
        changed = {k for k in data.keys() | base_raw.keys() if k != "variants" and data.get(k) is not base_raw.get(k)}
        if "platform" in changed:
            changed.add("campaign")  # its default jurisdictions come from the platform
        if changed <= _SCENARIO_KEYS and all(k in data for k in changed):
            fields = {k: _structure(_prepared(k, data[k], platform_fields, default_jurisdictions), _SCENARIO_TYPES[k])
                      for k in changed}
            return evolve(base_scenario, variant=variant, **fields)
    prepared = {k: v for k, v in data.items() if k != "variants"}
    for key in _PREPARED_KEYS:
        if key in prepared:
            prepared[key] = _prepared(key, prepared[key], platform_fields, default_jurisdictions)
    prepared["variant"] = variant
    return _structure(prepared, Scenario)


def unstructure(value):
    return _converter.unstructure(value)
