"""Shared plumbing of the built-in packs: one rule per module, found by listing the package."""

from __future__ import annotations

import importlib
import pkgutil

from campaignsim.lint.rule import Rule

_found: dict[str, tuple[type[Rule], ...]] = {}


def rules_in(package_name: str) -> list[type[Rule]]:
    """Every Rule subclass defined in the modules of a pack (one rule per module, named by its code)."""
    # Remembered per process: a module is imported once, so a later registry (another --plugin
    # choice, or after manager.clear_cache) would find the same classes again.
    found = _found.get(package_name)
    if found is None:
        found = _found[package_name] = tuple(_scan(package_name))
    return list(found)


def _scan(package_name: str) -> list[type[Rule]]:
    package = importlib.import_module(package_name)
    found: list[type[Rule]] = []
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
        if info.name.startswith("_") or info.name in {"limits", "platform", "actions", "topics", "rates"}:
            continue
        module = importlib.import_module(f"{package_name}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, Rule) and value is not Rule and value.__module__ == module.__name__ and hasattr(value, "code"):
                found.append(value)
    return found
