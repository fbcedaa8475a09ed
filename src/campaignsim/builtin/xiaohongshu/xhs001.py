from campaignsim.lint.rule import Reference, Rule

# What the draw tool's rules name, with the app's own words for them.
ENGAGEMENT_ACTIONS = {
    "follow": "following (关注)",
    "like": "liking (点赞)",
    "bookmark": "saving to collections (收藏)",
    "comment": "commenting (评论)",
    "share": "sharing (分享)",
    "repost": "sharing (分享)",
    "tag_friends": "@-mentioning friends (@好友)",
}


class EngagementToEnter(Rule):
    """A Xiaohongshu draw that makes entrants follow, like, save, comment, share or tag friends."""

    code = "XHS001"
    name = "engagement-to-enter"
    severity = "error"
    platforms = ("xiaohongshu",)
    reads = ("entry",)
    summary = "An entry step asks entrants to follow, like, save (收藏), comment, share or @-mention friends for a draw entry."
    rationale = (
        "Xiaohongshu's official draw tool is joined with one click, and its rules say 不容许借助抽奖活动引导用户…关注帐号、"
        "收藏…评论 — a draw may not be used to steer users into following, saving or commenting. Notes that trade "
        "entries for engagement are throttled or removed. The rule text is only known from reworded copies."
    )
    fail_example = """
[platform]
name = "xiaohongshu"
account = "brand"
[[entry.steps]]
action = "follow"
[[entry.steps]]
action = "bookmark"
"""
    pass_example = """
[platform]
name = "xiaohongshu"
account = "brand"
[prize]
draw_tool = "xhs_lottery"
[[entry.steps]]
action = "join_draw"
"""
    references = (
        Reference("Xiaohongshu draw tool: 不容许借助抽奖活动引导用户…关注帐号、收藏…评论 (reworded copy)", "https://asjzyw.com/youzhi/136958.html", "S-"),
        Reference("Xiaohongshu draw tool rules (reworded copy)", "https://www.06925.com/xhspt/866667330.html", "S-"),
    )

    def check(self, scenario, context):
        for i, step in enumerate(scenario.entry.steps):
            if step.action not in ENGAGEMENT_ACTIONS or (step.optional and step.worth == 0):
                continue
            extra = f"{step.worth} extra {'entry' if step.worth == 1 else 'entries'}"
            tied = f"earns {extra}" if step.optional else "is required to enter"
            yield self.violation(
                f"entry.steps[{i}]",
                f"step {i + 1} '{step.action.replace('_', ' ')}' {tied}; Xiaohongshu's draw rules forbid using a draw "
                f"to steer users into {ENGAGEMENT_ACTIONS[step.action]}",
                "Use the official draw tool, which entrants join with one click (action \"join_draw\"), and drop engagement conditions.",
            )
