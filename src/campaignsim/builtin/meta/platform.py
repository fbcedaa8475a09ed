"""Facebook and Instagram: two platforms of the Meta family, whose promotion rules differ."""

from campaignsim.model import PlatformSpec, SimDefaults
from campaignsim.model.extension import SIM_FIELDS, complete_sources
from campaignsim.model.simparams import Prior

PLATFORMS = (
    PlatformSpec(
        name="facebook",
        title="Facebook",
        family="meta",
        account_kinds=("page", "group", "event", "personal"),
        jurisdictions=("US",),
        rules_url="https://www.facebook.com/policies_center/pages_groups_events",
        sim=SimDefaults(
            reach_per_follower=0.05, attention_kernel="exponential", attention_half_life_hours=80 / 60,
            share_delay_hours=1.0, friend_reach=1.0, repost_reach_factor=0.4, takedown_hazard_per_day=0.03,
            takedown_voids_entries=True,
            sources=complete_sources((("attention_half_life_hours", "Visibli 2011: half of likes within 80 min [S]"),
                     ("reach_per_follower", "assumption [U]; engagement per follower 0.25% (Locowise) [S] is only a weak prior"),
                     ("takedown_hazard_per_day", "assumption [U]")), SIM_FIELDS),
            # A quoted half-life [S] narrows its prior to ×/÷ 2; reach per follower has only a weak prior: ×/÷ 3.
            priors=(("attention_half_life_hours", Prior("lognormal", "one quoted study [S]: ×/÷ 2 around it", factor=2.0)),),
        ),
    ),
    PlatformSpec(
        name="instagram",
        title="Instagram",
        family="meta",
        account_kinds=("business", "creator", "personal"),
        jurisdictions=("US",),
        rules_url="https://help.instagram.com/179379842258600",
        sim=SimDefaults(
            reach_per_follower=0.1, attention_kernel="exponential", attention_half_life_hours=6.0,
            share_delay_hours=2.0, friend_reach=1.0, repost_reach_factor=0.3, takedown_hazard_per_day=0.02,
            takedown_voids_entries=True,
            sources=complete_sources((("attention_half_life_hours", "50% of comments on top brands' posts within 6 h (2014 study) [S]"),
                     ("reach_per_follower", "assumption [U]; engagement per follower 2.81% (Locowise) [S] is only a weak prior"),
                     ("takedown_hazard_per_day", "assumption [U]")), SIM_FIELDS),
            # A quoted half-life [S] narrows its prior to ×/÷ 2; reach per follower has only a weak prior: ×/÷ 3.
            priors=(("attention_half_life_hours", Prior("lognormal", "one quoted study [S]: ×/÷ 2 around it", factor=2.0)),),
        ),
    ),
)
