from campaignsim.builtin.general._ages import underage_prize
from campaignsim.builtin.general.limits import ALCOHOL_MIN_AGE, ALCOHOL_MIN_AGE_DEFAULT
from campaignsim.lint.rule import Reference, Rule


class AlcoholPrizeAgeGate(Rule):
    """An alcohol prize goes only to people old enough to buy it where the campaign runs."""

    code = "GEN017"
    name = "alcohol-prize-without-age-gate"
    severity = "error"
    reads = ("campaign", "prize", "audience")
    summary = ("A prize is alcohol and the campaign is not limited to people of legal drinking age where it runs "
               f"(21 in the US, {ALCOHOL_MIN_AGE_DEFAULT} in most other countries).")
    rationale = (
        "Giving alcohol to someone who may not buy it is supplying a minor. US sweepstakes with alcohol prizes or sponsors "
        "limit entry to 21-year-olds (Maryland writes it into its promotion rules: participants \"shall be of legal drinking "
        "age\"); South Australia voids the entry of anyone the prize could not legally be sold to; China forbids selling "
        "alcohol to minors. The age is the strictest of the places the campaign is open to (a campaign open in the US needs "
        "21 unless it excludes the US), from `builtin/general/limits.py`. Set `prize.items[].category = \"alcohol\"` and "
        "`audience.min_age`."
    )
    fail_example = ('[campaign]\njurisdictions = ["US"]\n\n[[prize.items]]\nname = "Single malt, 70 cl"\nvalue = 80\n'
                    'currency = "USD"\ncategory = "alcohol"\n\n[audience]\nmin_age = 18')
    pass_example = ('[campaign]\njurisdictions = ["US"]\n\n[[prize.items]]\nname = "Single malt, 70 cl"\nvalue = 80\n'
                    'currency = "USD"\ncategory = "alcohol"\n\n[audience]\nmin_age = 21')
    references = (
        Reference('CAP Code 8.4: "Alcoholic drinks must not feature in promotions directed at people under 18. Alcohol must not '
                  'be available on promotion to anyone under 18" (text read in a copy of the code section)',
                  "https://www.asa.org.uk/type/non_broadcast/code_section/08.html", "S", checked="2026-12"),
        Reference('Maryland COMAR 03.02.05.08 B(1): "Sweepstakes and contest participants shall be of legal drinking age"',
                  "http://www.dsd.state.md.us/comar/comarhtml/03/03.02.05.08.htm", "V", checked="2026-12"),
        Reference("23 U.S.C. §158: national minimum drinking age of 21", "https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title23-section158&num=0&edition=prelim",
                  "S", checked="2026-12"),
        Reference('Lottery and Gaming Regulations 2008 (SA) r. 32(b): the entry of a person in a lottery with a prize "the person, '
                  'by reason of his or her age, would not otherwise be permitted to purchase is void"',
                  "http://corrigan.austlii.edu.au/au/legis/sa/consol_reg//lagr2008299/s32.html", "S", checked="2026-12"),
        Reference("Minors Protection Law of the PRC (2020) Art. 59: no alcohol or tobacco to minors",
                  "http://www.npc.gov.cn/npc/c2/c30834/202010/t20201017_308282.html", "S", checked="2026-12"),
    )

    def check(self, scenario, context):
        found = underage_prize(scenario, ("alcohol",), ALCOHOL_MIN_AGE, ALCOHOL_MIN_AGE_DEFAULT)
        if found is None:
            return
        item, gap, needed, place = found
        yield self.violation(
            "audience.min_age",
            f"prize \"{item.name}\" is alcohol and {gap}; the legal drinking age{place} is {needed}",
            f"Limit entry to people aged {needed} or over (audience.min_age = {needed}), state it in the eligibility rules and "
            "check winners' age before delivery; or offer a prize that is not alcohol.",
        )
