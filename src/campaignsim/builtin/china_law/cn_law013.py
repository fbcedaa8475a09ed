from campaignsim.builtin.china_law import _sources as src
from campaignsim.lint.rule import Rule


class MarketingConsentRequiredToEnter(Rule):
    """A Chinese promotion that refuses entry to people who do not agree to marketing."""

    code = "CN-LAW013"
    name = "marketing-consent-required-to-enter"
    severity = "warning"
    jurisdictions = ("CN",)
    reads = ("entry",)
    summary = "An entry form makes agreeing to marketing a condition of entry (`marketing_opt_in = \"required\"`)."
    rationale = (
        "PIPL Art. 16: 个人信息处理者不得以个人不同意处理其个人信息或者撤回同意为由，拒绝提供产品或者服务；处理个人信息属于"
        "提供产品或者服务所必需的除外 — a processor may not refuse a product or service because someone will not consent "
        "to processing that the service does not need. Marketing messages are not needed to run a draw, so a form that "
        "turns entrants away unless they accept marketing is likely unlawful; it is a warning because whether entering "
        "a giveaway is a 'service' in this sense has not been tested. Ask for marketing consent separately and optionally."
    )
    fail_example = """
[[entry.steps]]
action = "form"
fields = ["name", "phone"]
marketing_opt_in = "required"
"""
    pass_example = """
[[entry.steps]]
action = "form"
fields = ["name", "phone"]
marketing_opt_in = "optional"
"""
    references = (src.PIPL, src.PIPL_COPY)

    def check(self, scenario, context):
        for i, step in enumerate(scenario.entry.steps):
            if step.action == "form" and step.marketing_opt_in == "required":
                yield self.violation(
                    f"entry.steps[{i}].marketing_opt_in",
                    f"step {i + 1} refuses entry unless the entrant agrees to marketing; PIPL Art. 16 bars refusing a "
                    "service because someone will not consent to processing it does not need",
                    "Make the marketing opt-in optional (marketing_opt_in = \"optional\") and let everyone enter.",
                )
