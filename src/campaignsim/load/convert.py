"""Raw TOML tables → frozen model values, through one cattrs converter.

The document has been validated before it reaches here, so structuring cannot fail on user
input; the hooks below only say how TOML's shapes map onto the model's frozen ones.
"""

from __future__ import annotations

from datetime import date, datetime

import cattrs

from campaignsim.model import EntryStep, Platform, Scenario

_converter = cattrs.Converter(forbid_extra_keys=True)
_converter.register_structure_hook(datetime, lambda value, _: value)
_converter.register_structure_hook(date, lambda value, _: value)
_NUMBER_TABLE = tuple[tuple[str, float], ...]
_ANY_TABLE = tuple[tuple[str, object], ...]
_converter.register_structure_hook_func(lambda t: t == _NUMBER_TABLE, lambda value, _: tuple((k, float(v)) for k, v in value.items()))
_converter.register_structure_hook_func(lambda t: t == _ANY_TABLE, lambda value, _: tuple(value.items()))


def to_scenario(data: dict, *, platform_fields: set[str], default_jurisdictions: tuple[str, ...], variant: str | None) -> Scenario:
    data = dict(data)
    data.pop("variants", None)
    platform = dict(data["platform"])
    generic = {a.name for a in Platform.__attrs_attrs__} - {"extras"}
    platform["extras"] = {k: platform.pop(k) for k in list(platform) if k not in generic and k in platform_fields}
    data["platform"] = platform
    entry = dict(data["entry"])
    step_fields = {a.name for a in EntryStep.__attrs_attrs__} - {"extras"}
    entry["steps"] = [dict({k: v for k, v in step.items() if k in step_fields}, extras={k: v for k, v in step.items() if k not in step_fields})
                      for step in entry["steps"]]
    data["entry"] = entry
    campaign = dict(data["campaign"])
    if not campaign.get("jurisdictions"):
        campaign["jurisdictions"] = list(default_jurisdictions)
    data["campaign"] = campaign
    data["variant"] = variant
    return _converter.structure(data, Scenario)


def unstructure(value):
    return _converter.unstructure(value)
