from campaignsim.builtin.wechat._sources import INDUCED_SHARING, OPS_RULES
from campaignsim.builtin.wechat._steps import COMMENT_TO_ENTER_EXAMPLE, as_reward, rewarded, shown
from campaignsim.lint.rule import Reference, Rule

# The mechanics WeChat's external-link rules name, with the word the rules use.
NAMED_MECHANICS = {
    "collect_likes": "collecting likes (集赞)",
    "assist": "friend assistance (助力/砍价/加速)",
    "collect_cards": "collecting cards or fragments (集卡/集福/集碎片)",
    "check_in": "check-in streaks (collection tasks)",
}


class NamedInducementMechanic(Rule):
    """Collect-likes, friend-assist, card-collecting or check-in mechanics for a prize."""

    code = "WX004"
    name = "named-inducement-mechanic"
    severity = "error"
    platforms = ("wechat",)
    enforcement = INDUCED_SHARING
    reads = ("entry",)
    summary = "Entry uses collect-likes (集赞), friend assistance (助力/砍价), card collecting (集卡) or a check-in streak."
    rationale = (
        "WeChat's external-link rules name these mechanics as induced sharing: 邀请好友协助 (inviting friends to "
        "assist) and 设置收集任务（集赞、集卡、集福、集碎片） (collection tasks). Pages built on them are blocked and the "
        "account restricted. Vote-canvassing (拉票) is not covered here: no specific clause was found."
    )
    fail_example = """
[platform]
name = "wechat"
account = "subscription"
[[entry.steps]]
action = "collect_likes"
count = 38
"""
    pass_example = COMMENT_TO_ENTER_EXAMPLE
    references = (
        OPS_RULES,
        Reference("微信外部链接内容管理规范 2.1.2: 邀请好友协助…设置收集任务（集赞、集卡、集福、集碎片） (quoted in a WeChat notice)",
                  "http://xiaofei.caiding5.cn/xiuxian/160614.html", "S"),
        Reference("Vote-canvassing (拉票): no specific clause found", None, "U"),
    )

    def check(self, scenario, context):
        for i, step in enumerate(scenario.entry.steps):
            if step.action in NAMED_MECHANICS and rewarded(step):
                yield self.violation(
                    f"entry.steps[{i}]",
                    f"step {i + 1} '{shown(step)}' {as_reward(step)}; WeChat's rules name "
                    f"{NAMED_MECHANICS[step.action]} as induced sharing",
                    "Replace it with a single action by the entrant alone, such as a comment or a form entry.",
                )
