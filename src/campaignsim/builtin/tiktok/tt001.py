from campaignsim.lint.rule import Reference, Rule


class TikTokPromotionRequirements(Rule):
    """TikTok's advertising policies put the legal burden of a promotion on the advertiser."""

    code = "TT001"
    name = "tiktok-promotion-requirements"
    severity = "error"
    platforms = ("tiktok",)
    reads = ("campaign", "content", "terms")
    summary = "No link to official rules, copy that implies TikTok endorses the promotion, or a paid creator post without an ad label."
    rationale = (
        "TikTok's advertising guidelines (section 9, promotions) say a promotion must comply with all legal requirements, "
        "including posting official rules, and must not imply that TikTok endorses it. Paid creator content that is not "
        "labelled as advertising breaks the same policies and consumer-protection law. Such promotions are rejected or "
        "taken down, and the entries go with them."
    )
    fail_example = '[platform]\nname = "tiktok"\n\n[content]\nkol_paid = true\nimplies_platform_endorsement = true'
    pass_example = ('[platform]\nname = "tiktok"\n\n[terms]\nurl = "https://brand.example/official-rules"\n\n'
                    "[content]\nkol_paid = true\nad_label = true")
    references = (
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
        creator_post = content.kol_paid or scenario.campaign.kind == "kol"
        if creator_post and not content.ad_label:
            who = "a paid creator" if content.kol_paid else "a creator (campaign kind kol)"
            yield self.violation(
                "content.ad_label",
                f"{who} posts about the campaign without an ad label; TikTok requires branded content to be disclosed",
                "Switch on TikTok's content-disclosure (branded content) toggle and add #ad, then set content.ad_label = true.",
            )
