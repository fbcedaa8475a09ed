from campaignsim.builtin.china_law.money import money
from campaignsim.lint.rule import Reference, Rule

PAID_ACTIONS = ("purchase", "send_gift")


class PaidEntry(Rule):
    """A Douyin giveaway that costs entrants money: a purchase, a paid gift or a fee."""

    code = "DY002"
    name = "paid-entry"
    severity = "error"
    platforms = ("douyin",)
    reads = ("entry", "prize")
    summary = "An entry step costs money (a purchase, a paid gift, an `amount`), or live viewers must send a gift to join (`prize.gift_required`)."
    rationale = (
        "Douyin's prize-interaction rules require entry to be free: a giveaway that must be bought into is a "
        "paid lottery, which the lucky-bag rules forbid alongside 难以达到或无效的条件 (conditions hard to meet or "
        "invalid); paid gifts as a condition of a draw are treated as a gambling risk across Chinese live "
        "platforms. The rule text is known only from weak secondary sources."
    )
    fail_example = """
[platform]
name = "douyin"
account = "enterprise"
[[entry.steps]]
action = "send_gift"
amount = { amount = 1, currency = "CNY" }
"""
    pass_example = """
[platform]
name = "douyin"
account = "enterprise"
[[entry.steps]]
action = "comment"
"""
    references = (
        Reference("Douyin 福袋 rules: 不得以难以达到或无效的条件… (secondary)", "https://iamfhd.com/3613.html", "S-"),
        Reference("Douyin lucky bag and prize interaction (secondary)", "http://ducksell.com/p/11014.html", "S-"),
        Reference("视频号直播抽奖认定细则: 要求观众赠送礼物后才能参与抽奖 = 涉赌风险 (the same risk on Channels)",
                  "http://shuaishou.com/school/infos70900.html", "S"),
    )

    def check(self, scenario, context):
        for i, step in enumerate(scenario.entry.steps):
            if step.action not in PAID_ACTIONS and step.amount is None:
                continue
            if step.optional and step.worth == 0:
                continue  # paying is suggested, but buys no chance
            cost = f" ({money(step.amount.amount, step.amount.currency)})" if step.amount is not None else ""
            yield self.violation(
                f"entry.steps[{i}]",
                f"step {i + 1} '{step.action.replace('_', ' ')}'{cost} makes entrants pay to enter; Douyin giveaways "
                "must be free to enter",
                "Make entry free: let viewers join the lucky bag by a comment or a follow, never by paying.",
            )
        if scenario.prize.gift_required:
            yield self.violation(
                "prize.gift_required",
                "viewers must send a paid gift before they may join the draw; Douyin giveaways must be free to enter",
                "Let every viewer join for free; thank gift senders in ways that do not affect the draw.",
            )
