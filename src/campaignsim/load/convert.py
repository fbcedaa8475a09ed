"""Raw TOML tables → frozen model values, through one cattrs converter.

The document has been validated before it reaches here, so structuring cannot fail on user
input; the hooks below only say how TOML's shapes map onto the model's frozen ones.
"""

from __future__ import annotations

from datetime import date, datetime

import attrs
import cattrs

from campaignsim.model import EntryStep, Platform, Scenario

_converter = cattrs.Converter(forbid_extra_keys=True)
_converter.register_structure_hook(datetime, lambda value, _: value)
_converter.register_structure_hook(date, lambda value, _: value)
_NUMBER_TABLE = tuple[tuple[str, float], ...]
_ANY_TABLE = tuple[tuple[str, object], ...]
_converter.register_structure_hook_func(lambda t: t == _NUMBER_TABLE, lambda value, _: tuple((k, float(v)) for k, v in value.items()))
_converter.register_structure_hook_func(lambda t: t == _ANY_TABLE, lambda value, _: tuple(value.items()))


_PLATFORM_GENERIC = {a.name for a in Platform.__attrs_attrs__} - {"extras"}
_STEP_FIELDS = {a.name for a in EntryStep.__attrs_attrs__} - {"extras"}
_SCENARIO_TYPES = {a.name: a.type for a in attrs.fields(attrs.resolve_types(Scenario))}


def _prepared(key: str, value, platform_fields: set[str], default_jurisdictions: tuple[str, ...]):
    """A top-level table in the shape the model wants: plugin keys set apart, defaults filled in."""
    if key == "platform":
        platform = dict(value)
        platform["extras"] = {k: platform.pop(k) for k in list(platform) if k not in _PLATFORM_GENERIC and k in platform_fields}
        return platform
    if key == "entry":
        entry = dict(value)
        entry["steps"] = [dict({k: v for k, v in step.items() if k in _STEP_FIELDS}, extras={k: v for k, v in step.items() if k not in _STEP_FIELDS})
                          for step in entry["steps"]]
        return entry
    if key == "campaign" and not value.get("jurisdictions"):
        return dict(value, jurisdictions=list(default_jurisdictions))
    return value


def to_scenario(data: dict, *, platform_fields: set[str], default_jurisdictions: tuple[str, ...], variant: str | None,
                base: tuple[dict, Scenario] | None = None) -> Scenario:
    """Structure a validated document. ``base`` (the base's raw document and scenario) lets a variant
    reuse every table it shares with the base, unchanged, instead of structuring it again."""
    keys = [k for k in data if k != "variants"]
    if base is not None:
        base_raw, base_scenario = base
        changed = {k for k in set(keys) | (set(base_raw) - {"variants"}) if data.get(k) is not base_raw.get(k)}
        if "platform" in changed:
            changed.add("campaign")  # its default jurisdictions come from the platform
        if changed <= set(_SCENARIO_TYPES) and all(k in data for k in changed):
            fields = {k: _converter.structure(_prepared(k, data[k], platform_fields, default_jurisdictions), _SCENARIO_TYPES[k])
                      for k in changed}
            return attrs.evolve(base_scenario, variant=variant, **fields)
    prepared = {k: _prepared(k, data[k], platform_fields, default_jurisdictions) for k in keys}
    prepared["variant"] = variant
    return _converter.structure(prepared, Scenario)


def unstructure(value):
    return _converter.unstructure(value)
