import math

from campaignsim.builtin.general._capacity import calendar_days_for, describe_days
from campaignsim.builtin.general._sources import FAILED_DELIVERY_CASES, INTERIM_PROVISIONS, WEIBO_DELIVERY
from campaignsim.lint.rule import Reference, Rule
from campaignsim.model.scenario import WEEKDAYS
from campaignsim.model.simparams import PARAMETERS


class DispatchCannotMeetDeliveryPromise(Rule):
    """The stated dispatch capacity must be able to ship every prize by the promised date."""

    code = "GEN015"
    name = "dispatch-cannot-meet-delivery-promise"
    severity = "error"
    reads = ("fulfilment", "operations", "prize", "simulation")
    summary = ("The prizes cannot all arrive by `fulfilment.deliver_within_days` at the stated dispatch capacity "
               "(`operations.dispatch_per_day` on `operations.dispatch_days`, after `dispatch_starts_days`, plus transit).")
    rationale = (
        "A delivery promise is kept or broken by arithmetic done before launch: 500 prizes at 50 parcels a working day "
        "take ten working days — two calendar weeks — before the courier's days on the road, so a promise of 7 days "
        "is broken for most winners on the day it is made. Chinese promotion rules make the announced redemption "
        "terms binding, platform draw tools set their own deadlines, and late prizes are how a giveaway becomes a "
        "\"bogus campaign\" thread. The check counts only what the scenario states plus the mean transit time; "
        "winners who take time to claim make it later still (`campaignsim simulate` plays that out)."
    )
    fail_example = ("[prize]\n[[prize.items]]\nquantity = 500\n\n[fulfilment]\ndeliver_within_days = 7\n\n"
                    "[operations]\ndispatch_per_day = 50\ntransit_days = 3")
    pass_example = ("[prize]\n[[prize.items]]\nquantity = 500\n\n[fulfilment]\ndeliver_within_days = 21\n\n"
                    "[operations]\ndispatch_per_day = 50\ntransit_days = 3")
    references = (INTERIM_PROVISIONS, WEIBO_DELIVERY, FAILED_DELIVERY_CASES,
                  Reference("Dispatch arithmetic: ⌈prizes ÷ parcels per working day⌉ working days, spread over the dispatch "
                            "weekdays, plus the dispatch start and the mean transit time", None, "U"))

    def check(self, scenario, context):
        ops, ful = scenario.operations, scenario.fulfilment
        promise = ful.deliver_within_days
        if ops.dispatch_per_day is None or promise is None:
            return
        parcels = sum(item.quantity for item in scenario.prize.items if item.kind == "physical")
        if not parcels:
            return
        if not ops.dispatch_days:
            yield self.violation("operations.dispatch_days", f"{parcels:,} prizes to send and no dispatch day: none can arrive",
                                 "List the weekdays parcels go out in operations.dispatch_days.")
            return
        working = math.ceil(parcels / ops.dispatch_per_day)
        span = calendar_days_for(working, ops.dispatch_days)
        start = ops.dispatch_starts_days or 0.0
        transit = ops.transit_days
        stated = transit is not None
        if transit is None:
            transit = dict(scenario.simulation).get("default_transit_days", PARAMETERS["default_transit_days"].default)
        needed = start + span + transit
        if needed <= promise:
            return
        parts = [f"{parcels:,} parcels at {ops.dispatch_per_day:,} a working day need {working:,} dispatch day{'s' if working != 1 else ''}"
                 f" ({describe_days(ops.dispatch_days)}: at least {span:,} calendar day{'s' if span != 1 else ''})"]
        if start:
            parts.append(f"starting {start:g} day{'s' if start != 1 else ''} after the draw")
        parts.append(f"plus {transit:g} days in transit{'' if stated else ' (the simulation default)'}")
        yield self.violation("fulfilment.deliver_within_days",
                             f"{', '.join(parts)}: the last prize arrives about {needed:g} days after the draw, "
                             f"but delivery is promised within {promise:g} days",
                             f"Promise at least {math.ceil(needed):g} days, or raise operations.dispatch_per_day to "
                             f"{math.ceil(parcels / max(1, calendar_days_to_working(promise - start - transit, ops.dispatch_days))):,} "
                             "parcels a working day, or have the parcels packed before the draw.")


def calendar_days_to_working(days: float, weekdays) -> int:
    """Working days surely held by ``days`` calendar days (the worst first day)."""
    if days < 1:
        return 0
    n = int(days)
    best = n
    on = [d in weekdays for d in WEEKDAYS]
    for first in range(7):
        best = min(best, sum(on[(first + i) % 7] for i in range(n)))
    return best
