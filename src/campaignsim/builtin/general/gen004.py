from campaignsim.builtin.general._sources import ASA_PRIZE_WINNERS, INTERIM_PROVISIONS, WEIBO_DELIVERY
from campaignsim.lint.rule import Rule


class NoUnclaimedPrizeRule(Rule):
    """Say how long winners have to claim, and what happens to a prize nobody claims."""

    code = "GEN004"
    name = "no-unclaimed-prize-rule"
    severity = "warning"
    reads = ("fulfilment",)
    summary = "No claim window, or no rule for unclaimed prizes (redraw, forfeit, donate)."
    rationale = (
        "Winners miss messages. Without a stated claim window a winner who answers after two months can insist "
        "on the prize, and without a rule for unclaimed prizes entrants suspect the brand kept them. Chinese "
        "promotion rules list the forfeit conditions (弃奖条件) among what must be announced; Weibo's lottery "
        "platform gives winners at least 5 natural days; the ASA expects time limits on claiming to be made clear."
    )
    fail_example = '[fulfilment]\n# no claim_window_days, no unclaimed'
    pass_example = '[fulfilment]\nclaim_window_days = 7\nunclaimed = "redraw"'
    references = (INTERIM_PROVISIONS, WEIBO_DELIVERY, ASA_PRIZE_WINNERS)

    def check(self, scenario, context):
        fulfilment = scenario.fulfilment
        if fulfilment.claim_window_days is None:
            yield self.violation("fulfilment.claim_window_days", "no claim window: winners are not told how long they have to claim",
                                 "Set fulfilment.claim_window_days (e.g. 7) and state it in the winner announcement and the terms.")
        if fulfilment.unclaimed is None:
            yield self.violation("fulfilment.unclaimed", "no rule for prizes nobody claims",
                                 "Set fulfilment.unclaimed (redraw, forfeit, donate or next_campaign) and publish it with the terms.")
