"""The check the state-permit rules share: a chance promotion open in the state, over its prize threshold, needs the
permit listed, applied for or notified in time."""

from __future__ import annotations

from campaignsim.builtin._filings import business_days_between, filing_for
from campaignsim.builtin.au_law.limits import CHANCE_DRAWS, CURRENCY, StatePermit
from campaignsim.lint.context import open_in


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
