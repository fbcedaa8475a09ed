"""The JSON Schema (draft 2020-12) of the scenario format, generated from the model.

Nothing here restates the format: every table is a model class of :mod:`campaignsim.model.scenario`,
every key one of its fields, and the field's declaration (type annotation, ``doc``, default,
``ge``/``gt``/``le``, ``choices``, ``check``, ``example``) becomes the key's schema. What plugins
contribute comes from the registry: the platforms (``platform.name``, their account kinds and
extra keys) and the entry actions (``entry.steps[].action`` and the keys each action takes). The
``[simulation]`` table is described from :mod:`campaignsim.model.simparams` when it is available.

Editors read TOML through the schema as if it were JSON: TOML dates and date-times appear as
strings with ``format: date`` / ``format: date-time`` (this is how taplo and Even Better TOML map
them). The schema helps while writing; ``campaignsim lint`` remains the full check (it also knows
ISO code lists, cross-key conditions such as ``end`` after ``start``, and unique variant names).

    campaignsim schema -o campaignsim.schema.json
"""

from __future__ import annotations

import typing
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import attrs

from campaignsim.load.validate import hints, is_pairs, unwrap_optional, user_fields
from campaignsim.model import EntryStep, LintSettings, Platform, Scenario

if TYPE_CHECKING:
    from campaignsim.plugin.manager import Registry

DIALECT = "https://json-schema.org/draft/2020-12/schema"
PATCH = "Patch"
"""Suffix of the ``$defs`` entry describing a table as a variant may give it (every key optional)."""

PATTERNS = {
    "currency": ("^[A-Z]{3}$", "ISO 4217 currency code"),
    "region": ("^(EU|[A-Z]{2}(-[A-Z0-9]{1,3})?)$", "ISO 3166-1 country or ISO 3166-2 subdivision code"),
    "url": ("^https?://\\S+$", "http(s) URL"),
    "language": ("^[a-z]{2}$", "ISO 639-1 language code"),
}
NON_EMPTY = "\\S"
EXTRA_TYPES = {"int": "integer", "float": "number", "bool": "boolean", "str": "string"}


def build_schema(registry: Registry) -> dict:
    """The JSON Schema of a scenario file, for the platforms and actions ``registry`` holds."""
    builder = _Builder(registry)
    root = builder.table(Scenario, partial=False)
    root["properties"]["variants"] = {
        "type": "array",
        "description": "Alternatives to compare with the base campaign (`[[variants]]`). Each is a partial scenario "
                       "with a `name`: its tables merge onto the base key by key, its arrays and values replace the base's.",
        "items": {"$ref": "#/$defs/Variant"},
    }
    variant = builder.table(Scenario, partial=True)
    variant["description"] = "One variant: a name and the keys that differ from the base campaign."
    variant["properties"] = {
        "name": {"type": "string", "pattern": NON_EMPTY, "description": "The variant's name, unique in the file.",
                 "examples": ["comment to enter"]},
        **variant["properties"],
    }
    variant["required"] = ["name"]
    builder.defs["Variant"] = variant
    return {
        "$schema": DIALECT,
        "title": "campaignsim scenario",
        **root,
        "$defs": dict(sorted(builder.defs.items())),
    }


class _Builder:
    def __init__(self, registry: Registry):
        self.registry = registry
        self.defs: dict[str, dict] = {}

    # -- tables -------------------------------------------------------------------------------------
    def ref(self, cls, partial: bool) -> dict:
        name = cls.__name__ + (PATCH if partial else "")
        if name not in self.defs:
            self.defs[name] = {}  # reserve first: a table may (indirectly) refer to itself
            self.defs[name] = self.table(cls, partial)
        return {"$ref": f"#/$defs/{name}"}

    def table(self, cls, partial: bool) -> dict:
        """An object schema for one model class; ``partial``: as a variant gives it, nothing required."""
        properties: dict[str, Any] = {}
        required = []
        for f in user_fields(cls):
            if cls is Scenario and f.name == "simulation":
                properties[f.name] = self.simulation(f)
                continue
            if cls is LintSettings and f.name == "rules":
                properties[f.name] = {"type": "object", "description": f.metadata.get("doc", ""),
                                      "additionalProperties": {"type": "object", "description": "A rule's options: name = value.",
                                                               "additionalProperties": {"type": ["number", "string", "boolean"]}}}
                continue
            properties[f.name] = self.field(cls, f, partial)
            if f.default is attrs.NOTHING and not partial:
                required.append(f.name)
        schema: dict[str, Any] = {"type": "object", "description": _docstring(cls)}
        if cls is Platform:
            self.platform_extras(properties, schema)
        elif cls is EntryStep:
            self.action_keys(properties, schema)
        schema["properties"] = properties
        if required:
            schema["required"] = required
        schema["additionalProperties"] = False
        return schema

    def field(self, cls, f: attrs.Attribute, partial: bool) -> dict:
        meta = f.metadata
        tp = unwrap_optional(hints(cls)[f.name])
        schema = {"description": meta["doc"], **self.type(tp, meta, partial)}
        default = _toml_default(f.default)
        if default is not None:
            schema["default"] = default
        if meta.get("example") is not None:
            schema["examples"] = [meta["example"]]
        if f.default is attrs.NOTHING and schema.get("type") == "array":
            schema["minItems"] = 1  # a required list must not be empty (steps, prize items)
        return schema

    def type(self, tp, meta: dict, partial: bool) -> dict:
        tp = unwrap_optional(tp)
        if attrs.has(tp):
            return self.ref(tp, partial)
        if is_pairs(tp):
            value_tp = typing.get_args(typing.get_args(tp)[0])[1]
            return {"type": "object", "additionalProperties": self.type(value_tp, {}, partial)}
        if typing.get_origin(tp) is tuple:
            # Arrays are replaced, not merged, by a variant: their items are always complete.
            return {"type": "array", "items": self.type(typing.get_args(tp)[0], meta, False)}
        return scalar(tp, meta)

    # -- what plugins add ---------------------------------------------------------------------------
    def platform_extras(self, properties: dict, schema: dict) -> None:
        registry = self.registry
        properties["name"]["enum"] = sorted(registry.platforms) + sorted(registry.platform_aliases)
        model_keys = set(properties)
        cases = []
        for name, spec in sorted(registry.platforms.items()):
            aliases = sorted(a for a, target in registry.platform_aliases.items() if target == name)
            account = {"account": {"enum": list(spec.account_kinds)}} if spec.account_kinds else {}
            cases.append(([name, *aliases], spec.title, spec.extra_fields, model_keys, account))
        self.conditional_keys(properties, schema, "name", cases)

    def action_keys(self, properties: dict, schema: dict) -> None:
        registry = self.registry
        properties["action"]["enum"] = sorted(registry.actions)
        generic = {"action", "optional", "worth"}  # every step may give these
        cases: list[tuple[list[str], str, Any, set[str], dict]] = [([name], name, action.extra_fields, generic | set(action.fields), {}) for name, action in sorted(registry.actions.items())]
        self.conditional_keys(properties, schema, "action", cases)

    @staticmethod
    def conditional_keys(properties: dict, schema: dict, key: str, cases) -> None:
        """Keys that depend on the value of ``key`` (the platform's name, the step's action): one
        ``if``/``then`` per case, and every plugin-declared extra key also listed in ``properties``
        (for completion). ``cases``: (values of ``key``, label, extra fields, other allowed keys,
        more ``then`` properties)."""
        offered: dict[str, list] = {}
        conditions = []
        for values, label, extra_fields, allowed, more in cases:
            then_properties = dict(more)
            for extra in extra_fields:
                then_properties[extra.name] = extra_schema(extra)
                offered.setdefault(extra.name, []).append((label, extra))
            then: dict[str, Any] = {"properties": then_properties} if then_properties else {}
            then["propertyNames"] = {"enum": sorted(set(allowed) | {e.name for e in extra_fields})}
            conditions.append({"if": {"properties": {key: {"enum": values}}, "required": [key]}, "then": then})
        for name, offers in sorted(offered.items()):
            if name in properties:
                continue  # a plugin cannot redefine a model key; the loader reads the model's
            properties[name] = {"description": " ".join(f"{label}: {extra.doc}" for label, extra in offers)}
            kinds = {EXTRA_TYPES[extra.type] for _, extra in offers}
            if len(kinds) == 1:
                properties[name]["type"] = kinds.pop()
        if conditions:
            schema["allOf"] = conditions

    def simulation(self, f: attrs.Attribute) -> dict:
        schema: dict[str, Any] = {"type": "object", "description": f.metadata["doc"]}
        try:
            from campaignsim.model.simparams import PARAMETERS
        except ImportError:  # the simulator's parameter list is not installed: any numbers
            schema["additionalProperties"] = {"type": "number"}
            return schema
        schema["properties"] = {name: param_schema(p) for name, p in PARAMETERS.items()}
        schema["properties"]["calibration"] = {"type": "string", "minLength": 1,
                                               "description": "A calibration file from `campaignsim calibrate`, relative to the scenario file."}
        try:
            from campaignsim.model.simparams import ACTION_PARAMETERS
        except ImportError:
            ACTION_PARAMETERS = {}
        actions = sorted(self.registry.actions)
        if ACTION_PARAMETERS and actions:
            alternatives = "|".join(actions)
            schema["patternProperties"] = {f"^{what}_({alternatives})$": param_schema(p) for what, p in ACTION_PARAMETERS.items()}
        schema["additionalProperties"] = False
        return schema


def scalar(tp, meta: dict) -> dict:
    """The schema of one TOML value of Python type ``tp`` with the field's constraints."""
    if tp is bool:
        return {"type": "boolean"}
    if tp in (int, float):
        schema: dict[str, Any] = {"type": "integer" if tp is int else "number"}
        for key, word in (("ge", "minimum"), ("gt", "exclusiveMinimum"), ("le", "maximum")):
            if meta.get(key) is not None:
                schema[word] = meta[key]
        return schema
    if tp is str:
        if meta.get("choices"):
            return {"type": "string", "enum": list(meta["choices"])}
        check = meta.get("check")
        if check in PATTERNS:
            pattern, _ = PATTERNS[check]
            return {"type": "string", "pattern": pattern, **({"format": "uri"} if check == "url" else {})}
        return {"type": "string", "pattern": NON_EMPTY}
    if tp is datetime:
        return {"type": "string", "format": "date-time"}
    if tp is date:
        return {"type": "string", "format": "date"}
    raise TypeError(f"no JSON Schema for the model type {tp!r}")  # a model declaration this module does not know


def extra_schema(extra) -> dict:
    """A plugin's :class:`~campaignsim.model.ExtraField` as a schema."""
    schema: dict[str, Any] = {"description": extra.doc, "type": EXTRA_TYPES[extra.type]}
    if extra.ge is not None:
        schema["minimum"] = extra.ge
    if extra.le is not None:
        schema["maximum"] = extra.le
    if extra.choices:
        schema["enum"] = list(extra.choices)
    return schema


def param_schema(param) -> dict:
    description = param.doc + (f" Unit: {param.unit}." if param.unit else "")
    schema: dict[str, Any] = {"type": "number", "description": description, "minimum": param.ge, "maximum": param.le}
    if param.default is not None:
        schema["default"] = param.default
    return schema


def _toml_default(value):
    """A field's default as TOML (JSON) would write it, or None when it has none to show."""
    if value is attrs.NOTHING or value is None or attrs.has(type(value)):
        return None
    if isinstance(value, tuple):
        return [_toml_default(v) for v in value]
    return value


def _docstring(cls) -> str:
    return " ".join((cls.__doc__ or "").split())


__all__ = ["DIALECT", "build_schema"]
