from campaignsim.lint.context import in_jurisdiction
from campaignsim.lint.rule import Reference, Rule

AUCL_2019 = Reference(
    "Anti-Unfair Competition Law of the PRC (2019) Art. 8: no false or misleading commercial promotion of 销售状况、用户评价 "
    "(sales, user reviews), and no 组织虚假交易 (organised fake transactions); fine 200,000–1,000,000 CNY (Art. 20). "
    "Text as quoted identically in several secondary copies; official page not read",
    None, "S",
)
AUCL_2025 = Reference(
    "Anti-Unfair Competition Law of the PRC, 2025 revision (in force 2025-10-15) Art. 9: adds 虚假评价 (fake reviews) to "
    "false promotion and bans organising fake transactions and fake reviews for others",
    "http://m.xydpcl.com/article/detail/849", "S",
)
ONLINE_AUCL_PROVISIONS = Reference(
    "网络反不正当竞争暂行规定 (SAMR Interim Provisions on Online Unfair Competition, 2024) Art. 9: traffic fraud "
    "(流量造假) on sales, transaction data, business data and user reviews",
    "https://fachmijaidi.com/17454.html", "S-",
)
FTC_PART_465 = Reference(
    "16 CFR Part 465 (FTC Rule on the Use of Consumer Reviews and Testimonials, in force 2024-10-21) §465.8: no one may "
    "purchase or procure fake indicators of social media influence (followers, views, likes from bots or hijacked "
    "accounts) to misrepresent their influence for a commercial purpose; civil penalties per violation",
    "https://www.federalregister.gov/documents/2024/08/22/2024-18519/trade-regulation-rule-on-the-use-of-consumer-reviews-and-testimonials",
    "S",
)


class BoughtEngagement(Rule):
    """Bought followers, likes, comments or entries are fake indicators of popularity, and unlawful."""

    code = "GEN010"
    name = "bought-engagement"
    severity = "error"
    reads = ("campaign", "entry")
    summary = "The campaign buys followers, likes, comments or entries."
    rationale = (
        "Bought engagement makes the campaign look more popular than it is, which is what the law calls false "
        "promotion. In China the Anti-Unfair Competition Law bans false promotion of sales and user reviews and "
        "organised fake transactions (Art. 8, 2019; Art. 9 of the 2025 revision adds fake reviews), and SAMR's 2024 "
        "online provisions list traffic fraud explicitly. In the US the FTC's 2024 rule makes buying fake indicators "
        "of social media influence a violation with civil penalties. Platforms remove fake accounts in sweeps, so the "
        "bought numbers also vanish mid-campaign and distort the result the campaign is judged by; bought entries "
        "make the draw unfair to real entrants."
    )
    fail_example = "[entry]\nbought_engagement = true"
    pass_example = "[entry]\nbought_engagement = false"
    references = (AUCL_2019, AUCL_2025, ONLINE_AUCL_PROVISIONS, FTC_PART_465)

    def check(self, scenario, context):
        if not scenario.entry.bought_engagement:
            return
        laws = []
        if in_jurisdiction(scenario.jurisdictions, "CN"):
            laws.append("China's Anti-Unfair Competition Law (Art. 8; Art. 9 of the 2025 revision)")
        if in_jurisdiction(scenario.jurisdictions, "US"):
            laws.append("the FTC rule on fake social media indicators (16 CFR 465.8)")
        where = f"; it breaks {' and '.join(laws)}" if laws else "; consumer-protection law treats it as false promotion"
        yield self.violation("entry.bought_engagement",
                             f"the campaign buys followers, likes, comments or entries{where}",
                             "Stop buying engagement; put the budget into the prizes or promoted posts, which are "
                             "labelled as ads and reach real people.")
