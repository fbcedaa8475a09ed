from campaignsim.builtin.general._sources import CAP_8_17, FAILED_DELIVERY_CASES, INTERIM_PROVISIONS
from campaignsim.lint.rule import Rule


class NoAccountableOwner(Rule):
    """Someone must answer for the promise: a contact for entrants, and an owner inside the organiser."""

    code = "GEN003"
    name = "no-accountable-owner"
    severity = "error"
    reads = ("campaign", "fulfilment")
    summary = "No contact for entrants (error), or no named owner responsible for delivering the prizes (warning)."
    rationale = (
        "Chinese promotion rules and the UK CAP Code both require the organiser and a way to reach it to be "
        "announced. Inside the organiser, a giveaway without a named owner is the one whose prizes nobody ships: "
        "marketing assumes e-commerce sends them, e-commerce never heard of the campaign, and winners find out "
        "first. The contact is the law's requirement (error); the owner is practice (warning)."
    )
    fail_example = '[fulfilment]\n# no owner, no contact'
    pass_example = '[fulfilment]\nowner = "e-commerce team"\ncontact = "events@acme-tea.example"'
    references = (INTERIM_PROVISIONS, CAP_8_17, FAILED_DELIVERY_CASES)

    def check(self, scenario, context):
        fulfilment = scenario.fulfilment
        if not fulfilment.contact:
            yield self.violation("fulfilment.contact", f"no contact through which entrants can reach {scenario.campaign.brand}",
                                 "Set fulfilment.contact (an e-mail address, phone number or account) and publish it in the terms.")
        if not fulfilment.owner:
            yield self.violation("fulfilment.owner", "nobody inside the organiser is named as responsible for delivering the prizes",
                                 "Name the team or person who ships the prizes in fulfilment.owner, and agree it with them before launch.",
                                 severity="warning")
