from campaignsim.builtin.general._sources import FAILED_DELIVERY_CASES
from campaignsim.builtin.general.limits import MIN_DELIVERY_TRACK_RECORD
from campaignsim.lint.rule import Reference, Rule


class DeliveryTrackRecord(Rule):
    """A brand that has failed to deliver before should fix delivery before promising again."""

    code = "GEN012"
    name = "delivery-track-record"
    severity = "warning"
    reads = ("fulfilment",)
    summary = (f"The brand delivered fewer than {MIN_DELIVERY_TRACK_RECORD:.0%} of its past prizes on time (warning), or "
               "its record is unknown (info).")
    rationale = (
        "The giveaways that end in a deleted post and a \"bogus campaign\" backlash are rarely fraud; they are "
        "campaigns whose prizes never shipped — Himalaya's drawn phones in 2020, a Weibo giveaway whose winners waited "
        "in vain. A brand's own past delivery rate is the best predictor of the next one. Below the line, the plan "
        "needs a named owner, the prizes in stock before launch and tracking numbers for every winner; an unknown "
        "record is worth finding out. The threshold is an assumption kept in `builtin/general/limits.py`."
    )
    fail_example = "[fulfilment]\ndelivery_track_record = 0.7"
    pass_example = "[fulfilment]\ndelivery_track_record = 0.95"
    references = (
        FAILED_DELIVERY_CASES,
        Reference(f"{MIN_DELIVERY_TRACK_RECORD:.0%} line: practice assumption, no benchmark for giveaway fulfilment found", None, "U"),
    )

    def check(self, scenario, context):
        record = scenario.fulfilment.delivery_track_record
        if record is None:
            yield self.violation("fulfilment.delivery_track_record",
                                 "the brand's record of delivering past prizes on time is unknown",
                                 "Count how many prizes of past campaigns arrived by the promised date and set "
                                 "fulfilment.delivery_track_record; for a first campaign, do a test shipment before launch.",
                                 severity="info")
        elif record < MIN_DELIVERY_TRACK_RECORD:
            yield self.violation("fulfilment.delivery_track_record",
                                 f"the brand delivered {record:.0%} of its past prizes on time, below "
                                 f"{MIN_DELIVERY_TRACK_RECORD:.0%}: about {1 - record:.0%} of winners had cause to complain",
                                 "Before launch: have the prizes in stock, name the owner who ships them, send tracking "
                                 "numbers to every winner, and promise a delivery date the team has met before.")
