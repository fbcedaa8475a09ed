from campaignsim.lint.rule import Reference, Rule


class GiveawayChangedAfterLaunch(Rule):
    """A Douyin giveaway deleted, cancelled or changed once it is live."""

    code = "DY004"
    name = "giveaway-changed-after-launch"
    severity = "error"
    platforms = ("douyin",)
    reads = ("terms",)
    summary = "The plan changes the giveaway's terms after launch (`terms.changed_after_start`)."
    rationale = (
        "Douyin's lucky-bag rules: 不得删掉、取消或变更 — a giveaway may not be deleted, cancelled or changed once "
        "launched. Viewers who joined on the announced terms complain, and the live room is penalised. The rule "
        "text is known only from weak secondary sources."
    )
    fail_example = """
[platform]
name = "douyin"
account = "enterprise"
[terms]
changed_after_start = true
"""
    pass_example = """
[platform]
name = "douyin"
account = "enterprise"
[terms]
changed_after_start = false
"""
    references = (
        Reference("Douyin 福袋 rules: 不得删掉、取消或变更 (secondary)", "https://iamfhd.com/3613.html", "S-"),
    )

    def check(self, scenario, context):
        if scenario.terms.changed_after_start:
            yield self.violation(
                "terms.changed_after_start",
                "the giveaway's terms are to change after launch; Douyin forbids deleting, cancelling or changing a "
                "giveaway once it is live",
                "Settle prizes, conditions and draw time before launch and keep them.",
            )
