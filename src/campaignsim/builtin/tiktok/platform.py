"""The TikTok platform."""

from campaignsim.model import PlatformSpec, SimDefaults
from campaignsim.model.extension import SIM_FIELDS, complete_sources

PLATFORMS = (
    PlatformSpec(
        name="tiktok",
        title="TikTok",
        account_kinds=("business", "creator", "personal"),
        jurisdictions=("US",),
        rules_url="https://ads.tiktok.com/help/article/tiktok-advertising-policies-ad-creatives-landing-page",
        sim=SimDefaults(
            reach_per_follower=0.1, attention_kernel="exponential", attention_half_life_hours=12.0,
            share_delay_hours=1.0, friend_reach=1.0, repost_reach_factor=0.5, takedown_hazard_per_day=0.03,
            takedown_voids_entries=True,
            sources=complete_sources((("reach_per_follower", "assumption [U]"), ("attention_half_life_hours", "assumption [U]"), ("takedown_hazard_per_day", "assumption [U]")), SIM_FIELDS),
        ),
    ),
)
