"""Field declarations that carry their own documentation and constraints.

Every key of the scenario format is declared once, here in ``model/``: its type comes from the
annotation, its meaning, default and bounds from :func:`field`. The loader checks the bounds,
``campaignsim schema`` turns them into JSON Schema and the docs' scenario reference is generated
from the same declarations, so none of them is written twice.
"""

from __future__ import annotations

import sys
from typing import Any, TypeVar, cast

import attrs

if sys.version_info >= (3, 11):
    from typing import dataclass_transform
else:  # pragma: no cover - Python 3.10
    from typing_extensions import dataclass_transform

_C = TypeVar("_C", bound=type)

WORLD_POPULATION = 8_300_000_000
"""An upper bound for any head count (UN World Population Prospects 2024: 8.2 billion in 2025)."""

_MISSING = attrs.NOTHING


def field(
    *,
    default: Any = _MISSING,
    doc: str,
    ge: float | None = None,
    gt: float | None = None,
    le: float | None = None,
    choices: tuple[str, ...] | None = None,
    check: str | None = None,
    example: Any = None,
) -> Any:
    """Declare one scenario key.

    ``default`` is keyword-only, as type checkers expect of a field specifier (PEP 681), so that they
    see which keys are optional.

    ``ge``/``gt``/``le`` bound numbers, ``choices`` lists the allowed strings, ``check`` names a
    special check (``currency``, ``region``, ``language``, ``url``, ``email_or_url``) done by the loader.
    """
    metadata = {"doc": doc, "ge": ge, "gt": gt, "le": le, "choices": choices, "check": check, "example": example}
    if default is _MISSING:
        return attrs.field(metadata=metadata)
    if isinstance(default, (list, dict, set)):
        raise TypeError("use a tuple or None as a default, values are frozen")
    return attrs.field(default=default, metadata=metadata)


@dataclass_transform(frozen_default=True, kw_only_default=True, field_specifiers=(attrs.field, field))
def value_class(cls: _C) -> _C:
    """Frozen, keyword-only, slotted attrs class: the shape of every model value.

    ``dataclass_transform`` tells type checkers what ``attrs.define`` makes of the class (its
    ``__init__`` takes the fields as keywords), which they cannot see through this wrapper."""
    return attrs.define(frozen=True, kw_only=True)(cls)


# Type checkers know value classes through ``dataclass_transform``, not as attrs classes, so the
# attrs functions whose signatures ask for an attrs class are reached through these two.
def fields_of(cls: type) -> tuple[attrs.Attribute, ...]:
    """``attrs.fields`` of a value class."""
    return attrs.fields(cast("type[attrs.AttrsInstance]", cls))


_V = TypeVar("_V")


def evolve(value: _V, **changes: Any) -> _V:
    """``attrs.evolve``: a copy of a value with some fields changed."""
    return cast(_V, attrs.evolve(cast(Any, value), **changes))
