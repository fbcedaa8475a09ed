"""What a rule may consult besides the scenario: plugins' platforms and actions, exchange rates,
sensitive-topic keywords, and the file's inline comments."""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Iterable, Optional

import attrs

from campaignsim.lint.index import rule_index
from campaignsim.lint.rule import Rule, Violation

if TYPE_CHECKING:
    from campaignsim.model import Scenario
    from campaignsim.plugin.manager import Registry

EU_MEMBERS = ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
              "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE")


@attrs.define(frozen=True)
class PrizeTotal:
    """Every prize unit together in one currency; prizes whose currency has no rate are left out
    and listed, so a rule can say what it could not count."""

    amount: float
    currency: str
    rate_notes: tuple[str, ...]
    unconverted: tuple[str, ...]

    def describe(self) -> str:
        notes = "".join(self.rate_notes)
        left_out = f", not counting prizes in {', '.join(self.unconverted)} (no exchange rate)" if self.unconverted else ""
        return f"{self.amount:,.0f} {self.currency}{notes}{left_out}"


# applies_to is a classmethod: Rule.applies_to is bound to Rule, and __func__ is the function itself
_RULE_APPLIES_TO = Rule.applies_to.__func__  # type: ignore[attr-defined]

UNUSED_IGNORE = "CS002"
"""The rule the engine judges itself, after every other rule has run (an ignore that suppressed
nothing): it is never run as a rule on a scenario."""


class RuleScopeError(Exception):
    """A rule's ``applies_to`` raised: reported as a failure of the rule, like an error in ``check``."""


OWN_RULE_MODULES = ("campaignsim.builtin.", "campaignsim.checks.")
"""Where campaignsim's own rules are defined: the built-in packs and the simulator's own pack."""


class RuleRun:
    """One rule as the engine runs it: its ``check``, and (once it has found something) what every
    finding of it carries, so that the per-scenario loop looks nothing up."""

    __slots__ = ("code", "rule_cls", "check", "plugin", "reads", "_reported", "guarded")
    check: Callable[[Scenario, LintContext], Optional[Iterable[Violation]]]  # the rule's check, or one that raises
    reads: Optional[frozenset[str]]
    _reported: Optional[tuple]

    def __init__(self, code: str, rule_cls, context: "LintContext", plugin: str, broken: Optional[BaseException] = None):
        self.code = code
        self.rule_cls = rule_cls
        self.plugin = plugin
        self._reported = None
        # A third-party rule runs under guard (time limit, checked violations, an unchanged scenario);
        # the built-in packs' rules (the simulator's CS003 included) are campaignsim's own and run directly.
        self.guarded = not str(getattr(rule_cls, "__module__", "")).startswith(OWN_RULE_MODULES)
        if broken is not None:  # its applies_to raised: it fails where it runs, like any broken rule
            def check(scenario, ctx, _exc=broken):
                raise RuleScopeError(f"applies_to raised {type(_exc).__name__}: {_exc}") from _exc

            self.reads, self.check = None, check
            return
        # The scenario parts the check reads (see Rule.reads); None: it runs on every scenario.
        reads = getattr(rule_cls, "reads", None)
        try:
            self.reads = None if reads is None else frozenset((reads,) if isinstance(reads, str) else reads)
        except TypeError:  # not a collection of names: judged like a rule that says nothing
            self.reads = None
        try:
            self.check = context.rule_instance(rule_cls).check
        except Exception:
            # A rule that cannot even be built fails where it runs, reported like any broken rule.
            self.check = lambda scenario, ctx: ctx.rule_instance(rule_cls).check(scenario, ctx)

    def reported(self) -> tuple:
        """(code, name, default severity, rendered references, reference URLs) for its findings;
        worked out at the first finding, as a broken attribute only matters when one is reported."""
        reported = self._reported
        if reported is None:
            reported = self._reported = finding_fields(self.rule_cls)
        return reported


def finding_fields(rule_cls) -> tuple:
    """(code, name, default severity, rendered references, reference URLs): what every finding of a rule carries."""
    return (rule_cls.code, rule_cls.name, rule_cls.severity, tuple(r.render() for r in rule_cls.references),
            tuple(r.url for r in rule_cls.references if r.url))


@attrs.define
class LintContext:
    registry: Registry
    exchange_rates: dict[str, float] = attrs.Factory(dict)
    source: Optional[object] = None  # the LoadedFile, for rules that read inline comments
    rule_options: dict = attrs.Factory(dict)  # code → {option: value} set by the user (Rule.option reads it)
    def rule_instance(self, rule_cls):
        """One instance per rule class and registry: rules keep no state between checks."""
        instances = rule_index(self.registry).setdefault("instances", {})
        rule = instances.get(rule_cls)
        if rule is None:
            rule = instances[rule_cls] = rule_cls()
        return rule

    def applicable(self, scenario, codes=None) -> list[str]:
        """Codes of the selected rules whose scope covers this scenario (sorted), computed once per
        platform, account kind and jurisdictions: variants and sibling files share the answer."""
        return [run.code for run in self.runnable(scenario, codes)]

    def runnable(self, scenario, codes=None) -> tuple["RuleRun", ...]:
        """The rules :meth:`applicable` names, each ready to run and report (see :class:`RuleRun`),
        cached like it: the engine's loop over them then looks nothing up per scenario."""
        selected = codes if type(codes) is frozenset else frozenset(self.registry.rules if codes is None else codes)
        key = (RuleRun, scenario.platform.name, scenario.platform.account, scenario.campaign.jurisdictions,
               scenario.campaign.excluded, selected)
        cache = rule_index(self.registry)
        found = cache.get(key)
        if found is None:
            rules = self.registry.rules
            runs = cache.setdefault((RuleRun, "runs"), {})
            found = []
            for code in sorted(selected):
                if code == UNUSED_IGNORE:
                    continue
                try:
                    covers = self._covers(rules[code], scenario, key[1:5])
                except Exception as exc:  # a plugin's applies_to that raises: the rule fails where it runs
                    found.append(RuleRun(code, rules[code], self, self.registry.rule_plugins.get(code, "?"), broken=exc))
                    continue
                if not covers:
                    continue
                run = runs.get((code, rules[code]))
                if run is None:
                    run = runs[(code, rules[code])] = RuleRun(code, rules[code], self, self.registry.rule_plugins.get(code, "?"))
                found.append(run)
            found = cache[key] = tuple(found)
        return found

    def _covers(self, rule_cls, scenario, scope: tuple) -> bool:
        """``rule_cls.applies_to(scenario, self)``. Where the rule keeps Rule's own applies_to, only its
        scope attributes and the scenario's ``scope`` decide, so rules with the same attributes (a
        pack's) share one answer."""
        if getattr(rule_cls.applies_to, "__func__", None) is not _RULE_APPLIES_TO:
            return rule_cls.applies_to(scenario, self)
        answers = rule_index(self.registry).setdefault((RuleRun, "scopes"), {})
        key = (rule_cls.platforms, rule_cls.account_kinds, rule_cls.jurisdictions, *scope)
        try:
            answer = answers.get(key)
        except TypeError:  # scope attributes given as lists
            return rule_cls.applies_to(scenario, self)
        if answer is None:
            answer = answers[key] = rule_cls.applies_to(scenario, self)
        return answer

    def platform(self, name: str):
        return self.registry.platform(name)

    def action(self, name: str):
        return self.registry.action(name)

    @property
    def sensitive_topics(self) -> dict[str, list[str]]:
        return self.registry.sensitive_topics

    def convert(self, amount: float, currency: str, to: str) -> Optional[float]:
        """``amount`` in ``currency`` expressed in ``to``, or None when a rate is missing (rules then
        say they could not judge, never pass silently)."""
        if currency == to:
            return float(amount)
        rates = self.exchange_rates or self.registry.exchange_rates
        if currency not in rates or to not in rates:
            return None
        return float(amount) / rates[currency] * rates[to]

    def prize_total(self, items, currency: str) -> PrizeTotal:
        """The value of ``items`` (value × quantity each) in ``currency``, with the rates it used."""
        amount = 0.0
        notes: list[str] = []
        unconverted: list[str] = []
        for item in items:
            converted = self.convert(item.value * item.quantity, item.currency, currency)
            if converted is None:
                if item.currency not in unconverted:
                    unconverted.append(item.currency)
                continue
            amount += converted
            note = self.rate_note(item.currency, currency)
            if note and note not in notes:
                notes.append(note)
        return PrizeTotal(amount, currency, tuple(notes), tuple(unconverted))

    def rate_note(self, currency: str, to: str) -> str:
        if currency == to:
            return ""
        rates = self.exchange_rates or self.registry.exchange_rates
        return f" (converted at {rates[to] / rates[currency]:.4g} {to} per {currency}; override with exchange-rates in [tool.campaignsim])"


def open_in(campaign, wanted: str) -> bool:
    """Whether the campaign is open to people in ``wanted``: :func:`in_jurisdiction`, less the regions it
    excludes (``campaign.excluded = ["US-NY"]`` closes it to New York, and so to New York's own rules)."""
    if not in_jurisdiction(campaign.jurisdictions, wanted):
        return False
    return not any(wanted == out or wanted.startswith(out + "-") for out in campaign.excluded)


def in_jurisdiction(mine: tuple[str, ...], wanted: str) -> bool:
    """Whether a campaign running in ``mine`` is subject to rules for ``wanted``.

    A country covers its subdivisions and a subdivision belongs to its country (a campaign in
    ``US`` is open to New Yorkers, so ``US-NY`` rules apply; one in ``US-NY`` is subject to ``US``
    rules). ``EU`` covers the member states.
    """
    for code in mine:
        if code == wanted or code.startswith(wanted + "-") or wanted.startswith(code + "-"):
            return True
        if wanted == "EU" and code.split("-")[0] in EU_MEMBERS:
            return True
        if code == "EU" and wanted.split("-")[0] in EU_MEMBERS:
            return True
    return False
