"""Plugin keys reach the simulator: the ``campaignsim_step_friction`` hook applied to one step.

:func:`step_friction` asks every plugin that implements the hook, in precedence order, whether the
scenario's platform and step keys change a step's completion or effort. The built-in "comments
switched off: nobody can comment to enter" is one such answer (``campaignsim.builtin.core``).
The answers come through the registry: the simulator does not import the packs.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from campaignsim.plugin.manager import Registry


def step_friction(registry: Registry, scenario, index: int, step, action, completion: float, effort: float,
                  overrides: Optional[dict] = None) -> tuple[float, float, list[str]]:
    """(completion, effort, notes) for one step after every plugin's answer; ``[simulation]``
    overrides of ``completion_<action>`` / ``effort_<action>`` win over the plugins'."""
    from campaignsim.model.extension import StepFriction
    from campaignsim.sim.config import SimulationConfigError

    overrides = overrides or {}
    notes: list[str] = []
    impls = getattr(registry, "step_friction", None) or ()  # a registry built by hand, without hooks: no answers
    if not impls:
        return completion, effort, notes
    platform = registry.platform(scenario.platform.name)
    offered = {"scenario": scenario, "index": index, "step": step, "action": action, "platform": platform}
    for plugin, impl in impls:
        where = f"plugin {plugin!r} raised in campaignsim_step_friction for entry.steps[{index}]"
        function = getattr(impl, "function", impl)
        argnames = getattr(impl, "argnames", None)
        if argnames is None:
            import inspect

            argnames = tuple(inspect.signature(function).parameters)
        try:
            answer = function(**{name: offered[name] for name in argnames if name in offered})
        except (Exception, SystemExit) as exc:
            raise SimulationConfigError(f"{where}: {type(exc).__name__}: {exc}") from exc
        if answer is None:
            continue
        if not isinstance(answer, StepFriction):
            raise SimulationConfigError(f"plugin {plugin!r}: campaignsim_step_friction returned {answer!r}, not a StepFriction or None")
        for name, value, high in (("completion", answer.completion, 1.0), ("effort", answer.effort, None)):
            if value is None:
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0 \
                    or (high is not None and value > high):
                raise SimulationConfigError(f"plugin {plugin!r}: campaignsim_step_friction gave entry.steps[{index}] "
                                            f"{name} = {value!r}, outside {0} to {high if high is not None else '∞'}")
            if f"{name}_{step.action}" in overrides:
                continue  # the scenario's own [simulation] value wins
            if name == "completion":
                completion = float(value)
            else:
                effort = float(value)
        if answer.note and f"completion_{step.action}" not in overrides:
            notes.append(f"entry.steps[{index}]: {answer.note}")
    return completion, effort, notes
