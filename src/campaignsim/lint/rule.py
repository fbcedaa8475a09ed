"""The Rule base class, references and findings.

A rule is a class: its attributes are its documentation (code, name, severity, scope, summary,
rationale, examples, references) and :meth:`Rule.check` yields :class:`Violation` values for one
scenario. ``campaignsim explain`` and the docs' rule pages are generated from these attributes.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Literal, Optional, cast, get_args

import attrs

from campaignsim.plugin.declarations import IDENTIFIER, RULE_CODE, RULE_NAME, _bounded, _strings
from campaignsim.plugin.manager import check_rules_with

if TYPE_CHECKING:
    from campaignsim.lint.context import LintContext
    from campaignsim.model import Scenario

SEVERITIES = ("info", "warning", "error")
"""Lowest to highest."""

VERIFIED = {"V": "official text seen", "S": "secondary source", "S-": "weak secondary source", "U": "no source found"}

CHECKED_DATE = re.compile(r"\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?")


Severity = Literal["info", "warning", "error"]
assert get_args(Severity) == SEVERITIES

OptionType = Literal["int", "float", "bool", "str"]
OPTION_TYPES: tuple[str, ...] = get_args(OptionType)
_PYTHON_TYPES = {"int": (int,), "float": (int, float), "bool": (bool,), "str": (str,)}


def severity_rank(severity: str) -> int:
    return SEVERITIES.index(severity)


@attrs.define(frozen=True)
class RuleOption:
    """A setting of a rule that users may change: a threshold, a limit, a list of exemptions.

    Users set it under ``[tool.campaignsim.rules.CODE]`` (``pyproject.toml`` or ``campaignsim.toml``);
    ``check`` reads it with ``self.option(context, "name")``. ``default`` is what the rule's plugin
    ships (None: not set, the rule then decides, e.g. from the platform); ``ge``/``le`` bound numbers and
    ``choices`` strings, as for :class:`~campaignsim.model.ExtraField`.
    """

    name: str
    type: OptionType
    default: Any
    doc: str
    ge: Optional[float] = None
    le: Optional[float] = None
    choices: Optional[tuple[str, ...]] = None

    def problem(self, value) -> Optional[str]:
        """Why ``value`` is not acceptable for this option, or None."""
        kinds = _PYTHON_TYPES.get(self.type)
        if kinds is None:
            return f"type must be one of {', '.join(OPTION_TYPES)}, got {self.type!r}"
        if isinstance(value, bool) and self.type != "bool" or not isinstance(value, kinds):
            return f"must be {'an' if self.type == 'int' else 'a'} {self.type}, got {value!r}"
        if self.type in ("int", "float"):
            number = cast(float, value)  # an int or a float, checked above
            if not math.isfinite(number):
                return f"must be a finite number, got {value!r}"
            if self.ge is not None and number < self.ge:
                return f"must be at least {self.ge:g}, got {value!r}"
            if self.le is not None and number > self.le:
                return f"must be at most {self.le:g}, got {value!r}"
        if self.choices is not None and value not in self.choices:
            return f"must be one of {', '.join(map(str, self.choices))}, got {value!r}"
        return None


@attrs.define(frozen=True)
class Reference:
    """A source for a rule: a URL or a statute, how far it was verified (see VERIFIED) and, where
    known, when it was last checked (``checked = "2026-12"``: a year and month, or a full date)."""

    title: str
    url: Optional[str] = None
    verified: str = "S"
    checked: Optional[str] = None  # when the source was last checked: "2026-12" or "2026-12-05"

    def __attrs_post_init__(self):
        if self.verified not in VERIFIED:
            raise ValueError(f"Reference.verified must be one of {sorted(VERIFIED)}, got {self.verified!r}")
        if self.checked is not None and not CHECKED_DATE.fullmatch(self.checked):
            raise ValueError(f"Reference.checked must be YYYY-MM or YYYY-MM-DD, got {self.checked!r}")

    def status(self) -> str:
        """``S: secondary source, checked 2026-12``."""
        when = f", checked {self.checked}" if self.checked else ""
        return f"{self.verified}: {VERIFIED[self.verified]}{when}"

    def render(self) -> str:
        where = f" <{self.url}>" if self.url else ""
        return f"{self.title}{where} [{self.status()}]"


ENFORCEMENT_KINDS = ("takedown", "backlash")
"""What an :class:`Enforcement` drives: the platform's takedown hazard or the public backlash hazard."""
MAX_ENFORCEMENT_WEIGHT = 100.0
"""The largest weight a rule may declare (×100 the platform's typical enforcement)."""


@attrs.define(frozen=True)
class Enforcement:
    """How hard a platform (or the public) comes down on a campaign that breaks a rule.

    ``weight`` multiplies the platform's takedown hazard (``kind = "takedown"``) or the backlash
    hazard (``kind = "backlash"``: public anger, complaints, a deleted post) while the rule is
    broken; 1 is the platform's typical enforcement. Rules of one ``family`` (e.g. every form of
    induced sharing) count once, with the largest weight among those broken. ``source`` says where
    the weight comes from, or ``"[U]"`` when it is an assumption.
    """

    weight: float = 1.0
    source: str = "[U]"
    kind: str = "takedown"
    family: Optional[str] = None


@attrs.define(frozen=True)
class Violation:
    """What a rule's check yields: the key it concerns, a scenario-specific message, a suggested change."""

    key: str
    message: str
    suggestion: Optional[str] = None
    severity: Optional[str] = None  # overrides the rule's default for this one violation


@attrs.define(frozen=True)
class Finding:
    """One problem found in one scenario (base or variant) of one file."""

    code: str
    name: str
    severity: str
    message: str
    key: str
    line: Optional[int]
    path: str
    variant: Optional[str] = None
    suggestion: Optional[str] = None
    references: tuple[str, ...] = ()
    reference_urls: tuple[str, ...] = ()

    def sort_key(self):
        return (self.path, self.variant or "", self.line or 0, self.code, self.key)


# -- the check of a rule a plugin declares, run when the plugin loads (Rule is defined below) -------
def rule_problems(rule) -> list[str]:
    """The problems of a rule a plugin declares (short phrases; none when it may join the registry):
    a Rule subclass with a well-formed code and name, a known severity, its documentation and
    references, well-formed scope, aliases, options and enforcement, and a check of its own."""
    if not (isinstance(rule, type) and issubclass(rule, Rule)):
        return [f"campaignsim_rules must return Rule subclasses, got {rule!r}"]
    problems = []
    code = getattr(rule, "code", None)
    if not isinstance(code, str) or not RULE_CODE.match(code):
        problems.append(f"code must be a string like ACME001 (capital letters, then digits), got {code!r}")
    name = getattr(rule, "name", None)
    if not isinstance(name, str) or not RULE_NAME.match(name):
        problems.append(f"name must be kebab-case (like prize-over-cap), got {name!r}")
    if rule.severity not in SEVERITIES:
        problems.append(f"severity must be one of {', '.join(SEVERITIES)}, got {rule.severity!r}")
    for attribute in ("summary", "rationale", "fail_example", "pass_example"):
        value = getattr(rule, attribute, None)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{attribute} is required (a non-empty string), got {value!r}")
    references = rule.references
    if not isinstance(references, (tuple, list)) or not references or not all(isinstance(r, Reference) for r in references):
        problems.append(f"references must be a non-empty tuple of Reference values (a source, or Reference(..., verified=\"U\") "
                        f"saying none was found), got {references!r}")
    for attribute in ("platforms", "account_kinds", "jurisdictions", "aliases"):
        problems += _strings(getattr(rule, attribute), attribute)
    if isinstance(rule.aliases, (tuple, list)):
        problems += [f"aliases: {a!r} is not a rule code" for a in rule.aliases if isinstance(a, str) and not RULE_CODE.match(a)][:1]
    if not isinstance(rule.heuristic, bool):
        problems.append(f"heuristic must be True or False, got {rule.heuristic!r}")
    if not isinstance(getattr(rule, "suppressible", True), bool):
        problems.append(f"suppressible must be True or False, got {rule.suppressible!r}")
    if rule.reads is not None and not isinstance(rule.reads, str):
        problems += _strings(rule.reads, "reads")
    if rule.replaces is not None and not (isinstance(rule.replaces, str) and RULE_CODE.match(rule.replaces)):
        problems.append(f"replaces must be the code of the rule it replaces, got {rule.replaces!r}")
    if rule.check is Rule.check:
        problems.append("check() is not implemented")
    problems += enforcement_problems(getattr(rule, "enforcement", None))
    options = rule.options
    if not isinstance(options, (tuple, list)) or not all(isinstance(o, RuleOption) for o in options):
        problems.append(f"options must be a tuple of RuleOption values, got {options!r}")
    else:
        seen = set()
        for option in options:
            where = f"option {option.name!r}"
            if not isinstance(option.name, str) or not IDENTIFIER.match(option.name):
                problems.append(f"{where}: the name must be snake_case")
            elif option.name in seen:
                problems.append(f"{where} is declared twice")
            seen.add(option.name)
            if option.type not in OPTION_TYPES:
                problems.append(f"{where}: type must be one of {', '.join(OPTION_TYPES)}, got {option.type!r}")
                continue
            if not isinstance(option.doc, str) or not option.doc.strip():
                problems.append(f"{where}: doc is required")
            wrong = option.problem(option.default) if option.default is not None else None  # None: "not set"
            if wrong:
                problems.append(f"{where}: the default {wrong}")
    return problems


def enforcement_problems(enforcement) -> list[str]:
    """A rule's ``enforcement``: None, or an Enforcement with a weight in range, a known kind, a
    kebab-case family (or None) and a source (or "[U]")."""
    if enforcement is None:
        return []
    if not isinstance(enforcement, Enforcement):
        return [f"enforcement must be an Enforcement value or None, got {enforcement!r}"]
    problems = _bounded(enforcement.weight, "enforcement.weight", 0.0, MAX_ENFORCEMENT_WEIGHT)
    if enforcement.kind not in ENFORCEMENT_KINDS:
        problems.append(f"enforcement.kind must be one of {', '.join(ENFORCEMENT_KINDS)}, got {enforcement.kind!r}")
    if enforcement.family is not None and not (isinstance(enforcement.family, str) and RULE_NAME.match(enforcement.family)):
        problems.append(f"enforcement.family must be kebab-case (like wechat-induced-sharing) or None, got {enforcement.family!r}")
    if not isinstance(enforcement.source, str) or not enforcement.source.strip():
        problems.append(f"enforcement.source is required: where the weight comes from, or \"[U]\", got {enforcement.source!r}")
    return problems


check_rules_with(rule_problems)  # before any rule class can exist: the manager checks rules with it


class Rule:
    """Base class of every rule. Subclass it and set the class attributes; implement :meth:`check`.

    One instance checks every scenario, so a rule keeps no state between calls of :meth:`check`.

    ``platforms``/``jurisdictions`` limit where the rule applies: platform names (or families such as
    ``meta``) and jurisdiction codes (``US`` also covers ``US-NY``); empty means everywhere. A
    jurisdiction the campaign excludes (``campaign.excluded``) does not count.
    ``account_kinds`` limits it further to some account kinds of those platforms.

    ``replaces`` names the code of a rule an earlier plugin provides that this one replaces on
    purpose (a code already taken is otherwise refused); ``options`` declares the rule's settings
    (:class:`RuleOption`), read in :meth:`check` with :meth:`option`.

    ``reads`` may name the parts of a scenario that :meth:`check` reads (``"prize"``, ``"entry"``,
    ``"campaign"`` for ``scenario.jurisdictions``, ``"variant"`` for the variant's name, …). A
    variant whose named parts are the base's own, unchanged, then gets the base's violations without
    a second check. Leave it None (the default) when the check reads anything else of the scenario,
    or the file's comments through the context.

    ``enforcement`` (optional, an :class:`Enforcement`) says how strongly breaking the rule drives
    the simulated takedown or backlash risk; without it an error-severity platform rule weighs 1
    and any other rule adds no risk.

    ``suppressible = False`` keeps a scenario's own ignores (``[lint] ignore`` and inline comments)
    from silencing the rule: for findings about the ignores themselves (an ignore without a reason)
    and about what no reason can change (a scenario the simulator will refuse). Selection by the
    command line or the settings file still applies.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = "warning"
    platforms: ClassVar[tuple[str, ...]] = ()
    account_kinds: ClassVar[tuple[str, ...]] = ()
    jurisdictions: ClassVar[tuple[str, ...]] = ()
    summary: ClassVar[str] = ""
    rationale: ClassVar[str] = ""
    fail_example: ClassVar[str] = ""
    pass_example: ClassVar[str] = ""
    references: ClassVar[tuple[Reference, ...]] = ()
    aliases: ClassVar[tuple[str, ...]] = ()
    heuristic: ClassVar[bool] = False
    reads: ClassVar[Optional[tuple[str, ...]]] = None
    # Declarations about the rule's place among the others and its settings.
    replaces: ClassVar[Optional[str]] = None
    options: ClassVar[tuple[RuleOption, ...]] = ()
    # How hard a platform or the public comes down on the campaign while the rule is broken (sim/risk.py).
    enforcement: ClassVar[Optional[Enforcement]] = None
    suppressible: ClassVar[bool] = True

    def check(self, scenario: "Scenario", context: "LintContext") -> Iterable[Violation]:
        raise NotImplementedError(f"rule {self.code} does not implement check()")

    # Helpers for subclasses
    def option(self, context: "LintContext", name: str):
        """The value of one of the rule's :attr:`options`: the user's setting, else the declared default.
        A name the rule does not declare raises KeyError (a typo must not silently read None)."""
        for declared in type(self).options:
            if declared.name == name:
                break
        else:
            raise KeyError(f"rule {self.code} declares no option {name!r} (declared: "
                           f"{', '.join(o.name for o in type(self).options) or 'none'})")
        settings = getattr(context, "rule_options", None) or {}
        return settings.get(self.code, {}).get(name, declared.default)

    def violation(self, key: str, message: str, suggestion: Optional[str] = None, severity: Optional[str] = None) -> Violation:
        return Violation(key, message, suggestion, severity)

    @classmethod
    def applies_to(cls, scenario: "Scenario", context: "LintContext") -> bool:
        """Whether the rule's scope covers the scenario. The engine caches the answer per platform,
        account kind and jurisdictions, so an override must depend on nothing else; a rule that
        depends on more says so in :meth:`check` by yielding nothing."""
        if cls.platforms:
            spec = context.platform(scenario.platform.name)
            names = {scenario.platform.name}
            if spec is not None:
                names.add(spec.name)
                if spec.family:
                    names.add(spec.family)
            if not names.intersection(cls.platforms):
                return False
        if cls.account_kinds and scenario.platform.account not in cls.account_kinds:
            return False
        if cls.jurisdictions:
            from campaignsim.lint.context import open_in

            if not any(open_in(scenario.campaign, want) for want in cls.jurisdictions):
                return False
        return True
