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
        "[S; no lead time in days found: U]",
    ),
)
