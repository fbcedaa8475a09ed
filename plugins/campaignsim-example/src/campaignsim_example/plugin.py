"""The hook implementations campaignsim calls: the whole contract between a plugin and campaignsim.

Each function returns what this plugin contributes; campaignsim calls each one once, plugin by
plugin, and reports a plugin that raises by its entry-point name without losing the others.
Import the modules that define rules, platforms and actions inside the functions, not at the top:
campaignsim loads every installed plugin at start-up, and a lazy plugin costs nothing until used.

The hooks available are documented in ``campaignsim.plugin.hookspecs``; implement only those you
need (here: rules, platforms and actions).
"""

from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_rules():
    from campaignsim_example.rules.ex001 import PrizeOverJapanLotteryCap

    return [PrizeOverJapanLotteryCap]


@hookimpl
def campaignsim_platforms():
    from campaignsim_example.platform import PLATFORMS

    return list(PLATFORMS)


@hookimpl
def campaignsim_actions():
    from campaignsim_example.actions import ACTIONS

    return list(ACTIONS)
