from campaignsim.builtin.weibo.limits import CASH_DRAW_TOOL
from campaignsim.lint.rule import Reference, Rule


def is_cash(item) -> bool:
    return item.cash or item.kind == "cash"


class CashPrizeOutsideLotteryTool(Rule):
    """A cash prize on Weibo drawn without the lottery platform's cash draw."""

    code = "WB003"
    name = "cash-prize-outside-lottery-tool"
    severity = "error"
    platforms = ("weibo",)
    reads = ("prize",)
    summary = f"A prize is cash (or a cash transfer) and `prize.draw_tool` is not `{CASH_DRAW_TOOL}`."
    rationale = (
        "Art. 8(2) of Weibo's business conduct rules: 现金…必须使用@微博抽奖平台的现金抽奖方式 — cash prizes must be "
        "drawn with the cash draw of @微博抽奖平台, which pays winners itself. Cash paid out privately after a "
        "draw elsewhere breaks the rules, and entrants cannot check it was paid."
    )
    fail_example = """
[prize]
draw_tool = "random.org"
[[prize.items]]
name = "Cash"
value = 100
currency = "CNY"
cash = true
"""
    pass_example = """
[prize]
draw_tool = "weibo_lottery"
[[prize.items]]
name = "Cash"
value = 100
currency = "CNY"
cash = true
"""
    references = (
        Reference("微博商业行为规范办法 Art. 8(2): 现金…必须使用@微博抽奖平台的现金抽奖方式",
                  "https://web.aigexing.com/shenghuo/373292.html", "S"),
    )

    def check(self, scenario, context):
        tool = scenario.prize.draw_tool
        if tool == CASH_DRAW_TOOL:
            return
        for i, item in enumerate(scenario.prize.items):
            if is_cash(item):
                used = f"with '{tool}'" if tool else "without a platform draw tool"
                yield self.violation(
                    f"prize.items[{i}]",
                    f"prize '{item.name}' is cash, drawn {used}; Weibo requires cash prizes to go through the cash "
                    "draw of @微博抽奖平台",
                    f"Draw cash prizes with the Weibo lottery's cash draw (prize.draw_tool = \"{CASH_DRAW_TOOL}\"), or "
                    "offer a prize in kind.",
                )
