"""What the lint engine remembers about one registry's rules: which rules cover a platform, account
kind and jurisdictions, what a selector or a selection names, the checked rule options of a settings
file, and one instance of each rule. Files and scenarios ask the same questions over and over; each
is answered once per registry.

The index belongs to the engine, not to the registry: it is kept in the current session
(:mod:`campaignsim._session`) by registry, and dropped with the registry or when the session is
purged.
"""

from __future__ import annotations

import weakref
from typing import Callable

from campaignsim._session import current as current_session

RULE_INDEXES = "lint.rule_indexes"  # the session's cache: id(registry) → (reference to the registry, its index)


def rule_index(registry) -> dict:
    """The index of ``registry``'s rules: a dict the engine's functions fill, each under keys of its own.

    Found by the registry's id, and only for the very registry it was made for: a registry made
    later at the address of one that has gone cannot get the old one's index.
    """
    indexes = current_session()[RULE_INDEXES]
    key = id(registry)
    entry = indexes.get(key)
    if entry is not None and entry[0]() is registry:
        return entry[1]
    return _new_index(indexes, key, registry)


def _new_index(indexes: dict, key: int, registry) -> dict:
    index: dict = {}

    def forget(ref, indexes=indexes, key=key) -> None:  # the registry has gone: its index goes too
        if indexes.get(key, (None,))[0] is ref:
            del indexes[key]

    ref: Callable[[], object]  # the registry, or None once it has gone
    try:
        ref = weakref.ref(registry, forget)
    except TypeError:  # an object that cannot be referred to weakly: held for the session
        def held(registry=registry):
            return registry
        ref = held
    indexes[key] = (ref, index)
    return index
