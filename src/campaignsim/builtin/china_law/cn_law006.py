from campaignsim.builtin.china_law import _sources as src
from campaignsim.lint.rule import Reference, Rule


class KolPostNotLabelledAd(Rule):
    """A KOL post with a shopping link that does not say it is an ad."""

    code = "CN-LAW006"
    name = "kol-post-not-labelled-ad"
    severity = "error"
    jurisdictions = ("CN",)
    reads = ("campaign", "content")
    summary = "A KOL campaign (`campaign.kind = \"kol\"` or `content.kol_paid`) posts with a purchase link but without the label \"广告\"."
    rationale = (
        "The Internet Advertising Measures (互联网广告管理办法, 2023), Art. 9, treat experience sharing and consumer reviews "
        "that carry a shopping link as ads: 通过知识介绍、体验分享、消费测评等形式推销商品、服务，附加购物链接等购买方式的，"
        "广告发布者应当显著标明“广告”. An unlabelled KOL post is native advertising, and both brand and KOL answer for it."
    )
    fail_example = """
[campaign]
kind = "kol"
[content]
kol_paid = true
purchase_link = true
ad_label = false
"""
    pass_example = """
[campaign]
kind = "kol"
[content]
kol_paid = true
purchase_link = true
ad_label = true
"""
    references = (
        src.INTERNET_AD_MEASURES, src.INTERNET_AD_CHECKLIST,
        Reference("互联网广告管理办法 (Internet Advertising Measures) 2023: 附加购物链接…应当显著标明“广告”",
                  "https://xining.baogaosu.com/xinwen/西宁直播带货达人探店规定发布/116520306", "S"),
    )

    def check(self, scenario, context):
        content = scenario.content
        if not (scenario.campaign.kind == "kol" or content.kol_paid):
            return
        if content.purchase_link and not content.ad_label:
            yield self.violation(
                "content.ad_label",
                "the KOL posts carry a purchase link but are not labelled \"广告\"; Chinese law requires posts that "
                "sell through experience sharing or reviews to be clearly marked as advertising",
                "Mark each KOL post prominently with \"广告\" and set content.ad_label = true, or drop the shopping link.",
            )
