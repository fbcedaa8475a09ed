from campaignsim.lint.rule import Reference, Rule

INTERACTIONS = {
    "like": "liking (点赞)", "comment": "commenting (评论)", "follow": "following (关注)", "share": "sharing (分享)",
    "repost": "reposting (转发)", "tag_friends": "@-mentioning friends (@好友)",
}


class RewardedInteractionOnVideo(Rule):
    """A Douyin short-video giveaway that rewards likes, comments, follows or shares."""

    code = "DY005"
    name = "rewarded-interaction-on-video"
    severity = "warning"
    platforms = ("douyin",)
    reads = ("campaign", "entry")
    summary = (
        "A giveaway outside a live stream asks entrants to like, comment, follow, share or tag friends for an entry "
        "(a required step, or an optional one worth entries)."
    )
    rationale = (
        "Douyin treats interactions bought with a reward (利益诱导点赞、评论、关注、分享 — 'like + comment + follow to "
        "win') as inducement that distorts its recommendations, and limits or removes such videos; the live-stream "
        "lucky bag (DY001) is the sanctioned way to reward interaction. This applies to short videos as much as to "
        "live streams. The clause could not be read on Douyin's own pages here, so the rule is a warning: check the "
        "current 社区自律公约 in Douyin's rule centre."
    )
    fail_example = """
[platform]
name = "douyin"
account = "enterprise"
[[entry.steps]]
action = "like"
[[entry.steps]]
action = "follow"
"""
    pass_example = """
[platform]
name = "douyin"
account = "enterprise"
[campaign]
live = true
[prize]
draw_tool = "fudai"
[[entry.steps]]
action = "comment"
"""
    references = (
        Reference("Douyin rule centre (社区自律公约 and platform rules): the inducement clause was not opened",
                  "https://www.douyin.com/rule/billboard", "U", "2026-12"),
        Reference("Douyin 福袋 rules: the lucky bag as the official prize-interaction tool (secondary)",
                  "https://iamfhd.com/3613.html", "S-"),
    )

    def check(self, scenario, context):
        campaign = scenario.campaign
        if campaign.live or campaign.kind == "live_draw":
            return  # live-stream giveaways: DY001 (the lucky bag)
        for i, step in enumerate(scenario.entry.steps):
            if step.action not in INTERACTIONS or (step.optional and step.worth == 0):
                continue
            tied = f"earns {step.worth} extra entr{'y' if step.worth == 1 else 'ies'}" if step.optional else "is required to enter"
            yield self.violation(
                f"entry.steps[{i}]",
                f"step {i + 1} '{step.action.replace('_', ' ')}' {tied}; Douyin limits videos that reward "
                f"{INTERACTIONS[step.action]}",
                "Run the giveaway in a live stream with the lucky bag, or enter by a form or a hashtag video instead of rewarded interactions.",
            )
