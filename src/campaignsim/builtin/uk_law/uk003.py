from campaignsim.builtin.uk_law.limits import PRIZE_AWARD_DAYS
from campaignsim.lint.rule import Reference, Rule


class WinnerNotificationAndAward(Rule):
    """CAP 8.28.4: entrants must know how and when winners hear, and when prizes arrive."""

    code = "UK003"
    name = "winner-notification-and-award"
    severity = "error"
    jurisdictions = ("GB",)
    reads = ("fulfilment", "terms")
    summary = (f"The terms do not say how and when winners are notified, or no prize award deadline is promised "
               f"(a deadline over {PRIZE_AWARD_DAYS} days is a warning).")
    rationale = (
        "CAP rule 8.28.4 requires promoters to tell entrants how and when winners will be notified. Promising when prizes "
        "will be awarded avoids the commonest ASA complaint about giveaways: winners who never receive their prize. "
        f"The {PRIZE_AWARD_DAYS}-day figure is common practice, but no official source for it was found, so exceeding it "
        "is only a warning."
    )
    fail_example = '[campaign]\njurisdictions = ["GB"]\n\n[fulfilment]\ndeliver_within_days = 60'
    pass_example = ('[campaign]\njurisdictions = ["GB"]\n\n[fulfilment]\ndeliver_within_days = 28\n\n'
                    '[terms]\ndiscloses = ["winner_notification"]')
    references = (
        Reference('ASA advice: promotional marketing, prize winners: state "how and when winners will be notified (Code rule 8.28.4)"',
                  "https://www.asa.org.uk/advice-online/promotional-marketing-prize-winners.html", "V"),
        Reference(f"Prize award within {PRIZE_AWARD_DAYS} days: no CAP or statutory source found", None, "U"),
    )

    def check(self, scenario, context):
        if "winner_notification" not in scenario.terms.discloses:
            yield self.violation(
                "terms.discloses",
                "the terms do not say how and when winners will be notified, which CAP 8.28.4 requires",
                "State it in the terms (e.g. \"by direct message from our account within 3 days of the draw\") and add "
                "\"winner_notification\" to terms.discloses.",
            )
        days = scenario.fulfilment.deliver_within_days
        if days is None:
            yield self.violation(
                "fulfilment.deliver_within_days",
                "no deadline for awarding prizes is promised (fulfilment.deliver_within_days)",
                f"Promise delivery within {PRIZE_AWARD_DAYS} days of the draw and state it in the terms.",
            )
        elif days > PRIZE_AWARD_DAYS:
            yield self.violation(
                "fulfilment.deliver_within_days",
                f"prizes are promised within {days:g} days of the draw, longer than the {PRIZE_AWARD_DAYS} days usual for UK promotions",
                f"Deliver within {PRIZE_AWARD_DAYS} days, or explain in the terms why the prize takes longer (e.g. a trip on a fixed date).",
                severity="warning",
            )
