from campaignsim.builtin.china_law.limits import (
    CHANCE_DRAWS, PROMOTION_NOTICE, PROMOTION_NOTICE_CHANCE, PROMOTION_NOTICE_DRAWN, PROMOTION_NOTICE_VOUCHERS,
)
from campaignsim.lint.rule import Reference, Rule

VOUCHER_KINDS = ("voucher", "points")


def required_notice(scenario) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What this promotion's announcement must state: the common list, plus what its draw and its
    prizes add."""
    required = PROMOTION_NOTICE
    if scenario.prize.draw != "everyone":
        required += PROMOTION_NOTICE_DRAWN
    if scenario.prize.draw in CHANCE_DRAWS:
        required += PROMOTION_NOTICE_CHANCE
    if any(item.kind in VOUCHER_KINDS for item in scenario.prize.items):
        required += PROMOTION_NOTICE_VOUCHERS
    return required


class PromotionNoticeIncomplete(Rule):
    """The terms published before launch leave out something a Chinese prize promotion must announce."""

    code = "CN-LAW002"
    name = "promotion-notice-incomplete"
    severity = "error"
    jurisdictions = ("CN",)
    reads = ("prize", "terms")
    summary = (
        "The terms do not disclose every item the Interim Provisions require before a prize promotion starts: "
        "prize types, names, quantity and value, entry conditions and method, draw time and method, odds, "
        "redemption, delivery, forfeit conditions, organiser and contact (vouchers and points: also exchange "
        "rules, scope and validity)."
    )
    rationale = (
        "The Interim Provisions on Regulating Promotional Activities (规范促销行为暂行规定, 2020), Arts. 13–14, "
        "require a prize promotion to announce its rules before it starts: 应当明确公布奖项种类、参与条件、参与方式、"
        "开奖时间、开奖方式、奖金金额或者奖品价格、奖品品名、奖品种类、奖品数量或者中奖概率、兑奖时间、兑奖条件、"
        "兑奖方式、奖品交付方式、弃奖条件、主办方及其联系方式. An item left out is a breach in itself and the "
        "usual source of winners' complaints. List what the terms state in `terms.discloses`."
    )
    fail_example = """
[terms]
discloses = ["prize_types", "entry_conditions", "draw_time"]
"""
    pass_example = """
[terms]
discloses = ["prize_types", "prize_names", "prize_quantity", "prize_value", "odds", "entry_conditions",
             "entry_method", "draw_time", "draw_method", "redemption", "delivery_method",
             "forfeit_conditions", "organiser"]
"""
    references = (
        Reference("规范促销行为暂行规定 (Interim Provisions, SAMR Order 32) Arts. 13–14: 应当明确公布奖项种类、参与条件…"
                  "弃奖条件、主办方及其联系方式", "http://m.icesherry.com/culture/whzl/wlpf/725.html", "S"),
        Reference("Interim Provisions Art. 14 (vouchers, points), summary", "https://m.110ask.com/zhishi/638847908003240541.html", "S"),
    )

    def check(self, scenario, context):
        stated = set(scenario.terms.discloses)
        missing = [(what, items) for what, items in required_notice(scenario) if not stated.intersection(items)]
        if not missing:
            return
        to_add = ", ".join('"' + items[0] + '"' for _, items in missing)
        yield self.violation(
            "terms.discloses",
            f"the terms do not state: {'; '.join(what for what, _ in missing)}. A prize promotion in China must "
            "announce these before it starts (Interim Provisions Arts. 13–14)",
            f"State them in the published terms and add {to_add} to terms.discloses.",
        )
