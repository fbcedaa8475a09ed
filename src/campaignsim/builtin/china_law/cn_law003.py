from campaignsim.builtin.china_law import _sources as src
from campaignsim.lint.rule import Rule


class TermsChangedAfterStart(Rule):
    """Terms of a Chinese prize promotion changed once it has started."""

    code = "CN-LAW003"
    name = "terms-changed-after-start"
    severity = "error"
    jurisdictions = ("CN",)
    reads = ("campaign", "terms")
    summary = (
        "The plan changes the terms after the promotion started (`terms.changed_after_start`): new conditions, "
        "different prizes, or redemption other than announced."
    )
    rationale = (
        "Once a prize promotion starts its announced terms are frozen: they 不得变更，不得附加条件，不得影响兑奖 "
        "unless the change favours consumers (SAMR Order 32 Art. 13). Awarding prizes other than as announced "
        "(未按照向消费者明示的信息兑奖) counts as falsely claiming prizes (谎称有奖, Art. 15), and the 2025 revision of the "
        "Anti-Unfair Competition Law (Art. 11) bans changing a promotion without good reason once it has begun "
        "(活动开始后无正当理由变更). Decide the terms before launch; a change that only adds prizes or relaxes "
        "conditions is allowed."
    )
    fail_example = """
[terms]
changed_after_start = true
"""
    pass_example = """
[terms]
changed_after_start = false
"""
    references = (src.ORDER_32, src.ORDER_32_COPY, src.AUCL_2025, src.AUCL_2025_CHANGE_BAN)

    def check(self, scenario, context):
        if scenario.terms.changed_after_start:
            yield self.violation(
                "terms.changed_after_start",
                f"the terms of '{scenario.campaign.name}' are to change after it starts on "
                f"{scenario.campaign.start:%Y-%m-%d}; in China announced terms may not change, gain conditions or "
                "alter redemption once a prize promotion has begun, unless the change favours entrants",
                "Settle the terms before launch; if something must change, only add prizes or relax conditions, "
                "and announce it.",
            )
