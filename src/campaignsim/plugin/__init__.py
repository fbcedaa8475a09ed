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



class Replacing:
    """A value that replaces one an earlier plugin provides, on purpose; see :func:`replacing`."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def __repr__(self) -> str:
        return f"replacing({self.value!r})"


def replacing(value) -> Replacing:
    """Mark an exchange rate returned from ``campaignsim_exchange_rates`` as replacing the rate an
    earlier plugin gives: ``{"CNY": replacing(7.25)}``. Without it, a currency another plugin
    already rates is refused, naming your plugin."""
    return Replacing(value)


__all__ = ["ENTRY_POINT_GROUP", "PROJECT_NAME", "Replacing", "hookimpl", "hookspec", "replacing"]
