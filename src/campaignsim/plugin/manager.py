"""Plugin discovery and isolation.

Plugins are found through the entry-point group ``campaignsim`` and loaded one at a time. A plugin
that fails to import, or raises inside a hook, is recorded as a :class:`PluginFailure` with its
name and error; every other plugin still contributes. Hooks are called plugin by plugin (not
through one combined pluggy call) precisely so that one failure cannot hide the others' results.
"""

from __future__ import annotations

import importlib
from typing import Any, Iterable, Optional

import attrs
import pluggy

from campaignsim.plugin import ENTRY_POINT_GROUP, PROJECT_NAME, hookspecs

BUILTIN_PREFIX = "campaignsim."


@attrs.define(frozen=True)
class PluginFailure:
    plugin: str
    stage: str  # "import" or the hook's name
    error: str

    def render(self) -> str:
        where = "failed to load" if self.stage == "import" else f"raised in {self.stage}"
        return f"plugin {self.plugin!r} {where}: {self.error}"


@attrs.define
class PluginInfo:
    name: str
    module: str
    version: str
    builtin: bool
    provides: dict[str, list[str]] = attrs.Factory(dict)


@attrs.define
class Registry:
    """Everything the loaded plugins provide, keyed by name or code."""

    rules: dict[str, type] = attrs.Factory(dict)
    rule_aliases: dict[str, str] = attrs.Factory(dict)
    rule_plugins: dict[str, str] = attrs.Factory(dict)
    platforms: dict[str, Any] = attrs.Factory(dict)
    platform_aliases: dict[str, str] = attrs.Factory(dict)
    actions: dict[str, Any] = attrs.Factory(dict)
    output_formats: dict[str, Any] = attrs.Factory(dict)
    sensitive_topics: dict[str, list[str]] = attrs.Factory(dict)
    exchange_rates: dict[str, float] = attrs.Factory(dict)
    plugins: list[PluginInfo] = attrs.Factory(list)
    failures: list[PluginFailure] = attrs.Factory(list)
    scope_cache: dict = attrs.Factory(dict)  # the linter's memo: rule scopes per platform/account/jurisdictions, rule instances

    def platform(self, name: str):
        return self.platforms.get(self.platform_aliases.get(name, name))

    def action(self, name: str):
        return self.actions.get(name)

    def rule(self, code_or_name: str):
        """A rule by code, former code or name; codes in any case."""
        code = self.rule_aliases.get(code_or_name.upper(), code_or_name.upper())
        if code in self.rules:
            return self.rules[code]
        for rule in self.rules.values():
            if rule.name == code_or_name.lower():
                return rule
        return None


def _entry_points():
    """The ``campaignsim`` entry points of the installed distributions, built-in packs first.

    The same entry points, in the same order, as ``importlib.metadata.entry_points(group=...)``
    (the first distribution of a name on the path wins), but only the few distributions whose
    entry_points.txt mentions the group are parsed: parsing all of them took most of the scan.
    """
    # importlib.metadata is slow to import; only building a registry needs it.
    import importlib.metadata as metadata

    found = []
    seen = set()
    for dist in metadata.distributions():
        try:
            key = dist._normalized_name  # what entry_points() tells distributions apart by
        except AttributeError:  # a Python without it: the standard, slower scan
            found = list(metadata.entry_points(group=ENTRY_POINT_GROUP))
            break
        if key in seen:
            continue
        seen.add(key)
        text = dist.read_text("entry_points.txt")
        if text and ENTRY_POINT_GROUP in text:
            found.extend(dist.entry_points.select(group=ENTRY_POINT_GROUP))
    return sorted(found, key=lambda ep: (not ep.value.startswith(BUILTIN_PREFIX), ep.name))


def _version_of(entry_point, versions: dict) -> str:
    dist = getattr(entry_point, "dist", None)
    if dist is None:
        return "unknown"
    # The built-in packs share one distribution: read its metadata once.
    version = versions.get(id(dist))
    if version is None:
        version = versions[id(dist)] = dist.version
    return version


def _call(impl, hook_name: str):
    # Opt-in arguments: pass only the arguments the implementation asks for. None exist yet.
    kwargs: dict[str, Any] = {}
    return impl.function(**{k: kwargs[k] for k in impl.argnames if k in kwargs})


def build_registry(
    *,
    include_third_party: bool = True,
    only: Optional[Iterable[str]] = None,
    extra_plugins: Iterable[tuple[str, object]] = (),
) -> Registry:
    """Discover, load and query every plugin.

    ``include_third_party=False`` loads only the built-in packs (``--no-plugins``); ``only`` keeps
    the built-in packs plus the named third-party plugins (``--plugin NAME``); ``extra_plugins``
    registers in-process plugins as ``(name, module_or_object)`` (used by ``campaignsim.testing``).
    """
    pm = pluggy.PluginManager(PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    registry = Registry()
    wanted = set(only) if only is not None else None
    versions: dict[int, str] = {}

    for ep in _entry_points():
        builtin = ep.value.startswith(BUILTIN_PREFIX)
        if not builtin and (not include_third_party or (wanted is not None and ep.name not in wanted)):
            continue
        if pm.has_plugin(ep.name):
            continue
        try:
            module = ep.load()
            pm.register(module, name=ep.name)
        except Exception as exc:  # a broken plugin must not stop the others
            registry.failures.append(PluginFailure(ep.name, "import", f"{type(exc).__name__}: {exc}"))
            continue
        registry.plugins.append(PluginInfo(ep.name, ep.value, _version_of(ep, versions), builtin))
    for name, plugin in extra_plugins:
        try:
            if isinstance(plugin, str):
                plugin = importlib.import_module(plugin)
            pm.register(plugin, name=name)
        except Exception as exc:
            registry.failures.append(PluginFailure(name, "import", f"{type(exc).__name__}: {exc}"))
            continue
        registry.plugins.append(PluginInfo(name, getattr(plugin, "__name__", repr(plugin)), "in-process", False))
    if wanted is not None:
        missing = wanted - {p.name for p in registry.plugins} - {f.plugin for f in registry.failures}
        for name in sorted(missing):
            registry.failures.append(PluginFailure(name, "import", "no installed plugin has this name (see `campaignsim plugins`)"))

    infos = {p.name: p for p in registry.plugins}
    for hook_name, collect in _COLLECTORS.items():
        hook = getattr(pm.hook, hook_name)
        for impl in reversed(hook.get_hookimpls()):  # registration order
            plugin_name = impl.plugin_name
            try:
                result = _call(impl, hook_name)
                provided = collect(registry, result, plugin_name) if result is not None else []
            except Exception as exc:
                registry.failures.append(PluginFailure(plugin_name, hook_name, f"{type(exc).__name__}: {exc}"))
                continue
            if provided and plugin_name in infos:
                infos[plugin_name].provides.setdefault(_KIND[hook_name], []).extend(provided)
    return registry


def _collect_rules(registry: Registry, rules, plugin_name: str) -> list[str]:
    from campaignsim.lint.rule import SEVERITIES, Rule

    names = []
    for rule in rules:
        if not (isinstance(rule, type) and issubclass(rule, Rule)):
            raise TypeError(f"campaignsim_rules must return Rule subclasses, got {rule!r}")
        if rule.severity not in SEVERITIES:
            raise ValueError(f"rule {rule.code}: severity must be one of {SEVERITIES}, got {rule.severity!r}")
        if rule.code in registry.rules and registry.rules[rule.code] is not rule:
            raise ValueError(f"rule code {rule.code} is already provided by another plugin")
        registry.rules[rule.code] = rule
        registry.rule_plugins[rule.code] = plugin_name
        for alias in rule.aliases:
            registry.rule_aliases[alias] = rule.code
        names.append(rule.code)
    return names


def _collect_platforms(registry: Registry, platforms, plugin_name: str) -> list[str]:
    names = []
    for spec in platforms:
        registry.platforms[spec.name] = spec
        for alias in spec.aliases:
            registry.platform_aliases[alias] = spec.name
        names.append(spec.name)
    return names


def _collect_actions(registry: Registry, actions, plugin_name: str) -> list[str]:
    for spec in actions:
        registry.actions[spec.name] = spec
    return [spec.name for spec in actions]


def _collect_formats(registry: Registry, formats, plugin_name: str) -> list[str]:
    for fmt in formats:
        registry.output_formats[fmt.name] = fmt
    return [fmt.name for fmt in formats]


def _collect_topics(registry: Registry, topics, plugin_name: str) -> list[str]:
    for category, words in topics.items():
        registry.sensitive_topics.setdefault(category, []).extend(str(w).lower() for w in words)
    return sorted(topics)


def _collect_rates(registry: Registry, rates, plugin_name: str) -> list[str]:
    for code, rate in rates.items():
        if not (isinstance(rate, (int, float)) and rate > 0):
            raise ValueError(f"exchange rate for {code} must be a positive number, got {rate!r}")
        registry.exchange_rates[code] = float(rate)
    return sorted(rates)


_COLLECTORS = {
    "campaignsim_platforms": _collect_platforms,
    "campaignsim_actions": _collect_actions,
    "campaignsim_rules": _collect_rules,
    "campaignsim_output_formats": _collect_formats,
    "campaignsim_sensitive_topics": _collect_topics,
    "campaignsim_exchange_rates": _collect_rates,
}
_KIND = {
    "campaignsim_platforms": "platforms",
    "campaignsim_actions": "actions",
    "campaignsim_rules": "rules",
    "campaignsim_output_formats": "output formats",
    "campaignsim_sensitive_topics": "sensitive topics",
    "campaignsim_exchange_rates": "exchange rates",
}

_cache: dict[tuple, Registry] = {}


def get_registry(plugins: Optional[dict] = None) -> Registry:
    """The registry for these options (``{"include_third_party": bool, "only": [...]}``), cached per process."""
    options = plugins or {}
    key = (options.get("include_third_party", True), tuple(sorted(options["only"])) if options.get("only") is not None else None)
    if key not in _cache:
        _cache[key] = build_registry(include_third_party=key[0], only=key[1])
    return _cache[key]


def clear_cache() -> None:
    _cache.clear()
