"""The simulator's own pack: the lint rule CS003, which asks the simulator's configuration step
whether a scenario can be simulated and reports the answer at the key's line.

It is a plugin like the built-in packs (entry point ``campaignsim_simulation``), so the linter and
the packs never import the simulator: the simulator contributes the one rule that needs it. Only
``sim.config`` and ``sim.where`` are imported, and only when the rule runs; neither imports numpy or
simpy at module level.
"""

from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_rules():
    from campaignsim.sim.pack.cs003 import CannotSimulate

    return [CannotSimulate]
