"""WeChat pack: official accounts, Channels, groups; the WeChat platform and its rules (WX…)."""

from campaignsim.builtin._pack import rules_hook
from campaignsim.plugin import hookimpl


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, (
    "wx001", "wx002", "wx003", "wx004", "wx005", "wx006", "wx007", "wx008", "wx009",
))


@hookimpl
def campaignsim_platforms():
    from campaignsim.builtin.wechat.platform import PLATFORMS

    return list(PLATFORMS)
