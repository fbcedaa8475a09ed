"""The X (Twitter) platform."""

from campaignsim.model import PlatformSpec, SimDefaults
from campaignsim.model.extension import SIM_FIELDS, complete_sources
from campaignsim.model.simparams import Prior

PLATFORMS = (
    PlatformSpec(
        name="x",
        title="X (Twitter)",
        account_kinds=("personal", "business", "verified_organization"),
        jurisdictions=("US",),
        rules_url="https://help.x.com/en/rules-and-policies/x-contest-rules",
        aliases=("twitter",),
        sim=SimDefaults(
            reach_per_follower=0.02, attention_kernel="exponential", attention_half_life_hours=80 / 60,
            share_delay_hours=0.5, friend_reach=1.0, repost_reach_factor=0.5, takedown_hazard_per_day=0.02,
            takedown_voids_entries=False,
            sources=complete_sources((("attention_half_life_hours", "median impression half-life ≈ 80 min ('The Half-Life of a Tweet', arXiv summary) [S]"),
                     ("reach_per_follower", "assumption [U]; engagement per follower 0.21% (Locowise) [S] is only a weak prior"),
                     ("takedown_hazard_per_day", "assumption [U]")), SIM_FIELDS),
            # A quoted half-life [S] narrows its prior to ×/÷ 2; reach per follower has only a weak prior: ×/÷ 3.
            priors=(("attention_half_life_hours", Prior("lognormal", "one quoted study [S]: ×/÷ 2 around it", factor=2.0)),),
        ),
    ),
)
