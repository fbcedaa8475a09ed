from campaignsim.builtin.china_law.money import CNY, cannot_judge, money, total_in_yuan
from campaignsim.builtin.wechat._steps import is_channels
from campaignsim.builtin.wechat.limits import CHANNELS_LIVE_DRAW_ROUND_MAX_CNY
from campaignsim.lint.rule import Reference, Rule

CAP = money(CHANNELS_LIVE_DRAW_ROUND_MAX_CNY, CNY)


def is_live_draw(scenario) -> bool:
    return scenario.campaign.live or scenario.campaign.kind == "live_draw"


class ChannelsLiveDrawBreach(Rule):
    """A Channels live-stream draw over the per-round prize cap, paid for with gifts, or sending users elsewhere."""

    code = "WX009"
    name = "channels-live-draw-breach"
    severity = "error"
    platforms = ("wechat",)
    account_kinds = ("channels",)
    reads = ("campaign", "entry", "platform", "prize")
    summary = (
        f"A Channels live draw offers more than {CAP} of prizes in a round (`platform.live_draw_rounds` rounds share "
        "the prizes), requires sending gifts to enter, or takes entrants off the platform."
    )
    rationale = (
        "The Channels live-draw rules (视频号直播抽奖认定细则) cap the prizes of one draw round: 总价值…不得超过五万元. "
        "Requiring viewers to send paid gifts before they may join (要求观众赠送礼物后才能参与抽奖) is treated as a "
        "gambling risk (涉赌风险), and draws that send viewers to other apps or sites break the same rules. The "
        "live room's draw feature is taken away and the stream may be cut."
    )
    fail_example = """
[platform]
name = "wechat"
account = "channels"
[campaign]
live = true
[prize]
gift_required = true
"""
    pass_example = """
[platform]
name = "wechat"
account = "channels"
[campaign]
live = true
[[entry.steps]]
action = "form"
fields = ["name", "phone"]
"""
    references = (
        Reference("视频号直播抽奖认定细则 (Channels live-draw rules): 总价值…不得超过五万元; 要求观众赠送礼物后才能参与抽奖 = 涉赌风险",
                  "http://shuaishou.com/school/infos70900.html", "S"),
    )

    def check(self, scenario, context):
        if not (is_channels(scenario) and is_live_draw(scenario)):
            return
        yield from self._prize_cap(scenario, context)
        if scenario.prize.gift_required:
            yield self.violation(
                "prize.gift_required",
                "viewers must send a gift before they may join the live draw; Channels treat paid gifts as a condition "
                "of a draw as a gambling risk (涉赌风险)",
                "Let every viewer join for free; thank gift senders in other ways that do not affect the draw.",
            )
        for i, step in enumerate(scenario.entry.steps):
            if step.action == "send_gift":
                yield self.violation(
                    f"entry.steps[{i}]",
                    f"step {i + 1} requires sending a gift to enter the live draw; Channels treat it as a gambling risk (涉赌风险)",
                    "Drop the gift step; entry to a live draw must be free.",
                )
            elif step.external:
                where = f" ({step.url})" if step.url else ""
                yield self.violation(
                    f"entry.steps[{i}]",
                    f"step {i + 1} '{step.action}' takes entrants off Channels{where}; a Channels live draw must be "
                    "entered in the live room",
                    "Keep every entry step inside the live room.",
                )

    def _prize_cap(self, scenario, context):
        total, missing = total_in_yuan(context, scenario.prize.items)
        rounds = scenario.platform.extra("live_draw_rounds") or 1
        limit = f"the Channels live-draw cap of {CAP} per round"
        if missing:
            yield cannot_judge(self, "prize.items", "the live draw's prize total", ", ".join(missing), limit)
            return
        # Some round holds at least the average, so an average above the cap proves a breach.
        per_round = total.cny / rounds
        if per_round > CHANNELS_LIVE_DRAW_ROUND_MAX_CNY:
            spread = "in one round" if rounds == 1 else f"over {rounds} rounds, {money(round(per_round, 2), CNY)} a round on average"
            yield self.violation(
                "prize.items",
                f"the live draw gives away prizes worth {total.shown()} {spread}; Channels cap a live-draw round at {CAP}",
                f"Spread the prizes over more rounds (at least {-(-total.cny // CHANNELS_LIVE_DRAW_ROUND_MAX_CNY):.0f}) "
                f"so that no round exceeds {CAP}, or lower their value.",
            )
