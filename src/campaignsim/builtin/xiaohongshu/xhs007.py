from campaignsim.lint.rule import Reference, Rule


class BrandCollaborationNotDeclared(Rule):
    """A paid Xiaohongshu note that does not declare the brand collaboration."""

    code = "XHS007"
    name = "xhs-collaboration-not-declared"
    severity = "error"
    platforms = ("xiaohongshu",)
    reads = ("campaign", "content")
    summary = "Paid creators post notes about the campaign (`content.kol_paid` or kind `kol`) without declaring the collaboration (`content.ad_label`)."
    rationale = (
        "Xiaohongshu's community rules: 如果分享的笔记为品牌合作内容，例如品牌宣传、品牌赠送、品牌邀请试用、品牌签约、特邀撰写"
        "内容等，需要在笔记标题或内容中公开说明 — a note made in collaboration with a brand (promotion, gifted product, "
        "invited trial, contract) says so in its title or text; brand collaborations are expected to run through the "
        "platform's own cooperation channel, which labels them. Undeclared paid notes are throttled or removed and the "
        "creator's account penalised. In China the advertising label is also the law's requirement (CN-LAW006, CN-LAW008)."
    )
    fail_example = """
[platform]
name = "xiaohongshu"
account = "brand"
[content]
kol_paid = true
ad_label = false
"""
    pass_example = """
[platform]
name = "xiaohongshu"
account = "brand"
[content]
kol_paid = true
ad_label = true
"""
    references = (
        Reference("小红书社区规范 (copy, 2018): 如果分享的笔记为品牌合作内容…需要在笔记标题或内容中公开说明",
                  "http://www.cnmishu.net/opinion/2018/1120/1656.html", "S", "2026-12"),
        Reference("Xiaohongshu community rules (official page)", "https://www.xiaohongshu.com/crown/community/rules", "U", "2026-12"),
    )

    def check(self, scenario, context):
        content = scenario.content
        if content.ad_label or not (content.kol_paid or scenario.campaign.kind == "kol"):
            return
        yield self.violation(
            "content.ad_label",
            "creators' notes about the campaign do not declare the brand collaboration; Xiaohongshu requires collaboration "
            "notes to say so in the title or text",
            "Run the collaboration through Xiaohongshu's cooperation channel or declare it in each note, and set "
            "content.ad_label = true.",
        )
