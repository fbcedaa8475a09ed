"""What an entry action costs an entrant, in words: the effort, completion and delay figures of an
:class:`~campaignsim.model.extension.ActionSpec` with the source (or the [U] mark) of each, for
``campaignsim plugins --verbose`` and ``campaignsim explain ACTION``."""

from __future__ import annotations

import re

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _plain(text: str) -> str:
    """A plugin's string made safe for a terminal: control characters (an escape sequence could
    recolour or rewrite the screen) shown as \\xNN."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", str(text))


def _num(value: float) -> str:
    return f"{value:g}"


def _pct(value: float) -> str:
    return f"{value * 100:.4g}%"


def action_figures(spec) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """``(figure, formula, [(parameter, source), …])`` for effort, completion and delay: the
    parameters are those the formula uses."""
    sources = dict(spec.sources)

    def cited(*names: str) -> list[tuple[str, str]]:
        return [(name, sources.get(name, "no source given")) for name in names]

    effort, effort_names = [f"{_num(spec.effort_minutes)} min"], ["effort_minutes"]
    if spec.effort_per_extra:
        effort.append(f"{_num(spec.effort_per_extra)} min per extra count")
        effort_names.append("effort_per_extra")
    if spec.effort_per_field:
        effort.append(f"{_num(spec.effort_per_field)} min per form field")
        effort_names.append("effort_per_field")
    completion, completion_names = [_pct(spec.completion_probability)], ["completion_probability"]
    if spec.completion_per_extra != 1:
        completion.append(f"{_num(spec.completion_per_extra)} per extra count")
        completion_names.append("completion_per_extra")
    if spec.completion_per_field_beyond != 1:
        completion.append(f"{_num(spec.completion_per_field_beyond)} per form field beyond {spec.free_fields}")
        completion_names.append("completion_per_field_beyond")
    return [
        ("effort", " + ".join(effort), cited(*effort_names)),
        ("completion", " × ".join(completion), cited(*completion_names)),
        ("delay", f"{_num(spec.delay_hours)} h (mean, before the step is done)", cited("delay_hours")),
    ]


def action_lines(spec, plugin: str | None = None, indent: str = "") -> list[str]:
    """The action described in plain lines: what it is, then each figure with its sources (one line
    when every parameter of the figure shares a source)."""
    head = f"{indent}{_plain(spec.name)}" + (f" ({_plain(plugin)})" if plugin else "") + f": {_plain(spec.summary)}"
    lines = [head]
    for figure, formula, cited in action_figures(spec):
        lines.append(f"{indent}    {figure}: {formula}")
        distinct = {source for _, source in cited}
        if len(distinct) == 1:
            lines.append(f"{indent}        source: {_plain(distinct.pop())}")
        else:
            lines.extend(f"{indent}        {name}: {_plain(source)}" for name, source in cited)
    if spec.fields:
        lines.append(f"{indent}    step keys: {_plain(', '.join(spec.fields))}")
    name = _plain(spec.name)
    lines.append(f"{indent}    override in a scenario: [simulation] effort_{name}, completion_{name}, delay_{name}")
    return lines


def action_dict(spec, plugin: str | None = None) -> dict:
    return {
        "name": spec.name,
        "plugin": plugin,
        "summary": spec.summary,
        "fields": list(spec.fields),
        "figures": {figure: {"formula": formula, "sources": dict(cited)} for figure, formula, cited in action_figures(spec)},
    }
