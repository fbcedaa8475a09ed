from campaignsim.builtin.china_law import _sources as src
from campaignsim.builtin.china_law.limits import PROMOTION_NOTICE, PROMOTION_NOTICE_DRAWN, PROMOTION_NOTICE_VOUCHERS
from campaignsim.lint.rule import Rule

VOUCHER_KINDS = ("voucher", "points")


def required_notice(scenario) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What this promotion's announcement must state: the common list, plus what its draw and its
    prizes add."""
    required: tuple[tuple[str, tuple[str, ...]], ...] = PROMOTION_NOTICE
    if scenario.prize.draw != "everyone":
        required += PROMOTION_NOTICE_DRAWN
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
        "The terms do not disclose every item SAMR Order 32 Art. 13 requires before a prize promotion starts: "
        "prize tiers and kinds, names, amount or price, the prize quantity or the odds (either one), entry "
        "conditions and method, draw time and method, redemption, delivery, forfeit conditions, organiser and "
        "contact (vouchers and points, Art. 14: also exchange rules, scope, validity and other restrictions)."
    )
    rationale = (
        "SAMR Order 32 (规范促销行为暂行规定, in force 2020-12-01), Art. 13, requires a prize promotion to announce "
        "before it starts: 应当明确公布奖项种类、参与条件、参与方式、"
        "开奖时间、开奖方式、奖金金额或者奖品价格、奖品品名、奖品种类、奖品数量或者中奖概率、兑奖时间、兑奖条件、"
        "兑奖方式、奖品交付方式、弃奖条件、主办方及其联系方式. The prize quantity or the odds (奖品数量或者中奖概率) "
        "satisfies the article: stating how many prizes there are is enough. Vouchers, points and coupons as prizes "
        "add, by Art. 14, 兑换规则、使用范围、有效期限以及其他限制性条件 (and where another business redeems them, its "
        "name and where or how). The draw's time and method apply where winners are drawn; where everyone who "
        "qualifies gets the gift there is none to announce. An item left out is a breach in itself and the usual "
        "source of winners' complaints. List what the terms state in `terms.discloses`."
    )
    fail_example = """
[terms]
discloses = ["prize_types", "entry_conditions", "draw_time"]
"""
    pass_example = """
[terms]
discloses = ["prize_types", "prize_names", "prize_quantity", "prize_value", "entry_conditions", "entry_method", "draw_time", "draw_method", "redemption", "delivery_method",
             "forfeit_conditions", "organiser"]
"""
    references = (src.ORDER_32, src.ORDER_32_COPY, src.ORDER_32_TRANSLATION, src.ORDER_32_ART_13_COMMENTARY, src.ORDER_32_PRESS)

    def check(self, scenario, context):
        stated = set(scenario.terms.discloses)
        missing = [(what, items) for what, items in required_notice(scenario) if not stated.intersection(items)]
        if not missing:
            return
        to_add = ", ".join('"' + items[0] + '"' for _, items in missing)
        yield self.violation(
            "terms.discloses",
            f"the terms do not state: {'; '.join(what for what, _ in missing)}. A prize promotion in China must "
            "announce these before it starts (SAMR Order 32 Arts. 13–14)",
            f"State them in the published terms and add {to_add} to terms.discloses.",
        )
