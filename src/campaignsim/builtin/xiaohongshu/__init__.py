"""Xiaohongshu (RED) pack: the platform, its bookmark (收藏) and one-click join actions and its rules (XHS…)."""

from campaignsim.builtin._pack import rules_hook
from campaignsim.plugin import hookimpl


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, ("xhs001", "xhs002", "xhs003", "xhs004", "xhs005", "xhs006", "xhs007",))


@hookimpl
def campaignsim_actions():
    from campaignsim.builtin.xiaohongshu.actions import ACTIONS

    return list(ACTIONS)


@hookimpl
def campaignsim_platforms():
    from campaignsim.builtin.xiaohongshu.platform import PLATFORMS

    return list(PLATFORMS)
