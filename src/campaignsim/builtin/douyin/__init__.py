"""Douyin pack: the platform and its rules (DY…)."""

from campaignsim.builtin._pack import rules_in
from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_rules():
    return rules_in(__name__)


@hookimpl
def campaignsim_platforms():
    from campaignsim.builtin.douyin.platform import PLATFORMS

    return list(PLATFORMS)
