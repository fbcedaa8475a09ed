"""X (Twitter) pack: the platform and its rules (X…)."""

from campaignsim.builtin._pack import rules_hook
from campaignsim.plugin import hookimpl


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, ("x001",))


@hookimpl
def campaignsim_platforms():
    from campaignsim.builtin.x.platform import PLATFORMS

    return list(PLATFORMS)
