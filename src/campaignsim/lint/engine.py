"""The lint engine: files → scenarios (base and variants) → rules → findings.

Suppressions are handled here: the scenario's ``[lint] ignore`` entries and inline
``# campaignsim: ignore[CODE] reason`` comments on the line of a key. An ignore without a reason
is reported by CS001 (a rule like any other); an ignore that matches no finding by CS002, which
only the engine can judge because it needs every other rule's findings first.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import compress, repeat
from operator import attrgetter, is_
from pathlib import Path
from typing import AbstractSet, Iterable, Optional

import attrs

from campaignsim.lint.config import ConfigError, LintConfig, discover
from campaignsim.lint.context import UNUSED_IGNORE, LintContext, finding_fields
from campaignsim.lint.guard import MAX_FINDINGS_PER_RULE, Snapshot, capped, run_rule
from campaignsim.lint.index import rule_index
from campaignsim.lint.rule import Finding, severity_rank
from campaignsim.lint.selection import match, resolve, unknown_selector_message
from campaignsim.load import LoadError, LoadedFile, load_file
from campaignsim.plugin.manager import PluginFailure, failure_from, get_registry

INLINE_IGNORE = re.compile(r"campaignsim:\s*ignore\[([^\]]*)\]\s*(.*)")
_SEVERITY = attrgetter("severity")


@attrs.define(frozen=True)
class Suppression:
    """One ignore: where it is written, what it names, why."""

    codes: tuple[str, ...]
    reason: str
    line: Optional[int]
    key: str
    selectors: tuple[str, ...]
    inline: bool


@attrs.define
class FileResult:
    path: str
    variant: Optional[str]
    findings: list[Finding] = attrs.Factory(list)


@attrs.define
class LintReport:
    results: list[FileResult] = attrs.Factory(list)
    load_errors: list[LoadError] = attrs.Factory(list)
    failures: list[PluginFailure] = attrs.Factory(list)
    fail_on: str = "error"
    registry: object = None
    fail_levels: list[str] = attrs.Factory(list)

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.results for f in r.findings]

    def summary(self) -> dict[str, int]:
        counts = {"error": 0, "warning": 0, "info": 0}
        for severity, n in Counter(map(_SEVERITY, self.findings)).items():
            counts[severity] += n  # an unknown severity fails here, as it always has
        return counts

    def exit_code(self) -> int:
        if self.load_errors or self.failures:
            return 2
        threshold = severity_rank(self.fail_on)
        # Each severity once, in the order the findings first show it: the same answer (or error) as
        # asking every finding, without a call per finding.
        return 1 if any(severity_rank(s) >= threshold for s in dict.fromkeys(map(_SEVERITY, self.findings))) else 0


def scenario_files(paths: Iterable) -> tuple[list[Path], list[LoadError]]:
    """Files named, plus every scenario ``*.toml`` below named directories (settings files, hidden
    folders and what the settings' ``exclude`` names are skipped; a file named explicitly is kept)."""
    files: list[Path] = []
    errors: list[LoadError] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            depth = len(path.parts)  # what rglob finds starts with these parts: the rest is relative to path
            found = sorted(p for p in path.rglob("*.toml") if p.name not in {"pyproject.toml", "campaignsim.toml"}
                           and not any(part.startswith(".") for part in p.parts[depth:])
                           and not discover(p).excludes(p))
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            errors.append(LoadError(str(path), None, "", "no such file or directory"))
    return files, errors


@attrs.define(frozen=True)
class InlineIgnore:
    """A ``# campaignsim: ignore[CODES] reason`` comment, with the key written on its line."""

    line: int
    key: str
    selectors: tuple[str, ...]
    written: str  # what stands between the brackets
    reason: str


def inline_ignores(locator) -> list[InlineIgnore]:
    """The inline ignores of a file, in line order (none without a locator)."""
    if locator is None:
        return []
    comments = locator.comments
    # One search of all the comments (joined by a newline, which the marker cannot span) for the
    # common file that has no ignore comment at all.
    if "campaignsim:" not in "\n".join(comments.values()):
        return []
    found = [(line, m) for line, comment in sorted(item for item in comments.items() if "campaignsim:" in item[1])
             if (m := INLINE_IGNORE.search(comment))]
    if not found:
        return []
    key_at: dict[int, str] = {}
    for key, line in locator.lines.items():
        key_at.setdefault(line, key)
    return [InlineIgnore(line, key_at.get(line, ""), tuple(s.strip() for s in m.group(1).split(",") if s.strip()),
                         m.group(1), m.group(2).strip()) for line, m in found]


def _suppressible(codes, registry) -> set[str]:
    """The codes a scenario's own ignore may silence: not those of rules declared ``suppressible = False``."""
    rules = registry.rules
    return {code for code in codes if rules[code].suppressible}


def _inline_suppressions(loaded: LoadedFile, registry) -> list[Suppression]:
    out = []
    for ignore in inline_ignores(loaded.locator):
        codes = set()
        for sel in ignore.selectors:
            codes |= match(sel, registry)
        codes = _suppressible(codes, registry)
        out.append(Suppression(tuple(sorted(codes)), ignore.reason, ignore.line, ignore.key, ignore.selectors, True))
    return out


def _within(inner: str, outer: str) -> bool:
    return inner.startswith(outer + ".") or inner.startswith(outer + "[")


def _inline_covers(ignore: Suppression, finding: Finding, loaded: LoadedFile) -> bool:
    """Whether an inline ignore applies to a finding: it is on the finding's line, or on a key inside
    the table the finding is about (``action = …`` in the step a finding names), or on the header of
    a table that holds the finding's key."""
    if ignore.line == finding.line:
        return True
    key, prefix = ignore.key, ""
    if finding.variant is not None:
        index = loaded.variant_index(finding.variant)
        prefix = f"variants[{index}]."
        if not key.startswith(prefix):
            return False
        key = key[len(prefix):]
    lines = loaded.locator.lines if loaded.locator is not None else {}
    if _within(key, finding.key):  # the comment is inside the table the finding is about
        return lines.get(prefix + finding.key) == finding.line
    if _within(finding.key, key):  # the comment is on the header of a table holding the finding's key
        return lines.get(ignore.key) == ignore.line
    return False


_IGNORE_KEYS = tuple(f"lint.ignore[{i}]" for i in range(16))


def _table_suppressions(loaded: LoadedFile, scenario, registry, known: Optional[dict] = None) -> list[Suppression]:
    """The scenario's ``[lint] ignore`` entries. With ``known`` (one dict per file), a variant that
    keeps the base's ignores, on the same lines, gets the base's list instead of a new one."""
    ignores = scenario.lint.ignore
    if not ignores:
        return []
    variant = scenario.variant
    keys = _IGNORE_KEYS[:len(ignores)] if len(ignores) <= len(_IGNORE_KEYS) else [f"lint.ignore[{i}]" for i in range(len(ignores))]
    lines = tuple(map(loaded.line_for, keys, repeat(variant)))
    if known is not None:
        found = known.get(id(ignores))
        if found is not None and found[0] is ignores and found[1] == lines:
            return found[2]
    out = [Suppression(_ignorable(ignore.code, registry), (ignore.reason or "").strip(), line, key, (ignore.code,), False)
           for ignore, line, key in zip(ignores, lines, keys)]
    if known is not None:
        known[id(ignores)] = (ignores, lines, out)  # holds ignores, so its id is not reused meanwhile
    return out


def _matched(selector: str, registry) -> tuple[str, ...]:
    """The sorted codes a selector names, remembered per registry: many files ignore the same rules."""
    key = (_matched, selector)
    cache = rule_index(registry)
    found = cache.get(key)
    if found is None:
        found = cache[key] = tuple(sorted(match(selector, registry)))
    return found


def _ignorable(selector: str, registry) -> tuple[str, ...]:
    """The sorted codes an ignore in a scenario silences: those the selector names, less the rules
    declared ``suppressible = False``."""
    key = (_ignorable, selector)
    cache = rule_index(registry)
    found = cache.get(key)
    if found is None:
        found = cache[key] = tuple(sorted(_suppressible(_matched(selector, registry), registry)))
    return found


def _resolved(registry, select, extend_select, ignore) -> tuple[frozenset[str], list[str]]:
    """:func:`resolve`, remembered per registry and selectors: every file and most scenarios ask the same."""
    key = (_resolved, None if select is None else tuple(select), tuple(extend_select), tuple(ignore))
    cache = rule_index(registry)
    found = cache.get(key)
    if found is None:
        codes, unknown = resolve(registry, key[1], key[2], key[3])
        found = cache[key] = (frozenset(codes), tuple(unknown))
    return found[0], list(found[1])


def lint_scenario(scenario, registry=None, *, codes: Optional[AbstractSet[str]] = None, context: Optional[LintContext] = None,
                  path: str = "<scenario>", loaded: Optional[LoadedFile] = None, failures: Optional[list] = None,
                  shared: Optional[tuple[dict, Optional[frozenset]]] = None) -> list[Finding]:
    """Run the selected rules (all by default) on one scenario and return what they find.

    Suppressions are applied by :func:`lint_loaded`, not here. A rule
    that raises is recorded in ``failures`` (when given) and the other rules still run.

    ``shared`` is how :func:`lint_loaded` spares variants the checks the base already made: a dict
    of the base's violations per rule, and the names of the scenario's parts that are the base's own
    objects (None for the base itself, whose violations are then recorded). A rule that declares
    :attr:`Rule.reads` within those parts gets the base's violations, with this scenario's lines.
    """
    registry = registry or get_registry()
    context = context or LintContext(registry, source=loaded)
    findings: list[Finding] = []
    append = findings.append
    variant = scenario.variant
    line_for = loaded.line_for if loaded is not None else None
    known, same = shared if shared is not None else ({}, None)
    record = shared is not None and same is None  # the base: its violations are kept for the variants
    snapshot = None  # made at the first third-party rule: the built-in packs' rules run directly
    for run in context.runnable(scenario, codes):
        if same is not None and run.reads is not None and run.reads <= same and run in known:
            violations = known[run]
        else:
            try:
                if run.guarded:
                    if snapshot is None:
                        snapshot = Snapshot(scenario)
                    violations = run_rule(run, scenario, context, snapshot)
                else:
                    violations = list(run.check(scenario, context) or ())
            except (Exception, SystemExit) as exc:  # a broken rule is reported by name; the others go on
                if failures is None:
                    raise
                where = f" (in {path}" + (f", variant {variant!r})" if variant is not None else ")")
                failure = failure_from(run.plugin, f"rule {run.code}", exc, where)
                if failure not in failures:
                    failures.append(failure)
                continue
            if len(violations) > MAX_FINDINGS_PER_RULE:
                violations = capped(violations, run.code)
            if record and run.reads is not None:
                known[run] = violations
        if not violations:
            continue
        code, name, default, references, urls = run.reported()
        for v in violations:
            key, message, suggestion, severity = v.key, v.message, v.suggestion, v.severity
            append(Finding(code, name, severity or default, message, key,
                           line_for(key, variant) if line_for is not None else None, path, variant, suggestion,
                           references, urls))
    return findings


def _by_line(finding: Finding):
    return (finding.line or 0, finding.code, finding.key)


_LINE = attrgetter("line")
_CODE = attrgetter("code")
_LINE_CODE_KEY = attrgetter("line", "code", "key")  # _by_line's order where no line is None, without a Python call per finding


@lru_cache(maxsize=None)  # a pure function of a class: kept for each scenario class there is (one, in practice)
def _getter(cls) -> Optional[tuple[tuple[str, ...], attrgetter]]:
    names = tuple(field.name for field in attrs.fields(cls)) if attrs.has(cls) else ()
    return (names, attrgetter(*names)) if len(names) > 1 else None


def _parts(scenario) -> Optional[tuple[tuple[str, ...], tuple]]:
    """The names of a scenario's parts and the parts themselves, or None when it is not made of
    attrs fields to compare."""
    cls: type = type(scenario)  # a class, hashable for _getter's cache (mypy does not infer that of type(...))
    found = _getter(cls)
    if found is None:
        return None
    names, values = found
    return names, values(scenario)


def lint_loaded(loaded: LoadedFile, registry, config: LintConfig, failures: list) -> list[FileResult]:
    """Lint every scenario of a loaded file, apply its suppressions, report unused ones."""
    selected, unknown = _resolved(registry, config.select, config.extend_select, config.ignore)
    if unknown:
        raise ConfigError(f"{config.selector_source(unknown[0])}: " + unknown_selector_message(unknown[0], registry))
    context = LintContext(registry, exchange_rates=_rates(registry, config), source=loaded,
                          rule_options=rule_options(registry, config) if config.rule_options else {})
    own_settings = config.scenario_config  # False with --no-scenario-config: the file's [lint] and inline ignores are not applied
    inline = _inline_suppressions(loaded, registry) if own_settings else []
    inline_codes = {code for s in inline for code in s.codes}
    table_sups: dict[tuple, Suppression] = {}
    known_sups: dict = {}
    used: set[tuple] = set()
    ran_sets: dict[int, frozenset] = {}  # each distinct selection once; their union is only needed for unused ignores
    results = []
    base = loaded.scenarios[0] if loaded.scenarios else None
    base_parts = _parts(base) if base is not None else None
    base_violations: dict = {}
    shared: Optional[tuple[dict, Optional[frozenset]]]
    for scenario in loaded.scenarios:
        # The base's violations are recorded; a variant takes them from rules that read only parts it
        # shares with the base (the very same objects, so unchanged).
        if scenario is base:
            shared = (base_violations, None)
        elif base_parts is not None and type(scenario) is type(base) and (parts := _parts(scenario)) is not None:
            names, values = base_parts
            shared = (base_violations, frozenset(compress(names, map(is_, parts[1], values))))
        else:
            shared = None
        codes = selected
        lint = scenario.lint
        if own_settings and (lint.select or lint.extend_select):
            codes, _ = _resolved(registry, lint.select or None, lint.extend_select, config.ignore)
        ran_sets[id(codes)] = codes
        sups = _table_suppressions(loaded, scenario, registry, known_sups) if own_settings else []
        for s in sups:
            table_sups.setdefault((s.key, s.selectors, s.line), s)
        scenario_context = context
        if own_settings and lint.rules:
            # [lint.rules.CODE] in the scenario: over the settings file's options, for this scenario only
            merged = {code: dict(options) for code, options in context.rule_options.items()}
            for written, options in lint.rules:
                merged.setdefault(registry.rule(written).code, {}).update(dict(options))
            scenario_context = attrs.evolve(context, rule_options=merged)
        if shared is not None and scenario is not base and base is not None and lint.rules != base.lint.rules:
            shared = None  # other options may give other findings: nothing is taken from the base
        raw = lint_scenario(scenario, registry, codes=codes, context=scenario_context, path=loaded.path, loaded=loaded,
                            failures=failures, shared=shared)
        suppressible = inline_codes.union(*(s.codes for s in sups)) if sups else inline_codes
        if not suppressible or not any(map(suppressible.__contains__, map(_CODE, raw))):
            kept = raw  # nothing in this file can suppress any of these findings
        else:
            kept = []
            for finding in raw:
                if finding.code not in suppressible:
                    kept.append(finding)
                    continue
                hit = next((s for s in sups if finding.code in s.codes), None) or \
                    next((s for s in inline if finding.code in s.codes and _inline_covers(s, finding, loaded)), None)
                if hit is None:
                    kept.append(finding)
                else:
                    used.add((hit.key, hit.selectors, hit.line))
        results.append(FileResult(loaded.path, scenario.variant, kept))
    # Unused ignores are judged over the whole file (base and variants), reported once, on the base.
    if UNUSED_IGNORE in selected and loaded.scenarios:
        rule = registry.rules[UNUSED_IGNORE]
        base = loaded.scenarios[0]
        ran = set().union(*ran_sets.values())
        for s in [*table_sups.values(), *inline]:
            if (s.key, s.selectors, s.line) in used:
                continue
            if s.codes and not set(s.codes) & ran:
                continue  # its rules were not selected this time: nothing to judge it by
            what = ", ".join(s.selectors) or "nothing"
            named = set().union(*(_matched(sel, registry) for sel in s.selectors))
            if s.codes:
                why = "suppresses no finding in this file"
            elif named:
                why = f"names only rules a scenario cannot ignore ({', '.join(sorted(named))})"
            else:
                why = "matches no rule"
            key = s.key if not s.inline else (s.key or "")
            code, name, severity, references, urls = finding_fields(rule)
            results[0].findings.append(Finding(code, name, severity, f"ignore[{what}] {why}; remove it", key, s.line,
                                               loaded.path, base.variant, "Delete the ignore, or correct the code.",
                                               references, urls))
    # Every finding of a result has the result's path and variant, so Finding.sort_key's order is
    # the order of line, code and key.
    for result in results:
        findings = result.findings
        if len(findings) > 1:
            findings.sort(key=_by_line if None in map(_LINE, findings) else _LINE_CODE_KEY)
    return results


def rule_options(registry, config: LintConfig) -> dict[str, dict]:
    """The rule options a settings file sets, checked against what the rules declare (remembered per
    registry and settings). An unknown rule or option, or a bad value, is a ConfigError naming the file."""
    key = (rule_options, config.rule_options)
    cache = rule_index(registry)
    found = cache.get(key)
    if found is not None:
        return found
    out: dict[str, dict] = {}
    for written, options in config.rule_options:
        rule = registry.rule(written)
        if rule is None:
            raise ConfigError(f"{config.option_source(written)}: rules.{written}: " + unknown_selector_message(written, registry))
        declared = {o.name: o for o in rule.options}
        for name, value in options:
            option = declared.get(name)
            if option is None:
                known = ", ".join(sorted(declared)) or "none"
                raise ConfigError(f"{config.option_source(written, name)}: rules.{written}.{name}: {rule.code} has no such option (its options: {known})")
            problem = option.problem(value)
            if problem:
                raise ConfigError(f"{config.option_source(written, name)}: rules.{written}.{name}: {problem}")
            out.setdefault(rule.code, {})[name] = value
    cache[key] = out
    return out


def scenario_settings_errors(loaded: LoadedFile, registry, config: LintConfig) -> list[LoadError]:
    """What is wrong with a scenario's own ``[lint]`` selection, each error at its line: a selector
    that matches no rule (it would silently select nothing), or any selection or rule option
    (``[lint.rules.CODE]``) at all where the project's settings say ``scenario-may-select = false``."""
    if not config.scenario_config:
        return []
    errors: list[LoadError] = []
    seen: set = set()
    for scenario in loaded.scenarios:
        variant = scenario.variant
        for key in ("select", "extend_select"):
            selectors = getattr(scenario.lint, key)
            if not selectors:
                continue
            if not config.scenario_may_select:
                found = [(f"lint.{key}", f"this project does not let a scenario choose its rules (scenario-may-select = false in "
                                         f"{config.source}); remove [lint] {key}")]
            else:
                found = [(f"lint.{key}[{i}]", unknown_selector_message(selector, registry))
                         for i, selector in enumerate(selectors) if not _matched(selector, registry)]
            for where, message in found:
                line = loaded.line_for(where, variant)
                if (line, where, message) in seen:
                    continue  # a variant that keeps the base's [lint]: said once, for the base
                seen.add((line, where, message))
                errors.append(LoadError(loaded.path, line, where, message, variant=variant))
        if scenario.lint.rules and not config.scenario_may_select:
            # A scenario's own thresholds could switch a rule off as surely as deselecting it.
            where = "lint.rules"
            message = (f"this project does not let a scenario set rule options (scenario-may-select = false in "
                       f"{config.source}); remove [lint.rules]")
            line = loaded.line_for(where, variant)
            if (line, where, message) not in seen:
                seen.add((line, where, message))
                errors.append(LoadError(loaded.path, line, where, message, variant=variant))
    return errors


def _rates(registry, config: LintConfig) -> dict[str, float]:
    rates = dict(registry.exchange_rates)
    rates.update(dict(config.exchange_rates))
    return rates


def lint_into(report: LintReport, paths, registry, config_for, *,
              keep: bool = True) -> list[tuple[LoadedFile, list[FileResult]]]:
    """Load and lint every scenario file below ``paths`` into ``report``; ``config_for(path)`` gives
    each file's settings. Returns the files that loaded, each with its results (base first), unless
    ``keep`` is false: then each file is let go once linted, so memory stays flat over many files."""
    files, missing = scenario_files(paths)
    report.load_errors.extend(missing)
    linted = []
    for path in files:
        effective = config_for(path)
        report.fail_levels.append(effective.fail_on)
        loaded = load_file(path, registry)
        if loaded.errors:
            report.load_errors.extend(loaded.errors)
            continue
        refused = scenario_settings_errors(loaded, registry, effective)
        if refused:
            report.load_errors.extend(refused)
            continue
        results = lint_loaded(loaded, registry, effective, report.failures)
        report.results.extend(results)
        if keep:
            linted.append((loaded, results))
    return linted


def lint_paths(paths, *, select=None, extend_select=(), ignore=(), fail_on=None, plugins=None, registry=None,
               config: Optional[LintConfig] = None, scenario_config: bool = True) -> LintReport:
    """Lint files and directories. ``config`` replaces discovery (used by tests and the API)."""
    registry = registry or get_registry(plugins)
    report = LintReport(registry=registry, failures=list(registry.failures))
    for option, selectors in (("--select", select or ()), ("--extend-select", extend_select), ("--ignore", ignore)):
        for selector in selectors:  # a selector given here is the command line's fault, not a settings file's
            if not match(selector, registry):
                raise ConfigError(f"{option}: " + unknown_selector_message(selector, registry))

    overlaid: dict[int, tuple[LintConfig, LintConfig]] = {}

    def config_for(path: Path) -> LintConfig:
        base = config if config is not None else discover(path)
        known = overlaid.get(id(base))
        if known is None or known[0] is not base:  # one overlay per settings file, not per scenario file
            known = overlaid[id(base)] = (base, base.overlay(select=select, extend_select=extend_select, ignore=ignore, fail_on=fail_on,
                                                                  scenario_config=scenario_config))
        return known[1]

    lint_into(report, paths, registry, config_for, keep=False)
    if fail_on:
        report.fail_on = fail_on
    elif report.fail_levels:
        report.fail_on = min(report.fail_levels, key=severity_rank)
    return report
