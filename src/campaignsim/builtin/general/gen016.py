from campaignsim.builtin.general._capacity import clock, describe_days, longest_closed, staffed_hours
from campaignsim.lint.rule import Reference, Rule
from campaignsim.model.simparams import PARAMETERS


class SupportCannotMeetResponsePromise(Rule):
    """The stated support desk must be able to answer entrants within the promised time."""

    code = "GEN016"
    name = "support-cannot-meet-response-promise"
    severity = "warning"
    reads = ("campaign", "fulfilment", "operations", "simulation")
    summary = ("The support desk as staffed (`operations.support_agents`, days, hours, `handling_minutes`) cannot answer within "
               "`fulfilment.response_time_hours`: it is closed for longer than that, or the expected questions outnumber what it can answer.")
    rationale = (
        "A promised response time is kept by people on duty. A desk staffed on weekdays is closed for 63 hours over "
        "every weekend, so a question asked on Friday evening cannot be answered within 24 hours; and a desk that can "
        "answer 50 questions a day cannot keep any promise to 20,000 entrants who ask a few hundred. The questions "
        "that wait past the promise are the ones asked again in public, and an unanswered complaint about a missing "
        "prize is how a campaign's comment section turns. The number of questions per entrant is the simulation's "
        "`inquiries_per_entrant` (an assumption, overridable in `[simulation]`); the expected entrants are "
        "`campaign.expected_entrants`."
    )
    fail_example = ("[campaign]\nexpected_entrants = 20000\n\n[fulfilment]\nresponse_time_hours = 24\n\n"
                    "[operations]\nsupport_agents = 1")
    pass_example = ("[campaign]\nexpected_entrants = 2000\n\n[fulfilment]\nresponse_time_hours = 24\n\n"
                    "[operations]\nsupport_agents = 2\nsupport_days = [\"mon\", \"tue\", \"wed\", \"thu\", \"fri\", \"sat\", \"sun\"]")
    references = (
        Reference("Lithium / Millward Brown Digital 2013 (n = 501): 72% of people who complain to a brand on Twitter "
                  "expect a response within an hour",
                  "https://marketingland.com/study-72-of-consumers-expect-brands-to-respond-within-an-hour-to-complaints-posted-on-Twitter-63496", "S"),
        Reference("Desk arithmetic: agents × staffed hours × 60 ÷ minutes per question, against expected entrants × questions "
                  "per entrant; questions per entrant is an assumption of the simulation", None, "U"),
    )

    def check(self, scenario, context):
        ops, ful, campaign = scenario.operations, scenario.fulfilment, scenario.campaign
        promise = ful.response_time_hours
        if ops.support_agents is None or promise is None:
            return
        days = describe_days(ops.support_days)
        if ops.support_agents == 0 or not ops.support_days:
            yield self.violation("operations.support_agents", f"nobody staffs the support desk, yet answers are promised within {promise:g} hours",
                                 "Name at least one agent and the days and hours they answer entrants.")
            return
        gap = longest_closed(ops.support_days, ops.support_opens, ops.support_closes)
        if gap > promise:
            yield self.violation("operations.support_days",
                                 f"the desk ({days}, {clock(ops.support_opens)}–{clock(ops.support_closes)}) is closed for up to {gap:g} hours "
                                 f"at a stretch, longer than the promised {promise:g} hours: a question asked as it closes is answered late",
                                 f"Staff the desk so it is never closed for more than {promise:g} hours (weekend cover), or promise "
                                 f"{gap:g} hours and say working days only in the terms.")
        entrants = campaign.expected_entrants
        if not entrants:
            return
        overrides = dict(scenario.simulation)
        rate = overrides.get("inquiries_per_entrant", PARAMETERS["inquiries_per_entrant"].default)
        minutes = ops.handling_minutes
        if minutes is None:
            minutes = overrides.get("default_handling_minutes", PARAMETERS["default_handling_minutes"].default)
        questions = entrants * rate
        span = (campaign.end - campaign.start).total_seconds() / 3600.0 + promise
        hours = staffed_hours(campaign.start, span, ops.support_days, ops.support_opens, ops.support_closes)
        answerable = ops.support_agents * hours * 60.0 / minutes
        if questions <= answerable:
            return
        agents = ops.support_agents
        yield self.violation("operations.support_agents",
                             f"{entrants:,} expected entrants × {rate:g} questions each = {questions:,.0f} questions; "
                             f"{agents:,} agent{'s' if agents != 1 else ''} at {minutes:g} minutes a question, staffed {hours:,.0f} hours "
                             f"({days}) in the campaign and the {promise:g} hours promised after it, answer at most "
                             f"{answerable:,.0f}: {questions - answerable:,.0f} questions wait longer than the promised {promise:g} hours",
                             f"Staff at least {int(-(-questions * minutes // (hours * 60.0)))} agents for the campaign weeks, "
                             "or promise a longer response time.")
