from campaignsim.builtin.china_law import _sources as src
from campaignsim.builtin.china_law.limits import INSTANT_WIN_DISPLAY_ABOVE_CNY
from campaignsim.builtin.china_law.money import cannot_judge, in_yuan, money
from campaignsim.lint.rule import Reference, Rule

THRESHOLD = money(INSTANT_WIN_DISPLAY_ABOVE_CNY, "CNY")


class InstantWinsNotShown(Rule):
    """An instant-win promotion in China that does not show its larger wins as they happen."""

    code = "CN-LAW009"
    name = "instant-wins-not-shown"
    severity = "error"
    jurisdictions = ("CN",)
    reads = ("prize", "fulfilment")
    summary = (
        f"An instant-win promotion offers prizes worth more than {THRESHOLD} and does not show their redemptions "
        "publicly as they happen (`fulfilment.instant_win_display`: error when false, warning when unstated)."
    )
    rationale = (
        "SAMR Order 32 Art. 13, second paragraph: 在现场即时开奖的有奖销售活动中，对超过五百元奖项的兑奖情况，应当随时"
        f"公示 — where prizes are won on the spot, the redemption of every prize worth more than {THRESHOLD} is shown "
        "publicly at once, so that entrants can see the big prizes are really being won. This rule treats an online "
        "instant win (scratch card, spin-the-wheel) as 即时开奖 too: a live winners board on the campaign page is the "
        "usual way to comply."
    )
    fail_example = """
[prize]
draw = "instant_win"
[[prize.items]]
name = "Smartphone"
value = 3999
currency = "CNY"
[fulfilment]
instant_win_display = false
"""
    pass_example = """
[prize]
draw = "instant_win"
[[prize.items]]
name = "Smartphone"
value = 3999
currency = "CNY"
[fulfilment]
instant_win_display = true
"""
    references = (
        src.ORDER_32,
        Reference("Order 32 Art. 13 ¶2: 对超过五百元奖项的兑奖情况，应当随时公示 (rule catalogue, from a commentary on the order)",
                  "http://m.icesherry.com/culture/whzl/wlpf/725.html", "S", src.CHECKED),
        src.ORDER_32_TRANSLATION,
    )

    def check(self, scenario, context):
        if scenario.prize.draw != "instant_win" or scenario.fulfilment.instant_win_display is True:
            return
        above = []
        for i, item in enumerate(scenario.prize.items):
            value = in_yuan(context, item.value, item.currency)
            if not value.known:
                yield cannot_judge(self, f"prize.items[{i}].value", f"prize '{item.name}'", item.currency,
                                   f"the {THRESHOLD} instant-win display threshold")
            elif value.cny > INSTANT_WIN_DISPLAY_ABOVE_CNY:
                above.append(f"'{item.name}' ({value.shown()})")
        if not above:
            return
        shown = scenario.fulfilment.instant_win_display
        said = "are not to be" if shown is False else "are not said to be"
        yield self.violation(
            "fulfilment.instant_win_display",
            f"instant wins of {', '.join(above)} {said} shown publicly as they happen; in China the redemption of "
            f"instant-win prizes above {THRESHOLD} must be displayed at once (Order 32 Art. 13)",
            "Show a live board of the prizes above 500 CNY won and redeemed, and set fulfilment.instant_win_display = true.",
            severity=None if shown is False else "warning",
        )
