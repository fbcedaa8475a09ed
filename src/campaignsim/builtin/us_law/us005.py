from campaignsim.builtin._prizes import most_one_winner_gets
from campaignsim.builtin.us_law.limits import (
    PRIZE_REPORTING_FROM,
    PRIZE_REPORTING_THRESHOLD_BEFORE_USD,
    PRIZE_REPORTING_THRESHOLD_USD,
)
from campaignsim.lint.rule import Reference, Rule

CURRENCY = "USD"


class PrizeTaxReporting(Rule):
    """A US winner of prizes worth the 1099-MISC threshold or more gets a tax form; the rules must prepare them for it."""

    code = "US005"
    name = "us-prize-tax-reporting"
    severity = "warning"
    jurisdictions = ("US",)
    reads = ("campaign", "prize", "terms")
    summary = (f"One US winner can receive prizes worth {PRIZE_REPORTING_THRESHOLD_USD:,} USD or more (the Form 1099-MISC "
               "threshold for payments from 2026) and the rules do not say so.")
    rationale = (
        "Prizes are taxable income in the US, and a sponsor that gives one person prizes worth the reporting threshold in a year "
        "files Form 1099-MISC and needs the winner's taxpayer number first. The threshold was 600 USD for payments up to the end "
        f"of 2025 and is {PRIZE_REPORTING_THRESHOLD_USD:,} USD for payments made from 1 January {PRIZE_REPORTING_FROM} (One Big "
        "Beautiful Bill Act §70433, indexed for inflation from 2027). Winners who learn of the tax only when the form arrives "
        "refuse prizes or complain; the rules should say that winners are responsible for taxes and must give a W-9. The value "
        "one winner can receive counts `prize.prizes_per_winner` units of the most valuable prizes; the check reads "
        "`terms.discloses` for \"restrictions\" (where tax responsibility is stated) and \"eligibility\"."
    )
    fail_example = ('[campaign]\njurisdictions = ["US"]\n\n[[prize.items]]\nname = "E-bike"\nvalue = 2400\ncurrency = "USD"\n\n'
                    '[terms]\ndiscloses = ["prize_names", "prize_value"]')
    pass_example = ('[campaign]\njurisdictions = ["US"]\n\n[[prize.items]]\nname = "E-bike"\nvalue = 2400\ncurrency = "USD"\n\n'
                    '[terms]\ndiscloses = ["prize_names", "prize_value", "restrictions"]')
    references = (
        Reference("Sovos: One Big Beautiful Bill §70433 raises the 1099-MISC threshold to $2,000 \"for payments made after "
                  "December 31, 2025\", inflation-indexed from 2027",
                  "https://sovos.com/regulatory-updates/trr/one-big-beautiful-bill-raises-1099-reporting-thresholds", "S", checked="2026-12"),
        Reference("IRS: About Form 1099-MISC (box 3, prizes and awards): confirm the threshold for the tax year of the award",
                  "https://www.irs.gov/forms-pubs/about-form-1099-misc", "S", checked="2026-12"),
    )

    def check(self, scenario, context):
        year = (scenario.prize.draw_at or scenario.campaign.end).year
        threshold = PRIZE_REPORTING_THRESHOLD_USD if year >= PRIZE_REPORTING_FROM else PRIZE_REPORTING_THRESHOLD_BEFORE_USD
        share = most_one_winner_gets(scenario.prize, CURRENCY, context)
        if share.amount < threshold or "restrictions" in scenario.terms.discloses:
            return
        several = f" ({share.units} prizes)" if share.units > 1 else ""
        yield self.violation(
            "prize.items",
            f"one winner can receive {share.describe()}{several}, at or above the {threshold:,} USD Form 1099-MISC threshold for "
            f"{year}, and the rules do not state the winner's tax responsibility",
            "Say in the official rules that winners are responsible for taxes, that prizes worth the threshold or more are reported "
            "on Form 1099-MISC and that winners must provide a W-9; then add \"restrictions\" to terms.discloses.",
        )
