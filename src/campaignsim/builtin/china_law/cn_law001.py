from campaignsim.builtin._prizes import best_units
from campaignsim.builtin.china_law import _sources as src
from campaignsim.builtin.china_law.limits import (
    AUCL_FINE_MAX_CNY, AUCL_FINE_MIN_CNY, CHANCE_DRAWS, LOTTERY_TOP_PRIZE_MAX_CNY,
)
from campaignsim.builtin.china_law.money import cannot_judge, in_yuan, money
from campaignsim.lint.rule import Reference, Rule

CAP = money(LOTTERY_TOP_PRIZE_MAX_CNY, "CNY")


class LotteryTopPrizeAboveCap(Rule):
    """A lottery-style promotion in China where one winner can receive more than the legal cap."""

    code = "CN-LAW001"
    name = "lottery-top-prize-above-cap"
    severity = "error"
    jurisdictions = ("CN",)
    reads = ("prize",)
    summary = (
        f"A prize drawn by chance (random draw or instant win) is worth more than {CAP}, or what one winner can "
        f"receive adds up to more than {CAP} (`prize.prizes_per_winner` units of the most valuable prizes)."
    )
    rationale = (
        f"Lottery-style prize promotions (抽奖式有奖销售) may not offer a top prize above {CAP}: SAMR Order 32 "
        "(规范促销行为暂行规定) Art. 17 and the Anti-Unfair Competition Law, Art. 11 since the 2025 revision in force "
        "2025-10-15 (Art. 10(3) before it). The cap is judged per winner: where the top prize has several winners, "
        "any one winner's prize counts (其中任意一个中奖者的最高奖金额), and where one ticket or one purchase carries "
        "two or more chances, what it can win adds up (累计金额超过五万元). A prize in kind counts at the market price "
        f"of the same goods. The 2019 text fined {money(AUCL_FINE_MIN_CNY, 'CNY')} to "
        f"{money(AUCL_FINE_MAX_CNY, 'CNY')} and the promotion must stop. The cap binds chance draws only: a contest "
        "judged on merit is not 抽奖式. The 2025 article number is inferred from the revision's renumbering; the "
        "revised text itself was not seen."
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
        src.ORDER_32, src.ORDER_32_PRESS,
        Reference("Order 32 Art. 17: cap judged per winner (其中任意一个中奖者) and cumulated over the chances of one "
                  "ticket or purchase (累计金额超过五万元) — wording not seen in the stored copies", None, "U", src.CHECKED),
        src.AUCL_2025, src.AUCL_2025_COMMENTARY, src.AUCL_2019_FUJIAN, src.AUCL_2019_FINE,
    )

    def check(self, scenario, context):
        prize = scenario.prize
        if prize.draw not in CHANCE_DRAWS:
            return
        limit = f"China's {CAP} lottery top-prize cap"
        suggestion = f"Offer a top prize worth at most {CAP}, or choose winners by a judged contest instead of by chance."
        for i, item in enumerate(prize.items):
            value = in_yuan(context, item.value, item.currency)
            if not value.known:
                yield cannot_judge(self, f"prize.items[{i}].value", f"prize '{item.name}'", item.currency, limit)
            elif value.cny > LOTTERY_TOP_PRIZE_MAX_CNY:
                yield self.violation(
                    f"prize.items[{i}].value",
                    f"prize '{item.name}' is worth {value.shown()}; lottery-style promotions in China may not offer a "
                    f"top prize above {CAP} (Order 32 Art. 17; AUCL Art. 11)",
                    suggestion,
                )
        per_winner = prize.prizes_per_winner  # at least 1, checked by the loader
        if per_winner < 2:
            return
        units, _ = best_units(prize.items, per_winner, "CNY", context)
        total = sum(value for _, _, value in units)
        if len(units) < 2 or total <= LOTTERY_TOP_PRIZE_MAX_CNY or any(value > LOTTERY_TOP_PRIZE_MAX_CNY for _, _, value in units):
            return  # one unit over the cap is reported above already
        names = {}
        for _, item, _ in units:
            names[item.name] = names.get(item.name, 0) + 1
        listed = ", ".join(f"{n} × '{name}'" if n > 1 else f"'{name}'" for name, n in names.items())
        yield self.violation(
            "prize.prizes_per_winner",
            f"one winner may receive {per_winner} prizes, and the most valuable together ({listed}) come to "
            f"{money(round(total, 2), 'CNY')}; China's {CAP} cap applies to what one winner, or one ticket or purchase "
            "with several chances, can win in total (Order 32 Art. 17)",
            f"Limit each winner to one prize, or keep what one winner can receive at most {CAP}.",
        )
