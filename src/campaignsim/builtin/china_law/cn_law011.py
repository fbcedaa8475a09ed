from campaignsim.builtin.china_law import _sources as src
from campaignsim.builtin.china_law.limits import SENSITIVE_FORM_FIELDS
from campaignsim.lint.rule import Rule


def sensitive_fields(scenario) -> list[tuple[str, list[str]]]:
    """``[(key, fields)]``: the sensitive fields each entry form asks for, and those winners are asked for."""
    found = []
    for i, step in enumerate(scenario.entry.steps):
        if step.action == "form":
            fields = [name for name in step.fields if name.lower() in SENSITIVE_FORM_FIELDS]
            if fields:
                found.append((f"entry.steps[{i}].fields", fields))
    winners = [name for name in scenario.privacy.winner_fields if name.lower() in SENSITIVE_FORM_FIELDS]
    if winners:
        found.append(("privacy.winner_fields", winners))
    return found


class SensitiveDataWithoutSeparateConsent(Rule):
    """Sensitive personal information collected in a Chinese promotion without its own consent."""

    code = "CN-LAW011"
    name = "sensitive-data-without-separate-consent"
    severity = "error"
    jurisdictions = ("CN",)
    reads = ("entry", "privacy")
    summary = (
        "An entry form or the prize claim asks for sensitive personal information (ID number, bank account, health, "
        "biometrics, precise location…) and `privacy.sensitive_consent` is not true (error when false, warning when unstated)."
    )
    rationale = (
        "PIPL Art. 29: 处理敏感个人信息应当取得个人的单独同意 — sensitive personal information needs a separate consent, "
        "not a box ticked with the terms; Art. 30 adds that people are told 处理敏感个人信息的必要性以及对个人权益的影响 — "
        "why it is needed and how it affects them; Art. 28 lists what is sensitive (生物识别、宗教信仰、特定身份、医疗健康、"
        "金融账户、行踪轨迹…). Winners of valuable prizes are often asked for an ID number (for the tax the organiser "
        "withholds): that is lawful with a separate consent that says so. CN-LAW007 reports asking every entrant for "
        "such data at all; this rule reports collecting it without the consent."
    )
    fail_example = """
[privacy]
winner_fields = ["name", "phone", "address", "id_number"]
sensitive_consent = false
"""
    pass_example = """
[privacy]
winner_fields = ["name", "phone", "address", "id_number"]
sensitive_consent = true
"""
    references = (src.PIPL, src.PIPL_COPY, src.PIPL_SEPARATE_CONSENT)

    def check(self, scenario, context):
        consent = scenario.privacy.sensitive_consent
        if consent is True:
            return
        for key, fields in sensitive_fields(scenario):
            who = "winners are asked" if key.startswith("privacy") else "the entry form asks"
            said = "without" if consent is False else "with no stated"
            yield self.violation(
                key,
                f"{who} for {', '.join(fields)}, sensitive personal information, {said} separate consent; PIPL Art. 29 "
                "requires a separate consent that states why the data is needed and how it affects the person",
                "Ask for it on its own consent screen that says why it is needed (e.g. tax withholding) and its effect, and "
                "set privacy.sensitive_consent = true; or do without it.",
                severity=None if consent is False else "warning",
            )
