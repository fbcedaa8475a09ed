"""The plugin API: ``hookimpl`` marks a plugin's hook implementations.

    from campaignsim.plugin import hookimpl

    @hookimpl
    def campaignsim_rules():
        return [MyRule]
"""

import pluggy

PROJECT_NAME = "campaignsim"
ENTRY_POINT_GROUP = "campaignsim"

hookspec = pluggy.HookspecMarker(PROJECT_NAME)
hookimpl = pluggy.HookimplMarker(PROJECT_NAME)

__all__ = ["ENTRY_POINT_GROUP", "PROJECT_NAME", "hookimpl", "hookspec"]
