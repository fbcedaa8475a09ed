"""TikTok pack: the platform and its rules (TT…)."""

from campaignsim.builtin._pack import rules_in
from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_rules():
    return rules_in(__name__)


@hookimpl
def campaignsim_platforms():
    from campaignsim.builtin.tiktok.platform import PLATFORMS

    return list(PLATFORMS)
