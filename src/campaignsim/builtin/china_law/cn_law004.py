from campaignsim.builtin.china_law import _sources as src
from campaignsim.builtin.china_law.limits import (
    CHANCE_DRAWS, MANUAL_DRAW_PHRASES, RIGGED_DRAW_PHRASES, VERIFIABLE_DRAW_PHRASES,
)
from campaignsim.lint.rule import Reference, Rule

VERIFIABLE_DRAW = ("Use the platform's lottery tool, a recorded computer draw or a draw before a notary, describe it in "
                   "prize.draw_method and set prize.verifiable = true.")
EXCLUDE_STAFF = ("Exclude employees, partners, agencies, the KOL team and their families in the terms, or draw in a way "
                 "anyone can check, and set prize.excludes_staff.")


def phrases_in(text: str, phrases) -> list[str]:
    """The phrases of ``phrases`` that occur in ``text`` (case-insensitive)."""
    lowered = text.lower()
    return [p for p in phrases if p.lower() in lowered]


def draw_method_kind(method: str) -> str:
    """How ``prize.draw_method`` describes the draw: ``rigged`` (winners named in advance), ``verifiable``
    (chance by a tool or program, or before a notary or camera), ``manual`` (people pick by judgement) or
    ``unknown``. Phrases are judged together, never single words: 系统随机挑选 is a random draw although it
    contains 挑选, 人工智能 is not 人工, and "we select winners at random" is random."""
    if phrases_in(method, RIGGED_DRAW_PHRASES):
        return "rigged"
    if phrases_in(method, VERIFIABLE_DRAW_PHRASES):
        return "verifiable"
    if phrases_in(method, MANUAL_DRAW_PHRASES):
        return "manual"
    return "unknown"


class DrawNotShownFair(Rule):
    """A Chinese prize promotion that fixes its winners, or cannot show it did not."""

    code = "CN-LAW004"
    name = "draw-not-shown-fair"
    severity = "error"
    jurisdictions = ("CN",)
    heuristic = True  # the draw is judged from the phrases of prize.draw_method
    reads = ("prize",)
    summary = (
        "The draw method names winners in advance (内定: error); or a chance draw is not verifiable, or people pick "
        "the winners by judgement (warning); or staff may win (warning when they are not excluded, info when unstated)."
    )
    rationale = (
        "SAMR Order 32 Art. 16 bans 让内部员工、指定单位或者个人中奖等故意让内定人员中奖的欺骗方式 — deliberately making "
        "insiders or pre-selected people win — and the Anti-Unfair Competition Law bans the same (故意让内定人员中奖; "
        "Art. 11 since the 2025 revision). What the law forbids is rigging, not staff entering a fair draw: a draw whose "
        "method fixes the winners is an error, while a draw that cannot be checked, people picking winners by "
        "judgement, or staff who may win are warnings — each invites the charge of rigging, and the brand can only "
        "answer it with a draw it can show (the platform's lottery tool, a recorded computer draw, a hand draw before "
        "a notary) and terms that keep its own people out. The draw method is judged from whole phrases: 系统随机挑选 "
        "or \"we select winners at random\" is a random draw, 人工智能 is not a manual pick, and a notarised hand draw "
        "is verifiable."
    )
    fail_example = """
[prize]
draw = "random"
draw_method = "winners pre-selected from our VIP list"
"""
    pass_example = """
[prize]
draw = "random"
draw_method = "系统随机挑选, recorded, with the platform's lottery tool"
verifiable = true
excludes_staff = true
"""
    references = (
        src.ORDER_32, src.ORDER_32_TRANSLATION,
        Reference("Order 32 Art. 16: 不得采用让内部员工、指定单位或者个人中奖等故意让内定人员中奖的欺骗方式 (copy and commentary)",
                  "http://m.icesherry.com/culture/whzl/wlpf/725.html", "S", src.CHECKED),
        src.AUCL_2025, src.AUCL_2019_FUJIAN,
    )

    def check(self, scenario, context):
        prize = scenario.prize
        if prize.draw == "everyone":
            return
        kind = draw_method_kind(prize.draw_method or "")
        if kind == "rigged":
            yield self.violation(
                "prize.draw_method",
                f"the draw method '{prize.draw_method}' names or fixes winners in advance (内定); deliberately making "
                "pre-selected people win a prize promotion is banned in China (Order 32 Art. 16)",
                "Draw every winner by chance among all valid entries, with a process anyone can check.",
            )
        elif prize.draw in CHANCE_DRAWS:
            yield from self._chance_draw(prize, kind)
        if prize.excludes_staff is False:
            yield self.violation(
                "prize.excludes_staff",
                "staff, partners and the KOL team may win; taking part is not banned, but a winner from inside invites "
                "the charge of an insider draw (内定), which is",
                EXCLUDE_STAFF,
                severity="warning",
            )
        elif prize.excludes_staff is None:
            yield self.violation(
                "prize.excludes_staff",
                "the terms do not say whether staff, partners and the KOL team may win; an insider who wins invites the "
                "charge of an insider draw (内定)",
                EXCLUDE_STAFF,
                severity="info",
            )

    def _chance_draw(self, prize, kind):
        what = f"{prize.draw.replace('_', ' ')} draw"
        if prize.verifiable is False:
            yield self.violation(
                "prize.verifiable",
                f"the {what} is not verifiable; nothing would show that no winner was pre-selected (内定)",
                VERIFIABLE_DRAW,
                severity="warning",
            )
        elif kind == "manual" and prize.verifiable is not True:
            yield self.violation(
                "prize.draw_method",
                f"the {what} is done '{prize.draw_method}': people choosing winners by judgement cannot show that nobody "
                "was pre-selected (内定)",
                VERIFIABLE_DRAW,
                severity="warning",
            )
        elif prize.verifiable is None and not prize.draw_tool and not prize.draw_method:
            yield self.violation(
                "prize",
                f"nothing says how the {what} is done (no prize.draw_tool, draw_method or verifiable); a Chinese prize "
                "promotion should be able to show its winners were not pre-selected",
                VERIFIABLE_DRAW,
                severity="info",
            )
