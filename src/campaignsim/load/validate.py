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
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional, TypeGuard

import attrs

from campaignsim.load.toml.quoting import key_part, quote
from campaignsim.model import EntryStep, LintSettings, Platform, Scenario
from campaignsim.model.extension import ExtraField
from campaignsim.model.fields import WORLD_POPULATION, fields_of

if TYPE_CHECKING:
    from campaignsim.plugin.manager import Registry

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
                "region": "an ISO 3166 country or subdivision code such as CN, US or US-NY",
                "language": "an ISO 639-1 language code such as en, fr or zh"}.get(meta.get("check") or "", "a string")
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


@lru_cache(maxsize=None)
def _tables_by_key() -> dict[str, tuple[str, ...]]:
    """Every key the scenario format declares → the tables it belongs in, as headers ("[platform]",
    "[[entry.steps]]"), in the order the format declares them."""
    found: dict[str, list[tuple[str, type]]] = {}

    def walk(cls, path: str, header: str) -> None:
        for f in user_fields(cls):
            found.setdefault(f.name, []).append((header, cls))
            kind, what = _shape(hints(cls)[f.name])
            sub = f"{path}.{f.name}" if path else f.name
            if kind == "table" and what is not cls:
                walk(what, sub, f"[{sub}]")
            elif kind == "array" and attrs.has(what):
                walk(what, sub, f"[[{sub}]]")

    walk(Scenario, "", "the top level")  # a table's own name, written inside another table, is not hinted
    return {key: tuple(header for header, _ in places) for key, places in found.items()}


@lru_cache(maxsize=4096)
def belongs_elsewhere(key: str) -> str:
    """"; it belongs in [platform]" for a key written in the wrong table, when one or two other
    tables declare it; "" otherwise (a key declared everywhere, like name, says nothing)."""
    places = [header for header in _tables_by_key().get(key, ()) if header != "the top level"]
    if not places or len(places) > 2:
        return ""
    return f"; it belongs in {' or '.join(places)}"


# -- check plans ----------------------------------------------------------------------------------
# A table's check is planned once per model class: for each declared key its position, what kind of
# value it takes and, for a plain value, a checker that accepts the common valid value with a type
# test and a few comparisons. Only a value the checker does not accept outright goes through
# ``_scalar_message``, which decides whether it is wrong and says why. So a checker's quick test may
# only accept what ``_scalar_message`` accepts; everything else it leaves to it.

_SCALAR, _TABLE, _ARRAY, _SIMULATION, _RULE_OPTIONS = "scalar", "table", "array", "simulation", "rule_options"
_FLOAT_MAX = 1.7976931348623157e308  # the largest finite float: bounds below keep inf and nan out of the quick test


def _scalar_message(codes, tp, meta, value: Any) -> Optional[str]:
    """Why one plain value is wrong, or None; ``codes`` answers is_currency / is_region."""
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
        if check == "currency" and not codes.is_currency(value):
            meant = codes.currency_suggestion(value)
            if meant is not None:
                return f'unknown currency code {describe(value)}; did you mean "{meant}"? (the ISO 4217 code)'
            return f"unknown currency code {describe(value)}: use an ISO 4217 code such as CNY, USD, EUR or GBP"
        if check == "region" and not codes.is_region(value):
            hint = '; did you mean "GB"?' if value.upper() == "UK" else ""  # the United Kingdom's ISO code is GB
            return f"unknown jurisdiction {describe(value)}: use an ISO 3166-1 country code (CN, US, GB) or an ISO 3166-2 subdivision code (US-NY){hint}"
        if check == "language" and not codes.is_language(value):
            return f"unknown language code {describe(value)}: use an ISO 639-1 code such as en, fr or zh"
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


def _finite(bound) -> bool:
    return bound is None or (type(bound) in (int, float) and math.isfinite(bound))


def scalar_checker(tp, meta) -> Callable[[Any, Any], Optional[str]]:
    """``check(value, codes)``: None for a valid value, else the message ``_scalar_message`` gives.

    The check tries a quick test of the common valid case first (built once per declared key by the
    builders below, one per type); anything else goes to ``_scalar_message``."""
    def slow(value, codes):
        return _scalar_message(codes, tp, meta, value)

    build = next((builder for kind, builder in _QUICK_CHECKS if tp is kind), None)
    return slow if build is None else build(tp, meta, slow)


def _bool_check(tp, meta, slow):
    def check_bool(value, codes):
        return None if value is True or value is False else slow(value, codes)
    return check_bool


def _number_check(tp, meta, slow):
    ge, gt, le = meta.get("ge"), meta.get("gt"), meta.get("le")
    if gt is not None or not (_finite(ge) and _finite(le)):
        return slow  # unusual bounds: not worth a quick test
    int_lo = INT64_MIN if ge is None else max(INT64_MIN, ge)
    int_hi = INT64_MAX if le is None else min(INT64_MAX, le)
    if tp is int:
        def check_int(value, codes):
            if type(value) is int and int_lo <= value <= int_hi:
                return None
            return slow(value, codes)
        return check_int
    float_lo = -_FLOAT_MAX if ge is None else ge
    float_hi = _FLOAT_MAX if le is None else le

    def check_number(value, codes):
        kind = type(value)
        if kind is float:
            if float_lo <= value <= float_hi:  # false for nan and ±inf: the bounds are finite
                return None
        elif kind is int and int_lo <= value <= int_hi:
            return None
        return slow(value, codes)
    return check_number


def _str_check(tp, meta, slow):
    choices, check = meta.get("choices"), meta.get("check")
    if choices:
        if not isinstance(choices, (tuple, list)) or not all(type(c) is str for c in choices):
            return slow
        if check in ("currency", "region", "url"):
            return slow  # a combination the model does not use
        allowed = frozenset(choices)

        def check_choice(value, codes):
            if type(value) is str and value in allowed and value.strip():
                return None
            return slow(value, codes)
        return check_choice
    if check in _CODE_CHECKS:
        return _CODE_CHECKS[check](slow)
    if check == "url":
        return slow

    def check_str(value, codes):
        if type(value) is str and value.strip():
            return None
        return slow(value, codes)
    return check_str


def _code_check(known: str):
    """The quick check of a code field: a string that ``codes.<known>`` recognises (a known code is never
    blank) passes; anything else goes to the full check."""
    def make(slow):
        def check_code(value, codes):
            if type(value) is str and getattr(codes, known)(value):
                return None
            return slow(value, codes)
        return check_code
    return make


_CODE_CHECKS = {"currency": _code_check("is_currency"), "region": _code_check("is_region"), "language": _code_check("is_language")}


def _datetime_check(tp, meta, slow):
    def check_datetime(value, codes):
        if type(value) is datetime and value.tzinfo is not None:
            return None
        return slow(value, codes)
    return check_datetime


def _date_check(tp, meta, slow):
    def check_date(value, codes):
        return None if type(value) is date else slow(value, codes)
    return check_date


_QUICK_CHECKS = ((bool, _bool_check), (int, _number_check), (float, _number_check), (str, _str_check),
                 (datetime, _datetime_check), (date, _date_check))


def _value_plan(tp, meta) -> tuple[str, Any]:
    """How a value of a declared type is checked: its kind and what the kind needs."""
    kind, what = _shape(tp)
    if kind == "table":
        return _TABLE, what
    if kind == "array":
        return _ARRAY, (*_value_plan(what, meta), tp, meta)
    return _SCALAR, scalar_checker(what, meta)


@attrs.frozen
class _Plan:
    keys: dict[str, tuple[int, str, Any]]  # user key → (position among the declared keys, kind, checker or class)
    required: tuple[tuple[int, str, str], ...]  # (position, key, message when it is missing)
    special: Optional[str]  # the Validator method with checks across keys, if any


@lru_cache(maxsize=None)
def plan(cls) -> _Plan:
    types = hints(cls)
    keys, required = {}, []
    for position, f in enumerate(user_fields(cls)):
        if cls is Scenario and f.name == "simulation":
            keys[f.name] = (position, _SIMULATION, None)
        elif cls is LintSettings and f.name == "rules":
            keys[f.name] = (position, _RULE_OPTIONS, None)
        else:
            keys[f.name] = (position, *_value_plan(types[f.name], f.metadata))
        if f.default is attrs.NOTHING:
            required.append((position, f.name, f"missing required key ({expectation(types[f.name], f.metadata)})"))
    special = {Platform: "platform", EntryStep: "step", Scenario: "whole"}.get(cls)
    return _Plan(keys, tuple(required), special)


def _position(found: tuple[int, list[Error]]) -> int:
    return found[0]


class Validator:
    """Validates one raw document; ``registry`` supplies platforms and actions."""

    def __init__(self, registry: Registry, codes):
        self.registry = registry
        self.codes = codes  # module with is_currency / is_region
        # Tables already checked, by path: a merged variant shares every table it does not
        # change with the base (same object), so their errors are known without a second walk.
        self._checked: dict[str, tuple[Any, list[Error]]] = {}

    # -- entry point ------------------------------------------------------------------------------
    def scenario(self, data: dict) -> list[Error]:
        return list(self.table(Scenario, data, ""))

    # -- tables -----------------------------------------------------------------------------------
    def table(self, cls, data: Any, path: str) -> list[Error]:
        """The errors of one table (a list the caller must not change: it may be remembered)."""
        if not path:  # the whole document: never shared between base and variant
            return self._table(cls, data, path)
        seen = self._checked.get(path)
        if seen is not None and seen[0] is data:
            return seen[1]
        errors = self._table(cls, data, path)
        self._checked[path] = (data, errors)
        return errors

    def _table(self, cls, data: Any, path: str) -> list[Error]:
        if not isinstance(data, dict):
            return [(path, f"must be a table, got {describe(data)}")]
        how = plan(cls)
        keys = how.keys
        codes = self.codes
        prefix = f"{path}." if path else ""
        errors: list[Error] = []  # unknown and plugin keys, in the document's order
        found: list[tuple[int, list[Error]]] = []  # declared keys' errors, reported in declaration order
        extra_specs = None
        # One pass over the keys the document has, not over every key the model declares.
        for key, value in data.items():
            entry = keys.get(key)
            if entry is None:
                if extra_specs is None:
                    extra_specs = self._extra_specs(cls, data)
                where = prefix + key_part(key)
                if key in extra_specs:
                    errors.extend(self.extra(extra_specs[key], value, where))
                    continue
                if cls is Scenario and key == "variants" and path == "":
                    continue
                candidates = self._allowed_keys(cls, data, keys, extra_specs)
                errors.append((where, f"unknown key{belongs_elsewhere(key) or did_you_mean(key, candidates)}"))
                continue
            position, kind, check = entry
            if kind is _SCALAR:
                message = check(value, codes)
                if message is not None:
                    found.append((position, [(prefix + key, message)]))
                continue
            if kind is _TABLE:
                problems = self.table(check, value, prefix + key)
            elif kind is _ARRAY:
                problems = self._array(check, value, prefix + key)
            elif kind is _RULE_OPTIONS:
                problems = self.rule_options(value, prefix + key)
            else:
                problems = self.simulation(value, prefix + key)
            if problems:
                found.append((position, problems))
        for position, key, message in how.required:
            if key not in data:
                found.append((position, [(prefix + key, message)]))
        if found:
            if len(found) > 1:
                found.sort(key=_position)
            for _, problems in found:
                errors.extend(problems)
        if how.special is not None:
            errors.extend(getattr(self, how.special)(data, path))
        return errors

    def _array(self, how, value: Any, path: str) -> list[Error]:
        kind, check, tp, meta = how
        if not isinstance(value, list):
            return [(path, f"must be {expectation(tp, meta)}, got {describe(value)}")]
        errors: list[Error] = []
        if kind is _SCALAR:
            codes = self.codes
            for i, item in enumerate(value):
                message = check(item, codes)
                if message is not None:
                    errors.append((f"{path}[{i}]", message))
        elif kind is _TABLE:
            for i, item in enumerate(value):
                errors.extend(self.table(check, item, f"{path}[{i}]"))
        else:  # an array of arrays: the model has none, kept for completeness
            for i, item in enumerate(value):
                errors.extend(self._array(check, item, f"{path}[{i}]"))
        return errors

    def _extra_specs(self, cls, data: dict) -> dict[str, ExtraField]:
        """The keys a platform or action plugin adds to this table."""
        if cls is Platform:
            spec = self.registry.platform(name) if isinstance(name := data.get("name"), str) else None
            if spec is not None:
                return {f.name: f for f in spec.extra_fields}
        if cls is EntryStep:
            action = self.registry.action(what) if isinstance(what := data.get("action"), str) else None
            if action is not None:
                return {f.name: f for f in action.extra_fields}
        return {}

    def _allowed_keys(self, cls, data: dict, fields, extra_specs) -> set[str]:
        """Keys a "did you mean" may suggest: for a step, only what its action takes."""
        if cls is EntryStep:
            action = self.registry.action(what) if isinstance(what := data.get("action"), str) else None
            if action is not None:
                return {"action", "optional", "worth", *action.fields, *extra_specs}
        return set(fields) | set(extra_specs) | ({"variants"} if cls is Scenario else set())

    def scalar(self, tp, meta: dict, value: Any, path: str) -> Optional[Error]:
        """The error of one plain value, or None."""
        message = _scalar_message(self.codes, tp, meta, value)
        return None if message is None else (path, message)

    def extra(self, spec: ExtraField, value: Any, path: str) -> list[Error]:
        tp = {"int": int, "float": float, "bool": bool, "str": str}[spec.type]
        meta = {"ge": spec.ge, "le": spec.le, "choices": spec.choices}
        error = self.scalar(tp, meta, value, path)
        if error is not None:
            return [error]
        if spec.validate is not None:
            message = spec.validate(value)
            if message:
                return [(path, message)]
        return []

    def simulation(self, data: Any, path: str) -> list[Error]:
        if not isinstance(data, dict):
            return [(path, f"must be a table, got {describe(data)}")]
        from campaignsim.model.simparams import ACTION_PARAMETERS, PARAMETERS, find_param

        errors: list[Error] = []
        actions = list(self.registry.actions)
        for key, value in data.items():
            where = f"{path}.{key_part(key)}"
            if key == "calibration":  # a calibration file, relative to the scenario (campaignsim calibrate writes one)
                if not isinstance(value, str) or not value.strip():
                    errors.append((where, f"must be the path of a calibration file (a string), got {describe(value)}"))
                continue
            param = find_param(key, actions)
            if param is None:
                names = list(PARAMETERS) + [f"{what}_{action}" for what in ACTION_PARAMETERS for action in actions]
                errors.append((where, f"unknown simulation parameter{did_you_mean(key, names)} (`campaignsim simulate --help-params` lists them)"))
                continue
            error = self.scalar(float, {"ge": param.ge, "le": param.le}, value, where)
            if error is not None:
                errors.append(error)
        return errors

    def rule_options(self, data: Any, path: str) -> list[Error]:
        """`[lint.rules.CODE]`: each a rule the registry knows, each option one the rule declares, each value fit."""
        if not isinstance(data, dict):
            return [(path, f"must be a table of rules (`[lint.rules.GEN007]`), got {describe(data)}")]
        errors: list[Error] = []
        for written, options in data.items():
            where = f"{path}.{key_part(written)}"
            rule = self.registry.rule(written) if hasattr(self.registry, "rule") else None
            if rule is None:
                errors.append((where, f"unknown rule{did_you_mean(str(written), list(getattr(self.registry, 'rules', {})))}"
                                      " (`campaignsim rules` lists them)"))
                continue
            if not isinstance(options, dict):
                errors.append((where, f"must be a table of {rule.code}'s options, got {describe(options)}"))
                continue
            declared = {o.name: o for o in getattr(rule, "options", ())}
            for name, value in options.items():
                at = f"{where}.{key_part(name)}"
                option = declared.get(name)
                if option is None:
                    errors.append((at, f"{rule.code} has no option {quote(name)}{did_you_mean(name, list(declared))} "
                                       f"(its options: {', '.join(sorted(declared)) or 'none'})"))
                    continue
                problem = option.problem(value)
                if problem:
                    errors.append((at, problem))
        return errors

    # -- checks across keys and against plugins --------------------------------------------------
    def special(self, cls, data: dict, path: str) -> Iterator[Error]:
        name = plan(cls).special
        if name is not None:
            yield from getattr(self, name)(data, path)

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
        allowed = None
        for key in data:
            # Most steps set only keys their action takes: the full set is built only when one does not.
            if key in _GENERIC_STEP_KEYS or key not in _STEP_KEYS or key in action.fields:
                continue
            if allowed is None:
                allowed = _GENERIC_STEP_KEYS | set(action.fields) | {f.name for f in action.extra_fields}
            if key not in allowed:
                takes = ", ".join(sorted(allowed - _GENERIC_STEP_KEYS)) or "no fields of its own"
                yield f"{path}.{key}", f"the action {name} does not use {key} (it takes: {takes})"

    def whole(self, data: dict, path: str = "") -> Iterator[Error]:
        from campaignsim.model import limits

        campaign = _table(data, "campaign")
        start, end = campaign.get("start"), campaign.get("end")
        if _aware(start) and _aware(end) and end <= start:
            yield "campaign.end", f"must be after campaign.start ({start.isoformat()}), got {end.isoformat()}"
        elif _aware(start) and _aware(end) and (end - start).days >= limits.MAX_CAMPAIGN_DAYS:
            yield "campaign.end", (f"the campaign would run {(end - start).days:,} days, from {start.date().isoformat()} to "
                                   f"{end.date().isoformat()}; campaigns are limited to {limits.MAX_CAMPAIGN_DAYS} days (check the year)")
        yield from _excluded_outside(campaign)
        amounts = [("campaign.budget.amount", _table(campaign, "budget"), "amount")]
        prize_items = _table(data, "prize").get("items")
        if isinstance(prize_items, list):
            amounts += [(f"prize.items[{i}].value", item, "value") for i, item in enumerate(prize_items) if isinstance(item, dict)]
        for key, table, name in amounts:
            value = table.get(name)
            if _finite_number(value) and value > limits.MAX_MONEY:
                yield key, f"must be at most {limits.MAX_MONEY:,.0f} (so that totals stay finite), got {value:g}"
        for key, holder, name, limit in (("entry.steps", data.get("entry"), "steps", limits.MAX_STEPS),
                                         ("prize.items", data.get("prize"), "items", limits.MAX_PRIZE_ITEMS),
                                         ("schedule", data, "schedule", limits.MAX_POSTS)):
            values = holder.get(name) if isinstance(holder, dict) else None
            if isinstance(values, list) and len(values) > limit:
                yield f"{key}[{limit}]", f"{len(values):,} entries; a scenario may have at most {limit:,}"
        prize = _table(data, "prize")
        if _aware(start) and _aware(prize.get("draw_at")) and prize["draw_at"] < start:
            yield "prize.draw_at", f"must not be before campaign.start ({start.isoformat()}), got {prize['draw_at'].isoformat()}"
        elif _aware(end) and _aware(prize.get("draw_at")) and (prize["draw_at"] - end).days > limits.MAX_DRAW_DELAY_DAYS:
            yield "prize.draw_at", (f"{prize['draw_at'].date().isoformat()} is more than {limits.MAX_DRAW_DELAY_DAYS} days after "
                                    f"campaign.end ({end.date().isoformat()}); check the year")
        entry = _table(data, "entry")
        if isinstance(entry.get("steps"), list) and not entry["steps"]:
            yield "entry.steps", "must list at least one step"
        items = prize.get("items")
        if isinstance(items, list) and not items:
            yield "prize.items", "must list at least one prize"
        audience = _table(data, "audience")
        reach, size = audience.get("reach"), audience.get("size")
        if _count(reach) and _count(size) and size < reach:
            yield "audience.size", f"must be ≥ audience.reach ({reach:,}), got {size:,}"
        operations = _table(data, "operations")
        opens, closes = operations.get("support_opens", 9.0), operations.get("support_closes", 18.0)
        if _hour(opens) and _hour(closes) and closes <= opens:
            yield "operations.support_closes", f"must be after operations.support_opens ({opens:g}), got {closes:g}"


def _table(data: dict, key: str) -> dict:
    """``data[key]`` when it is a table, else an empty one."""
    value = data.get(key)
    return value if isinstance(value, dict) else {}


def _finite_number(value: object) -> TypeGuard[float]:
    """A finite float or an integer within TOML's 64 bits (others have their own message already)."""
    return (isinstance(value, float) and value < float("inf")) or (type(value) is int and value < 2**63)


def _hour(value: object) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and 0 <= value <= 24


_GENERIC_STEP_KEYS = frozenset({"action", "optional", "worth"})
_STEP_KEYS = frozenset(f.name for f in fields_of(EntryStep))


_EU_MEMBERS = frozenset(("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
                         "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"))  # as lint.context.EU_MEMBERS


def _excluded_outside(campaign: dict) -> Iterator[Error]:
    """An excluded region must lie inside a jurisdiction the campaign runs in (and not be all of one)."""
    excluded, mine = campaign.get("excluded"), campaign.get("jurisdictions")
    if not isinstance(excluded, list) or not isinstance(mine, list) or not mine:
        return
    mine = [code for code in mine if isinstance(code, str)]
    for i, code in enumerate(excluded):
        if not isinstance(code, str):
            continue
        if code in mine:
            yield f"campaign.excluded[{i}]", f"{describe(code)} is also in campaign.jurisdictions: remove it from one of them"
        elif not any(code.startswith(j + "-") or (j == "EU" and code.split("-")[0] in _EU_MEMBERS) for j in mine):
            yield (f"campaign.excluded[{i}]", f"{describe(code)} is not inside campaign.jurisdictions ({', '.join(mine)}): "
                   "exclude subdivisions of the countries the campaign runs in (US-NY inside US) or member states inside EU")


def _aware(value: object) -> TypeGuard[datetime]:
    return isinstance(value, datetime) and value.tzinfo is not None


def _count(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)
