"""The Douyin platform."""

from campaignsim.model import PlatformSpec, SimDefaults
from campaignsim.model.extension import SIM_FIELDS, complete_sources

PLATFORMS = (
    PlatformSpec(
        name="douyin",
        title="Douyin",
        account_kinds=("personal", "enterprise"),
        jurisdictions=("CN",),
        rules_url="https://www.douyin.com/rule/billboard",
        sim=SimDefaults(
            reach_per_follower=0.1, attention_kernel="exponential", attention_half_life_hours=4.0,
            share_delay_hours=1.0, friend_reach=1.0, repost_reach_factor=0.5, takedown_hazard_per_day=0.05,
            takedown_voids_entries=True,
            sources=complete_sources((("reach_per_follower", "assumption [U]"), ("attention_half_life_hours", "assumption [U]"), ("takedown_hazard_per_day", "assumption [U]")), SIM_FIELDS),
        ),
    ),
)
