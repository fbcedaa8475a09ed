from campaignsim.lint.rule import Reference, Rule


class FollowOtherPlatform(Rule):
    """A Weibo draw that asks entrants to follow accounts on another platform."""

    code = "WB005"
    name = "follow-other-platform"
    severity = "error"
    platforms = ("weibo",)
    reads = ("entry",)
    summary = "An entry step asks entrants to follow an account on another platform (`account_platform` other than Weibo)."
    rationale = (
        "Weibo's business conduct rules list 诱导用户关注其他平台账号 — inducing users to follow accounts on other "
        "platforms — as a violation (follower-baiting, 骗粉). The draw is removed and the account penalised."
    )
    fail_example = """
[[entry.steps]]
action = "follow"
account_platform = "wechat"
"""
    pass_example = """
[[entry.steps]]
action = "follow"
"""
    references = (
        Reference("微博商业行为规范办法: 诱导用户关注其他平台账号 listed as a violation", "https://web.aigexing.com/shenghuo/373292.html", "S"),
    )

    def check(self, scenario, context):
        for i, step in enumerate(scenario.entry.steps):
            if step.action != "follow" or not step.account_platform:
                continue
            spec = context.platform(step.account_platform)
            if (spec.name if spec is not None else step.account_platform) == "weibo":
                continue
            yield self.violation(
                f"entry.steps[{i}].account_platform",
                f"step {i + 1} asks entrants to follow an account on {step.account_platform}; Weibo counts inducing "
                "users to follow accounts on other platforms as a violation",
                "Ask for a follow of the brand's Weibo account only, or none; mention the other account without "
                "making it a condition.",
            )
