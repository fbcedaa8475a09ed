from campaignsim.builtin.general._sources import FAILED_DELIVERY_CASES, INTERIM_PROVISIONS, WEIBO_DELIVERY, XHS_LOTTERY
from campaignsim.lint.rule import Rule


class NoDeliveryDeadline(Rule):
    """Winners must know by when their prize arrives."""

    code = "GEN002"
    name = "no-delivery-deadline"
    severity = "error"
    reads = ("fulfilment",)
    summary = "No prize delivery deadline (`fulfilment.deliver_within_days`)."
    rationale = (
        "An open-ended delivery promise is the one winners complain about in public, and it is how a giveaway's "
        "prizes slip from week to week until the \"bogus campaign\" posts start. Chinese promotion rules require the "
        "redemption time and delivery method to be announced before the promotion; platform draw tools set hard "
        "deadlines (Weibo and Xiaohongshu: 30 days after the draw). A stated deadline is also what lets the team "
        "order stock and book shipping before launch. Deadlines longer than a platform allows are that platform's "
        "rules (WB004 on Weibo, XHS004 on Xiaohongshu); this rule asks only that a deadline exists."
    )
    fail_example = "[fulfilment]\n# no deliver_within_days"
    pass_example = "[fulfilment]\ndeliver_within_days = 14"
    references = (INTERIM_PROVISIONS, WEIBO_DELIVERY, XHS_LOTTERY, FAILED_DELIVERY_CASES)

    def check(self, scenario, context):
        if scenario.fulfilment.deliver_within_days is None:
            yield self.violation("fulfilment.deliver_within_days", "no deadline for delivering the prizes",
                                 "Set fulfilment.deliver_within_days (e.g. 14 days after the draw), check it against the "
                                 "platform's own limit, and state it in the terms and the winner announcement.")
