from campaignsim.builtin.wechat._sources import OPS_RULES
from campaignsim.builtin.wechat._steps import COMMENT_TO_ENTER_EXAMPLE, as_reward, is_channels, rewarded
from campaignsim.lint.rule import Enforcement, Reference, Rule


class FollowForPrize(Rule):
    """Following rewarded with a prize or a draw chance: WeChat's induced following (诱导关注)."""

    code = "WX003"
    name = "follow-for-prize"
    severity = "error"
    platforms = ("wechat",)
    enforcement = Enforcement(weight=0.5, family="wechat-induced-following", source="[U]: WeChat removes the followers gained rather than always the post (2014 notice); half the induced-sharing weight is an assumption")
    reads = ("entry", "platform")
    summary = (
        "An entry step asks entrants to follow an account and is rewarded with a draw entry, a gift or extra "
        "chances. Official accounts, H5 pages and Mini Programs; Channels: WX008."
    )
    rationale = (
        "WeChat forbids 分享或关注后获得礼品…或增加抽奖机会 — gifts or extra draw chances after sharing or "
        "following — and in its 2015 red-packet crackdown deleted the followers so gained and closed accounts "
        "(关注即可领取红包 → 删除粉丝及封号). Followers bought with a draw leave once it ends anyway."
    )
    fail_example = """
[platform]
name = "wechat"
account = "subscription"
[[entry.steps]]
action = "follow"
"""
    pass_example = COMMENT_TO_ENTER_EXAMPLE
    references = (
        OPS_RULES,
        Reference("微信小程序平台运营规范 on inducement: 分享或关注后获得礼品…或增加抽奖机会", "https://m.dgdlms.cn/show-1354.html", "S"),
        Reference("WeChat red-packet crackdown 2015: 关注即可领取红包 → 删除粉丝及封号", "http://chabaoo.cn/softjc/361474.html", "S"),
        Reference("WeChat notice 2014-12-30 on induced following and sharing", "http://www.zbjdyw.com/news_show.asp?id=314", "S"),
    )

    def check(self, scenario, context):
        if is_channels(scenario):
            return  # Channels have their own, broader rule (WX008)
        for i, step in enumerate(scenario.entry.steps):
            if step.action == "follow" and rewarded(step):
                whose = f"a {step.account_platform} account" if step.account_platform else "the account"
                yield self.violation(
                    f"entry.steps[{i}]",
                    f"step {i + 1} 'follow {whose}' {as_reward(step)}; WeChat treats following for a prize as induced "
                    "following (诱导关注) and deletes the followers gained",
                    "Drop the follow step; followers may be invited in the article, but entry must not depend on it.",
                )
