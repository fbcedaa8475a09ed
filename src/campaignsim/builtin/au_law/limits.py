"""Australian trade-promotion lottery permits, each with its source and verification status (V official text seen,
S secondary, U none), checked 2026-12. A trade promotion lottery is a free-entry promotion whose winners are decided by
chance; games of skill need no permit anywhere. Victoria, Queensland, Tasmania and Western Australia need none; the
Northern Territory's rule (a permit over 5,000 AUD) was not confirmed from the territory's own pages and is left out."""

from __future__ import annotations

import attrs

from campaignsim.lint.rule import Reference

CHANCE_DRAWS = ("random", "instant_win")
CURRENCY = "AUD"


@attrs.define(frozen=True)
class StatePermit:
    jurisdiction: str
    state: str
    what: str  # what the permit is called there
    authority: str
    threshold_aud: float  # needed when the total prize value exceeds this
    lead_days: int  # notice or application at least this many days before the start
    business_days: bool  # lead_days counts business days
    reference: Reference


NSW = StatePermit(
    "AU-NSW", "New South Wales", "trade promotion authority", "NSW Fair Trading", 10_000, 10, True,
    Reference('NSW Government, Trade promotions: "An authority is required if the total prize value for a single trade promotion '
              'exceeds $10,000"; Service NSW: notify NSW Fair Trading "at least 10 business days before the proposed promotion '
              'takes place". (Single-promotion permits were replaced by 1-, 3- or 5-year authorities on 1 July 2020.)',
              "https://nsw.gov.au/money-and-taxes/community-gaming/trade-promotions", "V", checked="2026-12"),
)
ACT = StatePermit(
    "AU-ACT", "the Australian Capital Territory", "trade promotion permit", "the ACT Gambling and Racing Commission", 3_000, 7, True,
    Reference("ACT Lotteries Act 1964 s. 6: trade promotion lotteries with total prizes not exceeding $3,000 are exempt; above "
              "that a permit from the Gambling and Racing Commission is needed; allow seven working days to process "
              "(von Muenster Legal; footy.com.au quoting the Commission)",
              "https://vonmuensterlegal.com/trade-promotions-update-act-removes-the-requirement-for-permits-for-low-risk-trade-promotions",
              "S", checked="2026-12"),
)
SA = StatePermit(
    "AU-SA", "South Australia", "major trade promotion lottery licence", "Consumer and Business Services", 5_000, 14, True,
    Reference('SA Government, Trade promotions: "If the total prize amount is over $5,000 ... it\'s a major trade promotion" '
              'needing a licence; "Complete and submit an application form at least 14 business days before the lottery begins"',
              "https://www.sa.gov.au/topics/business-and-trade/running-a-business/trade-promotions", "V", checked="2026-12"),
)
