from campaignsim.builtin.china_law import _sources as src
from campaignsim.builtin.china_law.cn_law005 import AD_CHANNEL
from campaignsim.lint.rule import Rule


class PaidPromotionNotLabelledAd(Rule):
    """Paid promotion in China that is not recognisable as advertising."""

    code = "CN-LAW008"
    name = "paid-promotion-not-labelled-ad"
    severity = "error"
    jurisdictions = ("CN",)
    reads = ("campaign", "content", "schedule")
    summary = (
        "The campaign pays for promotion — a paid KOL post (`content.kol_paid`) or a paid placement (an `ad` post in "
        "the schedule) — and the posts are not labelled \"广告\" (`content.ad_label`)."
    )
    rationale = (
        "Advertising Law Art. 14: 广告应当具有可识别性，能够使消费者辨明其为广告 — an ad must be recognisable as an ad, "
        "and one published through mass media 应当显著标明“广告”. The Internet Advertising Measures (2023) Art. 9 "
        "repeat it for online ads. A paid KOL post is an ad whether or not it carries a shopping link (that case is "
        "CN-LAW006, which this rule leaves to it), and so is a paid placement of the giveaway post. The brand's own "
        "unpaid post on its own account is evidently the brand speaking and is not judged here. Unlabelled ads are "
        "fined, and the platforms take them down."
    )
    fail_example = """
[content]
kol_paid = true
ad_label = false
"""
    pass_example = """
[content]
kol_paid = true
ad_label = true
"""
    references = (src.ADVERTISING_LAW, src.INTERNET_AD_MEASURES, src.INTERNET_AD_CHECKLIST)

    def check(self, scenario, context):
        content = scenario.content
        if content.ad_label:
            return
        kol = content.kol_paid or scenario.campaign.kind == "kol"
        if kol and content.purchase_link:
            return  # CN-LAW006: a KOL post with a shopping link
        placed = [i for i, post in enumerate(scenario.schedule) if post.channel == AD_CHANNEL]
        if content.kol_paid:
            key, what = "content.ad_label", "paid KOL posts promote the campaign"
        elif placed:
            key, what = f"schedule[{placed[0]}]", f"the campaign is promoted by {len(placed)} paid placement(s) (channel \"ad\")"
        else:
            return
        yield self.violation(
            key,
            f"{what} but are not labelled \"广告\"; Chinese advertising law requires paid promotion to be recognisable "
            "as advertising (Advertising Law Art. 14)",
            "Mark each paid post prominently with \"广告\" (or the platform's ad label) and set content.ad_label = true.",
        )
