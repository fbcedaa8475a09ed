from campaignsim.builtin.china_law.money import CNY, money, prizes_over_cap
from campaignsim.builtin.xiaohongshu.limits import PRIZE_MAX_CNY
from campaignsim.lint.rule import Reference, Rule

CAP = money(PRIZE_MAX_CNY, CNY)


class XhsPrizeAboveCap(Rule):
    """A Xiaohongshu draw prize above the draw tool's cap."""

    code = "XHS002"
    name = "xhs-prize-above-cap"
    severity = "error"
    platforms = ("xiaohongshu",)
    reads = ("prize",)
    summary = f"A prize is worth more than {CAP} per unit."
    rationale = (
        f"The rules of Xiaohongshu's draw tool, as reported: 奖品最高价值不能超过5W — no prize may be worth more than {CAP}. "
        "The draw cannot be set up, or is taken down. The figure is only known from reworded copies."
    )
    fail_example = """
[platform]
name = "xiaohongshu"
account = "brand"
[[prize.items]]
name = "Designer handbag"
value = 68000
currency = "CNY"
"""
    pass_example = """
[platform]
name = "xiaohongshu"
account = "brand"
[[prize.items]]
name = "Skincare set"
value = 1280
currency = "CNY"
"""
    references = (
        Reference("Xiaohongshu draw tool: 奖品最高价值不能超过5W (reworded copy)", "https://asjzyw.com/youzhi/136958.html", "S-"),
    )

    def check(self, scenario, context):
        yield from prizes_over_cap(
            self, context, scenario.prize.items, PRIZE_MAX_CNY, f"Xiaohongshu's {CAP} prize cap",
            lambda item, value: f"prize '{item.name}' is worth {value.shown()}; Xiaohongshu draws may not offer a prize above {CAP}",
            f"Offer prizes worth at most {CAP} each.",
        )
