from campaignsim.builtin.wechat._steps import SHARE_ACTIONS, as_reward, is_channels, rewarded, shown
from campaignsim.lint.rule import Reference, Rule

BAITED_ACTIONS = SHARE_ACTIONS + ("follow", "like", "comment")


class ChannelsRewardedInteraction(Rule):
    """On WeChat Channels, a share, follow, like or comment rewarded with a prize."""

    code = "WX008"
    name = "channels-rewarded-interaction"
    severity = "error"
    platforms = ("wechat",)
    account_kinds = ("channels",)
    reads = ("entry", "platform")
    summary = "A Channels (视频号) campaign rewards sharing, following, liking or commenting with a draw entry or a prize."
    rationale = (
        "The Weixin Channels operation standards forbid 利诱用户进行分享、关注、点赞和评论 — baiting users with "
        "benefits to share, follow, like or comment — and give 集赞 and 分享可增加一次抽奖机会 as examples. On "
        "Channels a comment rewarded with a draw entry is as much a breach as a rewarded share. Content is "
        "throttled or removed and the account penalised."
    )
    fail_example = """
[platform]
name = "wechat"
account = "channels"
[[entry.steps]]
action = "like"
"""
    pass_example = """
[platform]
name = "wechat"
account = "channels"
[[entry.steps]]
action = "form"
fields = ["name", "phone"]
"""
    references = (
        Reference("Weixin Channels Operation Standards", "https://weixin.qq.com/cgi-bin/readtemplate?lang=en_US&t=weixin_agreement&s=video&cc=CN", "S"),
        Reference("Channels clause: 利诱用户进行分享、关注、点赞和评论…集赞，分享可增加一次抽奖机会", "http://www.ostmcn.com/article-755.html", "S"),
    )

    def check(self, scenario, context):
        if not is_channels(scenario):
            return
        for i, step in enumerate(scenario.entry.steps):
            if step.action in BAITED_ACTIONS and rewarded(step):
                yield self.violation(
                    f"entry.steps[{i}]",
                    f"step {i + 1} '{shown(step)}' {as_reward(step)}; WeChat Channels forbid rewarding shares, follows, "
                    "likes or comments (利诱用户进行分享、关注、点赞和评论)",
                    "Let entrants register through a form instead; invite interaction without tying it to the prize.",
                )
