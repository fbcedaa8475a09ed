from campaignsim.builtin.general._ages import items_in
from campaignsim.builtin.general.limits import PRESCRIPTION_SOURCES
from campaignsim.lint.rule import Reference, Rule


class PrescriptionDrugPrize(Rule):
    """A medicine that needs a prescription is not a prize."""

    code = "GEN021"
    name = "prescription-drug-prize"
    severity = "error"
    reads = ("prize",)
    summary = "A prize is a prescription-only medicine."
    rationale = (
        "Prescription medicines may be dispensed only on a prescription (21 U.S.C. §353(b) in the US) and may not be "
        "advertised to the public in the EU (Directive 2001/83/EC Art. 88), where free samples go only to prescribers "
        "(Art. 96). Giving one away as a prize is dispensing without a prescription and advertising it at once. "
        f"Sources: {PRESCRIPTION_SOURCES}."
    )
    fail_example = ('[[prize.items]]\nname = "Three months of a weight-loss injection"\nvalue = 900\ncurrency = "EUR"\n'
                    'category = "prescription_drug"')
    pass_example = '[[prize.items]]\nname = "Gym membership, 3 months"\nvalue = 150\ncurrency = "EUR"\ncategory = "experience"'
    references = (
        Reference("Directive 2001/83/EC Art. 88(1) and Art. 96 (no advertising of prescription-only medicines to the public; "
                  "free samples only to prescribers)", "https://eur-lex.europa.eu/eli/dir/2001/83/oj", "S", checked="2026-12"),
        Reference("21 U.S.C. §353(b) (prescription drugs dispensed only on prescription)",
                  "https://www.law.cornell.edu/uscode/text/21/353", "S", checked="2026-12"),
    )

    def check(self, scenario, context):
        for i, item in items_in(scenario.prize, ("prescription_drug",)):
            yield self.violation(
                f"prize.items[{i}].category",
                f"prize \"{item.name}\" is a prescription-only medicine: giving it away dispenses it without a prescription "
                "and advertises it to the public",
                "Replace the prize; a health-related prize can be a service from a licensed provider, not the medicine itself.",
            )
