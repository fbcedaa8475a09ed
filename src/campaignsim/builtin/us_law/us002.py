from datetime import timedelta

from campaignsim.builtin.us_law.limits import CHANCE_DRAWS, RI_REPEAL_STATUS, STATE_REGISTRATIONS
from campaignsim.lint.context import open_in
from campaignsim.lint.rule import Reference, Rule

THRESHOLD_CURRENCY = "USD"
_NY, _FL, _RI = ({s.jurisdiction: s for s in STATE_REGISTRATIONS}[code] for code in ("US-NY", "US-FL", "US-RI"))


class StateSweepstakesRegistration(Rule):
    """New York, Florida and Rhode Island register chance promotions above a prize total before they start."""

    code = "US002"
    name = "state-sweepstakes-registration"
    severity = "error"
    jurisdictions = tuple(state.jurisdiction for state in STATE_REGISTRATIONS)
    reads = ("campaign", "prize", "terms")
    summary = (f"A chance draw open to residents of New York (prizes over {_NY.threshold_usd:,.0f} USD), Florida (over "
               f"{_FL.threshold_usd:,.0f} USD) or, through retail outlets, Rhode Island (over {_RI.threshold_usd:,.0f} USD) "
               "is not registered (and bonded) in time.")
    rationale = (
        f"New York (GBL §369-e) and Florida (§849.094) require chance promotions with prizes totalling more than "
        f"{_NY.threshold_usd:,.0f} USD (New York) or {_FL.threshold_usd:,.0f} USD (Florida) to be registered with the state "
        f"before they start (New York at least {_NY.lead_days} days before, Florida {_FL.lead_days}) and bonded for the prize "
        f"total; Rhode Island registers retail establishments' chance promotions over {_RI.threshold_usd:,.0f} USD, without a "
        "bond. A campaign open to all US residents includes these states unless it excludes them (`campaign.excluded = "
        "[\"US-NY\", \"US-FL\"]` for \"void in New York and Florida\"). An unregistered promotion can be stopped and fined. "
        f"Rhode Island's duty is under repeal ({RI_REPEAL_STATUS}), so a missing Rhode Island filing is a warning."
    )
    fail_example = ('[campaign]\njurisdictions = ["US"]\nstart = 2027-06-01T10:00:00-04:00\nend = 2027-06-14T22:00:00-04:00\n\n'
                    '[prize]\ndraw = "random"\ndraw_at = 2027-06-15T12:00:00-04:00\n\n'
                    '[[prize.items]]\nname = "E-bike"\nvalue = 6200\ncurrency = "USD"')
    pass_example = (fail_example + '\n\n[[terms.registrations]]\njurisdiction = "US-NY"\nfiled_on = 2027-04-20\nbonded = true\n\n'
                    '[[terms.registrations]]\njurisdiction = "US-FL"\nfiled_on = 2027-04-20\nbonded = true')
    references = (
        Reference('NY Department of State, games of chance: prizes "in excess of five thousand dollars" registered "at least thirty '
                  'days prior", bonded; winners list within 90 days', "https://www.dos.ny.gov/corps/gamesofchance.html", "V"),
        Reference("NY GBL §369-e on the New York Senate's site (the primary text; the wording was read in the copy below)",
                  "https://www.nysenate.gov/legislation/laws/GBS/369-E", "S", checked="2026-12"),
        Reference("NY GBL §369-e (statute text)", "https://lexace.ai/us/statute/new-york/gbs-369-E", "V"),
        Reference("Fla. Stat. §849.094 on the Florida Legislature's site (the primary text; the wording was read in the copy below)",
                  "http://www.leg.state.fl.us/statutes/index.cfm?App_mode=Display_Statute&URL=0800-0899/0849/Sections/0849.094.html",
                  "S", checked="2026-12"),
        Reference('Fla. Stat. §849.094(3): total prizes "greater than $5,000 shall file" with the department; trust account or bond',
                  "https://instalawyer.io/laws/florida-statutes/849094-game-promotion-in", "V"),
        Reference("Which states require sweepstakes registration (Florida 7 days before, winners list within 60 days)",
                  "https://www.sweeppeasweeps.com/official-rules-center/which-states-require-sweepstakes-registration/", "S"),
        Reference("Klein Moynihan Turco: sweepstakes registration and bonding (Rhode Island $500, retail, no bond)",
                  "https://kleinmoynihan.com/sweepstakes-registration-and-bonding-requirements", "S"),
        Reference("Rhode Island: 2024 bill to repeal chapter 11-50 (games of chance in retail promotion) in its entirety; "
                  "enactment not confirmed",
                  "https://fastdemocracy.com/bill-summary/?billsummary_id=RIB00027813&billsummary_session=2024&billsummary_state=ri",
                  "S", checked="2026-12"),
        Reference('Rhode Island Secretary of State form "Statement with reference to games of chance" (§11-50-1: retail '
                  "establishment, prizes by chance, over $500)",
                  "https://forms.justia.com/rhode-island/secretary-of-state/miscellaneous/statement-with-reference-to-games-of-chance-92144.html", "S"),
    )

    def check(self, scenario, context):
        if scenario.prize.draw not in CHANCE_DRAWS:
            return
        states = [state for state in STATE_REGISTRATIONS
                  if open_in(scenario.campaign, state.jurisdiction)
                  and (scenario.campaign.retail_outlets or not state.retail_only)]
        if not states:
            return
        total = context.prize_total(scenario.prize.items, THRESHOLD_CURRENCY)
        undecided = [state for state in states if total.unconverted and total.amount <= state.threshold_usd]
        if undecided:
            names = ", ".join(f"{s.state} (over {s.threshold_usd:,.0f} {THRESHOLD_CURRENCY})" for s in undecided)
            known = (f"; the prizes with a known rate total {total.amount:,.0f} {THRESHOLD_CURRENCY}{''.join(total.rate_notes)}"
                     if total.amount else "")
            yield self.violation(
                "prize.items",
                f"could not judge state registration for {names}: no exchange rate for {', '.join(total.unconverted)}{known}",
                "Add the rate with exchange-rates in [tool.campaignsim], or state the prize values in USD.",
                severity="info",
            )
        for state in states:
            if state in undecided or total.amount <= state.threshold_usd:
                continue
            yield from self._check_state(scenario, state, total)

    def _check_state(self, scenario, state, total):
        start = scenario.campaign.start.date()
        need = (f"{state.state} requires chance promotions over {state.threshold_usd:,.0f} {THRESHOLD_CURRENCY}"
                + (" at retail outlets" if state.retail_only else "") + " to be registered "
                + (f"at least {state.lead_days} days before the start ({start.isoformat()})" if state.lead_days else
                   f"no later than the start date ({start.isoformat()})")
                + (f" with {state.security} covering the prize total" if state.security else ""))
        filings = [(i, r) for i, r in enumerate(scenario.terms.registrations) if r.jurisdiction == state.jurisdiction]
        if not filings:
            yield self.violation(
                "terms.registrations",
                f"the prizes total {total.describe()}; {need}, and no {state.jurisdiction} registration is listed",
                f"File with {state.state} in time and list it under [[terms.registrations]], or keep the prize total at or below "
                f"{state.threshold_usd:,.0f} {THRESHOLD_CURRENCY}, or exclude {state.state} residents "
                f"(campaign.excluded = [\"{state.jurisdiction}\"]).",
                severity="warning" if state.jurisdiction == "US-RI" else None,
            )
            return
        i, filing = filings[0]
        key = f"terms.registrations[{i}]"
        if filing.filed_on is None:
            yield self.violation(
                f"{key}.filed_on",
                f"the {state.jurisdiction} registration has no filed_on date, so the lead time cannot be checked; {need}",
                "Add the filing date (filed_on).",
                severity="warning",
            )
        else:
            days_before = (start - filing.filed_on).days
            if days_before < state.lead_days:
                when = f"{days_before} days before the start" if days_before >= 0 else f"{-days_before} days after the start"
                yield self.violation(
                    f"{key}.filed_on",
                    f"the prizes total {total.describe()}; the {state.jurisdiction} registration is filed on "
                    f"{filing.filed_on.isoformat()}, {when}, but {need}",
                    (f"File at least {state.lead_days} days before the start, or move the start to "
                     f"{(filing.filed_on + timedelta(days=state.lead_days)).isoformat()} or later.") if state.lead_days else
                    "File before the start, or start on the filing date or later.",
                )
        if state.security and not filing.bonded:
            yield self.violation(
                f"{key}.bonded",
                f"the prizes total {total.describe()}; the {state.jurisdiction} registration is not bonded, but {need}",
                f"Put up {state.security} for the prize total and set bonded = true.",
            )
