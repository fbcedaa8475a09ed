from campaignsim.builtin.general._ages import age_gap, items_in, strictest_age
from campaignsim.builtin.general.limits import TOBACCO_GIVEAWAY_BANS, TOBACCO_MIN_AGE, TOBACCO_MIN_AGE_DEFAULT
from campaignsim.lint.context import open_in
from campaignsim.lint.rule import Reference, Rule


class TobaccoOrVapePrize(Rule):
    """Tobacco and e-cigarettes cannot be given away to promote anything in most markets."""

    code = "GEN018"
    name = "tobacco-or-vape-prize"
    severity = "error"
    reads = ("campaign", "prize", "audience")
    summary = ("A prize is a tobacco product or an e-cigarette: banned as a giveaway in the US, the EU, the UK, China and "
               "Australia, and elsewhere only for adults.")
    rationale = (
        "Free distribution of tobacco products is how tobacco promotion bans are written: the US bars free samples (21 CFR "
        "1140.16(d)) and sales under 21, the EU's tobacco advertising directives and the UK's Tobacco Advertising and "
        "Promotion Act ban promoting them online, China's Advertising Law bans tobacco advertising in mass media, and "
        "Australian law bans tobacco prizes. Every platform's ad and branded-content policies ban them too. Where no ban "
        f"is known the prize may go only to adults ({TOBACCO_MIN_AGE_DEFAULT}+, 21 in the US). Set "
        "`prize.items[].category = \"tobacco\"` or `\"vape\"`."
    )
    fail_example = ('[campaign]\njurisdictions = ["GB"]\n\n[[prize.items]]\nname = "Vape starter kit"\nvalue = 30\n'
                    'currency = "GBP"\ncategory = "vape"')
    pass_example = ('[campaign]\njurisdictions = ["GB"]\n\n[[prize.items]]\nname = "Reusable water bottle"\nvalue = 30\n'
                    'currency = "GBP"\ncategory = "physical"')
    references = (
        Reference("21 CFR 1140.16(d): no free samples of cigarettes, smokeless tobacco or other tobacco products",
                  "https://www.ecfr.gov/current/title-21/chapter-I/subchapter-K/part-1140", "S", checked="2026-12"),
        Reference("FDA: Tobacco 21, no sales of tobacco products (e-cigarettes included) to anyone under 21",
                  "https://www.fda.gov/tobacco-products/retail-sales-tobacco-products/tobacco-21", "S", checked="2026-12"),
        Reference("Tobacco Advertising and Promotion Act 2002 (UK)", "https://www.legislation.gov.uk/ukpga/2002/36", "S", checked="2026-12"),
        Reference("Directive 2014/40/EU Art. 20(5): no commercial communications promoting e-cigarettes in information society services",
                  "https://eur-lex.europa.eu/eli/dir/2014/40/oj", "S", checked="2026-12"),
    )

    def check(self, scenario, context):
        found = items_in(scenario.prize, ("tobacco", "vape"))
        if not found:
            return
        i, item = found[0]
        bans = [code for code in TOBACCO_GIVEAWAY_BANS if open_in(scenario.campaign, code)]
        if bans:
            yield self.violation(
                f"prize.items[{i}].category",
                f"prize \"{item.name}\" is a {item.category.replace('_', ' ')} product; giving it away to promote a brand is "
                f"banned where the campaign runs ({', '.join(bans)})",
                "Replace the prize with one that is not tobacco or an e-cigarette.",
            )
            return
        needed, where = strictest_age(scenario.campaign, TOBACCO_MIN_AGE, TOBACCO_MIN_AGE_DEFAULT)
        gap = age_gap(scenario, needed)
        if gap:
            yield self.violation(
                "audience.min_age",
                f"prize \"{item.name}\" is a {item.category} product and {gap}; it may go only to people aged {needed} or over",
                f"Set audience.min_age = {needed} and check winners' age, or replace the prize; check the local tobacco "
                "advertising law before offering it at all.",
            )
