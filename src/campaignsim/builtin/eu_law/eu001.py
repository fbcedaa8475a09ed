from campaignsim.lint.rule import Reference, Rule


class MarketingConsentAsEntryCondition(Rule):
    """GDPR Art. 7(4): consent tied to a service it is not needed for may not be freely given."""

    code = "EU001"
    name = "marketing-consent-as-entry-condition"
    severity = "warning"
    # GDPR binds the EU and, through the EEA Agreement, Iceland, Liechtenstein and Norway; GB keeps it as UK GDPR.
    jurisdictions = ("EU", "IS", "LI", "NO", "GB")
    reads = ("campaign", "entry")
    summary = "Entrants must agree to receive marketing to enter (consent coupled to entry)."
    rationale = (
        "GDPR Art. 7(4) asks whether consent was made a condition of a service when it is not necessary for it. The "
        "North Rhine-Westphalia data protection authority holds that marketing consent required to enter a prize draw is "
        "not freely given, so the mailing list built from it cannot be used; the Higher Regional Court of Frankfurt "
        "(6 U 6/19) accepted such coupling when the consent is specific and the entrant knows the price of entry. The law "
        "is contested, hence a warning: a separate, optional opt-in avoids the question."
    )
    fail_example = ('[campaign]\njurisdictions = ["DE"]\n\n[[entry.steps]]\naction = "form"\nfields = ["name", "email"]\n'
                    'marketing_opt_in = "required"')
    pass_example = ('[campaign]\njurisdictions = ["DE"]\n\n[[entry.steps]]\naction = "form"\nfields = ["name", "email"]\n'
                    'marketing_opt_in = "optional"')
    references = (
        Reference("NRW data protection authority: coupling a sweepstakes to advertising consent (summary by Piltz)",
                  "https://dhirubhai.net/pulse/dpa-north-rhine-westphalia-linking-sweepstakes-possible-piltz", "S"),
        Reference("Inside Privacy: German court (OLG Frankfurt 6 U 6/19) decides GDPR consent can be tied to receiving advertising",
                  "https://www.insideprivacy.com/advertising-marketing/mobile/german-court-decides-that-gdpr-consent-can-be-tied-to-receiving-advertising/", "S"),
    )

    def check(self, scenario, context):
        law = None  # worked out at the first required opt-in: most entries ask for none
        for i, step in enumerate(scenario.entry.steps):
            if step.marketing_opt_in != "required":
                continue
            if law is None:
                law = "UK GDPR" if self._only_uk(scenario) else "GDPR"
            role = "a bonus entry" if step.optional else "entry"
            yield self.violation(
                f"entry.steps[{i}].marketing_opt_in",
                f"entry step {i + 1} ({step.action.replace('_', ' ')}) makes agreeing to marketing a condition of {role}; under "
                f"{law} Art. 7(4) such consent may not count as freely given, and marketing sent on it may be unlawful",
                "Make the marketing opt-in optional (marketing_opt_in = \"optional\") and let people enter without it.",
            )

    @staticmethod
    def _only_uk(scenario) -> bool:
        return all(code.split("-")[0] == "GB" for code in scenario.campaign.jurisdictions)
