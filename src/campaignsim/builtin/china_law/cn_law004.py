from campaignsim.builtin.china_law.limits import CHANCE_DRAWS, MANUAL_DRAW_WORDS
from campaignsim.lint.rule import Reference, Rule

VERIFIABLE_DRAW = "Use the platform's lottery tool or a recorded computer draw, describe it in prize.draw_method and set prize.verifiable = true."
EXCLUDE_STAFF = ("Exclude employees, partners, agencies, the KOL team and their families in the terms, and set "
                 "prize.excludes_staff = true.")


class DrawNotShownFair(Rule):
    """A Chinese prize promotion that cannot show its winners were not picked in advance."""

    code = "CN-LAW004"
    name = "draw-not-shown-fair"
    severity = "error"
    jurisdictions = ("CN",)
    heuristic = True  # a manual draw is recognised by the words of prize.draw_method
    reads = ("prize",)
    summary = (
        "A chance draw is not verifiable (`prize.verifiable = false`, or `draw_method` says people pick the winners), "
        "or staff, partners and the KOL team are not excluded from winning (error; warning when unstated)."
    )
    rationale = (
        "The Anti-Unfair Competition Law bans letting pre-selected people win (故意让内定人员中奖), and the "
        "Interim Provisions ban letting employees, designated organisations or individuals win "
        "(让内部员工、指定单位或者个人中奖). A brand accused of a rigged draw can only answer with a draw it can "
        "show: a recorded draw or the platform's lottery tool, and terms that exclude its own people."
    )
    fail_example = """
[prize]
draw = "random"
draw_method = "we pick names from the comments"
verifiable = false
excludes_staff = false
"""
    pass_example = """
[prize]
draw = "random"
draw_method = "recorded random draw with the platform's lottery tool"
verifiable = true
excludes_staff = true
"""
    references = (
        Reference("AUCL Art. 10: 故意让内定人员中奖 (Fujian AMR Q&A)",
                  "http://fujian.gov.cn:85/gate/big5/www.fujian.gov.cn/hdjl/hdjlzsk/sscjdglj/jzzf/ldjg/202211/t20221125_6062404.htm", "V"),
        Reference("规范促销行为暂行规定 (Interim Provisions): 让内部员工、指定单位或者个人中奖",
                  "http://m.icesherry.com/culture/whzl/wlpf/725.html", "S"),
    )

    def check(self, scenario, context):
        prize = scenario.prize
        if prize.draw == "everyone":
            return
        if prize.draw in CHANCE_DRAWS:
            yield from self._chance_draw(prize)
        if prize.excludes_staff is False:
            yield self.violation(
                "prize.excludes_staff",
                "the draw does not exclude staff, partners and the KOL team; letting insiders win a prize promotion "
                "is banned in China, and a winner from inside invites the charge",
                EXCLUDE_STAFF,
            )
        elif prize.excludes_staff is None:
            yield self.violation(
                "prize.excludes_staff",
                "the terms are not stated to exclude staff, partners and the KOL team from winning; letting insiders "
                "win a prize promotion is banned in China",
                EXCLUDE_STAFF,
                severity="warning",
            )

    def _chance_draw(self, prize):
        method = (prize.draw_method or "").lower()
        manual = [word for word in MANUAL_DRAW_WORDS if word in method]
        kind = prize.draw.replace("_", " ")
        if prize.verifiable is False:
            yield self.violation(
                "prize.verifiable",
                f"the {kind} draw is not verifiable; a Chinese prize promotion must be able to show its winners were "
                "not pre-selected",
                VERIFIABLE_DRAW,
            )
        elif manual and prize.verifiable is not True:
            yield self.violation(
                "prize.draw_method",
                f"the {kind} draw is done '{prize.draw_method}': people choosing the winners cannot show that nobody "
                "was pre-selected (内定)",
                VERIFIABLE_DRAW,
            )
        elif prize.verifiable is None and not prize.draw_tool and not prize.draw_method:
            yield self.violation(
                "prize",
                f"nothing says how the {kind} draw is done (no prize.draw_tool, draw_method or verifiable); a Chinese "
                "prize promotion must be able to show its winners were not pre-selected",
                VERIFIABLE_DRAW,
                severity="warning",
            )
