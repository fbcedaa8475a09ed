"""The checks that need the simulator: the lint rule CS003, which asks the simulator's configuration
step whether a scenario can be simulated and reports the answer at the key's line.

It is a plugin like the built-in packs (entry point ``campaignsim_simulation``), in a layer above
both the packs and the simulator, so that neither imports the other and the simulator knows nothing
of the linter. Only ``sim.config`` and ``sim.where`` are imported, and only when the rule runs;
neither imports numpy or simpy at module level.
"""

from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_rules():
    from campaignsim.checks.cs003 import CannotSimulate

    return [CannotSimulate]
