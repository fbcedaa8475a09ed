"""US numbers and classifications, each with its source and verification status
(V official text seen, S secondary, U none found). Rules import them; nothing is repeated elsewhere."""

from __future__ import annotations

import attrs

CHANCE_DRAWS = ("random", "instant_win")
"""Draw kinds in which chance picks the winner: with a prize and consideration they make a lottery, and they are the
"games of chance" the state registration laws cover (judged contests and first-come offers are not). [S28, S29]"""

PAID_ACTIONS = ("purchase", "send_gift")
"""Entry actions that cost the entrant money: consideration, the third element of an illegal lottery. [S28]"""

FTC_HASHTAG_WORDS = ("contest", "sweepstakes")
"""FTC Endorsement Guides FAQ (quoted by Marden-Kane): "Making the word 'contest' or 'sweepstakes' part of the hashtag
should be enough… 'sweeps' probably isn't". https://mardenkane.com/articles/ftc-updated-guidance-for-social-contests.html [S]"""


@attrs.define(frozen=True)
class StateRegistration:
    """A state's registration rule for chance promotions open to its residents."""

    jurisdiction: str
    state: str
    threshold_usd: float  # registration is needed when the prize total is above (not at) this value
    lead_days: int  # filed at least this many days before campaign.start (0: no later than the start date)
    security: str  # what must cover the prize total ("" when nothing is required)
    retail_only: bool  # only promotions of retail establishments
    source: str


STATE_REGISTRATIONS = (
    StateRegistration(
        "US-NY", "New York", 5000, 30, "a bond", False,
        'NY GBL §369-e: total prizes "in excess of five thousand dollars" must be registered "at least thirty days prior" '
        "and bonded for the prize total ($100 fee) https://www.dos.ny.gov/corps/gamesofchance.html [V]",
    ),
    StateRegistration(
        "US-FL", "Florida", 5000, 7, "a bond or a trust account", False,
        "Fla. Stat. §849.094(3): operators of game promotions with prizes over $5,000 shall file, with a trust account or bond; "
        "filed at least 7 days before https://instalawyer.io/laws/florida-statutes/849094-game-promotion-in [V; the 7 days: S]",
    ),
    StateRegistration(
        "US-RI", "Rhode Island", 500, 0, "", True,
        "R.I. Gen. Laws §11-50-1: retail establishments offering prizes by chance, total over $500, file with the Secretary of "
        "State before the promotion goes live; no bond https://kleinmoynihan.com/sweepstakes-registration-and-bonding-requirements "
        "[S; no lead time in days found: U]. Status checked 2026-12: a 2024 bill proposes to repeal chapter 11-50 in its entirety, "
        "\"effective immediately upon passage\" (https://fastdemocracy.com/bill-summary/?billsummary_id=RIB00027813&billsummary_session=2024&billsummary_state=ri [S]); "
        "its enactment was not confirmed, so the duty is reported as a warning, not an error.",
    ),
)


RI_REPEAL_STATUS = ("a 2024 bill (RI H/S, bill summary RIB00027813) proposes repealing R.I. Gen. Laws chapter 11-50 in its entirety; "
                    "its enactment was not confirmed when last checked (2026-12)")
"""Rhode Island's registration duty is under repeal: the rule reports it as a warning and says why. [S, checked 2026-12]"""

PRIZE_REPORTING_THRESHOLD_USD = 2000
"""Form 1099-MISC (box 3, prizes and awards): reporting threshold raised from $600 to $2,000 "for payments made after
December 31, 2025" by the One Big Beautiful Bill Act (Pub. L. 119-21) §70433, amending IRC §6041; indexed for inflation
from 2027. Sovos summary: https://sovos.com/regulatory-updates/trr/one-big-beautiful-bill-raises-1099-reporting-thresholds
[S, checked 2026-12]. The IRS form page https://www.irs.gov/forms-pubs/about-form-1099-misc is the primary place to confirm
the figure for the tax year of the draw."""

PRIZE_REPORTING_FROM = 2026
"""The first calendar year of payments to which the $2,000 threshold applies (payments after 2025-12-31). Earlier: $600."""

PRIZE_REPORTING_THRESHOLD_BEFORE_USD = 600
"""The threshold for payments up to 2025-12-31 (IRS Instructions for Form 1099-MISC, box 3: "prizes and awards of $600 or
more") [S, checked 2026-12]."""

OFFICIAL_RULES_ITEMS = (
    ("organiser", "the sponsor's name and address"),
    ("eligibility", "who may enter (age, residence, exclusions)"),
    ("start_date", "when entries open"),
    ("closing_date", "when entries close"),
    ("odds", "the odds of winning (or what they depend on)"),
    ("prize_names", "a description of each prize"),
    ("prize_value", "each prize's approximate retail value (ARV)"),
    ("prize_quantity", "how many of each prize"),
    ("draw_method", "how winners are chosen"),
    ("winner_notification", "how and when winners are notified or announced"),
)
"""What US official rules state, as `terms.discloses` items. The common list of US sweepstakes practice; where a state
writes it down it is law, e.g. Maryland's alcohol-promotion rule COMAR 03.02.05.08 B(4): "Contest rules shall state: (a)
The beginning date and deadline for entry; (b) Prizes; (c) Chances of winning; (d) How winners are ch[osen]"
http://www.dsd.state.md.us/comar/comarhtml/03/03.02.05.08.htm [V, checked 2026-12]; Fla. Stat. §849.094(2) requires
game promotions to disclose the number of prizes, their value, the rules and the odds [V, see STATE_REGISTRATIONS];
NY GBL §369-e requires the same of registered games [V]."""

FLORIDA_MATERIAL_TERMS = (
    ("organiser", "the operator's name and the promotion's name"),
    ("free_route", "that no purchase is necessary"),
    ("start_date", "the start date"),
    ("closing_date", "the end date"),
    ("eligibility", "who may enter (age, location)"),
    ("void_regions", "where the promotion is void"),
)
"""Fla. Admin. Code r. 5J-14.001, Material Terms in Advertisements: "For purposes of Section 849.094(3), F.S., any
advertising copy shall include the following material terms ...: (1) Name of the operator and game promotion; (2) That no
purchase is necessary to enter or play the game promotion; (3) Start and end dates ...; (4) Who is eligible or not eligible
to participate ..., with respect to age or geographic location; (5) Disclosure of where the game promotion is void."
https://casetext.com/regulation/florida-administrative-code/department-5-department-of-agriculture-and-consumer-services/division-5j-division-of-consumer-services/chapter-5j-14-game-promotion/section-5j-14001-material-terms-in-advertisements
[S: copy of the rule, checked 2026-12]. The statute it implements, §849.094(3) as amended in 2005: the operator "shall also
publish the rules and regulations in all advertising copy ... However, such advertising copy need only include the material
terms of the rules and regulations if the advertising copy includes a website address ... where the full rules and
regulations may be viewed" https://flsenate.gov/Session/Bill/2005/552/BillText/er/HTML [V, checked 2026-12]. Applies to game
promotions whose prizes total more than $5,000 (the registration threshold)."""
