from campaignsim.builtin.general._sources import ASA_PRIZE_WINNERS, WEIBO_CONDUCT_RULES
from campaignsim.builtin.general.limits import MAX_DAYS_TO_LEARN_WINNERS, MAX_DAYS_TO_LEARN_WINNERS_JUDGED, NO_WINNER_KINDS
from campaignsim.lint.rule import Reference, Rule

SECONDS_PER_DAY = 86_400


class LateWinnerAnnouncement(Rule):
    """Entrants should learn who won within days of entries closing, not weeks."""

    code = "GEN013"
    name = "late-winner-announcement"
    severity = "warning"
    reads = ("campaign", "fulfilment", "prize")
    summary = (f"Entrants learn who won more than {MAX_DAYS_TO_LEARN_WINNERS} days after entries close "
               f"({MAX_DAYS_TO_LEARN_WINNERS_JUDGED} for a judged contest; the draw's or judging's delay plus the announcement's).")
    rationale = (
        "After entries close every day of silence is read as a sign that no draw will happen: \"was anyone ever "
        "picked?\" is the first post of a bogus-campaign thread. Platform draw tools announce at the draw itself, "
        "Weibo requires the draw time to be stated up front, and the ASA expects entrants to be told how and when "
        f"winners are notified. Waiting more than {MAX_DAYS_TO_LEARN_WINNERS} days in total is an assumption-based "
        f"line; a judged contest gets {MAX_DAYS_TO_LEARN_WINNERS_JUDGED}, because a week of judging is normal. Both are "
        "kept in `builtin/general/limits.py`. Whether an announcement is planned at all is GEN001."
    )
    fail_example = ("[campaign]\nend = 2027-03-08T22:00:00+08:00\n\n[prize]\ndraw_at = 2027-03-15T12:00:00+08:00\n\n"
                    "[fulfilment]\nannounce_winners_within_days = 7")
    pass_example = ("[campaign]\nend = 2027-03-08T22:00:00+08:00\n\n[prize]\ndraw_at = 2027-03-09T12:00:00+08:00\n\n"
                    "[fulfilment]\nannounce_winners_within_days = 3")
    references = (
        WEIBO_CONDUCT_RULES, ASA_PRIZE_WINNERS,
        Reference(f"{MAX_DAYS_TO_LEARN_WINNERS}-day line: practice assumption, no rule sets it for every platform", None, "U"),
    )

    def check(self, scenario, context):
        prize, fulfilment = scenario.prize, scenario.fulfilment
        if prize.draw in NO_WINNER_KINDS:
            return
        announce = fulfilment.announce_winners_within_days
        draw_delay = 0.0
        if prize.draw_at is not None:
            draw_delay = max(0.0, (prize.draw_at - scenario.campaign.end).total_seconds() / SECONDS_PER_DAY)
        if announce is None and draw_delay == 0:
            return  # nothing to measure: GEN001 reports the missing announcement plan
        wait = draw_delay + (announce or 0.0)
        limit = MAX_DAYS_TO_LEARN_WINNERS_JUDGED if prize.draw == "judged" else MAX_DAYS_TO_LEARN_WINNERS
        if wait <= limit:
            return
        parts = []
        if draw_delay:
            parts.append(f"{'judging' if prize.draw == 'judged' else 'draw'} {draw_delay:.3g} days after close")
        if announce:
            parts.append(f"announcement {announce:g} days after the draw")
        key = "fulfilment.announce_winners_within_days" if announce and announce >= draw_delay else "prize.draw_at"
        yield self.violation(key,
                             f"entrants wait about {wait:.3g} days after entries close to learn who won ({', '.join(parts)}); "
                             f"more than {limit} days of silence invites doubt that a {'judging' if prize.draw == 'judged' else 'draw'} happened",
                             f"Draw soon after entries close and announce within {limit} days of the close "
                             "in total; if checks take time, announce the winners first and verify their details after.")
