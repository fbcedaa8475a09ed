"""Douyin pack: the platform and its rules (DY…)."""

from campaignsim.builtin._pack import rules_hook
from campaignsim.plugin import hookimpl


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, ("dy001", "dy002", "dy003", "dy004", "dy005",))


@hookimpl
def campaignsim_platforms():
    from campaignsim.builtin.douyin.platform import PLATFORMS

    return list(PLATFORMS)
