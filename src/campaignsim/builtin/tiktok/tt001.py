from campaignsim.lint.rule import Reference, Rule

CHECKED = "2026-12"


class TikTokPromotionRequirements(Rule):
    """TikTok's rules for promotions: official rules, no implied endorsement, the content-disclosure setting."""

    code = "TT001"
    name = "tiktok-promotion-requirements"
    severity = "error"
    platforms = ("tiktok",)
    reads = ("campaign", "content", "terms")
    summary = (
        "No link to official rules, copy that implies TikTok endorses the promotion, or posts without TikTok's "
        "content-disclosure setting (`content.ad_label`) — required on any post promoting a brand, the brand's own "
        "included, not only on paid creators' posts."
    )
    rationale = (
        "TikTok's advertising guidelines (section 9, promotions) say a promotion must comply with all legal requirements, "
        "including posting official rules, and must not imply that TikTok endorses it. TikTok's help centre: \"When "
        "posting content that promotes a brand, product, or service on TikTok, you must turn on the content disclosure "
        "setting\", and promoting content \"includes: Promoting yourself or your own business\" as well as a third "
        "party's brand for payment. A giveaway post promotes the brand that runs it, so the setting belongs on the "
        "brand's own posts (\"Your brand\", shown as Promotional content) and on paid creators' posts (\"Branded "
        "content\", shown as Paid partnership). Without it TikTok \"may remove or restrict your posts\", and the entries "
        "go with them."
    )
    fail_example = '[platform]\nname = "tiktok"\n\n[content]\nkol_paid = true\nimplies_platform_endorsement = true'
    pass_example = ('[platform]\nname = "tiktok"\n\n[terms]\nurl = "https://brand.example/official-rules"\n\n'
                    "[content]\nkol_paid = true\nad_label = true")
    references = (
        Reference('TikTok Help Center, "Promoting a brand, product, or service": "This includes: Promoting yourself or '
                  'your own business… you must turn on the content disclosure setting"',
                  "https://support.tiktok.com/en/business-and-creator/creator-and-business-accounts/promoting-a-brand-product-or-service",
                  "V", CHECKED),
        Reference('TikTok Ads help, "How to turn on the commercial content disclosure setting": select whether you\'re '
                  'promoting Your brand or Branded content',
                  "https://ads.tiktok.com/help/article/how-to-turn-on-the-commercial-content-disclosure-setting-in-tiktok",
                  "V", CHECKED),
        Reference('TikTok advertising guidelines §9, promotions (copy): "must comply with all legal requirements… posting official '
                  'rules… must not imply a TikTok endorsement"', "https://www.promoveritas.com/tiktok-promotions/", "S"),
    )

    def check(self, scenario, context):
        if not scenario.terms.url:
            yield self.violation(
                "terms.url",
                "the campaign links to no official rules (terms.url is not set); TikTok requires promotions to post their official rules",
                "Publish the official rules on a page of your own and link it from the post (terms.url).",
            )
        content = scenario.content
        if content.implies_platform_endorsement:
            yield self.violation(
                "content.implies_platform_endorsement",
                "the copy suggests TikTok endorses or runs the promotion, which TikTok's promotion policy forbids",
                "Remove wording such as \"official TikTok giveaway\" and state that TikTok does not sponsor or endorse the promotion.",
            )
        if content.ad_label:
            return
        if content.kol_paid or scenario.campaign.kind == "kol":
            who = "a paid creator" if content.kol_paid else "a creator (campaign kind kol)"
            yield self.violation(
                "content.ad_label",
                f"{who} posts about the campaign without TikTok's content-disclosure setting; branded content must be "
                "disclosed as a paid partnership",
                "Switch on \"Disclose commercial content\" and choose Branded content on each creator post, then set "
                "content.ad_label = true.",
            )
        else:
            yield self.violation(
                "content.ad_label",
                "the brand's own posts promote the campaign without TikTok's content-disclosure setting; TikTok requires it "
                "on any post promoting a brand, product or service, the brand's own included",
                "Switch on \"Disclose commercial content\" and choose Your brand on each campaign post, then set "
                "content.ad_label = true.",
            )
