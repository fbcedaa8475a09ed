from campaignsim.builtin.douyin.limits import LUCKY_BAG_TOOL
from campaignsim.lint.rule import Reference, Rule


class LiveGiveawayWithoutLuckyBag(Rule):
    """A Douyin live-stream giveaway run outside the lucky bag (福袋) tool."""

    code = "DY001"
    name = "live-giveaway-without-lucky-bag"
    severity = "warning"
    platforms = ("douyin",)
    reads = ("campaign", "prize")
    summary = f"A live-stream giveaway (`campaign.live` or kind `live_draw`) does not use `prize.draw_tool = \"{LUCKY_BAG_TOOL}\"`."
    rationale = (
        "Douyin's lucky bag (福袋) is described as 唯一官方有奖互动平台 — the only official prize-interaction tool in "
        "live streams. Draws run by hand in the comments cannot be checked by viewers or by Douyin, and live rooms "
        "that run them risk being cut. The claim is known only from weak secondary sources."
    )
    fail_example = """
[platform]
name = "douyin"
account = "enterprise"
[campaign]
live = true
[prize]
draw_tool = "screen_recording"
"""
    pass_example = """
[platform]
name = "douyin"
account = "enterprise"
[campaign]
live = true
[prize]
draw_tool = "fudai"
"""
    references = (
        Reference("Douyin 福袋: 福袋是…唯一官方有奖互动平台 (secondary)", "https://iamfhd.com/3613.html", "S-"),
    )

    def check(self, scenario, context):
        campaign, tool = scenario.campaign, scenario.prize.draw_tool
        if not (campaign.live or campaign.kind == "live_draw") or tool == LUCKY_BAG_TOOL:
            return
        used = f"with '{tool}'" if tool else "without a platform draw tool"
        yield self.violation(
            "prize.draw_tool",
            f"the live-stream giveaway is drawn {used}; Douyin's lucky bag (福袋) is said to be the only official "
            "prize tool in live streams",
            f"Run the draw with the lucky bag (prize.draw_tool = \"{LUCKY_BAG_TOOL}\").",
        )
