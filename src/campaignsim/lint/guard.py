"""Running a third-party rule under guard.

A plugin's rule is code campaignsim did not write. :func:`run_rule` runs its ``check`` so that
whatever it does is reported as a failure of that rule, naming its plugin, and never ends the
command or changes what the other rules and the simulator see:

* anything it raises, ``sys.exit()`` included, is caught (Ctrl-C still stops the command);
* it gets :data:`RULE_TIME_LIMIT` seconds per scenario (``CAMPAIGNSIM_RULE_TIME_LIMIT`` changes
  it; enforced with ``SIGALRM`` where the platform has it and the linter runs in the main thread);
* what it yields must be :class:`~campaignsim.lint.rule.Violation` values with a string key and
  message and a known severity, or None;
* the scenario it is given must be unchanged afterwards: a rule that writes to the frozen values
  (``object.__setattr__``) is reported, and the scenario is put back as it was, so neither the later
  rules nor the simulation see the change (the defaults shared between scenarios included).

Every rule, built-in or not, reports at most :data:`MAX_FINDINGS_PER_RULE` findings per scenario;
the rest are counted in one summary finding.
"""

from __future__ import annotations

import os
import signal
import threading
from functools import lru_cache
from typing import Optional

import attrs

from campaignsim.lint.rule import SEVERITIES, Violation

RULE_TIME_LIMIT = 10.0
"""Seconds one rule may take on one scenario before it is stopped and reported."""
MAX_FINDINGS_PER_RULE = 100
"""Findings one rule reports on one scenario; beyond them one finding says how many more there were."""


class RuleFailed(Exception):
    """A rule broke its contract: the message says how (the cause, when there is one, is chained)."""

    plain_message = True  # reported as its message alone


class RuleTimeout(BaseException):
    """Raised inside a rule that ran past the time limit (a BaseException, so ``except Exception`` in the rule cannot swallow it)."""


def time_limit() -> float:
    raw = os.environ.get("CAMPAIGNSIM_RULE_TIME_LIMIT")
    if raw:
        try:
            value = float(raw)
        except ValueError:
            return RULE_TIME_LIMIT
        return value if value > 0 else RULE_TIME_LIMIT
    return RULE_TIME_LIMIT


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def _on_alarm(signum, frame):
    raise RuleTimeout()


def _checked(items, code: str) -> list:
    out = []
    for v in items:
        if not isinstance(v, Violation):
            raise RuleFailed(f"yielded {v!r} ({type(v).__name__}), not a Violation: yield self.violation(key, message)")
        if not isinstance(v.key, str) or not v.key:
            raise RuleFailed(f"yielded a violation whose key is {v.key!r}: the key must name the scenario key it is about, "
                             "such as \"prize.items[0].value\"")
        if not isinstance(v.message, str):
            raise RuleFailed(f"yielded a violation whose message is {v.message!r}, not a string")
        if v.suggestion is not None and not isinstance(v.suggestion, str):
            raise RuleFailed(f"yielded a violation whose suggestion is {v.suggestion!r}, not a string or None")
        if v.severity is not None and v.severity not in SEVERITIES:
            raise RuleFailed(f"yielded a violation with severity {v.severity!r}; it must be one of {', '.join(SEVERITIES)} or None")
        out.append(v)
    return out


@lru_cache(maxsize=None)  # a pure function of a class: kept for each class a scenario is made of
def _field_names(cls) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(cls)) if attrs.has(cls) else ()


def _nodes(value, out: list) -> None:
    """Every attrs value reachable from ``value`` (through attrs fields and tuples), each with the
    objects its fields hold right now."""
    cls: type = type(value)  # a class, hashable for _field_names' cache (mypy does not infer that of type(...))
    if cls is tuple:
        for item in value:
            _nodes(item, out)
        return
    names = _field_names(cls)
    if not names:
        return
    held = tuple(getattr(value, name) for name in names)
    out.append((value, names, held))
    for item in held:
        _nodes(item, out)


class Snapshot:
    """What every frozen value of a scenario holds, noted before the guarded rules run on it (once,
    and only when one runs). The values are frozen and their leaves immutable, so a change can only
    be a field set anew (``object.__setattr__``): :meth:`changed` finds it by identity and sets the
    old object back, in place, for this scenario and every one sharing the value (variants, later
    files, the model's shared defaults)."""

    __slots__ = ("scenario", "_nodes")

    def __init__(self, scenario):
        self.scenario = scenario
        self._nodes = None

    def take(self) -> None:
        if self._nodes is None:
            nodes: list = []
            _nodes(self.scenario, nodes)
            self._nodes = nodes

    def changed(self) -> bool:
        """Whether a field was set anew since :meth:`take`; if so every one is put back."""
        if self._nodes is None:
            return False
        found = False
        for node, names, held in self._nodes:
            for name, value in zip(names, held):
                if getattr(node, name) is not value:
                    object.__setattr__(node, name, value)
                    found = True
        return found


def run_rule(run, scenario, context, snapshot: Optional[Snapshot] = None) -> list:
    """The violations of one rule on one scenario. Raises the rule's own exception, or
    :class:`RuleFailed` / :class:`RuleTimeout`, when it breaks; the caller reports it."""
    if not run.guarded:
        return list(run.check(scenario, context) or ())
    if snapshot is not None:
        snapshot.take()
    limit = time_limit()
    timed = _can_time()
    previous = None
    if timed:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        try:
            result = run.check(scenario, context)
            if isinstance(result, (str, bytes, dict)):
                raise RuleFailed(f"check() returned {type(result).__name__} {result!r}, not violations")
            violations = _checked(result or (), run.code)
        finally:
            if timed:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
    except RuleTimeout:
        raise RuleFailed(f"took more than {limit:g} s on one scenario and was stopped (the limit is RULE_TIME_LIMIT; "
                         "CAMPAIGNSIM_RULE_TIME_LIMIT changes it)") from None
    except SystemExit as exc:
        raise RuleFailed(f"called sys.exit({exc.code!r}); a rule must yield violations, never end the program") from exc
    finally:
        if snapshot is not None and snapshot.changed():
            raise RuleFailed("changed the scenario it was given (rules must not modify it); the change was undone")
    return violations


def capped(violations: list, code: str) -> list:
    """At most MAX_FINDINGS_PER_RULE violations, plus one that counts the others."""
    if len(violations) <= MAX_FINDINGS_PER_RULE:
        return violations
    kept = violations[:MAX_FINDINGS_PER_RULE]
    more = len(violations) - MAX_FINDINGS_PER_RULE
    first = kept[0]
    kept.append(Violation(first.key, f"and {more:,} more findings of {code} not shown (at most {MAX_FINDINGS_PER_RULE} per rule "
                                     "and scenario)", None, first.severity))
    return kept
