from campaignsim.builtin.china_law import _sources as src
from campaignsim.builtin.china_law.limits import GUARDIAN_CONSENT_BELOW_AGE, SENSITIVE_FORM_FIELDS
from campaignsim.lint.rule import Rule


class EntryDataNotLawful(Rule):
    """Personal information collected to enter without the notice, or beyond the need, PIPL asks for."""

    code = "CN-LAW007"
    name = "entry-data-not-lawful"
    severity = "error"
    jurisdictions = ("CN",)
    reads = ("audience", "entry", "terms")
    summary = (
        "An entry form collects personal information while the terms give no privacy notice, or asks for "
        f"sensitive data a giveaway does not need (ID number, bank card, biometrics, precise location…); warns when entrants may be "
        f"under {GUARDIAN_CONSENT_BELOW_AGE}."
    )
    rationale = (
        "The Personal Information Protection Law requires telling people, before collecting, who the controller is, "
        "the purpose, the categories, how long data is kept and how to exercise their rights (Art. 17), and limits "
        "collection to the minimum the purpose needs (Art. 6: 限于实现处理目的的最小范围). Identity numbers, "
        "financial accounts, biometrics, health data and whereabouts (行踪轨迹: a precise or continuous location) are "
        "sensitive information (Art. 28) that no prize draw needs from every entrant; a city or a delivery address is "
        f"not sensitive. Information of children under {GUARDIAN_CONSENT_BELOW_AGE} needs a guardian's consent (Art. 31)."
    )
    fail_example = """
[[entry.steps]]
action = "form"
fields = ["name", "phone", "id_number"]
[terms]
discloses = ["rules"]
"""
    pass_example = """
[[entry.steps]]
action = "form"
fields = ["name", "phone"]
[terms]
discloses = ["rules", "privacy_notice"]
[audience]
min_age = 18
"""
    references = (src.PIPL, src.PIPL_COPY)

    def check(self, scenario, context):
        notice = "privacy_notice" in scenario.terms.discloses
        for i, step in enumerate(scenario.entry.steps):
            if step.action != "form":
                continue
            asked = ", ".join(step.fields) if step.fields else "personal information"
            if not notice:
                yield self.violation(
                    f"entry.steps[{i}]",
                    f"the entry form asks for {asked} but the terms give no privacy notice; PIPL requires stating "
                    "the controller, purpose, categories, retention and entrants' rights before collecting",
                    "Publish a privacy notice with the terms and add \"privacy_notice\" to terms.discloses.",
                )
            sensitive = [name for name in step.fields if name.lower() in SENSITIVE_FORM_FIELDS]
            if sensitive:
                yield self.violation(
                    f"entry.steps[{i}].fields",
                    f"the entry form asks every entrant for {', '.join(sensitive)}; PIPL limits collection to what "
                    "the purpose needs, and a giveaway does not need sensitive information to enter",
                    "Drop these fields from the entry form; ask winners only for what delivery needs (name, phone, address).",
                )
        audience = scenario.audience
        if audience.min_age is not None:
            if audience.min_age >= GUARDIAN_CONSENT_BELOW_AGE:
                return
            key, why = "audience.min_age", f"the terms admit entrants from age {audience.min_age}"
        elif audience.minors_possible:
            key, why = "audience.minors_possible", f"entrants may be under {GUARDIAN_CONSENT_BELOW_AGE}"
        else:
            return
        yield self.violation(
            key,
            f"{why}; PIPL requires a guardian's consent to process the personal information (entry data, "
            f"winners' contact and address) of children under {GUARDIAN_CONSENT_BELOW_AGE}",
            f"Set a minimum age of {GUARDIAN_CONSENT_BELOW_AGE} or more in the terms (audience.min_age), or obtain "
            "guardians' consent.",
            severity="warning",
        )
