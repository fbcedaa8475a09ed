from campaignsim.builtin.general._ages import underage_prize
from campaignsim.builtin.general.limits import GAMBLING_MIN_AGE, GAMBLING_MIN_AGE_DEFAULT
from campaignsim.lint.rule import Reference, Rule


class GamblingPrizeAgeGate(Rule):
    """Casino credit, bets and lottery tickets as prizes are gambling: only for adults."""

    code = "GEN019"
    name = "gambling-prize-without-age-gate"
    severity = "error"
    reads = ("campaign", "prize", "audience")
    summary = ("A prize is gambling (casino credit, free bets, lottery tickets) and the campaign is not limited to people of "
               f"gambling age ({GAMBLING_MIN_AGE_DEFAULT}+, 21 in the US).")
    rationale = (
        "A free bet or a lottery ticket won by a child is an invitation to gamble, which the UK makes an offence (Gambling "
        "Act 2005 s. 46) and every regulated market forbids; China forbids selling lottery tickets to minors or paying them "
        "winnings. The age is the strictest of the places the campaign is open to: 21 where the US is open (most states' "
        "casino age), 19 in most of Canada, 18 elsewhere. Set `prize.items[].category = \"gambling\"` or "
        "`\"lottery_ticket\"` and `audience.min_age`."
    )
    fail_example = ('[campaign]\njurisdictions = ["GB"]\n\n[[prize.items]]\nname = "£20 free bet"\nvalue = 20\ncurrency = "GBP"\n'
                    'category = "gambling"')
    pass_example = fail_example + "\n\n[audience]\nmin_age = 18"
    references = (
        Reference('Gambling Act 2005 s. 46: "A person commits an offence if he invites, causes or permits a child or young person to gamble"',
                  "https://www.legislation.gov.uk/ukpga/2005/19/section/46", "S", checked="2026-12"),
        Reference("Minors Protection Law of the PRC (2020) Art. 59: no lottery tickets sold to minors, no winnings paid to them",
                  "http://www.npc.gov.cn/npc/c2/c30834/202010/t20201017_308282.html", "S", checked="2026-12"),
    )

    def check(self, scenario, context):
        found = underage_prize(scenario, ("gambling", "lottery_ticket"), GAMBLING_MIN_AGE, GAMBLING_MIN_AGE_DEFAULT)
        if found is None:
            return
        item, gap, needed, place = found
        yield self.violation(
            "audience.min_age",
            f"prize \"{item.name}\" is gambling ({item.category.replace('_', ' ')}) and {gap}; the gambling age{place} is {needed}",
            f"Limit entry to people aged {needed} or over (audience.min_age = {needed}) and verify winners' age, or offer a "
            "prize that is not gambling.",
        )
