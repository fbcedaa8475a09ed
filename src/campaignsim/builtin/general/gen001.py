from campaignsim.builtin.general._sources import CAP_8_28_5, CAP_8_28_5_AMENDMENT, INTERIM_PROVISIONS, NY_GBL_369E, WEIBO_CONDUCT_RULES
from campaignsim.builtin.general.limits import DRAWN_KINDS, NO_WINNER_KINDS
from campaignsim.lint.rule import Rule


class WinnerSelectionUnannounced(Rule):
    """Entrants must be told when and how winners are picked, and how they will learn who won."""

    code = "GEN001"
    name = "winner-selection-unannounced"
    severity = "error"
    reads = ("fulfilment", "prize")
    summary = "No draw time or draw method, or no plan to tell entrants who won (when and where)."
    rationale = (
        "A draw nobody can watch is a draw nobody believes. Chinese promotion rules require the draw time and "
        "method to be announced before the promotion starts, and Weibo requires the draw time in the campaign "
        "post itself. When winners are never announced, entrants cannot tell an honest draw from no draw at all: "
        "the \"bogus campaign\" backlash after a giveaway whose winners go unnamed starts exactly here. A public winner "
        "list is not required by law, and privacy law limits publishing names: the UK CAP Code (8.28.5, as amended in "
        "2019) asks promoters to publish *or make available on request* information that shows a valid award took place, "
        "after telling entrants at entry and letting them object; New York has a winners list filed with the state for "
        "registered games. So `fulfilment.public_winner_list` is the organiser's choice and its absence is not reported; "
        "what this rule asks for is a plan to tell entrants when and where the result is announced."
    )
    fail_example = '[prize]\ndraw = "random"\n# no draw_at, no draw_method\n\n[fulfilment]\n# no announcement plan'
    pass_example = (
        '[prize]\ndraw = "random"\ndraw_at = 2027-03-09T12:00:00+08:00\ndraw_method = "recorded random draw"\n\n'
        '[fulfilment]\nannounce_winners_within_days = 3\nannounce_channel = "post"'
    )
    references = (INTERIM_PROVISIONS, WEIBO_CONDUCT_RULES, NY_GBL_369E, CAP_8_28_5, CAP_8_28_5_AMENDMENT)

    def check(self, scenario, context):
        prize, fulfilment = scenario.prize, scenario.fulfilment
        if prize.draw in NO_WINNER_KINDS:
            return
        if prize.draw in DRAWN_KINDS:
            if prize.draw_at is None:
                yield self.violation("prize.draw_at", f"a {prize.draw} draw with no draw time",
                                     "Set prize.draw_at and state it in the campaign post and the terms.")
            if not prize.draw_method:
                yield self.violation("prize.draw_method", f"a {prize.draw} draw with no stated draw method",
                                     "Describe the draw in prize.draw_method (e.g. \"platform lottery tool, recorded\") "
                                     "and publish it with the terms.")
        if fulfilment.announce_winners_within_days is None and not fulfilment.announce_channel:
            yield self.violation("fulfilment.announce_winners_within_days",
                                 "no plan to announce the winners: neither when nor where",
                                 "Set fulfilment.announce_winners_within_days and fulfilment.announce_channel "
                                 "(e.g. 3 days after the draw, in a post).")
