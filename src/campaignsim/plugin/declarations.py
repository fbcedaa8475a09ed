"""Checks of what a plugin declares, run when the plugin loads.

Every platform, action, output format and exchange rate a hook returns is checked here before it
joins the registry: types, enumerated values, ranges, the format of codes and names. Rules are the
linter's, and so is their check (:func:`campaignsim.lint.rule.rule_problems`, which uses the
helpers here); the manager calls it through :func:`campaignsim.plugin.manager.check_rules_with`.
Each function returns the problems it found as short
phrases (``"sim.attention_kernel must be one of exponential, power, got 'power_law'"``); the
manager names the plugin and the declaration, refuses the declaration, and keeps everything else.
"""

from __future__ import annotations

import math
import re
from typing import Any, TypeGuard

RULE_CODE = re.compile(r"^[A-Z][A-Z0-9-]*[0-9]+$")
"""A rule code: capital letters (hyphens allowed, as in ``CN-LAW001``) then digits."""
RULE_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
"""A rule name: kebab-case."""
IDENTIFIER = re.compile(r"^[a-z][a-z0-9_]*$")
"""A platform, action, account kind or extra key: snake_case, as TOML keys and values are written."""
CURRENCY = re.compile(r"^[A-Z]{3}$")


def _number(value: object) -> TypeGuard[float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _strings(value, what: str, pattern: re.Pattern | None = None) -> list[str]:
    if isinstance(value, str) or not isinstance(value, (tuple, list)) or not all(isinstance(v, str) for v in value):
        return [f"{what} must be a tuple of strings, got {value!r}"]
    if pattern is not None:
        bad = [v for v in value if not pattern.match(v)]
        if bad:
            return [f"{what}: {bad[0]!r} is not {'snake_case' if pattern is IDENTIFIER else 'well formed'}"]
    return []


def _bounded(value, what: str, low: float | None, high: float | None, *, above: bool = False) -> list[str]:
    if not _number(value):
        return [f"{what} must be a number, got {value!r}"]
    if not math.isfinite(value):
        return [f"{what} must be a finite number, got {value!r}"]
    if low is not None and (value <= low if above else value < low):
        return [f"{what} must be {'above' if above else 'at least'} {low:g}, got {value!r}"]
    if high is not None and value > high:
        return [f"{what} must be at most {high:g}, got {value!r}"]
    return []


def _sources(value, fields, what: str) -> list[str]:
    if not isinstance(value, (tuple, list)) or not all(isinstance(p, (tuple, list)) and len(p) == 2 and all(isinstance(x, str) for x in p)
                                                       for p in value):
        return [f"{what} must be (field, source) pairs of strings, got {value!r}"]
    unknown = [name for name, _ in value if name not in fields]
    return [f"{what}: {unknown[0]!r} is not a field it can give a source for"] if unknown else []


# -- priors -----------------------------------------------------------------------------------------
_SOURCE_MARKS = ("[U]", "[S]", "[S-]", "[V]")


def _priors(value, centres: dict, bounds: dict, what: str, choices: tuple = ()) -> list[str]:
    """Checks of ``(field, Prior)`` pairs: a known field, a Prior with a source (a [U], [S] or [V]
    mark, or "fixed: …"), and a 90% range inside the field's bounds that holds the field's value.

    ``centres`` maps each field to the value a ``factor`` prior is centred on; ``bounds`` to its
    (ge, le); ``choices`` are fields that are switches and can only take a fixed prior."""
    from campaignsim.model.simparams import Prior

    if not isinstance(value, (tuple, list)) or not all(isinstance(p, (tuple, list)) and len(p) == 2 and isinstance(p[0], str)
                                                       for p in value):
        return [f"{what} must be (field, Prior) pairs, got {value!r}"]
    problems = []
    seen = set()
    for name, prior in value:
        where = f"{what}[{name!r}]"
        if name in seen:
            problems.append(f"{what}: {name!r} is given twice")
            continue
        seen.add(name)
        if name not in centres and name not in choices:
            known = ", ".join(sorted([*centres, *choices]))
            problems.append(f"{what}: {name!r} is not a field it can give a prior for (known: {known})")
            continue
        if not isinstance(prior, Prior):
            problems.append(f"{where} must be a campaignsim.model.simparams.Prior, got {prior!r}")
            continue
        if not isinstance(prior.source, str) or not prior.source.strip():
            problems.append(f"{where} needs a source (or the [U] mark for an assumption)")
            continue
        if not prior.uncertain:
            continue
        if name in choices:
            problems.append(f"{where}: {name} is a switch, its prior must be fixed, got {prior.kind}")
            continue
        if not any(mark in prior.source for mark in _SOURCE_MARKS):
            problems.append(f"{where}: the source must carry its mark ([V], [S] or [U] for an assumption), got {prior.source!r}")
        numbers = [x for x in (prior.low, prior.high, prior.factor) if x is not None]
        if any(not _number(x) or not math.isfinite(x) for x in numbers):
            problems.append(f"{where}: low, high and factor must be finite numbers")
            continue
        if prior.low is not None and prior.high is not None and not prior.low < prior.high:
            problems.append(f"{where}: low must be below high, got {prior.low:g} and {prior.high:g}")
            continue
        if prior.kind in ("lognormal", "logitnormal") and prior.factor is None and prior.low is not None and prior.low <= 0:
            problems.append(f"{where}: a {prior.kind} prior's low must be above 0, got {prior.low:g}")
            continue
        if prior.kind == "logitnormal" and prior.factor is None and prior.high is not None and prior.high >= 1:
            problems.append(f"{where}: a logitnormal prior's high must be below 1, got {prior.high:g}")
            continue
        centre = centres[name]
        if prior.factor is not None and prior.kind in ("lognormal", "logitnormal") and not centre > 0:
            problems.append(f"{where}: a {prior.kind} prior with a factor needs a value above 0 to centre on, got {centre:g}")
            continue
        ge, le = bounds[name]
        low, high = prior.range(centre)
        if low < ge or high > le:
            problems.append(f"{where}: its 90% range {low:.3g}–{high:.3g} goes outside the field's bounds {ge:g} to {le:g}")
        elif prior.factor is None and not low <= centre <= high:
            problems.append(f"{where}: the value {centre:g} lies outside its own 90% range {low:.3g}–{high:.3g}")
    return problems


# -- platforms and actions --------------------------------------------------------------------------
def extra_field_problems(extra, what: str) -> list[str]:
    from campaignsim.model.extension import EXTRA_FIELD_TYPES, ExtraField

    if not isinstance(extra, ExtraField):
        return [f"{what} must be ExtraField values, got {extra!r}"]
    where = f"{what} {extra.name!r}"
    problems = []
    if not isinstance(extra.name, str) or not IDENTIFIER.match(extra.name):
        problems.append(f"{where}: the name must be snake_case")
    if extra.type not in EXTRA_FIELD_TYPES:
        problems.append(f"{where}: type must be one of {', '.join(EXTRA_FIELD_TYPES)}, got {extra.type!r}")
    if not isinstance(extra.doc, str) or not extra.doc.strip():
        problems.append(f"{where}: doc is required")
    for bound in ("ge", "le"):
        value = getattr(extra, bound)
        if value is not None:
            if extra.type not in ("int", "float"):
                problems.append(f"{where}: {bound} bounds only int and float keys")
            else:
                problems += _bounded(value, f"{where}: {bound}", None, None)
    if _number(extra.ge) and _number(extra.le) and extra.ge > extra.le:
        problems.append(f"{where}: ge ({extra.ge:g}) is above le ({extra.le:g})")
    if extra.choices is not None:
        if extra.type != "str":
            problems.append(f"{where}: choices bound only str keys")
        else:
            problems += _strings(extra.choices, f"{where}: choices")
    if extra.validate is not None and not callable(extra.validate):
        problems.append(f"{where}: validate must be a function, got {extra.validate!r}")
    return problems


def _extras(extras, what: str, taken: set[str]) -> list[str]:
    if not isinstance(extras, (tuple, list)):
        return [f"{what} must be a tuple of ExtraField values, got {extras!r}"]
    problems = []
    names = [getattr(e, "name", None) for e in extras]
    for extra in extras:
        problems += extra_field_problems(extra, what)
    duplicates = sorted({n for n in names if isinstance(n, str) and (names.count(n) > 1 or n in taken)})
    if duplicates:
        problems.append(f"{what}: {duplicates[0]!r} is declared twice, or is a key campaignsim already has")
    return problems


def sim_defaults_problems(sim) -> list[str]:
    from campaignsim.model.extension import ATTENTION_KERNELS, SimDefaults
    from campaignsim.model.fields import fields_of
    from campaignsim.model.simparams import PARAMETERS

    if not isinstance(sim, SimDefaults):
        return [f"sim must be a SimDefaults value, got {sim!r}"]
    problems = []
    if sim.attention_kernel not in ATTENTION_KERNELS:
        problems.append(f"sim.attention_kernel must be one of {', '.join(ATTENTION_KERNELS)}, got {sim.attention_kernel!r}")
    if not isinstance(sim.takedown_voids_entries, bool):
        problems.append(f"sim.takedown_voids_entries must be true or false, got {sim.takedown_voids_entries!r}")
    numeric = {}
    for f in fields_of(SimDefaults):
        if f.name in ("attention_kernel", "takedown_voids_entries", "sources", "priors"):
            continue
        param = PARAMETERS[f.name]  # the bounds a scenario's [simulation] override obeys
        found = _bounded(getattr(sim, f.name), f"sim.{f.name}", param.ge, param.le)
        problems += found
        if not found:
            numeric[f.name] = float(getattr(sim, f.name))
    problems += _sources(sim.sources, {f.name for f in fields_of(SimDefaults)} - {"priors"}, "sim.sources")
    problems += _priors(sim.priors, numeric, {name: (PARAMETERS[name].ge, PARAMETERS[name].le) for name in numeric},
                        "sim.priors", choices=("attention_kernel", "takedown_voids_entries"))
    return problems


def platform_problems(spec) -> list[str]:
    from campaignsim.model import Platform
    from campaignsim.model.extension import PlatformSpec
    from campaignsim.model.fields import fields_of

    if not isinstance(spec, PlatformSpec):
        return [f"campaignsim_platforms must return PlatformSpec values, got {spec!r}"]
    problems = []
    if not isinstance(spec.name, str) or not IDENTIFIER.match(spec.name):
        problems.append("the name must be snake_case")
    if not isinstance(spec.title, str) or not spec.title.strip():
        problems.append("title is required")
    problems += _strings(spec.account_kinds, "account_kinds")
    problems += _strings(spec.aliases, "aliases", IDENTIFIER)
    problems += _strings(spec.jurisdictions, "jurisdictions")
    for attribute in ("rules_url", "family", "replaces"):
        value = getattr(spec, attribute)
        if value is not None and not isinstance(value, str):
            problems.append(f"{attribute} must be a string or None, got {value!r}")
    problems += _extras(spec.extra_fields, "extra_fields", {a.name for a in fields_of(Platform)})
    problems += sim_defaults_problems(spec.sim)
    return problems


_PROBABILITIES = ("completion_probability", "completion_per_extra", "completion_per_field_beyond")
_NON_NEGATIVE = ("effort_minutes", "effort_per_extra", "effort_per_field", "exposes_per_unit", "exposes_fixed", "delay_hours")


def action_problems(spec) -> list[str]:
    from campaignsim.model import EntryStep
    from campaignsim.model.extension import FRICTION_FIELDS, ActionSpec
    from campaignsim.model.fields import fields_of

    if not isinstance(spec, ActionSpec):
        return [f"campaignsim_actions must return ActionSpec values, got {spec!r}"]
    problems = []
    if not isinstance(spec.name, str) or not IDENTIFIER.match(spec.name):
        problems.append("the name must be snake_case")
    if not isinstance(spec.summary, str) or not spec.summary.strip():
        problems.append("summary is required")
    step_keys = {a.name for a in fields_of(EntryStep)} - {"extras", "action", "optional", "worth"}
    problems += _strings(spec.fields, "fields")
    if isinstance(spec.fields, (tuple, list)):
        unknown = [f for f in spec.fields if isinstance(f, str) and f not in step_keys]
        if unknown:
            problems.append(f"fields: {unknown[0]!r} is not a step key (known: {', '.join(sorted(step_keys))}); "
                            "declare a key of your own in extra_fields")
    for name in _PROBABILITIES:
        problems += _bounded(getattr(spec, name), name, 0, 1)
    for name in _NON_NEGATIVE:
        problems += _bounded(getattr(spec, name), name, 0, None)
    if isinstance(spec.free_fields, bool) or not isinstance(spec.free_fields, int) or spec.free_fields < 0:
        problems.append(f"free_fields must be a whole number ≥ 0, got {spec.free_fields!r}")
    targets = spec.exposes_by_target
    if not isinstance(targets, (tuple, list)) or not all(isinstance(p, (tuple, list)) and len(p) == 2 and isinstance(p[0], str)
                                                         for p in targets):
        problems.append(f"exposes_by_target must be (to, people per unit) pairs, got {targets!r}")
    else:
        for to, people in targets:
            problems += _bounded(people, f"exposes_by_target[{to!r}]", 0, None)
    for attribute in ("proof", "public"):
        if not isinstance(getattr(spec, attribute), bool):
            problems.append(f"{attribute} must be true or false, got {getattr(spec, attribute)!r}")
    if spec.replaces is not None and not isinstance(spec.replaces, str):
        problems.append(f"replaces must be a string or None, got {spec.replaces!r}")
    problems += _sources(spec.sources, FRICTION_FIELDS, "sources")
    problems += _extras(spec.extra_fields, "extra_fields", {a.name for a in fields_of(EntryStep)})
    if not problems:
        # A prior is relative to a step's value: its range is checked around the action's value at count 1.
        from campaignsim.model.simparams import ACTION_PARAMETERS

        centres = {"completion": float(spec.completion_probability), "effort": float(spec.effort_minutes),
                   "delay": float(spec.delay_hours),
                   "exposes": float(max([spec.exposes_per_unit, spec.exposes_fixed, *(p for _, p in spec.exposes_by_target)]))}
        problems += _priors(spec.priors, centres, {w: (p.ge, p.le) for w, p in ACTION_PARAMETERS.items()}, "priors")
    else:
        problems += _priors(spec.priors, {w: 1.0 for w in ("completion", "effort", "delay", "exposes")},
                            {w: (-math.inf, math.inf) for w in ("completion", "effort", "delay", "exposes")}, "priors")
    return problems


def output_format_problems(fmt) -> list[str]:
    name = getattr(fmt, "name", None)
    problems = []
    if not isinstance(name, str) or not re.match(r"^[a-z][a-z0-9_-]*$", name):
        problems.append(f"an output format's name must be a lower-case word, got {name!r}")
    if not callable(getattr(fmt, "render", None)):
        problems.append("an output format needs a render(report, color=False) function")
    return problems


def rate_problems(code: Any, rate: Any) -> list[str]:
    if not isinstance(code, str) or not CURRENCY.match(code):
        return [f"{code!r} is not an ISO 4217 currency code (three capital letters)"]
    if not _number(rate) or not math.isfinite(rate) or rate <= 0:
        return [f"the rate for {code} must be a positive number (units per 1 USD), got {rate!r}"]
    return []
