from campaignsim.builtin.china_law.money import CNY, cannot_judge, money, prizes_over_cap, total_in_yuan
from campaignsim.builtin.weibo.limits import PRE_FILING_REQUIRED_ABOVE_CNY, SINGLE_PRIZE_MAX_CNY, SINGLE_PRIZE_MAX_CNY_2020
from campaignsim.lint.rule import Reference, Rule

SINGLE_CAP = money(SINGLE_PRIZE_MAX_CNY, CNY)
FILING_THRESHOLD = money(PRE_FILING_REQUIRED_ABOVE_CNY, CNY)


class WeiboPrizeCaps(Rule):
    """A Weibo draw above the platform's per-prize cap, or above the total that must be filed first."""

    code = "WB001"
    name = "weibo-prize-caps"
    severity = "error"
    platforms = ("weibo",)
    reads = ("prize",)
    summary = (
        f"A single prize is worth more than {SINGLE_CAP}, or all prizes together more than {FILING_THRESHOLD} "
        "without the draw being filed in advance with @微博抽奖平台 (`prize.pre_filed`)."
    )
    rationale = (
        f"Weibo's lottery rules (2022): 单个奖项金额不得超过5万 — no single prize above {SINGLE_CAP}; and "
        f"总价值超过5万…须提前报备，审核通过后方可发起 — a draw worth more than {FILING_THRESHOLD} in total must be "
        "filed with the lottery platform and approved before it starts. Weibo removes draws that break them and "
        "penalises the account (in 2020 an account was muted for three months and lost the fans it had gained). "
        f"The 2020 rules capped a single prize at {money(SINGLE_PRIZE_MAX_CNY_2020, CNY)}; check the current rules "
        "before a large draw."
    )
    fail_example = """
[[prize.items]]
name = "Electric scooter"
value = 60000
currency = "CNY"
"""
    pass_example = """
[[prize.items]]
name = "Tea gift box"
value = 298
currency = "CNY"
quantity = 10
"""
    references = (
        Reference("Weibo lottery 2022 update: 单个奖项金额不得超过5万; 总价值超过5万…须提前报备，审核通过后方可发起",
                  "https://m.pcdown.net/news/4842.html", "S"),
        Reference("微博商业行为规范办法 (Weibo business conduct rules), 2020 revision: 5,000 CNY per prize",
                  "https://web.aigexing.com/shenghuo/373292.html", "S"),
        Reference("信小呆 penalty, 2020: 3-month mute, gained fans removed", "https://www.ithome.com/0/508/044.htm", "S"),
    )

    def check(self, scenario, context):
        yield from prizes_over_cap(
            self, context, scenario.prize.items, SINGLE_PRIZE_MAX_CNY, f"Weibo's {SINGLE_CAP} cap per prize",
            lambda item, value: f"prize '{item.name}' is worth {value.shown()}; Weibo draws may not offer a single prize above {SINGLE_CAP}",
            f"Offer prizes worth at most {SINGLE_CAP} each.",
        )
        if scenario.prize.pre_filed:
            return
        total, missing = total_in_yuan(context, scenario.prize.items)
        if missing:
            yield cannot_judge(self, "prize.items", "the prize total", ", ".join(missing),
                               f"Weibo's {FILING_THRESHOLD} pre-filing threshold")
        elif total.cny > PRE_FILING_REQUIRED_ABOVE_CNY:
            yield self.violation(
                "prize.pre_filed",
                f"the prizes are worth {total.shown()} in total and the draw is not filed in advance; Weibo requires "
                f"draws worth more than {FILING_THRESHOLD} to be filed with @微博抽奖平台 and approved before they start",
                "File the draw with @微博抽奖平台 before launch and set prize.pre_filed = true, or lower the prize total.",
            )
