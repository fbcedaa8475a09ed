"""WeChat pack: official accounts, Channels, groups; the WeChat platform and its rules (WX…)."""

from campaignsim.builtin._pack import rules_in
from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_rules():
    return rules_in(__name__)


@hookimpl
def campaignsim_platforms():
    from campaignsim.builtin.wechat.platform import PLATFORMS

    return list(PLATFORMS)
