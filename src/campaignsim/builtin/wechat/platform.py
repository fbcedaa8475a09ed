"""The WeChat platform: account kinds, extra keys and simulation defaults with sources."""

from campaignsim.model import ExtraField, PlatformSpec, SimDefaults
from campaignsim.model.extension import SIM_FIELDS, complete_sources

PLATFORMS = (
    PlatformSpec(
        name="wechat",
        title="WeChat (Weixin)",
        # "h5": a campaign page (H5 link) opened inside WeChat without an official account of its own;
        # WeChat's external-link rules govern it.
        account_kinds=("subscription", "service", "channels", "group", "mini_program", "h5", "personal"),
        extra_fields=(
            ExtraField("group_size", "int", "Planned members of a WeChat group campaign (hard cap 500).", ge=1, le=100_000),
            ExtraField("mass_pushes_per_month", "int", "Group sends (mass pushes) the account plans this month, campaign posts included.", ge=0, le=1000),
            ExtraField("verified", "bool", "The official account is verified (认证)."),
            ExtraField("live_draw_rounds", "int", "Channels live streams: how many draw rounds share the prizes (the cap applies per round).", ge=1, le=1000),
        ),
        jurisdictions=("CN",),
        rules_url="https://mp.weixin.qq.com/mp/opshowpage?action=main",
        sim=SimDefaults(
            reach_per_follower=0.05,
            attention_kernel="exponential",
            attention_half_life_hours=6.0,
            share_delay_hours=2.0,
            friend_reach=1.0,
            repost_reach_factor=0.6,
            takedown_hazard_per_day=0.08,
            takedown_voids_entries=True,
            sources=complete_sources((
                ("reach_per_follower", "assumption [U]: article open rates of official accounts are commonly quoted at a few per cent; no primary source"),
                ("attention_half_life_hours", "assumption [U]: no source found for WeChat (simulation anchors, table A)"),
                ("takedown_hazard_per_day", "assumption [U]: WeChat deletes induced-sharing posts and restricts accounts (2014 notice [S5]); detection rate unknown"),
                ("takedown_voids_entries", "assumption [U]: a deleted article takes the entry mechanism with it"),
            ), SIM_FIELDS),
        ),
    ),
)
