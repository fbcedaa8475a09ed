from campaignsim.builtin.china_law.limits import (
    AUCL_FINE_MAX_CNY, AUCL_FINE_MIN_CNY, CHANCE_DRAWS, LOTTERY_TOP_PRIZE_MAX_CNY,
)
from campaignsim.builtin.china_law.money import money, prizes_over_cap
from campaignsim.lint.rule import Reference, Rule

CAP = money(LOTTERY_TOP_PRIZE_MAX_CNY, "CNY")


class LotteryTopPrizeAboveCap(Rule):
    """A lottery-style promotion in China whose top prize is worth more than the legal cap."""

    code = "CN-LAW001"
    name = "lottery-top-prize-above-cap"
    severity = "error"
    jurisdictions = ("CN",)
    reads = ("prize",)
    summary = f"A prize drawn by chance (random draw or instant win) is worth more than {CAP} per unit."
    rationale = (
        "The Anti-Unfair Competition Law (Art. 10(3)) bans lottery-style prize promotions (抽奖式的有奖销售) "
        f"whose top prize exceeds {CAP}; a prize in kind counts at the market price of the same goods. "
        f"The authority fines {money(AUCL_FINE_MIN_CNY, 'CNY')} to {money(AUCL_FINE_MAX_CNY, 'CNY')} (Art. 22) "
        "and the promotion must stop. The cap binds chance draws only: a contest judged on merit is not 抽奖式."
    )
    fail_example = """
[prize]
draw = "random"
[[prize.items]]
name = "Family car"
value = 128000
currency = "CNY"
"""
    pass_example = """
[prize]
draw = "random"
[[prize.items]]
name = "Tea gift box"
value = 298
currency = "CNY"
quantity = 20
"""
    references = (
        Reference("AUCL 2019 Art. 10(3): 抽奖式的有奖销售，最高奖的金额超过五万元 (Fujian AMR Q&A)",
                  "http://fujian.gov.cn:85/gate/big5/www.fujian.gov.cn/hdjl/hdjlzsk/sscjdglj/jzzf/ldjg/202211/t20221125_6062404.htm", "V"),
        Reference("AUCL Art. 22: fine of 50,000 to 500,000 CNY", "https://laweer.com/question/6414f0f6e87d6.html", "S"),
        Reference("规范促销行为暂行规定 (Interim Provisions, SAMR Order 32): non-cash prizes 按照同期市场同类商品的价格",
                  "http://m.icesherry.com/culture/whzl/wlpf/725.html", "S"),
        Reference("AUCL 2025 revision, in force 2025-10-15: whether the cap is kept is unverified",
                  "http://m.xydpcl.com/article/detail/849", "U"),
    )

    def check(self, scenario, context):
        if scenario.prize.draw not in CHANCE_DRAWS:
            return
        yield from prizes_over_cap(
            self, context, scenario.prize.items, LOTTERY_TOP_PRIZE_MAX_CNY, f"China's {CAP} lottery top-prize cap",
            lambda item, value: (f"prize '{item.name}' is worth {value.shown()}; lottery-style promotions in China may not "
                                 f"offer a top prize above {CAP} (AUCL Art. 10(3))"),
            f"Offer a top prize worth at most {CAP}, or choose winners by a judged contest instead of by chance.",
        )
