from campaignsim.builtin.au_law._permits import check_state_permit
from campaignsim.builtin.au_law.limits import SA as STATE
from campaignsim.lint.rule import Rule


class TradePromotionLicenceSA(Rule):
    """The South Australia major trade promotion licence for chance promotions over the state's prize threshold."""

    code = "AU003"
    name = "au-sa-trade-promotion-permit"
    severity = "error"
    jurisdictions = (STATE.jurisdiction,)
    reads = ("campaign", "prize", "terms")
    summary = (f"A chance promotion open in {STATE.state} with prizes over {STATE.threshold_aud:,.0f} AUD has no {STATE.what} "
               f"listed, or it was sought less than {STATE.lead_days} business days before the start.")
    rationale = (
        f"In Australia a free-entry promotion whose winners are drawn by chance is a trade promotion lottery, regulated by each "
        f"state. {STATE.state} requires a {STATE.what} from {STATE.authority} when the total prize value exceeds "
        f"{STATE.threshold_aud:,.0f} AUD, sought at least {STATE.lead_days} business days before the start. A promotion open "
        "to all Australians includes the state unless it excludes it; games of skill need no permit. The figures live in "
        "`builtin/au_law/limits.py` with their sources."
    )
    fail_example = ('[campaign]\njurisdictions = ["AU"]\nstart = 2027-06-01T10:00:00+10:00\nend = 2027-06-30T22:00:00+10:00\n\n'
                    '[prize]\ndraw = "random"\n\n[[prize.items]]\nname = "Holiday for two"\nvalue = 12000\ncurrency = "AUD"')
    pass_example = fail_example + f'\n\n[[terms.registrations]]\njurisdiction = "{STATE.jurisdiction}"\nfiled_on = 2027-04-01'
    references = (STATE.reference,)

    def check(self, scenario, context):
        yield from check_state_permit(self, scenario, context, STATE)
