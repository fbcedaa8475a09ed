from campaignsim.builtin.general.limits import MAX_RESPONSE_HOURS
from campaignsim.lint.rule import Reference, Rule, RuleOption


class SlowResponsePromise(Rule):
    """Entrants' questions and complaints need an answer within a day, and a promise saying so."""

    code = "GEN011"
    name = "slow-response-promise"
    severity = "warning"
    reads = ("fulfilment",)
    summary = f"No promised response time for entrants' questions and complaints, or one slower than {MAX_RESPONSE_HOURS} hours."
    rationale = (
        "During a giveaway the questions come in bursts — did my entry count, when is the draw, where is my prize — "
        "and an unanswered winner goes public: most people who complain to a brand on social media expect an answer "
        "within the hour, and an unanswered complaint about a missing prize is how a giveaway becomes a \"bogus "
        f"campaign\" thread. A promised response time of at most {MAX_RESPONSE_HOURS} hours, with someone staffed to "
        "keep it, is the cheapest insurance. (Who answers and where is GEN003; this rule checks the promise of how fast.) "
        "The threshold is an assumption kept in `builtin/general/limits.py`."
    )
    fail_example = "[fulfilment]\nresponse_time_hours = 72"
    pass_example = "[fulfilment]\nresponse_time_hours = 12"
    options = (RuleOption("max_response_hours", "float", MAX_RESPONSE_HOURS, "Slowest promised response time accepted, in hours.", ge=0),)
    references = (
        Reference("Lithium / Millward Brown Digital 2013 (n = 501): 72% of people who complain to a brand on Twitter "
                  "expect a response within an hour",
                  "https://marketingland.com/study-72-of-consumers-expect-brands-to-respond-within-an-hour-to-complaints-posted-on-Twitter-63496", "S"),
        Reference("Sprout Social Index 2013: brands' average response time 11.3 hours; four in five questions unanswered",
                  "https://www.corporate-eye.com/main/2013/page/2", "S"),
        Reference(f"{MAX_RESPONSE_HOURS}-hour line: practice assumption, no rule or study sets it", None, "U"),
    )

    def check(self, scenario, context):
        MAX_RESPONSE_HOURS = self.option(context, "max_response_hours")  # noqa: N806 (the module constant, as set by the user)
        hours = scenario.fulfilment.response_time_hours
        if hours is None:
            yield self.violation("fulfilment.response_time_hours",
                                 "no promised response time for entrants' questions and complaints",
                                 f"Promise answers within {MAX_RESPONSE_HOURS} hours or less (set fulfilment.response_time_hours), "
                                 "staff the contact for the campaign and the delivery weeks, and say so in the terms.")
        elif hours > MAX_RESPONSE_HOURS:
            yield self.violation("fulfilment.response_time_hours",
                                 f"entrants are promised an answer within {hours:g} hours; more than {MAX_RESPONSE_HOURS} "
                                 "hours leaves complaints to grow in public",
                                 f"Staff the contact so that questions are answered within {MAX_RESPONSE_HOURS} hours at most "
                                 "during the campaign and until every prize is delivered.")
