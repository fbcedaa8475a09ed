from campaignsim.lint.rule import Reference, Rule
from campaignsim.model.limits import LONG_CAMPAIGN_DAYS, MAX_CAMPAIGN_DAYS


class LongCampaign(Rule):
    """A campaign open for months is more often a typo in a date than a plan."""

    code = "CS004"
    name = "long-campaign"
    severity = "warning"
    summary = f"The campaign runs longer than {LONG_CAMPAIGN_DAYS} days."
    rationale = (
        f"Giveaways and contests on social platforms run for days or weeks; one open for more than {LONG_CAMPAIGN_DAYS} days "
        "usually has a wrong year or month in campaign.start or campaign.end. Such a campaign is also slow to simulate, "
        f"hour by hour. Campaigns longer than {MAX_CAMPAIGN_DAYS} days are refused when the file is loaded."
    )
    fail_example = "[campaign]\nstart = 2027-03-01T10:00:00+08:00\nend = 2028-03-08T22:00:00+08:00"
    pass_example = "[campaign]\nstart = 2027-03-01T10:00:00+08:00\nend = 2027-03-08T22:00:00+08:00"
    references = (Reference("campaignsim documentation, Security and limits (docs/security.md): campaign length", None, "V"),)
    reads = ("campaign",)

    def check(self, scenario, context):
        days = (scenario.campaign.end - scenario.campaign.start).total_seconds() / 86400
        if days > LONG_CAMPAIGN_DAYS:
            yield self.violation("campaign.end", f"the campaign runs {days:,.0f} days, from {scenario.campaign.start:%Y-%m-%d} "
                                                 f"to {scenario.campaign.end:%Y-%m-%d}; check the year and month",
                                 "Correct campaign.start or campaign.end; if the campaign really runs this long, ignore CS004 with the reason.")
