"""Check a TOML document against the scenario model, collecting every error.

The walk is driven by the model's own declarations (field types from the annotations, bounds and
meanings from the field metadata) plus what the plugins declare (platforms, their account kinds
and extra keys, entry actions and the fields each takes). It yields ``(dotted key, message)``
pairs; the loader adds file, line and variant.
"""

from __future__ import annotations

import difflib
import math
import types
import typing
from datetime import date, datetime, time
from functools import lru_cache
from typing import Any, Iterator, Optional

import attrs

from campaignsim.load.locate import key_part, quote
from campaignsim.model import EntryStep, Platform, Scenario
from campaignsim.model.extension import ExtraField
from campaignsim.model.fields import WORLD_POPULATION

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1  # TOML integers; larger ones cannot be stored losslessly
NOT_USER_KEYS = {Scenario: {"variant"}, Platform: {"extras"}, EntryStep: {"extras"}}
Error = tuple[str, str]


@lru_cache(maxsize=None)
def hints(cls) -> dict[str, Any]:
    return typing.get_type_hints(cls)


@lru_cache(maxsize=None)
def user_fields(cls) -> tuple[attrs.Attribute, ...]:
    hidden = NOT_USER_KEYS.get(cls, set())
    return tuple(f for f in attrs.fields(cls) if f.name not in hidden)


@lru_cache(maxsize=None)
def _field_map(cls) -> dict[str, attrs.Attribute]:
    return {f.name: f for f in user_fields(cls)}


@lru_cache(maxsize=None)
def _shape(tp) -> tuple[str, Any]:
    """How a declared type is checked: ("table", cls), ("array", item type) or ("scalar", type)."""
    tp = unwrap_optional(tp)
    if attrs.has(tp):
        return "table", tp
    if typing.get_origin(tp) is tuple and not is_pairs(tp):
        return "array", typing.get_args(tp)[0]
    return "scalar", tp


@lru_cache(maxsize=None)
def unwrap_optional(tp):
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, types.UnionType) and type(None) in args:
        rest = [a for a in args if a is not type(None)]
        return rest[0]
    return tp


def is_pairs(tp) -> bool:
    """tuple[tuple[str, X], ...]: a TOML table of arbitrary keys, frozen as pairs."""
    if typing.get_origin(tp) is not tuple:
        return False
    inner = typing.get_args(tp)[0]
    return typing.get_origin(inner) is tuple


def describe(value: Any) -> str:
    """A value as the user wrote it, for "got …"."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return quote(value if len(value) <= 40 else value[:37] + "…")
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, int):
        shown = str(value)
        return shown if len(shown) <= 40 else f"an integer of {len(shown.lstrip('-')):,} digits"
    if isinstance(value, datetime):
        return f"the date-time {value.isoformat()}"
    if isinstance(value, date):
        return f"the date {value.isoformat()}"
    if isinstance(value, time):
        return f"the time {value.isoformat()}"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return repr(value)


def _fmt(n: float) -> str:
    return f"{int(n):,}" if float(n).is_integer() else f"{n:g}"


def bounds_phrase(meta: dict) -> str:
    ge, gt, le = meta.get("ge"), meta.get("gt"), meta.get("le")
    if le == WORLD_POPULATION:
        le = None  # a sanity cap on head counts, not worth stating unless it is exceeded
    if ge is not None and le is not None:
        return f" from {_fmt(ge)} to {_fmt(le)}"
    parts = []
    if ge is not None:
        parts.append(f"≥ {_fmt(ge)}")
    if gt is not None:
        parts.append(f"> {_fmt(gt)}")
    if le is not None:
        parts.append(f"≤ {_fmt(le)}")
    return (" " + " and ".join(parts)) if parts else ""


def expectation(tp, meta: dict) -> str:
    tp = unwrap_optional(tp)
    if tp is bool:
        return "true or false"
    if tp is int:
        return "an integer" + bounds_phrase(meta)
    if tp is float:
        return "a number" + bounds_phrase(meta)
    if tp is str:
        if meta.get("choices"):
            return "one of " + ", ".join(meta["choices"])
        return {"currency": "an ISO 4217 currency code such as CNY or USD",
                "region": "an ISO 3166 country or subdivision code such as CN, US or US-NY"}.get(meta.get("check"), "a string")
    if tp is datetime:
        return "a date-time with a UTC offset, such as 2027-03-01T10:00:00+08:00"
    if tp is date:
        return "a date such as 2019-06-01"
    if is_pairs(tp):
        return "a table"
    if typing.get_origin(tp) is tuple:
        inner = typing.get_args(tp)[0]
        if attrs.has(inner):
            return "an array of tables"
        return "an array of " + {str: "strings", int: "integers", float: "numbers"}.get(inner, "values")
    if attrs.has(tp):
        return "a table"
    return str(tp)


def did_you_mean(word: str, candidates) -> str:
    match = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    return f'; did you mean "{match[0]}"?' if match else ""


class Validator:
    """Validates one raw document; ``registry`` supplies platforms and actions."""

    def __init__(self, registry, codes):
        self.registry = registry
        self.codes = codes  # module with is_currency / is_region
        # Tables already checked, by path: a merged variant shares every table it does not
        # change with the base (same object), so their errors are known without a second walk.
        self._checked: dict[str, tuple[Any, list[Error]]] = {}

    # -- entry point ------------------------------------------------------------------------------
    def scenario(self, data: dict) -> list[Error]:
        return list(self.table(Scenario, data, ""))

    # -- tables -----------------------------------------------------------------------------------
    def table(self, cls, data: Any, path: str) -> Iterator[Error]:
        if not path:  # the whole document: never shared between base and variant
            yield from self._table(cls, data, path)
            return
        seen = self._checked.get(path)
        if seen is not None and seen[0] is data:
            yield from seen[1]
            return
        errors = list(self._table(cls, data, path))
        self._checked[path] = (data, errors)
        yield from errors

    def _table(self, cls, data: Any, path: str) -> Iterator[Error]:
        if not isinstance(data, dict):
            yield path, f"must be a table, got {describe(data)}"
            return
        fields = _field_map(cls)
        types = hints(cls)
        extra_specs: dict[str, ExtraField] = {}
        if cls is Platform:
            spec = self.registry.platform(data.get("name")) if isinstance(data.get("name"), str) else None
            if spec is not None:
                extra_specs = {f.name: f for f in spec.extra_fields}
        if cls is EntryStep:
            action = self.registry.action(data.get("action")) if isinstance(data.get("action"), str) else None
            if action is not None:
                extra_specs = {f.name: f for f in action.extra_fields}
        prefix = f"{path}." if path else ""
        for key, value in data.items():
            if key in fields:
                continue
            where = prefix + key_part(key)
            if key in extra_specs:
                yield from self.extra(extra_specs[key], value, where)
                continue
            if cls is Scenario and key == "variants" and path == "":
                continue
            candidates = self._allowed_keys(cls, data, fields, extra_specs)
            yield where, f"unknown key{did_you_mean(key, candidates)}"
        for name, f in fields.items():
            if name not in data:
                if f.default is attrs.NOTHING:
                    yield prefix + name, f"missing required key ({expectation(types[name], f.metadata)})"
                continue
            if cls is Scenario and name == "simulation":
                yield from self.simulation(data[name], prefix + name)
                continue
            yield from self.value(types[name], f.metadata, data[name], prefix + name)
        yield from self.special(cls, data, path)

    def _allowed_keys(self, cls, data: dict, fields, extra_specs) -> set[str]:
        """Keys a "did you mean" may suggest: for a step, only what its action takes."""
        if cls is EntryStep:
            action = self.registry.action(data.get("action")) if isinstance(data.get("action"), str) else None
            if action is not None:
                return {"action", "optional", "worth", *action.fields, *extra_specs}
        return set(fields) | set(extra_specs) | ({"variants"} if cls is Scenario else set())

    def value(self, tp, meta: dict, value: Any, path: str) -> Iterator[Error]:
        kind, what = _shape(tp)
        if kind == "table":
            yield from self.table(what, value, path)
        elif kind == "array":
            if not isinstance(value, list):
                yield path, f"must be {expectation(tp, meta)}, got {describe(value)}"
                return
            for i, item in enumerate(value):
                yield from self.value(what, meta, item, f"{path}[{i}]")
        else:
            error = self.scalar(what, meta, value, path)
            if error is not None:
                yield error

    def scalar(self, tp, meta: dict, value: Any, path: str) -> Optional[Error]:
        """The error of one plain value, or None (a plain function, not a generator: it runs for every value)."""
        message = self._scalar_message(tp, meta, value)
        return None if message is None else (path, message)

    def _scalar_message(self, tp, meta: dict, value: Any) -> Optional[str]:
        # Messages are built only for values that are wrong: most are not.
        def bad() -> str:
            return f"must be {expectation(tp, meta)}, got {describe(value)}"

        if tp is bool:
            return None if isinstance(value, bool) else bad()
        if tp is int or tp is float:
            if isinstance(value, bool) or not isinstance(value, (int, float)) or (tp is int and isinstance(value, float)):
                return bad()
            if isinstance(value, int) and not INT64_MIN <= value <= INT64_MAX:
                return f"{bad()}, outside TOML's 64-bit integer range"
            if isinstance(value, float) and not math.isfinite(value):
                return f"must be a finite number{bounds_phrase(meta)}, got {describe(value)}"
            ge, gt, le = meta.get("ge"), meta.get("gt"), meta.get("le")
            if le == WORLD_POPULATION and value > le:
                return f"must not exceed the world's population ({_fmt(le)}), got {describe(value)}"
            if (ge is not None and value < ge) or (gt is not None and value <= gt) or (le is not None and value > le):
                return bad()
            return None
        if tp is str:
            if not isinstance(value, str):
                return bad()
            choices = meta.get("choices")
            if choices and value not in choices:
                return f'must be one of {", ".join(choices)}, got {describe(value)}{did_you_mean(value, choices)}'
            check = meta.get("check")
            if check == "currency" and not self.codes.is_currency(value):
                return f"unknown currency code {describe(value)}: use an ISO 4217 code such as CNY, USD, EUR or GBP"
            if check == "region" and not self.codes.is_region(value):
                hint = '; did you mean "GB"?' if value.upper() == "UK" else ""  # the United Kingdom's ISO code is GB
                return f"unknown jurisdiction {describe(value)}: use an ISO 3166-1 country code (CN, US, GB) or an ISO 3166-2 subdivision code (US-NY){hint}"
            if check == "url" and not (value.startswith("https://") or value.startswith("http://")):
                return f"must be an http(s) URL, got {describe(value)}"
            if not value.strip():
                return "must not be empty"
            return None
        if tp is datetime:
            if not isinstance(value, datetime):
                return bad()
            if value.tzinfo is None:
                return f"needs a UTC offset (e.g. {value.isoformat()}+08:00), got {value.isoformat()} without one"
            return None
        if tp is date:
            return bad() if isinstance(value, datetime) or not isinstance(value, date) else None
        return f"unsupported type {tp}"  # a model declaration the validator does not know

    def extra(self, spec: ExtraField, value: Any, path: str) -> Iterator[Error]:
        tp = {"int": int, "float": float, "bool": bool, "str": str}[spec.type]
        meta = {"ge": spec.ge, "le": spec.le, "choices": spec.choices}
        error = self.scalar(tp, meta, value, path)
        errors = [error] if error is not None else []
        yield from errors
        if not errors and spec.validate is not None:
            message = spec.validate(value)
            if message:
                yield path, message

    def simulation(self, data: Any, path: str) -> Iterator[Error]:
        if not isinstance(data, dict):
            yield path, f"must be a table, got {describe(data)}"
            return
        from campaignsim.model.simparams import ACTION_PARAMETERS, PARAMETERS, find_param

        actions = list(self.registry.actions)
        for key, value in data.items():
            where = f"{path}.{key_part(key)}"
            param = find_param(key, actions)
            if param is None:
                names = list(PARAMETERS) + [f"{what}_{action}" for what in ACTION_PARAMETERS for action in actions]
                yield where, f"unknown simulation parameter{did_you_mean(key, names)} (`campaignsim simulate --help-params` lists them)"
                continue
            error = self.scalar(float, {"ge": param.ge, "le": param.le}, value, where)
            if error is not None:
                yield error

    # -- checks across keys and against plugins --------------------------------------------------
    def special(self, cls, data: dict, path: str) -> Iterator[Error]:
        if cls is Platform:
            yield from self.platform(data, path)
        elif cls is EntryStep:
            yield from self.step(data, path)
        elif cls is Scenario:
            yield from self.whole(data)

    def platform(self, data: dict, path: str) -> Iterator[Error]:
        name = data.get("name")
        if not isinstance(name, str):
            return
        spec = self.registry.platform(name)
        if spec is None:
            known = sorted(self.registry.platforms)
            yield f"{path}.name", f"unknown platform {describe(name)}{did_you_mean(name, known)} (known: {', '.join(known)})"
            return
        account = data.get("account")
        if isinstance(account, str) and spec.account_kinds and account not in spec.account_kinds:
            yield f"{path}.account", (f"{spec.title} has no account kind {describe(account)}{did_you_mean(account, spec.account_kinds)} "
                                      f"(known: {', '.join(spec.account_kinds)})")

    def step(self, data: dict, path: str) -> Iterator[Error]:
        name = data.get("action")
        if not isinstance(name, str):
            return
        action = self.registry.action(name)
        if action is None:
            known = sorted(self.registry.actions)
            yield f"{path}.action", f"unknown action {describe(name)}{did_you_mean(name, known)} (known: {', '.join(known)})"
            return
        generic = {"action", "optional", "worth"}
        allowed = generic | set(action.fields) | {f.name for f in action.extra_fields}
        for key in data:
            if key not in allowed and key in {f.name for f in attrs.fields(EntryStep)}:
                takes = ", ".join(sorted(allowed - generic)) or "no fields of its own"
                yield f"{path}.{key}", f"the action {name} does not use {key} (it takes: {takes})"

    def whole(self, data: dict) -> Iterator[Error]:
        campaign = data.get("campaign") if isinstance(data.get("campaign"), dict) else {}
        start, end = campaign.get("start"), campaign.get("end")
        if _aware(start) and _aware(end) and end <= start:
            yield "campaign.end", f"must be after campaign.start ({start.isoformat()}), got {end.isoformat()}"
        prize = data.get("prize") if isinstance(data.get("prize"), dict) else {}
        if _aware(start) and _aware(prize.get("draw_at")) and prize["draw_at"] < start:
            yield "prize.draw_at", f"must not be before campaign.start ({start.isoformat()}), got {prize['draw_at'].isoformat()}"
        entry = data.get("entry") if isinstance(data.get("entry"), dict) else {}
        if isinstance(entry.get("steps"), list) and not entry["steps"]:
            yield "entry.steps", "must list at least one step"
        items = prize.get("items")
        if isinstance(items, list) and not items:
            yield "prize.items", "must list at least one prize"
        audience = data.get("audience") if isinstance(data.get("audience"), dict) else {}
        reach, size = audience.get("reach"), audience.get("size")
        if _count(reach) and _count(size) and size < reach:
            yield "audience.size", f"must be ≥ audience.reach ({reach:,}), got {size:,}"


def _aware(value) -> bool:
    return isinstance(value, datetime) and value.tzinfo is not None


def _count(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)
