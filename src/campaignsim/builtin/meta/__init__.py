"""Meta pack: Facebook and Instagram, which differ (FB…, IG…, META…).

FB rules apply to Facebook only, IG rules to Instagram only, META rules to both (the ``meta`` family).
Tag-a-friend is where the two part: Facebook forbids it (FB002, error) and Instagram allows it, so on
Instagram a separate rule, IG001, only notes it at info level, because the same campaign copied to
Facebook would break FB002.
"""

from campaignsim.builtin._pack import rules_hook
from campaignsim.plugin import hookimpl


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, ("fb001", "fb002", "ig001", "meta001", "meta002",))


@hookimpl
def campaignsim_platforms():
    from campaignsim.builtin.meta.platform import PLATFORMS

    return list(PLATFORMS)
