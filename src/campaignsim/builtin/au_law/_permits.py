"""The check the state-permit rules share: a chance promotion open in the state, over its prize threshold, needs the
permit listed, applied for or notified in time."""

from __future__ import annotations

from typing import ClassVar

from campaignsim.builtin._filings import business_days_between, filing_for
from campaignsim.builtin.au_law.limits import CHANCE_DRAWS, CURRENCY, StatePermit
from campaignsim.lint.context import open_in
from campaignsim.lint.rule import Rule


class StatePermitRule(Rule):
    """One state's or territory's trade promotion permit: a subclass sets ``state`` (its figures,
    from ``limits.py``), ``code`` and ``name``; the text, the examples and the check follow from them."""

    state: ClassVar[StatePermit]
    severity = "error"
    reads = ("campaign", "prize", "terms")

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        state = cls.state
        cls.jurisdictions = (state.jurisdiction,)
        cls.summary = (f"A chance promotion open in {state.state} with prizes over {state.threshold_aud:,.0f} AUD has no "
                       f"{state.what} listed, or it was sought less than {state.lead_days} business days before the start.")
        cls.rationale = (
            f"In Australia a free-entry promotion whose winners are drawn by chance is a trade promotion lottery, regulated by each "
            f"state. {state.state} requires a {state.what} from {state.authority} when the total prize value exceeds "
            f"{state.threshold_aud:,.0f} AUD, sought at least {state.lead_days} business days before the start. A promotion open "
            "to all Australians includes the state unless it excludes it; games of skill need no permit. The figures live in "
            "`builtin/au_law/limits.py` with their sources."
        )
        cls.fail_example = ('[campaign]\njurisdictions = ["AU"]\nstart = 2027-06-01T10:00:00+10:00\nend = 2027-06-30T22:00:00+10:00\n\n'
                            '[prize]\ndraw = "random"\n\n[[prize.items]]\nname = "Holiday for two"\nvalue = 12000\ncurrency = "AUD"')
        cls.pass_example = cls.fail_example + f'\n\n[[terms.registrations]]\njurisdiction = "{state.jurisdiction}"\nfiled_on = 2027-04-01'
        cls.references = (state.reference,)

    def check(self, scenario, context):
        yield from check_state_permit(self, scenario, context, self.state)


def check_state_permit(rule, scenario, context, state: StatePermit):
    if scenario.prize.draw not in CHANCE_DRAWS or not open_in(scenario.campaign, state.jurisdiction):
        return
    total = context.prize_total(scenario.prize.items, CURRENCY)
    if total.unconverted and total.amount <= state.threshold_aud:
        yield rule.violation("prize.items", f"could not judge the {state.state} {state.what}: no exchange rate for "
                             f"{', '.join(total.unconverted)}", "Add the rate with exchange-rates in [tool.campaignsim].",
                             severity="info")
        return
    if total.amount <= state.threshold_aud:
        return
    unit = "business days" if state.business_days else "days"
    start = scenario.campaign.start.date()
    need = (f"{state.state} requires a {state.what} from {state.authority} for chance promotions with prizes over "
            f"{state.threshold_aud:,.0f} {CURRENCY}, at least {state.lead_days} {unit} before the start ({start.isoformat()})")
    found = filing_for(scenario, state.jurisdiction)
    if found is None:
        yield rule.violation(
            "terms.registrations",
            f"the prizes total {total.describe()}; {need}, and none is listed",
            f"Apply in time and list it under [[terms.registrations]] with jurisdiction = \"{state.jurisdiction}\"; or keep the "
            f"prize total at or below {state.threshold_aud:,.0f} {CURRENCY}, judge entries on skill, or exclude "
            f"{state.state} (campaign.excluded = [\"{state.jurisdiction}\"]).",
        )
        return
    i, filing = found
    if filing.filed_on is None:
        yield rule.violation(f"terms.registrations[{i}].filed_on", f"the {state.jurisdiction} filing has no filed_on date; {need}",
                             "Add the filing date (filed_on).", severity="warning")
        return
    lead = business_days_between(filing.filed_on, start) if state.business_days else (start - filing.filed_on).days
    if lead < state.lead_days:
        yield rule.violation(
            f"terms.registrations[{i}].filed_on",
            f"the {state.jurisdiction} filing is dated {filing.filed_on.isoformat()}, {lead} {unit} before the start; {need}",
            "Apply earlier or move the start.",
        )
