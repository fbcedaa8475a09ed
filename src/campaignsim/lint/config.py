"""Lint settings: discovered from ``campaignsim.toml`` or ``[tool.campaignsim]`` in the nearest
``pyproject.toml`` above each scenario, then overridden by the command line.

    [tool.campaignsim]
    select = ["WX", "CN-LAW"]        # codes, prefixes, names or "ALL"
    extend-select = ["GEN"]
    ignore = ["GEN004"]
    fail-on = "warning"              # error | warning | info
    exchange-rates = { CNY = 7.2 }   # units per 1 USD
    exclude = ["tests", "drafts/*.toml"]  # paths or globs, relative to this file, skipped in directories

    [tool.campaignsim.rules.GEN007]  # a rule's options (`campaignsim explain GEN007` lists them)
    max_minutes = 8
"""

from __future__ import annotations

import fnmatch
import os
import sys
from pathlib import Path
from typing import Optional

import attrs

from campaignsim.lint.rule import SEVERITIES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KEYS = {"select", "extend-select", "ignore", "fail-on", "exchange-rates", "exclude", "rules"}


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

    def excludes(self, path: Path) -> bool:
        """Whether a file met while walking a directory is left out by ``exclude``."""
        if not self.exclude or self.root is None:
            return False
        try:
            relative = path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return False
        parts = relative.split("/")
        for pattern in self.exclude:
            # Segment by segment from the settings' folder, as in .gitignore: * does not cross a /,
            # and a pattern naming a folder excludes everything below it.
            wanted = pattern.strip("/").split("/")
            if len(parts) >= len(wanted) and all(fnmatch.fnmatchcase(part, want) for part, want in zip(parts, wanted)):
                return True
        return False

    def overlay(self, *, select=None, extend_select=(), ignore=(), fail_on=None) -> "LintConfig":
        """Command-line options on top of a discovered file: select replaces, the rest add."""
        return attrs.evolve(
            self,
            select=tuple(select) if select else self.select,
            extend_select=self.extend_select + tuple(extend_select),
            ignore=self.ignore + tuple(ignore),
            fail_on=fail_on or self.fail_on,
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


def parse_config(table: dict, where: str, root: Optional[Path] = None) -> LintConfig:
    unknown = set(table) - KEYS
    if unknown:
        import difflib

        key = sorted(unknown)[0]
        hint = difflib.get_close_matches(key, KEYS, n=1)
        raise ConfigError(f"{where}: unknown key {key!r}" + (f"; did you mean {hint[0]!r}?" if hint else f" (known: {', '.join(sorted(KEYS))})"))
    fail_on = table.get("fail-on", "error")
    if fail_on not in SEVERITIES:
        raise ConfigError(f"{where}: fail-on: must be one of {', '.join(SEVERITIES)}, got {fail_on!r}")
    rates = table.get("exchange-rates", {})
    if not isinstance(rates, dict) or not all(isinstance(v, (int, float)) and not isinstance(v, bool) and v > 0 for v in rates.values()):
        raise ConfigError(f"{where}: exchange-rates: must be a table of positive numbers (units per 1 USD)")
    return LintConfig(
        rule_options=_rule_options(table.get("rules", {}), where),
        select=_strings(table["select"], where, "select") if "select" in table else None,
        extend_select=_strings(table.get("extend-select", []), where, "extend-select"),
        ignore=_strings(table.get("ignore", []), where, "ignore"),
        fail_on=fail_on,
        exchange_rates=tuple((k, float(v)) for k, v in rates.items()),
        source=where,
        exclude=_strings(table.get("exclude", []), where, "exclude"),
        root=str(root.resolve()) if root is not None else None,
    )


def read_config_file(path: Path) -> Optional[LintConfig]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read settings: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("campaignsim")
        if table is None:
            return None
        return parse_config(table, f"{path} [tool.campaignsim]", path.parent)
    return parse_config(data, str(path), path.parent)


_found: dict[Path, Optional[LintConfig]] = {}  # resolved folder → the settings at or above it (None: none)
_by_directory: dict[str, LintConfig] = {}  # folder as given, made absolute → its settings
_by_path: dict[str, LintConfig] = {}  # scenario path as given, made absolute → its settings
_PATHS_KEPT = 100_000  # a long-running process linting ever new files does not grow without bound


def discover(start: Path) -> LintConfig:
    """Settings for a scenario at ``start``: the nearest directory with a campaignsim.toml, or a
    pyproject.toml that has [tool.campaignsim], wins; none found means the defaults.

    Answers are remembered per process (see :func:`clear_cache`); emptying ``_found`` forgets them too."""
    if not _found:  # nothing read yet, or forgotten: nothing remembered may be used
        _by_directory.clear()
        _by_path.clear()
    # A relative path means something else once the working directory changes.
    key = str(start) if start.is_absolute() else os.path.join(os.getcwd(), start)
    known = _by_path.get(key)
    if known is not None:  # the engine asks twice per file: to skip excluded files, and to lint
        return known
    directory = start if start.is_dir() else start.parent
    folder = str(directory) if directory.is_absolute() else os.path.join(os.getcwd(), directory)
    config = _by_directory.get(folder)
    if config is None:  # most scenarios share a folder with many others
        config = _by_directory[folder] = _discover_resolved(directory.resolve())
    if len(_by_path) >= _PATHS_KEPT:
        _by_path.clear()
    _by_path[key] = config
    return config


def clear_cache() -> None:
    """Forget discovered settings, so that edited settings files are read again."""
    _found.clear()
    _by_directory.clear()
    _by_path.clear()


def _discover_resolved(directory: Path) -> LintConfig:
    chain = []
    for candidate in [directory, *directory.parents]:
        if candidate in _found:
            result = _found[candidate]
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
        _found[candidate] = result
    return result or LintConfig()
