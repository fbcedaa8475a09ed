from campaignsim.builtin.weibo.limits import CLAIM_WINDOW_MIN_DAYS, PHYSICAL_DELIVERY_MAX_DAYS, PHYSICAL_DELIVERY_REPORTED_DAYS
from campaignsim.lint.rule import Reference, Rule


def days(n: float) -> str:
    shown = f"{n:g}"
    return f"{shown} day" + ("" if n == 1 else "s")


class WeiboDeliveryTerms(Rule):
    """Prize delivery that breaks the Weibo lottery platform's delivery instructions."""

    code = "WB004"
    name = "weibo-delivery-terms"
    severity = "error"
    platforms = ("weibo",)
    reads = ("fulfilment", "prize", "terms")
    summary = (
        f"Physical prizes arrive more than {days(PHYSICAL_DELIVERY_MAX_DAYS)} after the draw (more than "
        f"{days(PHYSICAL_DELIVERY_REPORTED_DAYS)}: info, the current figure being uncertain), the claim window is "
        f"shorter than {days(CLAIM_WINDOW_MIN_DAYS)}, winners pay postage that the terms do not disclose, or "
        "tracking numbers are not planned."
    )
    rationale = (
        "The Weibo lottery platform's 发奖说明 (delivery instructions): 开奖后30个自然日内发奖 — prizes go out within "
        "30 natural days of the draw; the claim window 不可…短于5个自然日 — may not be shorter than 5 natural days; "
        "须包邮 — postage is free unless 收邮费需发起时明确说明, stated when the draw is launched; and 上传快递单号 — "
        "tracking numbers are uploaded. Winners who complain about late or missing prizes get the draw reviewed "
        "and the account penalised. Some recent secondary pages give 15 days instead of 30; the platform's own current "
        "figure could not be confirmed (checked 2026-12), so a delivery promised between 15 and 30 days is reported "
        "as uncertain (info) rather than as a breach."
    )
    fail_example = """
[fulfilment]
deliver_within_days = 45
claim_window_days = 3
tracking_numbers = false
"""
    pass_example = """
[fulfilment]
deliver_within_days = 14
claim_window_days = 7
postage = "free"
tracking_numbers = true
"""
    references = (
        Reference("Weibo lottery 发奖说明 (copy of the platform's page): 开奖后30个自然日内发奖; 不可…短于5个自然日; "
                  "须包邮(收邮费需发起时明确说明); 上传快递单号", "https://hdmsmy.com/4e9cf8677a1b1cb3/d6c6225557c7f799.html", "S", "2026-12"),
        Reference("Weibo lottery rules as retold on a Q&A page: 奖品须在后15日内发放 (unconfirmed; the same page contradicts the "
                  "2022 prize cap)", "https://www.chaxiaohao.com/read-1751316565l5044484.html", "S-", "2026-12"),
        Reference("The Weibo lottery platform's current delivery deadline, on Weibo's own pages", None, "U", "2026-12"),
    )

    def check(self, scenario, context):
        fulfilment = scenario.fulfilment
        physical = [item.name for item in scenario.prize.items if item.kind == "physical"]
        if fulfilment.claim_window_days is not None and fulfilment.claim_window_days < CLAIM_WINDOW_MIN_DAYS:
            yield self.violation(
                "fulfilment.claim_window_days",
                f"winners have {days(fulfilment.claim_window_days)} to claim; the Weibo lottery requires a claim window "
                f"of at least {days(CLAIM_WINDOW_MIN_DAYS)}",
                f"Give winners at least {days(CLAIM_WINDOW_MIN_DAYS)} to claim.",
            )
        if not physical:
            return
        what = f"'{physical[0]}'" + (f" and {len(physical) - 1} more" if len(physical) > 1 else "")
        within = fulfilment.deliver_within_days
        if within is not None and within > PHYSICAL_DELIVERY_MAX_DAYS:
            yield self.violation(
                "fulfilment.deliver_within_days",
                f"physical prizes ({what}) are to arrive within {days(within)} of the draw; the Weibo lottery requires "
                f"them to be sent within {days(PHYSICAL_DELIVERY_MAX_DAYS)}",
                f"Have the prizes in stock before the draw and ship within {days(PHYSICAL_DELIVERY_MAX_DAYS)}.",
            )
        elif within is not None and within > PHYSICAL_DELIVERY_REPORTED_DAYS:
            yield self.violation(
                "fulfilment.deliver_within_days",
                f"physical prizes ({what}) are to arrive within {days(within)} of the draw; the Weibo lottery's delivery "
                f"instructions allow {days(PHYSICAL_DELIVERY_MAX_DAYS)}, but recent pages report "
                f"{days(PHYSICAL_DELIVERY_REPORTED_DAYS)}: check the current figure on the lottery platform",
                f"Ship within {days(PHYSICAL_DELIVERY_REPORTED_DAYS)} to be safe under either figure.",
                severity="info",
            )
        if fulfilment.postage == "winner_pays" and "postage" not in scenario.terms.discloses:
            yield self.violation(
                "fulfilment.postage",
                f"winners pay postage for {what}, and the terms do not say so; the Weibo lottery requires free postage "
                "unless charging it is stated when the draw is launched",
                "Ship free, or state in the draw post that winners pay postage and add \"postage\" to terms.discloses.",
            )
        if fulfilment.tracking_numbers is not True:
            said = "are not to be" if fulfilment.tracking_numbers is False else "are not planned to be"
            yield self.violation(
                "fulfilment.tracking_numbers",
                f"tracking numbers for {what} {said} uploaded; the Weibo lottery requires uploading a tracking number "
                "for each prize sent",
                "Ship with a tracked service, upload the numbers to the lottery platform and set "
                "fulfilment.tracking_numbers = true.",
            )
