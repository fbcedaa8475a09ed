"""TOML file → scenarios (the base and each merged variant), or a list of precise errors.

    loaded = load_file("spring.toml", registry)
    if loaded.errors: ...            # LoadError(path, line, key, message, variant)
    for scenario in loaded.scenarios: ...

Variants are partial scenarios merged onto the base: tables merge key by key, arrays and plain
values replace. Each merged variant is validated as a complete scenario; an error that only a
variant causes points at the variant's line and names the variant.
"""

from __future__ import annotations

import re
from pathlib import Path
from functools import lru_cache
from typing import Any, Optional, Union

import attrs

from campaignsim.load import codes, toml
from campaignsim.load.errors import LoadError, ScenarioLoadError
from campaignsim.load.toml import Locator
from campaignsim.load.validate import Validator, describe
from campaignsim.model import Scenario
from campaignsim.model.limits import MAX_SCENARIO_BYTES, MAX_VARIANTS

MAX_BYTES = MAX_SCENARIO_BYTES

__all__ = ["LoadError", "LoadedFile", "ScenarioLoadError", "load_file", "load_text", "merge"]


@attrs.define
class LoadedFile:
    path: str
    text: str = ""
    locator: Optional[Locator] = None
    raw: dict = attrs.Factory(dict)
    scenarios: list[Scenario] = attrs.Factory(list)
    errors: list[LoadError] = attrs.Factory(list)
    variant_tables: list[dict] = attrs.Factory(list)
    _lines: dict = attrs.field(factory=dict, repr=False)  # line_for's answers: findings repeat keys across variants
    _variant_indexes: dict = attrs.field(factory=dict, repr=False)

    @property
    def base(self) -> Optional[Scenario]:
        return self.scenarios[0] if self.scenarios else None

    def line_for(self, key: str, variant: Optional[str] = None) -> Optional[int]:
        """The line a finding about ``key`` belongs on: in the variant when the variant set that key."""
        # One table of answers per variant: findings repeat the same few keys in every scenario.
        lines = self._lines.get(variant)
        if lines is None:
            lines = self._lines[variant] = {}
        known = lines.get(key, self)
        if known is self:
            known = lines[key] = self._line_for(key, variant)
        return known

    def _line_for(self, key: str, variant: Optional[str]) -> Optional[int]:
        locator = self.locator
        if locator is None:
            return None
        if variant is not None:
            index = self.variant_index(variant)
            if index is not None:
                if _defines(self.variant_tables[index], key):
                    return locator.line_of(f"variants[{index}].{key}")
                written = locator.lines
                if _strip_index(key) not in written and key not in written:
                    return locator.line_of(f"variants[{index}]")
            return self.line_for(key)  # the base's line, worked out once for all variants
        return locator.line_of(key)

    def variant_index(self, name: str) -> Optional[int]:
        # Asked for every finding on a variant; the variant tables are set once, when the file loads.
        if name not in self._variant_indexes:
            self._variant_indexes[name] = next((i for i, table in enumerate(self.variant_tables) if table.get("name") == name), None)
        return self._variant_indexes[name]


_LAST_INDEX = re.compile(r"\[\d+\]$")
_KEY_PARTS = re.compile(r"[^.\[\]]+|\[\d+\]")


# Remembered per key: the same few keys recur in every file; the bound only guards a long-lived process.
@lru_cache(maxsize=4096)
def _strip_index(key: str) -> str:
    return _LAST_INDEX.sub("", key)


@lru_cache(maxsize=4096)
def _key_parts(key: str) -> tuple[str, ...]:
    return tuple(_KEY_PARTS.findall(key))


def _defines(table: dict, key: str) -> bool:
    """Whether a (partial) table sets ``key`` or one of its parents."""
    node: Any = table
    for part in _key_parts(key):
        if part.startswith("["):
            return True  # the variant replaced the whole array
        if not isinstance(node, dict) or part not in node:
            return False
        node = node[part]
        if not isinstance(node, dict):
            return True
    return True


def merge(base: dict, override: dict) -> dict:
    """Tables merge key by key; arrays and plain values replace."""
    out = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge(out[key], value)
        else:
            out[key] = value
    return out


class FileRefused(OSError):
    """A path that is not read: not a regular file, or over the size limit."""


def read_limited(path, limit: int = MAX_BYTES, what: str = "scenario files") -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; never more than ``limit + 1`` read.

    Devices (/dev/zero), FIFOs, sockets, /dev/stdin and symlinks to any of them are refused before
    they are opened for reading, and the file is opened without blocking and checked again once
    open, so nothing can make this hang or read without end. Raises :class:`FileRefused` (with a
    message) or another :class:`OSError`.
    """
    import os
    import stat

    info = os.stat(path)  # follows symlinks: what would be read
    if stat.S_ISDIR(info.st_mode):
        raise FileRefused(f"is a directory, not a {what.rstrip('s')}")
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(f"is not a regular file ({_kind(info.st_mode)}); only regular files are read")
    if info.st_size > limit:
        raise FileRefused(f"file is {info.st_size:,} bytes; {what} are limited to {limit:,} bytes ({limit / 1048576:g} MiB)")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    try:
        info = os.fstat(fd)  # the file opened may not be the one looked at a moment ago
        if not stat.S_ISREG(info.st_mode):
            raise FileRefused(f"is not a regular file ({_kind(info.st_mode)}); only regular files are read")
        chunks, left = [], limit + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:
        raise FileRefused(f"file is over {limit:,} bytes ({limit / 1048576:g} MiB)")
    return data


def _kind(mode: int) -> str:
    import stat

    for test, name in ((stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISFIFO, "a FIFO"),
                       (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a plain file"


def read_text(path: Path) -> Union[str, LoadError]:
    """The file's text, or the error that keeps it from being read."""
    shown = str(path)
    try:
        data = read_limited(path, MAX_BYTES)
    except FileRefused as exc:
        return LoadError(shown, None, "", str(exc))
    except FileNotFoundError:
        return LoadError(shown, None, "", "no such file")
    except OSError as exc:
        return LoadError(shown, None, "", f"cannot read file: {exc.strerror or exc}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return LoadError(shown, line, "", f"file is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})")
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        return LoadError(shown, None, "", "file is empty; " + _NEEDS)
    return text


_NEEDS = "a scenario needs at least [campaign], [platform], [entry] and [prize]"
def load_file(path, registry) -> LoadedFile:
    """Read, parse and validate a scenario file; never raises for bad input."""
    path = Path(path)
    text = read_text(path)
    if isinstance(text, LoadError):
        return LoadedFile(str(path), errors=[text])
    return load_text(text, registry, path=str(path))


def load_text(text: str, registry, path: str = "<string>") -> LoadedFile:
    """Parse and validate a scenario given as text (``path`` is only used in messages)."""
    loaded = LoadedFile(path, text=text)
    raw, loaded.locator, error = toml.read(text, path)
    if error is not None:
        loaded.errors.append(error)
        return loaded
    if not raw:
        loaded.errors.append(LoadError(path, None, "", "file holds only comments and blank lines; " + _NEEDS))
        return loaded
    loaded.raw = raw
    validator = Validator(registry, codes)
    try:
        _load_all(loaded, raw, validator, registry)
    except RecursionError:
        loaded.scenarios.clear()
        loaded.errors.append(LoadError(path, None, "", "values are nested too deeply to check"))
    return loaded


def load_mapping(raw: dict, registry, path: str = "<mapping>") -> LoadedFile:
    """Validate an already-parsed document (no line numbers); used by rule-test helpers."""
    loaded = LoadedFile(path, raw=raw)
    _load_all(loaded, raw, Validator(registry, codes), registry)
    return loaded


def _load_all(loaded: LoadedFile, raw: dict, validator: Validator, registry) -> None:
    def locate(key: str) -> Optional[int]:
        # A key with nothing around it (a missing top-level table) belongs to the document: line 1.
        if loaded.locator is None:
            return None
        return loaded.locator.line_of(key) or 1

    base_errors = validator.scenario(raw)
    for key, message in base_errors:
        loaded.errors.append(LoadError(loaded.path, locate(key), key, message))

    variants = raw.get("variants", [])
    if not isinstance(variants, list) or not all(isinstance(v, dict) for v in variants):
        loaded.errors.append(LoadError(loaded.path, locate("variants"), "variants",
                                       f"must be an array of tables ([[variants]]), got {describe(variants)}"))
        variants = []
    if len(variants) > MAX_VARIANTS:
        loaded.errors.append(LoadError(loaded.path, locate(f"variants[{MAX_VARIANTS}]"), "variants",
                                       f"{len(variants):,} variants; a file may have at most {MAX_VARIANTS} (each is simulated in full)"))
        variants = []
    loaded.variant_tables = variants
    base_set = set(base_errors)
    names: set[str] = set()
    merged_variants: list[tuple[str, dict]] = []
    for index, table in enumerate(variants):
        where = f"variants[{index}]"
        name = table.get("name")
        if not isinstance(name, str) or not name.strip():
            loaded.errors.append(LoadError(loaded.path, locate(where), f"{where}.name",
                                           f"each variant needs a name (a non-empty string), got {describe(name) if name is not None else 'none'}"))
            continue
        if name in names:
            loaded.errors.append(LoadError(loaded.path, locate(f"{where}.name"), f"{where}.name", f"duplicate variant name {describe(name)}"))
            continue
        names.add(name)
        if "variants" in table:
            loaded.errors.append(LoadError(loaded.path, locate(f"{where}.variants"), "variants", "variants cannot be nested", variant=name))
            continue
        partial = {k: v for k, v in table.items() if k != "name"}
        merged = merge({k: v for k, v in raw.items() if k != "variants"}, partial)
        for key, message in validator.scenario(merged):
            if (key, message) in base_set and not _defines(partial, key):
                continue  # already reported for the base, at the base's line
            line = locate(f"{where}.{key}") if _defines(partial, key) else locate(where)
            loaded.errors.append(LoadError(loaded.path, line, key, message, variant=name))
        merged_variants.append((name, merged))

    if loaded.errors:
        # In file order, as an editor shows them; the base's errors before a variant's on one line.
        loaded.errors.sort(key=lambda e: (e.line if e.line is not None else 0, e.variant is not None))
        return
    base = _build(raw, registry, None)
    loaded.scenarios.append(base)
    for name, merged in merged_variants:
        loaded.scenarios.append(_build(merged, registry, name, base=(raw, base)))


def _build(data: dict, registry, variant: Optional[str], base=None) -> Scenario:
    from campaignsim.load.convert import to_scenario

    spec = registry.platform(data["platform"]["name"])
    return to_scenario(
        data,
        platform_fields={f.name for f in spec.extra_fields},
        default_jurisdictions=spec.jurisdictions,
        variant=variant,
        base=base,
    )


def load_scenarios(path, registry) -> list[Scenario]:
    """The scenarios of a file, or :class:`ScenarioLoadError` listing every error."""
    loaded = load_file(path, registry)
    if loaded.errors:
        raise ScenarioLoadError(loaded.errors)
    return loaded.scenarios
