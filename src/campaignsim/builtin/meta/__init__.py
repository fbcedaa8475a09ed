"""Meta pack: Facebook and Instagram, which differ (FB…, IG…, META…)."""

from campaignsim.builtin._pack import rules_in
from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_rules():
    return rules_in(__name__)


@hookimpl
def campaignsim_platforms():
    from campaignsim.builtin.meta.platform import PLATFORMS

    return list(PLATFORMS)
