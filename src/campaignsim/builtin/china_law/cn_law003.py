from campaignsim.lint.rule import Reference, Rule


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
        "unless the change favours consumers (Interim Provisions). Awarding prizes other than as announced "
        "(未按照向消费者明示的信息兑奖) counts as falsely claiming prizes (谎称有奖), and the 2025 revision of the "
        "Anti-Unfair Competition Law bans changing a promotion without good reason once it has begun "
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
    references = (
        Reference("规范促销行为暂行规定 (Interim Provisions): 不得变更，不得附加条件，不得影响兑奖; 未按照向消费者明示的信息兑奖 = 谎称有奖",
                  "http://m.icesherry.com/culture/whzl/wlpf/725.html", "S"),
        Reference("AUCL 2025 revision: 活动开始后无正当理由变更 banned", "http://www.huiyelaw.com/news-4015.html", "S"),
    )

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
