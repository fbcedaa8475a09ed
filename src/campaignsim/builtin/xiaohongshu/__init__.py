"""Xiaohongshu (RED) pack: the platform, its bookmark (收藏) and one-click join actions and its rules (XHS…)."""

from campaignsim.builtin._pack import rules_in
from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_rules():
    return rules_in(__name__)


@hookimpl
def campaignsim_actions():
    from campaignsim.builtin.xiaohongshu.actions import ACTIONS

    return list(ACTIONS)


@hookimpl
def campaignsim_platforms():
    from campaignsim.builtin.xiaohongshu.platform import PLATFORMS

    return list(PLATFORMS)
