from campaignsim.builtin.china_law.limits import AD_GIFT_DETAILS
from campaignsim.builtin.china_law import _sources as src
from campaignsim.lint.rule import Reference, Rule

AD_CHANNEL = "ad"


def advertised(scenario) -> bool:
    """Whether the campaign is advertised: a scheduled ad, or a paid KOL post (an ad in law)."""
    return scenario.content.kol_paid or any(post.channel == AD_CHANNEL for post in scenario.schedule)


class AdPrizeDetailsMissing(Rule):
    """An ad that mentions the prize but not what, how many, until when and how."""

    code = "CN-LAW005"
    name = "ad-prize-details-missing"
    severity = "warning"
    jurisdictions = ("CN",)
    reads = ("content", "schedule")
    summary = (
        "The campaign is advertised (an `ad` post in the schedule or a paid KOL post), the ad mentions the prize, "
        "and `content.ad_prize_details` lacks variety, spec, quantity, period or method."
    )
    rationale = (
        "Advertising Law Art. 8: an ad that offers a gift with goods or services 应当明示所附带赠送商品或者服务的"
        "品种、规格、数量、期限和方式 — the variety, specification, quantity, period and method. An ad saying only "
        "\"win big prizes\" breaches it, however complete the terms page is."
    )
    fail_example = """
[[schedule]]
at = 2027-03-01T10:00:00+08:00
channel = "ad"
[content]
mentions_prize = true
ad_prize_details = ["variety"]
"""
    pass_example = """
[[schedule]]
at = 2027-03-01T10:00:00+08:00
channel = "ad"
[content]
mentions_prize = true
ad_prize_details = ["variety", "spec", "quantity", "period", "method"]
"""
    references = (
        Reference("广告法 (Advertising Law) Art. 8: 应当明示所附带赠送商品或者服务的品种、规格、数量、期限和方式",
                  None, "V"),
        src.ADVERTISING_LAW,
    )

    def check(self, scenario, context):
        content = scenario.content
        if not content.mentions_prize or not advertised(scenario):
            return
        missing = [detail for detail in AD_GIFT_DETAILS if detail not in content.ad_prize_details]
        if missing:
            yield self.violation(
                "content.ad_prize_details",
                f"the ad mentions the prize but does not state its {', '.join(missing)}; Chinese advertising law "
                "requires an ad offering a gift to state variety, spec, quantity, period and method",
                "Name the prize exactly in the ad (e.g. \"10 × Tea gift box, 500 g; draw 9 March; random draw of comments\").",
            )
