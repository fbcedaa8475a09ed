"""Plugin discovery and isolation.

Plugins are found through the entry-point group ``campaignsim`` and loaded one at a time. A plugin
that fails to import, or raises inside a hook, is recorded as a :class:`PluginFailure` with its
name and error; every other plugin still contributes. Hooks are called plugin by plugin (not
through one combined pluggy call) precisely so that one failure cannot hide the others' results.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Callable, Iterable, Optional

import attrs
import pluggy

from campaignsim._session import current as current_session
from campaignsim.model.extension import DECLARED_KEYS
from campaignsim.plugin import ENTRY_POINT_GROUP, PROJECT_NAME, Replacing, hookspecs, replacing  # noqa: F401  (replacing: re-exported)

if TYPE_CHECKING:  # for annotations only: the plugin layer does not import the linter
    from campaignsim.lint.rule import Rule

BUILTIN_PREFIX = "campaignsim."


@attrs.define(frozen=True)
class PluginFailure:
    """A plugin that failed: it did not import, a hook or a rule raised, or a declaration was refused."""

    plugin: str
    stage: str  # "import", the hook's name, or "rule CODE"
    error: str
    refused: bool = False  # a declaration refused at load, rather than something that raised
    traceback: str = attrs.field(default="", eq=False, repr=False)  # the plugin's own traceback, for --verbose
    exception: Optional[BaseException] = attrs.field(default=None, eq=False, repr=False)

    def render(self) -> str:
        if self.stage == "import":
            where = "failed to load"
        elif self.refused:
            where = f"was refused in {self.stage}"
        else:
            where = f"raised in {self.stage}"
        return f"plugin {self.plugin!r} {where}: {self.error}"


class PluginError(Exception):
    """Something a plugin gave raised while campaignsim used it (an output format's render, a hook
    the simulator calls). The message names the plugin; the original exception is the cause."""

    def __init__(self, plugin: str, what: str, exc: BaseException):
        super().__init__(f"plugin {plugin!r} raised in {what}: {type(exc).__name__}: {exc}")
        self.plugin = plugin
        self.what = what


def failure_from(plugin: str, stage: str, exc: BaseException, context: str = "") -> PluginFailure:
    """A PluginFailure for an exception, keeping its traceback (``--verbose`` prints it)."""
    import traceback

    text = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    what = f"{exc}" if getattr(exc, "plain_message", False) else f"{type(exc).__name__}: {exc}"
    return PluginFailure(plugin, stage, f"{what}{context}", traceback=text, exception=exc)


@attrs.define
class PluginInfo:
    name: str
    module: str
    version: str
    builtin: bool
    provides: dict[str, list[str]] = attrs.Factory(dict)
    replaced: dict[str, list[str]] = attrs.Factory(dict)  # kind → "NAME (from PLUGIN)" it replaced on purpose


@attrs.define
class Registry:
    """Everything the loaded plugins provide, keyed by name or code."""

    rules: dict[str, type[Rule]] = attrs.Factory(dict)
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
    platform_plugins: dict[str, str] = attrs.Factory(dict)
    action_plugins: dict[str, str] = attrs.Factory(dict)
    format_plugins: dict[str, str] = attrs.Factory(dict)
    rate_plugins: dict[str, str] = attrs.Factory(dict)
    step_friction: list[tuple[str, Any]] = attrs.Factory(list)  # (plugin, hook implementation) in precedence order

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
    # The built-in packs share one distribution: read its metadata once. Each version remembered
    # holds its distribution, so the id it is filed under cannot pass to another object.
    known = versions.get(id(dist))
    if known is None or known[0] is not dist:
        known = versions[id(dist)] = (dist, dist.version)
    return known[1]


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

    Precedence: the built-in packs first (by name), then the installed third-party plugins (by
    entry-point name), then ``extra_plugins`` in the order given. Each hook is asked plugin by plugin
    in that order; a later plugin may replace what an earlier one provides only when it says so
    (``replaces``), and an accidental clash refuses the newcomer's declaration, nothing else.
    """
    pm = pluggy.PluginManager(PROJECT_NAME)
    pm.add_hookspecs(hookspecs)
    registry = Registry()
    wanted = set(only) if only is not None else None
    versions: dict[int, tuple[Any, str]] = {}
    order: list[str] = []

    for ep in _entry_points():
        builtin = ep.value.startswith(BUILTIN_PREFIX)
        if not builtin and (not include_third_party or (wanted is not None and ep.name not in wanted)):
            continue
        if pm.has_plugin(ep.name):
            continue
        try:
            module = ep.load()
            pm.register(module, name=ep.name)
        except (Exception, SystemExit) as exc:  # a broken plugin must not stop the others
            registry.failures.append(failure_from(ep.name, "import", exc))
            continue
        order.append(ep.name)
        registry.plugins.append(PluginInfo(ep.name, ep.value, _version_of(ep, versions), builtin))
    for name, plugin in extra_plugins:
        try:
            if isinstance(plugin, str):
                plugin = importlib.import_module(plugin)
            pm.register(plugin, name=name)
        except (Exception, SystemExit) as exc:
            registry.failures.append(failure_from(name, "import", exc))
            continue
        order.append(name)
        registry.plugins.append(PluginInfo(name, getattr(plugin, "__name__", repr(plugin)), "in-process", False))
    if wanted is not None:
        missing = wanted - {p.name for p in registry.plugins} - {f.plugin for f in registry.failures}
        for name in sorted(missing):
            registry.failures.append(PluginFailure(name, "import", "no installed plugin has this name (see `campaignsim plugins`)"))

    infos = {p.name: p for p in registry.plugins}
    for name in order:
        for caller in pm.get_hookcallers(pm.get_plugin(name)) or ():
            if not caller.has_spec():
                known = ", ".join(sorted(n for n in dir(hookspecs) if n.startswith(f"{PROJECT_NAME}_")))
                registry.failures.append(PluginFailure(name, caller.name, f"no such hook (known: {known})", refused=True))
    for hook_name, collect in _COLLECTORS.items():
        impls = {impl.plugin_name: impl for impl in getattr(pm.hook, hook_name).get_hookimpls()}
        for plugin_name in order:
            impl = impls.get(plugin_name)
            if impl is None:
                continue
            admitted = _Admitted(registry, plugin_name, hook_name)
            try:
                result = _call(impl, hook_name)
                if result is not None:
                    collect(admitted, result)
            except (Exception, SystemExit) as exc:
                registry.failures.append(failure_from(plugin_name, hook_name, exc))
            info = infos.get(plugin_name)
            if info is not None:
                if admitted.provided:
                    info.provides.setdefault(_KIND[hook_name], []).extend(admitted.provided)
                if admitted.replaced:
                    info.replaced.setdefault(_KIND[hook_name], []).extend(admitted.replaced)
    impls = {impl.plugin_name: impl for impl in pm.hook.campaignsim_step_friction.get_hookimpls()}
    registry.step_friction = [(name, impls[name]) for name in order if name in impls]
    return registry


class _Admitted:
    """What one plugin's hook result adds to the registry, declaration by declaration: a declaration
    that fails its checks or clashes is refused (and recorded as a failure of this plugin), the
    others are admitted."""

    def __init__(self, registry: Registry, plugin: str, hook: str):
        self.registry = registry
        self.plugin = plugin
        self.hook = hook
        self.provided: list[str] = []
        self.replaced: list[str] = []

    def refuse(self, what: str, problems) -> None:
        text = "; ".join(problems) if isinstance(problems, (list, tuple)) else problems
        self.registry.failures.append(PluginFailure(self.plugin, self.hook, f"{what}: {text}", refused=True))

    def checked(self, what: str, check, value) -> bool:
        try:
            problems = check(value)
        except Exception as exc:  # an attribute that cannot even be read
            problems = [f"cannot be read ({type(exc).__name__}: {exc})"]
        if problems:
            self.refuse(what, problems)
            return False
        return True

    def clash(self, what: str, name: str, owner: Optional[str]) -> None:
        mine = " (this plugin, twice)" if owner == self.plugin else ""
        self.refuse(what, f"{name!r} is already provided by plugin {owner!r}{mine}; a plugin may replace it only on purpose, "
                          f"by declaring replaces = {name!r}")


def _items(result, hook: str) -> list:
    if isinstance(result, (str, bytes, dict)) or not isinstance(result, Iterable):
        raise TypeError(f"{hook} must return a list, got {type(result).__name__}")
    return list(result)


def _label(rule) -> str:
    code = getattr(rule, "code", None)
    return f"rule {code if isinstance(code, str) else repr(code)} ({getattr(rule, '__qualname__', rule)!r})"


_rule_check: Optional[Callable[[Any], list[str]]] = None


def check_rules_with(check: Callable[[Any], list[str]]) -> None:
    """Judge the rules plugins declare with ``check`` (a declaration → the problems found in it).

    Rules are the linter's: :mod:`campaignsim.lint.rule`, which defines the Rule base class every rule
    derives from, hands its check over when it is imported, so the check is in place before any rule
    class can exist, and this layer knows nothing of rules."""
    global _rule_check
    _rule_check = check


def _rule_problems(rule) -> list[str]:
    if _rule_check is None:  # no Rule class has been defined in this process: nothing can be a rule
        return [f"campaignsim_rules must return Rule subclasses, got {rule!r}"]
    return _rule_check(rule)


def _collect_rules(admitted: _Admitted, rules) -> None:
    registry = admitted.registry
    for rule in _items(rules, admitted.hook):
        what = _label(rule)
        if not admitted.checked(what, _rule_problems, rule):
            continue
        code = rule.code
        if registry.rules.get(code) is rule:
            continue  # the same class twice: nothing new
        target = None
        if rule.replaces is not None:
            target = registry.rule_aliases.get(rule.replaces, rule.replaces)
            if target not in registry.rules:
                admitted.refuse(what, f"replaces {rule.replaces}, which no earlier plugin provides")
                continue
        owner = registry.rule_plugins.get(code)
        if code in registry.rules and code != target:
            admitted.clash(what, code, owner)
            continue
        if code in registry.rule_aliases and registry.rule_aliases[code] != target:
            former = registry.rule_aliases[code]
            admitted.refuse(what, f"{code!r} is a former code of {former} (plugin {registry.rule_plugins.get(former)!r}), still accepted "
                                  f"by selectors and ignores; choose another code, or declare replaces = {former!r}")
            continue
        same_name = next((c for c, r in registry.rules.items() if r.name == rule.name and c != target), None)
        if same_name is not None:
            admitted.refuse(what, f"the name {rule.name!r} is already {same_name}'s (plugin {registry.rule_plugins.get(same_name)!r})")
            continue
        taken = [a for a in rule.aliases if (a in registry.rules and a != target) or
                 (a in registry.rule_aliases and registry.rule_aliases[a] != target)]
        if taken:
            admitted.refuse(what, f"alias {taken[0]} is already another rule's code")
            continue
        if target is not None:
            old_plugin = registry.rule_plugins.pop(target)
            del registry.rules[target]
            for alias, points_to in list(registry.rule_aliases.items()):
                if points_to == target:
                    registry.rule_aliases[alias] = code
            if target != code:
                registry.rule_aliases[target] = code
            admitted.replaced.append(f"{target} (from {old_plugin})")
        registry.rules[code] = rule
        registry.rule_plugins[code] = admitted.plugin
        for alias in rule.aliases:
            registry.rule_aliases[alias] = code
        admitted.provided.append(code)


def _guarded_extras(extras, plugin: str, where: str) -> tuple:
    """The ExtraFields with each ``validate`` made safe: one that raises (or returns something other
    than a message) gives a located load error naming the plugin instead of a traceback."""

    def guard(extra):
        check = extra.validate

        def validate(value):
            try:
                message = check(value)
            except Exception as exc:
                return f"plugin {plugin!r} could not check this value: the validate of {where}.{extra.name} raised {type(exc).__name__}: {exc}"
            if message is not None and not isinstance(message, str):
                return f"plugin {plugin!r}: the validate of {where}.{extra.name} returned {message!r}, not a message or None"
            return message or None

        validate.__wrapped__ = check
        return attrs.evolve(extra, validate=validate)

    return tuple(guard(e) if e.validate is not None else e for e in extras)


def _collect_platforms(admitted: _Admitted, platforms) -> None:
    from campaignsim.plugin.declarations import platform_problems

    registry = admitted.registry
    for spec in _items(platforms, admitted.hook):
        what = f"platform {getattr(spec, 'name', spec)!r}"
        if not admitted.checked(what, platform_problems, spec):
            continue
        target = None
        if spec.replaces is not None:
            target = registry.platform_aliases.get(spec.replaces, spec.replaces)
            if target not in registry.platforms:
                admitted.refuse(what, f"replaces {spec.replaces!r}, which no earlier plugin provides")
                continue
        names = (spec.name, *spec.aliases)
        taken = [n for n in names if (n in registry.platforms and n != target) or
                 (n in registry.platform_aliases and registry.platform_aliases[n] != target)]
        if taken:
            name = registry.platform_aliases.get(taken[0], taken[0])
            admitted.clash(what, taken[0], registry.platform_plugins.get(name, "?"))
            continue
        spec = attrs.evolve(spec, extra_fields=_guarded_extras(spec.extra_fields, admitted.plugin, "platform"))
        if target is not None:
            old_plugin = registry.platform_plugins.pop(target)
            del registry.platforms[target]
            for alias, points_to in list(registry.platform_aliases.items()):
                if points_to == target:
                    del registry.platform_aliases[alias]
            if target != spec.name:
                registry.platform_aliases[target] = spec.name
            admitted.replaced.append(f"{target} (from {old_plugin})")
        registry.platforms[spec.name] = spec
        registry.platform_plugins[spec.name] = admitted.plugin
        DECLARED_KEYS["platform"].update(e.name for e in spec.extra_fields)
        for alias in spec.aliases:
            registry.platform_aliases[alias] = spec.name
        admitted.provided.append(spec.name)


def _collect_actions(admitted: _Admitted, actions) -> None:
    from campaignsim.plugin.declarations import action_problems

    registry = admitted.registry
    for spec in _items(actions, admitted.hook):
        what = f"action {getattr(spec, 'name', spec)!r}"
        if not admitted.checked(what, action_problems, spec):
            continue
        if spec.replaces is not None and spec.replaces != spec.name:
            admitted.refuse(what, f"replaces {spec.replaces!r}: an action can only replace the action of its own name")
            continue
        if spec.name in registry.actions:
            if spec.replaces is None:
                admitted.clash(what, spec.name, registry.action_plugins.get(spec.name, "?"))
                continue
            admitted.replaced.append(f"{spec.name} (from {registry.action_plugins[spec.name]})")
        elif spec.replaces is not None:
            admitted.refuse(what, f"replaces {spec.replaces!r}, which no earlier plugin provides")
            continue
        registry.actions[spec.name] = attrs.evolve(spec, extra_fields=_guarded_extras(spec.extra_fields, admitted.plugin,
                                                                                    f"entry.steps ({spec.name})"))
        registry.action_plugins[spec.name] = admitted.plugin
        DECLARED_KEYS["step"].update(e.name for e in spec.extra_fields)
        admitted.provided.append(spec.name)


def _guarded_render(render, plugin: str, name: str):
    def guarded(*args, **kwargs):
        try:
            return render(*args, **kwargs)
        except (Exception, SystemExit) as exc:
            raise PluginError(plugin, f"output format {name!r}", exc) from exc

    guarded.__wrapped__ = render  # type: ignore[attr-defined]
    return guarded


def _collect_formats(admitted: _Admitted, formats) -> None:
    from campaignsim.plugin.declarations import output_format_problems

    registry = admitted.registry
    for fmt in _items(formats, admitted.hook):
        what = f"output format {getattr(fmt, 'name', fmt)!r}"
        if not admitted.checked(what, output_format_problems, fmt):
            continue
        replaces = getattr(fmt, "replaces", None)
        if fmt.name in registry.output_formats:
            if replaces != fmt.name:
                admitted.clash(what, fmt.name, registry.format_plugins.get(fmt.name, "?"))
                continue
            admitted.replaced.append(f"{fmt.name} (from {registry.format_plugins[fmt.name]})")
        if attrs.has(type(fmt)):
            fmt = attrs.evolve(fmt, render=_guarded_render(fmt.render, admitted.plugin, fmt.name))
        registry.output_formats[fmt.name] = fmt
        registry.format_plugins[fmt.name] = admitted.plugin
        admitted.provided.append(fmt.name)


def _collect_topics(admitted: _Admitted, topics) -> None:
    if not isinstance(topics, dict):
        raise TypeError(f"campaignsim_sensitive_topics must return a dict of category → keywords, got {type(topics).__name__}")
    for category, words in topics.items():
        if not isinstance(category, str) or isinstance(words, str) or not isinstance(words, (list, tuple, set, frozenset)) \
                or not all(isinstance(w, str) and w.strip() for w in words):
            admitted.refuse(f"sensitive topic {category!r}", f"must map a category name to a list of keywords, got {words!r}")
            continue
        admitted.registry.sensitive_topics.setdefault(category, []).extend(w.lower() for w in words)
        admitted.provided.append(category)
    admitted.provided.sort()


def _collect_rates(admitted: _Admitted, rates) -> None:
    from campaignsim.plugin.declarations import rate_problems

    if not isinstance(rates, dict):
        raise TypeError(f"campaignsim_exchange_rates must return a dict of currency → rate, got {type(rates).__name__}")
    registry = admitted.registry
    for code, rate in rates.items():
        replace = isinstance(rate, Replacing)
        value = rate.value if replace else rate
        what = f"exchange rate {code!r}"
        if not admitted.checked(what, lambda v: rate_problems(code, v), value):
            continue
        if code in registry.exchange_rates:
            if not replace:
                admitted.refuse(what, f"{code} is already rated by plugin {registry.rate_plugins[code]!r}; return "
                                      f"{{{code!r}: replacing({value!r})}} (from campaignsim.plugin) to replace it on purpose")
                continue
            admitted.replaced.append(f"{code} (from {registry.rate_plugins[code]})")
        elif replace:
            admitted.refuse(what, f"replaces the rate for {code}, which no earlier plugin provides")
            continue
        registry.exchange_rates[code] = float(value)
        registry.rate_plugins[code] = admitted.plugin
        admitted.provided.append(code)
    admitted.provided.sort()


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

REGISTRIES = "plugin.registries"  # the session's cache of registries: (include_third_party, only) → Registry


def get_registry(plugins: Optional[dict] = None) -> Registry:
    """The registry for these options (``{"include_third_party": bool, "only": [...]}``), built once
    per session (see :mod:`campaignsim._session`)."""
    options = plugins or {}
    key = (options.get("include_third_party", True), tuple(sorted(options["only"])) if options.get("only") is not None else None)
    registries = current_session()[REGISTRIES]
    registry = registries.get(key)
    if registry is None:
        registry = registries[key] = build_registry(include_third_party=key[0], only=key[1])
    return registry
