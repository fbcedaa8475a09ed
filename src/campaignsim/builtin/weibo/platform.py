"""The Weibo platform."""

from campaignsim.model import PlatformSpec, SimDefaults
from campaignsim.model.extension import SIM_FIELDS, complete_sources

PLATFORMS = (
    PlatformSpec(
        name="weibo",
        title="Weibo",
        account_kinds=("personal", "blue_v", "orange_v", "gold_v"),
        jurisdictions=("CN",),
        rules_url="https://service.account.weibo.com/",
        sim=SimDefaults(
            reach_per_follower=0.03,
            attention_kernel="power",
            attention_half_life_hours=3.0,
            power_law_exponent=1.5,
            share_delay_hours=1.0,
            friend_reach=1.0,
            repost_reach_factor=0.5,
            takedown_hazard_per_day=0.05,
            takedown_voids_entries=False,
            sources=complete_sources((
                ("attention_kernel", "popularity decays as a power law (Hindawi DDNS 2012; Yao et al. 2019, Physica A 518) [V abstracts]"),
                ("power_law_exponent", "assumption [U]: calibrate (simulation anchors: 'exponent from calibration')"),
                ("reach_per_follower", "assumption [U]"),
                ("takedown_hazard_per_day", "assumption [U]: penalties such as a 3-month mute are documented (信小呆 2020 [S15]); frequency unknown"),
            ), SIM_FIELDS),
        ),
    ),
)
