from campaignsim.builtin.xiaohongshu.limits import DRAW_TOOL_DRAWS_PER_MONTH, DRAW_TOOL_MAX_PRIZES
from campaignsim.lint.rule import Reference, Rule

CHANCE = ("random", "instant_win")


class DrawToolLimits(Rule):
    """A Xiaohongshu draw beyond what the official draw tool allows."""

    code = "XHS006"
    name = "xhs-draw-tool-limits"
    severity = "warning"
    platforms = ("xiaohongshu",)
    reads = ("prize", "fulfilment")
    summary = (
        f"A Xiaohongshu draw gives away more than {DRAW_TOOL_MAX_PRIZES:,} prizes, or physical prizes go out without "
        "tracking numbers (`fulfilment.tracking_numbers` not true)."
    )
    rationale = (
        f"The official draw tool, as reported: 最多可抽{DRAW_TOOL_MAX_PRIZES}份奖品 — at most {DRAW_TOOL_MAX_PRIZES:,} "
        "prizes a draw — and 发布奖品必须上传快件单号 — a tracking number uploaded for each prize sent. It also allows "
        + ", ".join(f"{n} draw{'s' if n > 1 else ''} a month for {kind} accounts" for kind, n in DRAW_TOOL_DRAWS_PER_MONTH.items())
        + " (not checked: the format holds one draw). The figures are only known from reworded copies, so findings "
        "are warnings; check the tool's current limits in the professional account's back end."
    )
    fail_example = """
[platform]
name = "xiaohongshu"
account = "brand"
[[prize.items]]
name = "Lip balm sample"
value = 15
currency = "CNY"
quantity = 2000
"""
    pass_example = """
[platform]
name = "xiaohongshu"
account = "brand"
[[prize.items]]
name = "Lip balm sample"
value = 15
currency = "CNY"
quantity = 500
"""
    references = (
        Reference("Xiaohongshu draw tool (reworded copy): 最多可抽1000份奖品; 企业号每月可抽3次，个人号每月可抽1次; "
                  "发布奖品必须上传快件单号", "https://asjzyw.com/youzhi/136958.html", "S-", "2026-12"),
    )

    def check(self, scenario, context):
        prize = scenario.prize
        if prize.draw not in CHANCE:
            return
        units = sum(item.quantity for item in prize.items)
        if units > DRAW_TOOL_MAX_PRIZES:
            yield self.violation(
                "prize.items",
                f"the draw gives away {units:,} prizes; Xiaohongshu's draw tool is reported to allow at most "
                f"{DRAW_TOOL_MAX_PRIZES:,} per draw",
                f"Split the giveaway into draws of at most {DRAW_TOOL_MAX_PRIZES:,} prizes.",
            )
        physical = any(item.kind == "physical" for item in prize.items)
        if physical and scenario.fulfilment.tracking_numbers is not True:
            yield self.violation(
                "fulfilment.tracking_numbers",
                "physical prizes are not planned to be sent with tracking numbers; Xiaohongshu's draw tool is reported to "
                "require uploading a tracking number for each prize",
                "Ship with a tracked service, upload the numbers in the draw tool and set fulfilment.tracking_numbers = true.",
            )
