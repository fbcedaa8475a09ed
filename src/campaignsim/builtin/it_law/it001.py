from datetime import timedelta

from campaignsim.builtin._filings import filing_for
from campaignsim.builtin.it_law.limits import CONCORSO_DRAWS, DPR_430, MOLISE, NOTICE_LEAD_DAYS, UMBRIA
from campaignsim.lint.rule import Rule


class ItalianMinistryNotice(Rule):
    """An Italian concorso a premio is notified to the ministry at least 15 days before it starts."""

    code = "IT001"
    name = "italy-concorso-not-notified"
    severity = "error"
    jurisdictions = ("IT",)
    reads = ("campaign", "prize", "terms")
    summary = f"A prize contest open in Italy is not notified to the Ministry (MIMIT, form Prema CO/1) at least {NOTICE_LEAD_DAYS} days before it starts."
    rationale = (
        "Under D.P.R. 430/2001 a concorso a premio, a promotion in which only some participants win (by draw, by judged skill "
        "or by being first), is notified to the Ministry of Enterprises and Made in Italy through the Prema CO/1 service at "
        f"least {NOTICE_LEAD_DAYS} days before it starts, with the signed rules and the guarantee deposit. A contest run "
        "without notice is an unlawful prize promotion, fined and stopped. List the notice as `[[terms.registrations]]` "
        "with `jurisdiction = \"IT\"` and its `filed_on` date."
    )
    fail_example = ('[campaign]\njurisdictions = ["IT"]\nstart = 2027-06-01T10:00:00+02:00\nend = 2027-06-30T22:00:00+02:00\n\n'
                    '[prize]\ndraw = "random"')
    pass_example = fail_example + '\n\n[[terms.registrations]]\njurisdiction = "IT"\nfiled_on = 2027-05-10\nbonded = true'
    references = (UMBRIA, MOLISE, DPR_430)

    def check(self, scenario, context):
        if scenario.prize.draw not in CONCORSO_DRAWS:
            return
        start = scenario.campaign.start.date()
        found = filing_for(scenario, "IT")
        if found is None:
            yield self.violation(
                "terms.registrations",
                f"a {scenario.prize.draw.replace('_', ' ')} prize contest open in Italy with no ministry notice listed; D.P.R. "
                f"430/2001 requires notice (Prema CO/1) at least {NOTICE_LEAD_DAYS} days before the start ({start.isoformat()})",
                f"Notify the Ministry through Prema CO/1 by {(start - timedelta(days=NOTICE_LEAD_DAYS)).isoformat()} and list it "
                "under [[terms.registrations]] with jurisdiction = \"IT\", or close the contest to Italian residents "
                "(campaign.excluded).",
            )
            return
        i, filing = found
        if filing.filed_on is None:
            yield self.violation(f"terms.registrations[{i}].filed_on",
                                 "the Italian ministry notice has no filed_on date, so the 15-day lead time cannot be checked",
                                 "Add the date of the Prema CO/1 notice (filed_on).", severity="warning")
            return
        days = (start - filing.filed_on).days
        if days < NOTICE_LEAD_DAYS:
            yield self.violation(
                f"terms.registrations[{i}].filed_on",
                f"the Italian ministry notice is filed on {filing.filed_on.isoformat()}, {days} days before the start; D.P.R. "
                f"430/2001 requires at least {NOTICE_LEAD_DAYS}",
                f"Move the start to {(filing.filed_on + timedelta(days=NOTICE_LEAD_DAYS)).isoformat()} or later.",
            )
