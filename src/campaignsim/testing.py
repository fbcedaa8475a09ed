"""Helpers for testing rules, for plugin authors and for campaignsim's own packs.

A rule test in a few lines::

    from campaignsim.testing import assert_fires, assert_passes

    def test_share_to_enter_on_wechat_is_an_error():
        assert_fires("WX001", '''
            [platform]
            name = "wechat"
            [[entry.steps]]
            action = "share"
        ''')

The TOML given is merged onto :data:`MINIMAL_SCENARIO` (a complete, clean campaign) the way
variants are merged: tables key by key, arrays and values replaced. Pass ``base=None`` to give a
whole scenario yourself.

Data-driven cases live in TOML files, one per rule (in the spirit of SQLFluff's YAML fixtures)::

    rule = "WX001"
    base = '''...'''            # optional: merged onto MINIMAL_SCENARIO for every case

    [[cases]]
    name = "share_to_moments"
    fires = true                # or false
    message = "Moments"         # optional: text the message must contain
    key = "entry.steps[0]"      # optional: the finding's key
    count = 1                   # optional: how many findings
    severity = "error"          # optional
    scenario = '''
    [[entry.steps]]
    action = "share"
    to = "moments"
    '''

and run with::

    from campaignsim.testing import rule_case_params, check_rule_case
    import pytest

    @pytest.mark.parametrize("case", rule_case_params("tests/rule_cases"))
    def test_rule_case(case):
        check_rule_case(case)

Installed campaignsim also registers a pytest plugin with the fixture ``campaignsim_registry``
(:mod:`campaignsim.pytest_plugin`).
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path
from typing import Iterable, Optional

import attrs

from campaignsim.lint.config import LintConfig
from campaignsim.lint.engine import lint_loaded
from campaignsim.lint.rule import Finding, Reference, Rule
from campaignsim.load import LoadedFile, ScenarioLoadError, load_mapping, load_text, merge
from campaignsim.load.toml import TOMLDecodeError
from campaignsim.load.toml import loads as read_toml
from campaignsim.plugin.manager import Registry, build_registry, get_registry

__all__ = [
    "MINIMAL_SCENARIO", "PluginLoadError", "Recording", "RuleCase", "RuleCaseError", "ScenarioLoadError", "SketchRule",
    "assert_fires", "assert_passes", "assert_reads", "check_rule_case", "lint_string", "load_rule_cases", "minimal_scenario",
    "registry_with", "rule_case_params", "scenario_from_string",
]

MINIMAL_SCENARIO = """
[campaign]
name = "Test campaign"
brand = "Test Brand"
start = 2027-03-01T10:00:00+08:00
end = 2027-03-08T22:00:00+08:00
jurisdictions = ["CN"]

[platform]
name = "weibo"
account = "blue_v"
followers = 50000

[[entry.steps]]
action = "comment"

[prize]
draw = "random"
draw_at = 2027-03-09T12:00:00+08:00
draw_method = "recorded random draw with the platform's lottery tool"
draw_tool = "weibo_lottery"
verifiable = true
excludes_staff = true

[[prize.items]]
name = "Tea gift box, 500 g"
value = 298
currency = "CNY"
quantity = 10

[fulfilment]
announce_winners_within_days = 3
announce_channel = "post"
public_winner_list = true
deliver_within_days = 14
claim_window_days = 7
unclaimed = "redraw"
owner = "e-commerce team"
contact = "events@test-brand.example"
response_time_hours = 12
delivery_track_record = 0.95
postage = "free"
tracking_numbers = true

[terms]
url = "https://test-brand.example/terms"
discloses = ["prize_types", "prize_names", "prize_quantity", "prize_value", "odds", "entry_conditions", "entry_method",
             "how_to_enter", "start_date", "closing_date", "draw_time", "draw_method", "redemption", "delivery_method",
             "forfeit_conditions", "claim_window", "winner_notification", "eligibility", "restrictions", "organiser",
             "promoter_address", "rules", "privacy_notice", "postage"]
multiple_accounts_rule = true
"""


class PluginLoadError(AssertionError):
    """A plugin under test failed to load, or a declaration of it was refused (``registry_with(..., strict=True)``)."""


def registry_with(*plugins: tuple[str, object], include_third_party: bool = False, strict: bool = False) -> Registry:
    """A registry of the built-in packs plus in-process plugins given as ``(name, module_or_object)``.

    With ``strict=True``, any failure of the given plugins (an import error, a hook that raises, a
    declaration refused at load) raises :class:`PluginLoadError` listing them, chained to the first
    exception: a test of a plugin then fails where the plugin is wrong."""
    registry = build_registry(include_third_party=include_third_party, extra_plugins=plugins)
    if strict:
        names = {name for name, _ in plugins}
        mine = [f for f in registry.failures if f.plugin in names]
        if mine:
            raise PluginLoadError("\n".join(f.render() for f in mine)) from mine[0].exception
    return registry


class SketchRule(Rule):
    """A :class:`~campaignsim.lint.rule.Rule` with placeholder documentation, for rules written inside a
    test (a rule that raises, one that yields many findings). A rule a plugin ships must document itself:
    campaignsim refuses a rule without a summary, rationale, examples and references."""

    summary = "A rule written for a test."
    rationale = "Written for a test; not shipped."
    fail_example = "# written for a test"
    pass_example = "# written for a test"
    references = (Reference("written for a test", None, "U"),)


def minimal_scenario(platform: str = "weibo", *, registry: Optional[Registry] = None) -> str:
    """:data:`MINIMAL_SCENARIO` moved to another platform, as TOML text to pass as ``base=``.

    The platform's first account kind is used (if it declares any), its home jurisdictions (if any)
    replace ``["CN"]``, and the Weibo draw tool is left out. ``platform`` may be any platform a loaded
    plugin provides (``registry`` by default: every installed plugin)."""
    registry = registry or get_registry()
    spec = registry.platform(platform)
    if spec is None:
        raise ValueError(f"no loaded plugin provides the platform {platform!r} (known: {', '.join(sorted(registry.platforms))})")
    if spec.name == "weibo":
        return MINIMAL_SCENARIO
    text = MINIMAL_SCENARIO.replace('name = "weibo"\naccount = "blue_v"\n',
                                    f'name = "{spec.name}"\n' + (f'account = "{spec.account_kinds[0]}"\n' if spec.account_kinds else ""))
    text = text.replace('draw_tool = "weibo_lottery"\n', "")
    if spec.jurisdictions:
        text = text.replace('jurisdictions = ["CN"]', "jurisdictions = [" + ", ".join(f'"{j}"' for j in spec.jurisdictions) + "]")
    return text


def _document(toml: str, base: Optional[str]) -> dict:
    doc = read_toml(textwrap.dedent(toml))
    if base is None:
        return doc
    return merge(read_toml(textwrap.dedent(base)), doc)


def scenario_from_string(toml: str, *, base: Optional[str] = MINIMAL_SCENARIO, registry: Optional[Registry] = None) -> LoadedFile:
    """Load a scenario from TOML text (merged onto ``base``); raises ScenarioLoadError on bad input."""
    registry = registry or get_registry()
    if base is None:
        loaded = load_text(textwrap.dedent(toml), registry, path="<string>")
    else:
        loaded = load_mapping(_document(toml, base), registry, path="<string>")
    if loaded.errors:
        raise ScenarioLoadError(loaded.errors)
    return loaded


def lint_string(toml: str, *, rules: Optional[Iterable[str]] = None, base: Optional[str] = MINIMAL_SCENARIO,
                registry: Optional[Registry] = None, exchange_rates: Optional[dict] = None,
                options: Optional[dict] = None) -> list[Finding]:
    """Lint TOML text with all rules, or only ``rules`` (codes, prefixes or names); every variant too.

    ``options`` sets rule options as ``[tool.campaignsim.rules]`` would: ``{"GEN007": {"max_minutes": 8}}``.
    A rule that raises is re-raised, so that a test shows its traceback.
    """
    registry = registry or get_registry()
    return _lint(scenario_from_string(toml, base=base, registry=registry), registry, rules, exchange_rates, options)


def _lint(loaded: LoadedFile, registry: Registry, rules: Optional[Iterable[str]], exchange_rates: Optional[dict],
          options: Optional[dict] = None) -> list[Finding]:
    config = LintConfig(select=tuple(rules) if rules is not None else None,
                        exchange_rates=tuple((exchange_rates or {}).items()), source="options=",
                        rule_options=tuple((code, tuple(values.items())) for code, values in (options or {}).items()))
    failures: list = []
    results = lint_loaded(loaded, registry, config, failures)
    if failures:
        # The rule's own exception, re-raised with its traceback (and what failed noted on it).
        first = failures[0]
        exc = first.exception
        message = "; ".join(f.render() for f in failures)
        if exc is None:
            raise AssertionError(message)
        if isinstance(exc, Exception) and sys.version_info >= (3, 11):  # add_note is new in 3.11
            exc.add_note(message)
            raise exc
        raise AssertionError(message) from exc  # sys.exit() in a rule: keep it from ending the test run
    return [f for r in results for f in r.findings]


def _describe(findings: list[Finding]) -> str:
    if not findings:
        return "no findings"
    return "\n".join(f"  {f.code} {f.severity} {f.key}: {f.message}" + (f" [{f.variant}]" if f.variant else "") for f in findings)


def assert_fires(code: str, toml: str, *, count: Optional[int] = None, key: Optional[str] = None, message: Optional[str] = None,
                 severity: Optional[str] = None, variant: Optional[str] = None, base: Optional[str] = MINIMAL_SCENARIO,
                 registry: Optional[Registry] = None, exchange_rates: Optional[dict] = None, options: Optional[dict] = None) -> list[Finding]:
    """Assert that rule ``code`` reports the scenario; returns its findings (of the base, or ``variant``).
    ``options`` sets the rule's options: ``{"max_minutes": 8}``."""
    findings = [f for f in lint_string(toml, rules=[code], base=base, registry=registry, exchange_rates=exchange_rates,
                                       options={code: options} if options else None)
                if f.code == code and f.variant == variant]
    _check(code, findings, True, count=count, key=key, message=message, severity=severity)
    return findings


def assert_passes(code: str, toml: str, *, variant: Optional[str] = None, base: Optional[str] = MINIMAL_SCENARIO,
                  registry: Optional[Registry] = None, exchange_rates: Optional[dict] = None, options: Optional[dict] = None) -> None:
    """Assert that rule ``code`` does not report the scenario (the base, or ``variant``), with ``options`` set."""
    findings = [f for f in lint_string(toml, rules=[code], base=base, registry=registry, exchange_rates=exchange_rates,
                                       options={code: options} if options else None)
                if f.code == code and f.variant == variant]
    _check(code, findings, False)


@attrs.define(frozen=True)
class RuleCase:
    rule: str
    name: str
    scenario: str
    fires: bool
    base: Optional[str] = None  # the file's base, merged onto MINIMAL_SCENARIO (or replacing it)
    replace_base: bool = False
    message: Optional[str] = None
    key: Optional[str] = None
    count: Optional[int] = None
    severity: Optional[str] = None
    variant: Optional[str] = None
    exchange_rates: Optional[dict] = None
    source: str = ""
    options: Optional[dict] = None  # the rule's options for this case

    @property
    def id(self) -> str:
        return f"{self.rule}_{self.name}"


CASE_KEYS = {"name", "scenario", "fires", "message", "key", "count", "severity", "variant", "options"}
FILE_KEYS = {"rule", "base", "replace_base", "exchange_rates", "cases"}


class RuleCaseError(ValueError):
    """A rule-case file that cannot be used; the message starts with ``file:line:``."""


def _case_lines(text: str) -> list[int]:
    """The line of each ``[[cases]]`` header, in order."""
    return [n for n, line in enumerate(text.splitlines(), 1) if line.strip().replace(" ", "") == "[[cases]]"]


_CASE_TYPES = {"name": str, "scenario": str, "fires": bool, "message": str, "key": str, "count": int, "severity": str, "variant": str,
               "options": dict}


def load_rule_cases(path) -> list[RuleCase]:
    """The cases of one rule-case TOML file. A file that cannot be used raises :class:`RuleCaseError`
    naming the file and line."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    try:
        data = read_toml(text)
    except TOMLDecodeError as exc:
        import re

        found = re.search(r"at line (\d+)", str(exc))
        raise RuleCaseError(f"{path}:{found.group(1) if found else 1}: invalid TOML: {exc}") from exc
    unknown = set(data) - FILE_KEYS
    if unknown:
        key = sorted(unknown)[0]
        line = next((n for n, l in enumerate(text.splitlines(), 1) if l.lstrip().startswith(key)), 1)
        raise RuleCaseError(f"{path}:{line}: unknown key {key!r} (known: {', '.join(sorted(FILE_KEYS))})")
    if not isinstance(data.get("rule"), str):
        raise RuleCaseError(f"{path}:1: `rule = \"CODE\"` is required at the top of the file")
    lines = _case_lines(text)
    cases = []
    for i, raw in enumerate(data.get("cases", [])):
        line = lines[i] if i < len(lines) else 1
        where = f"{path}:{line}: case {raw.get('name', i)!r}"
        unknown = set(raw) - CASE_KEYS
        if unknown:
            raise RuleCaseError(f"{where}: unknown keys {sorted(unknown)} (known: {', '.join(sorted(CASE_KEYS))})")
        for key in ("name", "fires"):
            if key not in raw:
                raise RuleCaseError(f"{where}: `{key}` is required")
        for key, value in raw.items():
            kind = _CASE_TYPES[key]
            if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
                raise RuleCaseError(f"{where}: {key} must be {kind.__name__}, got {value!r}")
        cases.append(RuleCase(rule=data["rule"], name=raw["name"], scenario=raw.get("scenario", ""), fires=raw["fires"],
                              base=data.get("base"), replace_base=data.get("replace_base", False), message=raw.get("message"),
                              key=raw.get("key"), count=raw.get("count"), severity=raw.get("severity"), variant=raw.get("variant"),
                              exchange_rates=data.get("exchange_rates"), source=f"{path}:{line}", options=raw.get("options")))
    return cases


def rule_case_params(directory) -> list:
    """pytest params (with ids ``CODE_case``) for every case in every ``*.toml`` below ``directory``."""
    import pytest

    params = []
    for file in sorted(Path(directory).rglob("*.toml")):
        for case in load_rule_cases(file):
            params.append(pytest.param(case, id=case.id))
    return params


def check_rule_case(case: RuleCase, registry: Optional[Registry] = None) -> None:
    """Assert one data-driven case."""
    try:
        base_doc = _document(case.base or "", None if case.replace_base else MINIMAL_SCENARIO)
        doc = merge(base_doc, read_toml(textwrap.dedent(case.scenario)))
    except TOMLDecodeError as exc:
        raise RuleCaseError(f"{case.source}: case {case.name!r}: its scenario or the file's base is not valid TOML: {exc}") from exc
    registry = registry or get_registry()
    loaded = load_mapping(doc, registry, path=f"{case.source} (case {case.name!r})")
    if loaded.errors:
        raise ScenarioLoadError(loaded.errors)
    findings = [f for f in _lint(loaded, registry, [case.rule], case.exchange_rates, {case.rule: case.options} if case.options else None)
                if f.code == case.rule and f.variant == case.variant]
    _check(case.rule, findings, case.fires, count=case.count, key=case.key, message=case.message, severity=case.severity)


def _check(code, findings, fires, *, count=None, key=None, message=None, severity=None) -> None:
    if not fires:
        assert not findings, f"{code} fired unexpectedly:\n{_describe(findings)}"
        return
    assert findings, f"{code} did not fire"
    if count is not None:
        assert len(findings) == count, f"{code} fired {len(findings)} times, expected {count}:\n{_describe(findings)}"
    if key is not None:
        assert any(f.key == key for f in findings), f"{code} fired, but not on {key}:\n{_describe(findings)}"
    if message is not None:
        assert any(message in f.message for f in findings), f"no {code} message contains {message!r}:\n{_describe(findings)}"
    if severity is not None:
        assert all(f.severity == severity for f in findings), f"{code} severity is not {severity}:\n{_describe(findings)}"


class Recording:
    """A scenario that notes which of its parts (``prize``, ``entry``, …) are read; properties and
    methods of the scenario read through it. :func:`assert_reads` runs a rule on one."""

    def __init__(self, scenario):
        self._scenario = scenario
        self.read: set[str] = set()

    def __getattr__(self, name):
        import inspect
        import types

        scenario = self._scenario
        found = inspect.getattr_static(type(scenario), name, None)
        if isinstance(found, property):
            return found.fget(self)
        if inspect.isfunction(found):
            return types.MethodType(found, self)
        self.read.add(name)
        return getattr(scenario, name)


def assert_reads(code: str, toml: str, *, base: Optional[str] = MINIMAL_SCENARIO, registry: Optional[Registry] = None,
                 exchange_rates: Optional[dict] = None) -> set[str]:
    """Assert that rule ``code`` reads only the scenario parts its ``reads`` names, on this scenario
    (base and every variant), and finds the same through a :class:`Recording` as without one. Returns
    the parts it read. A rule whose ``reads`` is None may read anything and always passes."""
    from campaignsim.lint.context import LintContext

    registry = registry or get_registry()
    rule_cls = registry.rule(code)
    assert rule_cls is not None, f"no loaded plugin provides the rule {code}"
    loaded = scenario_from_string(toml, base=base, registry=registry)
    context = LintContext(registry, exchange_rates={**registry.exchange_rates, **(exchange_rates or {})}, source=loaded)
    rule = context.rule_instance(rule_cls)
    read: set[str] = set()
    for scenario in loaded.scenarios:
        if not rule_cls.applies_to(scenario, context):
            continue
        recording = Recording(scenario)
        through, direct = list(rule.check(recording, context) or ()), list(rule.check(scenario, context) or ())
        assert through == direct, f"{code} finds something else when its reads are recorded: {through} != {direct}"
        read |= recording.read
    if rule_cls.reads is not None:
        declared = {rule_cls.reads} if isinstance(rule_cls.reads, str) else set(rule_cls.reads)
        extra = read - declared
        assert not extra, f"{code} reads {sorted(extra)}, which its reads {tuple(sorted(declared))} does not name"
    return read
