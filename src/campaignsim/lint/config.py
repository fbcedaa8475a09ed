"""Lint settings: discovered from ``campaignsim.toml`` or ``[tool.campaignsim]`` in the nearest
``pyproject.toml`` above each scenario, then overridden by the command line.

    [tool.campaignsim]
    select = ["WX", "CN-LAW"]        # codes, prefixes, names or "ALL"
    extend-select = ["GEN"]
    ignore = ["GEN004"]
    fail-on = "warning"              # error | warning | info
    exchange-rates = { CNY = 7.2 }   # units per 1 USD
    exclude = ["tests", "drafts/*.toml"]  # gitignore-style patterns, relative to this file, skipped in directories
    scenario-may-select = false      # a scenario's [lint] select / extend-select is an error

    [tool.campaignsim.rules.GEN007]  # a rule's options (`campaignsim explain GEN007` lists them)
    max_minutes = 8

What a scenario file may change is set here, not by the scenario: by default its ``[lint]`` table
may select rules and ignore rules with a reason; ``scenario-may-select = false`` makes a
``[lint] select`` or ``extend-select`` in a scenario an error (a scenario cannot narrow the
project's selection), and ``campaignsim lint --no-scenario-config`` applies neither the scenario's
``[lint]`` table nor its inline ignore comments. An error in a settings file names the file and
the line: ``pyproject.toml:12: [tool.campaignsim]: unknown key 'fail_on'; did you mean 'fail-on'?``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

import attrs

from campaignsim._session import current as current_session
from campaignsim.lint.rule import SEVERITIES

KEYS = {"select", "extend-select", "ignore", "fail-on", "exchange-rates", "exclude", "rules", "scenario-may-select"}
from campaignsim.model.limits import MAX_SCENARIO_BYTES as MAX_SETTINGS_BYTES  # noqa: E402


class ConfigError(Exception):
    """A settings file or option that cannot be used (exit code 2)."""


@attrs.define(frozen=True)
class LintConfig:
    select: Optional[tuple[str, ...]] = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    exchange_rates: tuple[tuple[str, float], ...] = ()
    source: Optional[str] = None
    exclude: tuple[str, ...] = ()
    root: Optional[str] = None  # the folder of the settings file: exclude patterns are relative to it
    rule_options: tuple[tuple[str, tuple[tuple[str, object], ...]], ...] = ()  # (code, ((option, value), …)) from [rules.CODE]
    scenario_may_select: bool = True  # a scenario's [lint] select / extend-select is allowed
    scenario_config: bool = True  # the scenario's [lint] table and inline ignores are applied
    selector_sources: tuple[tuple[str, str], ...] = ()  # (selector, "file:line: [table]") for each one the settings file names
    rule_option_sources: tuple[tuple[str, str], ...] = ()  # ("CODE" or "CODE.option", "file:line: [table]") for [rules.CODE]

    def selector_source(self, selector: str) -> str:
        """Where a selector in this configuration was written: its settings file and line, or the command line."""
        return next((where for written, where in self.selector_sources if written == selector), "command line")

    def option_source(self, code: str, option: Optional[str] = None) -> str:
        """Where ``[rules.CODE]`` (or one option in it) was written: its settings file and line."""
        key = f"{code}.{option}" if option else code
        return next((where for written, where in self.rule_option_sources if written == key), self.source or "settings")

    def excludes(self, path: Path) -> bool:
        """Whether a file met while walking a directory is left out by ``exclude`` (gitignore-style
        patterns relative to the settings file's folder: :mod:`campaignsim.lint.exclude`)."""
        if not self.exclude or self.root is None:
            return False
        from campaignsim.lint.exclude import excluded

        return excluded(self.exclude, self.root, path)

    def overlay(self, *, select=None, extend_select=(), ignore=(), fail_on=None, scenario_config: bool = True) -> "LintConfig":
        """Command-line options on top of a discovered file: select replaces, the rest add;
        ``scenario_config=False`` (``--no-scenario-config``) can only switch scenario settings off."""
        return attrs.evolve(
            self,
            select=tuple(select) if select else self.select,
            extend_select=self.extend_select + tuple(extend_select),
            ignore=self.ignore + tuple(ignore),
            fail_on=fail_on or self.fail_on,
            scenario_config=self.scenario_config and scenario_config,
        )


def _strings(value, where: str, key: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key}: must be an array of strings")
    return tuple(value)


def _rule_options(table, where: str) -> tuple:
    """``[rules.CODE]`` tables as (code, ((option, value), …)) pairs; option names may be written with
    hyphens or underscores. Whether the rule and option exist is checked when the rules are loaded."""
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: rules: must be a table of tables, one per rule code ([rules.GEN007])")
    out = []
    for code, options in table.items():
        if not isinstance(options, dict):
            raise ConfigError(f"{where}: rules.{code}: must be a table of the rule's options (`campaignsim explain {code}` lists them)")
        out.append((code, tuple((name.replace("-", "_"), value) for name, value in options.items())))
    return tuple(out)


def _rule_option_sources(table, at) -> tuple:
    """Where each ``[rules.CODE]`` table and each option in it is written (for the errors found
    when the options are checked against the rules)."""
    if not isinstance(table, dict):
        return ()
    out = []
    for code, options in table.items():
        out.append((code, at(("rules", code))))
        if isinstance(options, dict):
            out += [(f"{code}.{name.replace('-', '_')}", at(("rules", code, name))) for name in options]
    return tuple(out)


def parse_config(table: dict, where: str, root: Optional[Path] = None, *, locate=None) -> LintConfig:
    """Settings from a ``[tool.campaignsim]`` or ``campaignsim.toml`` table. ``locate(key)``, when
    given, says where a key is written (``file:line: [tool.campaignsim]``) for the error messages."""
    def at(key) -> str:
        return locate(key) if locate is not None else where

    if not isinstance(table, dict):
        raise ConfigError(f"{at(None)}: must be a table")
    unknown = set(table) - KEYS
    if unknown:
        import difflib

        key = sorted(unknown)[0]
        hint = difflib.get_close_matches(key, KEYS, n=1)
        raise ConfigError(f"{at(key)}: unknown key {key!r}" + (f"; did you mean {hint[0]!r}?" if hint else f" (known: {', '.join(sorted(KEYS))})"))
    fail_on = table.get("fail-on", "error")
    if fail_on not in SEVERITIES:
        raise ConfigError(f"{at('fail-on')}: fail-on: must be one of {', '.join(SEVERITIES)}, got {fail_on!r}")
    rates = table.get("exchange-rates", {})
    # Bounded, so that no conversion of a bounded prize value can overflow to infinity.
    if not isinstance(rates, dict) or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and 1e-9 <= v <= 1e12
                                              for v in rates.values()):
        raise ConfigError(f"{at('exchange-rates')}: exchange-rates: must be a table of positive numbers (units per 1 USD, "
                          "from 1e-9 to 1e12)")
    may_select = table.get("scenario-may-select", True)
    if not isinstance(may_select, bool):
        raise ConfigError(f"{at('scenario-may-select')}: scenario-may-select: must be true or false, got {may_select!r}")
    select = _strings(table["select"], at("select"), "select") if "select" in table else None
    extend_select = _strings(table.get("extend-select", []), at("extend-select"), "extend-select")
    ignore = _strings(table.get("ignore", []), at("ignore"), "ignore")
    sources = tuple((sel, at(key)) for key, sels in (("select", select or ()), ("extend-select", extend_select), ("ignore", ignore))
                    for sel in sels)
    return LintConfig(
        rule_options=_rule_options(table.get("rules", {}), at("rules")),
        rule_option_sources=_rule_option_sources(table.get("rules"), at),
        select=select,
        extend_select=extend_select,
        ignore=ignore,
        selector_sources=sources,
        fail_on=fail_on,
        exchange_rates=tuple((k, float(v)) for k, v in rates.items()),
        source=where,
        exclude=_strings(table.get("exclude", []), at("exclude"), "exclude"),
        root=str(root.resolve()) if root is not None else None,
        scenario_may_select=may_select,
    )


def read_config_file(path: Path) -> Optional[LintConfig]:
    from campaignsim.load import FileRefused, read_limited
    from campaignsim.load.toml import Locator, key_part, parse

    try:
        text = read_limited(path, MAX_SETTINGS_BYTES, "settings files").decode("utf-8")
    except FileRefused as exc:
        raise ConfigError(f"{path}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read settings: not UTF-8 text (offset {exc.start})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read settings: {exc.strerror or exc}") from None
    data, error = parse(text, str(path))
    if error is not None or data is None:
        raise ConfigError(error.render() if error is not None else f"{path}: cannot read settings")
    pyproject = path.name == "pyproject.toml"
    if pyproject:
        tool = data.get("tool", {})
        found = tool.get("campaignsim") if isinstance(tool, dict) else None
        if found is None:
            return None
        table = found
    else:
        table = data
    prefix = "tool.campaignsim" if pyproject else ""
    label = " [tool.campaignsim]" if pyproject else ""
    locator = None

    def locate(key) -> str:  # a key of the table, or the parts of a dotted one (("rules", "GEN007", "max_minutes"))
        nonlocal locator
        if locator is None:
            locator = Locator(text)
        parts = (key,) if isinstance(key, str) else tuple(key or ())
        dotted = ".".join(part for part in (prefix, *(key_part(k) for k in parts)) if part)
        line = locator.line_of(dotted) if dotted else None
        return (f"{path}:{line}" + (f":{label}" if label else "")) if line else f"{path}{label}"

    return parse_config(table, f"{path}{label}", path.parent, locate=locate)



# The session's caches (see campaignsim._session): what was found is remembered until the session is purged.
SETTINGS_FOUND = "lint.settings.found"  # resolved folder → the settings at or above it (None: none)
SETTINGS_BY_DIRECTORY = "lint.settings.by_directory"  # folder as given, made absolute → its settings
SETTINGS_BY_PATH = "lint.settings.by_path"  # scenario path as given, made absolute → its settings
_PATHS_KEPT = 100_000  # a long-running process linting ever new files does not grow without bound


def discover(start: Path) -> LintConfig:
    """Settings for a scenario at ``start``: the nearest directory with a campaignsim.toml, or a
    pyproject.toml that has [tool.campaignsim], wins; none found means the defaults.

    Answers are remembered in the current session (:func:`campaignsim._session.purge` forgets them)."""
    session = current_session()
    by_path = session[SETTINGS_BY_PATH]
    # A relative path means something else once the working directory changes.
    key = str(start) if start.is_absolute() else os.path.join(os.getcwd(), start)
    known = by_path.get(key)
    if known is not None:  # the engine asks twice per file: to skip excluded files, and to lint
        return known
    directory = start if start.is_dir() else start.parent
    folder = str(directory) if directory.is_absolute() else os.path.join(os.getcwd(), directory)
    by_directory = session[SETTINGS_BY_DIRECTORY]
    config = by_directory.get(folder)
    if config is None:  # most scenarios share a folder with many others
        config = by_directory[folder] = _discover_resolved(directory.resolve(), session[SETTINGS_FOUND])
    if len(by_path) >= _PATHS_KEPT:
        by_path.clear()
    by_path[key] = config
    return config


def _discover_resolved(directory: Path, found: dict) -> LintConfig:
    chain = []
    for candidate in [directory, *directory.parents]:
        if candidate in found:
            result = found[candidate]
            break
        chain.append(candidate)
        result = None
        for name in ("campaignsim.toml", "pyproject.toml"):
            file = candidate / name
            if file.is_file():
                result = read_config_file(file)
                if result is not None:
                    break
        if result is not None:
            break
    else:
        result = None
    for candidate in chain:
        found[candidate] = result
    return result or LintConfig()
