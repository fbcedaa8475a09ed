"""The Xiaohongshu (RED) platform."""

from campaignsim.model import PlatformSpec, SimDefaults
from campaignsim.model.extension import SIM_FIELDS, complete_sources

PLATFORMS = (
    PlatformSpec(
        name="xiaohongshu",
        title="Xiaohongshu (RED)",
        account_kinds=("personal", "brand", "professional"),
        jurisdictions=("CN",),
        rules_url="https://www.xiaohongshu.com/crown/community/rules",
        aliases=("xhs", "red"),
        sim=SimDefaults(
            reach_per_follower=0.08, attention_kernel="exponential", attention_half_life_hours=24.0,
            share_delay_hours=4.0, friend_reach=1.0, repost_reach_factor=0.4, takedown_hazard_per_day=0.05,
            takedown_voids_entries=True,
            sources=complete_sources((("reach_per_follower", "assumption [U]"), ("attention_half_life_hours", "assumption [U]: notes surface in search for days"),
                     ("takedown_hazard_per_day", "assumption [U]")), SIM_FIELDS),
        ),
    ),
)
