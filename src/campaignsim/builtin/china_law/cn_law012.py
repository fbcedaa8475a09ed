from campaignsim.builtin.china_law import _sources as src
from campaignsim.lint.rule import Rule

MECHANISMS = "a CAC security assessment, a certification or the CAC standard contract"


class WinnerDataSentAbroad(Rule):
    """Personal information from a Chinese promotion sent abroad without the PIPL's conditions."""

    code = "CN-LAW012"
    name = "winner-data-sent-abroad"
    severity = "error"
    jurisdictions = ("CN",)
    reads = ("privacy",)
    summary = (
        "Entrants' or winners' personal information leaves China (`privacy.transfer_abroad`) without their separate "
        "consent to it (`privacy.transfer_consent`), or with no legal route stated (`privacy.transfer_mechanism`: warning)."
    )
    rationale = (
        "PIPL Art. 39: a processor sending personal information abroad 应当向个人告知境外接收方的名称或者姓名、联系方式、"
        "处理目的、处理方式、个人信息的种类…并取得个人的单独同意 — tells people who receives it and why, and gets their "
        f"separate consent. Art. 38 also requires a legal route: {MECHANISMS}, or another condition the law sets. "
        "A global brand whose CRM, agency or fulfilment house sits outside mainland China transfers the winner list "
        "abroad the moment it ships prizes from there. Whether an exemption applies is for the organiser to establish: "
        "say so with `transfer_mechanism = \"exempt\"`."
    )
    fail_example = """
[privacy]
transfer_abroad = true
transfer_consent = false
"""
    pass_example = """
[privacy]
transfer_abroad = true
transfer_consent = true
transfer_mechanism = "standard_contract"
"""
    references = (src.PIPL, src.PIPL_ART_39_COMMENTARY, src.PIPL_COPY)

    def check(self, scenario, context):
        privacy = scenario.privacy
        if privacy.transfer_abroad is not True:
            return
        if privacy.transfer_consent is not True:
            said = "without" if privacy.transfer_consent is False else "with no stated"
            yield self.violation(
                "privacy.transfer_consent",
                f"entrants' or winners' personal information is sent abroad {said} separate consent; PIPL Art. 39 requires "
                "telling people who receives it abroad and why, and their separate consent",
                "Name the recipient abroad, its contact, purpose and the data in the notice, ask a separate consent, and set "
                "privacy.transfer_consent = true; or keep the data in China.",
            )
        if privacy.transfer_mechanism is None:
            yield self.violation(
                "privacy.transfer_mechanism",
                f"the data sent abroad has no legal route stated; PIPL Art. 38 requires {MECHANISMS} (or an exemption)",
                "Sign the CAC standard contract with the recipient (or establish the exemption) and set "
                "privacy.transfer_mechanism.",
                severity="warning",
            )
