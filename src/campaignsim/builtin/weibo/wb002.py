from campaignsim.lint.rule import Reference, Rule

# What Art. 2 asks the post to describe, as `terms.discloses` items; any one of an entry's items covers it.
# A draw's rules (活动规则) are first of all how to take part, so the entry method counts as stating them.
REQUIRED = (
    ("the rules", ("rules", "how_to_enter", "entry_method")),
    ("the prizes", ("prize_names",)),
    ("the draw time", ("draw_time",)),
)


def listing(words: list[str]) -> str:
    """``a, b and c``."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


class WeiboDrawNotDescribed(Rule):
    """A Weibo draw that does not state its rules, prizes and draw time, or pays prizes in instalments."""

    code = "WB002"
    name = "weibo-draw-not-described"
    severity = "error"
    platforms = ("weibo",)
    reads = ("prize", "terms")
    summary = (
        "The terms do not state the rules, the prizes or the draw time (`terms.discloses`: rules or how_to_enter "
        "or entry_method, prize_names, draw_time), or prizes are paid in instalments or over a long period (`prize.instalments`)."
    )
    rationale = (
        "Art. 2 of Weibo's business conduct rules (微博商业行为规范办法): 必须准确、清楚描述活动规则、活动奖品、开奖时间 "
        "— a draw must describe its rules, prizes and draw time accurately and clearly — and 开奖后需一次性将奖品发放 — "
        "prizes are handed over in one go after the draw. Draws that break it are removed and the account penalised."
    )
    fail_example = """
[terms]
discloses = ["prize_names"]
"""
    pass_example = """
[terms]
discloses = ["rules", "prize_names", "draw_time"]
"""
    references = (
        Reference("微博商业行为规范办法 Art. 2: 必须准确、清楚描述活动规则、活动奖品、开奖时间…开奖后需一次性将奖品发放",
                  "https://web.aigexing.com/shenghuo/373292.html", "S"),
    )

    def check(self, scenario, context):
        stated = set(scenario.terms.discloses)
        missing = [(what, items) for what, items in REQUIRED if not stated.intersection(items)]
        if missing:
            to_add = ", ".join('"' + items[0] + '"' for _, items in missing)
            yield self.violation(
                "terms.discloses",
                f"the draw post does not state {listing([what for what, _ in missing])}; Weibo requires a draw to "
                "describe its rules, prizes and draw time accurately and clearly",
                f"State them in the draw post and add {to_add} to terms.discloses.",
            )
        if scenario.prize.instalments:
            yield self.violation(
                "prize.instalments",
                "prizes are paid in instalments or over a long period; Weibo requires prizes to be handed over in one "
                "go after the draw",
                "Hand each prize over in full once drawn; offer a smaller prize if the budget is spread over time.",
            )
