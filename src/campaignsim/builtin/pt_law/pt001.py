from campaignsim.builtin._filings import filing_for
from campaignsim.builtin.pt_law.limits import CHANCE_DRAWS, LEI_DO_JOGO, SGMAI
from campaignsim.lint.rule import Rule


class PortugueseDrawAuthorisation(Rule):
    """An advertising draw in Portugal is authorised by the Interior Ministry's Secretariat-General before it runs."""

    code = "PT001"
    name = "portugal-draw-not-authorised"
    severity = "error"
    jurisdictions = ("PT",)
    reads = ("prize", "terms")
    summary = "A chance draw open in Portugal has no authorisation from the Secretaria-Geral do Ministério da Administração Interna listed."
    rationale = (
        "Portugal's gaming law (Decreto-Lei 422/89, arts. 159–161) treats draws, advertising contests and quizzes with prizes "
        "as activities akin to games of chance, allowed only with prior authorisation; the Secretaria-Geral do Ministério da "
        "Administração Interna (SGMAI) grants it, and unclaimed prizes go to social institutions. Free entry does not exempt a "
        "draw. List the authorisation under `[[terms.registrations]]` with `jurisdiction = \"PT\"`."
    )
    fail_example = '[campaign]\njurisdictions = ["PT"]\n\n[prize]\ndraw = "random"'
    pass_example = fail_example + '\n\n[[terms.registrations]]\njurisdiction = "PT"\nfiled_on = 2027-01-10\npermit = "SGMAI 123/2027"'
    references = (SGMAI, LEI_DO_JOGO)

    def check(self, scenario, context):
        if scenario.prize.draw not in CHANCE_DRAWS or filing_for(scenario, "PT") is not None:
            return
        yield self.violation(
            "terms.registrations",
            f"a {scenario.prize.draw.replace('_', ' ')} draw open in Portugal with no SGMAI authorisation listed; advertising "
            "draws need prior authorisation under Decreto-Lei 422/89",
            "Apply to the Secretaria-Geral do Ministério da Administração Interna before the start and list the authorisation "
            "under [[terms.registrations]] with jurisdiction = \"PT\"; or close the draw to Portugal (campaign.excluded).",
        )
