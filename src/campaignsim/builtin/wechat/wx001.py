from campaignsim.builtin.wechat._sources import INDUCED_SHARING, OPS_RULES
from campaignsim.builtin.wechat._steps import COMMENT_TO_ENTER_EXAMPLE, SHARE_ACTIONS, as_reward, is_channels, rewarded, shown
from campaignsim.builtin.wechat.limits import FIRST_OFFENCE_BAN_DAYS
from campaignsim.lint.rule import Reference, Rule


class ShareToEnter(Rule):
    """Sharing rewarded with a prize or a draw entry: WeChat's induced sharing (诱导分享)."""

    code = "WX001"
    name = "share-to-enter"
    severity = "error"
    platforms = ("wechat",)
    enforcement = INDUCED_SHARING
    reads = ("entry", "platform")
    summary = (
        "An entry step shares or forwards the campaign (to Moments, a group, a chat or friends) and is rewarded "
        "with a draw entry or extra chances. Official accounts, H5 pages and Mini Programs; Channels: WX008."
    )
    rationale = (
        "WeChat's rules ban 强制或诱导用户将消息分享至朋友圈 — forcing or inducing users to share content — with "
        "physical or virtual prizes (实物奖品、虚拟奖品) as the bait, and its external-link rules name claims that "
        "sharing raises the chance of winning (声称分享可增加抽奖机会、中奖概率). WeChat deletes such posts, blocks "
        f"the link and restricts the account (the 2014 notice: a {FIRST_OFFENCE_BAN_DAYS}-day ban for a first offence, "
        "then a permanent one), and entries gathered by the post go with it."
    )
    fail_example = """
[platform]
name = "wechat"
account = "subscription"
[[entry.steps]]
action = "share"
to = "moments"
"""
    pass_example = COMMENT_TO_ENTER_EXAMPLE
    references = (
        OPS_RULES,
        Reference("WeChat official account operation rules 3.3.1: 强制或诱导用户将消息分享至朋友圈…实物奖品、虚拟奖品 (quoted)",
                  "http://wechatmaster.com/weijiang/vip_doc/3306890.html", "S"),
        Reference("微信外部链接内容管理规范 2.1.2: 声称分享可增加抽奖机会、中奖概率 (quoted in a WeChat notice)",
                  "http://xiaofei.caiding5.cn/xiuxian/160614.html", "S"),
        Reference("WeChat penalties for induced sharing", "http://m.413629.com/news/cj/2215152.html", "S"),
        Reference("WeChat notice 2014-12-30: first offence 30-day ban, induced followers deleted; second offence permanent",
                  "http://www.zbjdyw.com/news_show.asp?id=314", "S"),
    )

    def check(self, scenario, context):
        if is_channels(scenario):
            return  # Channels have their own, broader rule (WX008)
        for i, step in enumerate(scenario.entry.steps):
            if step.action in SHARE_ACTIONS and rewarded(step):
                yield self.violation(
                    f"entry.steps[{i}]",
                    f"step {i + 1} '{shown(step)}' {as_reward(step)}; WeChat bans inducing users to share "
                    "(诱导分享) in exchange for prizes or draw chances",
                    "Ask entrants to comment on the article instead, where comments are enabled, or let them enter "
                    "through a form or a keyword reply; sharing may be invited but never rewarded.",
                )
