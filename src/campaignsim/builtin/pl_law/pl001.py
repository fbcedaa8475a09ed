from campaignsim.builtin._filings import filing_for
from campaignsim.builtin.pl_law.limits import CHANCE_DRAWS, GAMBLING_ACT, PERMIT_GUIDE, PURCHASE_ACTIONS, RP_GUIDE
from campaignsim.lint.rule import Rule


class PolishPromotionalLotteryPermit(Rule):
    """A draw in Poland entered by buying something is a promotional lottery and needs a permit."""

    code = "PL001"
    name = "poland-promotional-lottery-permit"
    severity = "error"
    jurisdictions = ("PL",)
    reads = ("entry", "prize", "terms")
    summary = "A chance draw open in Poland is entered by a purchase and no promotional-lottery permit is listed."
    rationale = (
        "Poland's Gambling Act makes a draw entered by buying goods or services a promotional lottery (loteria promocyjna), a "
        "game of chance that may be run only with a permit from the director of the competent tax administration chamber, "
        "applied for with the rules and a guarantee; running it without one is fined. Adding a knowledge question to a draw "
        "does not change that (the administrative courts treat any chance stage as decisive). A free-entry giveaway or a "
        "contest judged on merit is not a promotional lottery. List the permit under `[[terms.registrations]]` with "
        "`jurisdiction = \"PL\"` (and its number in `permit`)."
    )
    fail_example = '[campaign]\njurisdictions = ["PL"]\n\n[prize]\ndraw = "random"\n\n[[entry.steps]]\naction = "purchase"'
    pass_example = fail_example + '\n\n[[terms.registrations]]\njurisdiction = "PL"\nfiled_on = 2027-01-10\npermit = "0103-IGH.4020.12.2027"\nbonded = true'
    references = (GAMBLING_ACT, RP_GUIDE, PERMIT_GUIDE)

    def check(self, scenario, context):
        if scenario.prize.draw not in CHANCE_DRAWS:
            return
        bought = next((i for i, step in enumerate(scenario.entry.steps) if step.action in PURCHASE_ACTIONS), None)
        if bought is None or filing_for(scenario, "PL") is not None:
            return
        yield self.violation(
            f"entry.steps[{bought}]",
            f"the {scenario.prize.draw.replace('_', ' ')} draw is entered by a purchase (entry step {bought + 1}): in Poland that "
            "is a promotional lottery, which needs a permit from the tax administration chamber, and none is listed",
            "Apply for the permit (with the rules and a guarantee) well before the start and list it under "
            "[[terms.registrations]] with jurisdiction = \"PL\"; or make entry free, or judge entries on merit.",
        )
