"""Meta pack: Facebook and Instagram, which differ (FB…, IG…, META…).

FB rules apply to Facebook only, IG rules to Instagram only, META rules to both (the ``meta`` family).
Tag-a-friend is where the two part: Facebook forbids it (FB002, error) and Instagram allows it, so on
Instagram a separate rule, IG001, only notes it at info level, because the same campaign copied to
Facebook would break FB002.
"""

from campaignsim.builtin._pack import rules_in
from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_rules():
    return rules_in(__name__)


@hookimpl
def campaignsim_platforms():
    from campaignsim.builtin.meta.platform import PLATFORMS

    return list(PLATFORMS)
