"""The LINE platform (LINE Official Account), as used in Japan, Taiwan and Thailand.

Account kinds follow LINE's own classification of official accounts: unverified (anyone may open
one), verified and premium (both after LINE's screening). The simulation defaults are assumptions
[U]: no published figures were found for LINE campaigns. Calibrate them to past campaigns.
"""

from campaignsim.model import ExtraField, PlatformSpec, SimDefaults

GUIDELINES_JP = "https://terms2.line.me/official_account_guideline_jp?lang=ja"
"""LINE Official Account Guidelines for accounts based in Japan (LINE publishes one set for
Japan, Taiwan and Thailand each, and one for other countries: official_account_guideline_oth)."""

PLATFORMS = (
    PlatformSpec(
        name="line",
        title="LINE (LINE Official Account)",
        account_kinds=("unverified", "verified", "premium"),
        extra_fields=(
            ExtraField("broadcasts_per_month", "int",
                       "Broadcast messages the account plans to send this month, campaign messages included "
                       "(they count against the account plan's monthly message quota).", ge=0, le=100_000),
            ExtraField("rich_menu", "bool", "The campaign is reachable from the account's rich menu."),
        ),
        jurisdictions=("JP",),
        rules_url=GUIDELINES_JP,
        sim=SimDefaults(
            reach_per_follower=0.3,
            attention_kernel="exponential",
            attention_half_life_hours=4.0,
            share_delay_hours=3.0,
            friend_reach=1.0,
            repost_reach_factor=0.2,
            takedown_hazard_per_day=0.0,
            sources=(
                ("reach_per_follower", "assumption [U]: a broadcast reaches every friend's chat list, but no published open rate was found"),
                ("attention_half_life_hours", "assumption [U]: chat messages are read soon or not at all; no source found"),
                ("repost_reach_factor", "assumption [U]: LINE has no public reposting; shares go to chats"),
                ("takedown_hazard_per_day", "assumption [U]: no reports of LINE removing campaign messages were found"),
            ),
        ),
    ),
)
