from campaignsim.builtin.us_law.limits import CHANCE_DRAWS, FLORIDA_MATERIAL_TERMS, STATE_REGISTRATIONS
from campaignsim.lint.context import open_in
from campaignsim.lint.rule import Reference, Rule

_FL = {s.jurisdiction: s for s in STATE_REGISTRATIONS}["US-FL"]
CURRENCY = "USD"


class FloridaMaterialTerms(Rule):
    """Florida's registered game promotions carry their material terms in every ad."""

    code = "US006"
    name = "florida-material-terms-in-ads"
    severity = "error"
    jurisdictions = ("US-FL",)
    reads = ("campaign", "prize", "terms")
    summary = (f"A chance promotion open in Florida with prizes over {_FL.threshold_usd:,.0f} USD does not state the material terms "
               "Florida requires in its advertising (operator, no purchase necessary, dates, eligibility, where it is void).")
    rationale = (
        "Florida's game-promotion statute (§849.094(3)) makes the operator of a promotion with prizes over 5,000 USD publish "
        "its rules in all advertising, or at least the material terms with a link to the full rules; the Department of "
        "Agriculture's rule 5J-14.001 lists them: the operator's and promotion's names, that no purchase is necessary, the "
        "start and end dates, who is eligible by age and location, and where the promotion is void. A social post that "
        "announces the giveaway is advertising copy. The check reads `terms.discloses` (organiser, free_route, start_date, "
        "closing_date, eligibility, void_regions) as what the campaign's posts and rules state."
    )
    fail_example = ('[campaign]\njurisdictions = ["US"]\n\n[prize]\ndraw = "random"\n\n[[prize.items]]\nname = "E-bike"\nvalue = 6200\n'
                    'currency = "USD"\n\n[terms]\ndiscloses = ["organiser", "start_date", "closing_date"]')
    pass_example = ('[campaign]\njurisdictions = ["US"]\n\n[prize]\ndraw = "random"\n\n[[prize.items]]\nname = "E-bike"\nvalue = 6200\n'
                    'currency = "USD"\n\n[terms]\ndiscloses = ["organiser", "free_route", "start_date", "closing_date", "eligibility", '
                    '"void_regions"]')
    references = (
        Reference('Fla. Admin. Code r. 5J-14.001, Material Terms in Advertisements: "any advertising copy shall include" the '
                  "operator and promotion name, no purchase necessary, start and end dates, eligibility, where the promotion is void",
                  "https://casetext.com/regulation/florida-administrative-code/department-5-department-of-agriculture-and-consumer-services/division-5j-division-of-consumer-services/chapter-5j-14-game-promotion/section-5j-14001-material-terms-in-advertisements",
                  "S", checked="2026-12"),
        Reference('Fla. Stat. §849.094(3) as amended by CS/SB 552 (2005): advertising copy "need only include the material terms" '
                  "when it links the full rules", "https://flsenate.gov/Session/Bill/2005/552/BillText/er/HTML", "V", checked="2026-12"),
    )

    def check(self, scenario, context):
        if scenario.prize.draw not in CHANCE_DRAWS or not open_in(scenario.campaign, "US-FL"):
            return
        total = context.prize_total(scenario.prize.items, CURRENCY)
        if total.amount <= _FL.threshold_usd:
            return  # below the threshold, or not judged for want of a rate (US002 says so)
        stated = set(scenario.terms.discloses)
        missing = [(item, what) for item, what in FLORIDA_MATERIAL_TERMS if item not in stated]
        if missing:
            yield self.violation(
                "terms.discloses",
                f"the prizes total {total.describe()}, so Florida requires every ad to state its material terms, and "
                f"{', '.join(what for _, what in missing)} {'is' if len(missing) == 1 else 'are'} not stated",
                "Put the material terms and a link to the full rules in every post and ad, then add "
                + ", ".join(f'"{item}"' for item, _ in missing) + " to terms.discloses.",
            )
