from campaignsim.builtin._filings import filing_for
from campaignsim.builtin.it_law.limits import CONCORSO_DRAWS, DPR_430, MOLISE, UMBRIA
from campaignsim.lint.rule import Rule


class ItalianGuaranteeDeposit(Rule):
    """The prizes of an Italian concorso are guaranteed by a deposit equal to their value."""

    code = "IT002"
    name = "italy-guarantee-deposit-missing"
    severity = "error"
    jurisdictions = ("IT",)
    reads = ("prize", "terms")
    summary = "A prize contest open in Italy has no guarantee deposit (cauzione) for the full value of its prizes."
    rationale = (
        "D.P.R. 430/2001 Art. 7 requires the promoter of a concorso a premio to lodge a guarantee, a deposit or a bank or "
        "insurance surety, equal to 100% of the prizes' value net of VAT, in favour of the Ministry, before the contest is "
        "notified: it pays the winners if the promoter does not. Record it with `bonded = true` on the Italian filing in "
        "`[[terms.registrations]]`."
    )
    fail_example = ('[campaign]\njurisdictions = ["IT"]\n\n[prize]\ndraw = "random"\n\n[[terms.registrations]]\n'
                    'jurisdiction = "IT"\nfiled_on = 2027-02-01')
    pass_example = fail_example + "\nbonded = true"
    references = (UMBRIA, MOLISE, DPR_430)

    def check(self, scenario, context):
        if scenario.prize.draw not in CONCORSO_DRAWS:
            return
        total = context.prize_total(scenario.prize.items, "EUR")
        found = filing_for(scenario, "IT")
        if found is None:
            yield self.violation(
                "terms.registrations",
                f"no guarantee deposit is listed for a prize contest open in Italy; D.P.R. 430/2001 Art. 7 requires one equal to "
                f"the prizes' value ({total.describe()})",
                "Lodge a deposit or a bank or insurance surety for 100% of the prize value in favour of the Ministry, and list "
                "the Italian filing with bonded = true.",
            )
        elif not found[1].bonded:
            yield self.violation(
                f"terms.registrations[{found[0]}].bonded",
                f"the Italian filing has no guarantee deposit; D.P.R. 430/2001 Art. 7 requires one equal to the prizes' value "
                f"({total.describe()})",
                "Lodge the deposit or surety and set bonded = true.",
            )
