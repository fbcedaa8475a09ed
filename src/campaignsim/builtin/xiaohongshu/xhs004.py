from campaignsim.builtin.xiaohongshu.limits import DELIVERY_MAX_DAYS
from campaignsim.lint.rule import Reference, Rule


class XhsDeliveryTerms(Rule):
    """Xiaohongshu draw prizes delivered late or with postage charged."""

    code = "XHS004"
    name = "xhs-delivery-terms"
    severity = "error"
    platforms = ("xiaohongshu",)
    reads = ("fulfilment", "prize")
    summary = (f"Prizes arrive more than {DELIVERY_MAX_DAYS} days after the draw (warning: the figure is uncertain), "
               "or winners pay postage.")
    rationale = (
        f"The rules of Xiaohongshu's draw tool, as reported: 30天内…包邮寄送 — prizes are shipped within {DELIVERY_MAX_DAYS} "
        "days of the draw, postage free. Winners' complaints about late or charged prizes lead to penalties. The "
        "figure is only known from reworded copies, and newer secondary pages are said to give 15 days; Xiaohongshu's "
        "own current figure could not be found (checked 2026-12), so a late delivery is a warning, not an error."
    )
    fail_example = """
[platform]
name = "xiaohongshu"
account = "brand"
[fulfilment]
deliver_within_days = 45
postage = "winner_pays"
"""
    pass_example = """
[platform]
name = "xiaohongshu"
account = "brand"
[fulfilment]
deliver_within_days = 14
postage = "free"
"""
    references = (
        Reference("Xiaohongshu draw tool: 30天内…包邮寄送 (reworded copy)", "https://www.06925.com/xhspt/866667330.html", "S-", "2026-12"),
        Reference("Xiaohongshu's own current delivery deadline for draw prizes", None, "U", "2026-12"),
    )

    def check(self, scenario, context):
        fulfilment = scenario.fulfilment
        within = fulfilment.deliver_within_days
        if within is not None and within > DELIVERY_MAX_DAYS:
            yield self.violation(
                "fulfilment.deliver_within_days",
                f"prizes are to arrive within {within:g} days of the draw; Xiaohongshu draws require shipping within "
                f"{DELIVERY_MAX_DAYS} days",
                f"Have the prizes in stock before the draw and ship within {DELIVERY_MAX_DAYS} days, or 15 to be safe.",
                severity="warning",
            )
        physical = any(item.kind == "physical" for item in scenario.prize.items)
        if physical and fulfilment.postage == "winner_pays":
            yield self.violation(
                "fulfilment.postage",
                "winners pay postage; Xiaohongshu draws require prizes to be shipped postage free (包邮)",
                "Ship prizes postage free (fulfilment.postage = \"free\").",
            )
