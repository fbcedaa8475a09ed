"""Weibo pack: the Weibo platform and its rules (WB…)."""

from campaignsim.builtin._pack import rules_hook
from campaignsim.plugin import hookimpl


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, ("wb001", "wb002", "wb003", "wb004", "wb005",))


@hookimpl
def campaignsim_platforms():
    from campaignsim.builtin.weibo.platform import PLATFORMS

    return list(PLATFORMS)
