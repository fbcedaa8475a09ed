"""TikTok pack: the platform and its rules (TT…)."""

from campaignsim.builtin._pack import rules_hook
from campaignsim.plugin import hookimpl


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, ("tt001",))


@hookimpl
def campaignsim_platforms():
    from campaignsim.builtin.tiktok.platform import PLATFORMS

    return list(PLATFORMS)
