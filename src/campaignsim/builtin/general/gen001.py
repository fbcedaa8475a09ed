from campaignsim.builtin.general._sources import CAP_8_28_5_SUSPENDED, INTERIM_PROVISIONS, NY_GBL_369E, WEIBO_CONDUCT_RULES
from campaignsim.builtin.general.limits import DRAWN_KINDS, NO_WINNER_KINDS
from campaignsim.lint.rule import Rule


class WinnerSelectionUnannounced(Rule):
    """Entrants must be told when and how winners are picked, and how they will learn who won."""

    code = "GEN001"
    name = "winner-selection-unannounced"
    severity = "error"
    reads = ("fulfilment", "prize")
    summary = "No draw time or draw method, or no plan to announce the winners and publish a winner list."
    rationale = (
        "A draw nobody can watch is a draw nobody believes. Chinese promotion rules require the draw time and "
        "method to be announced before the promotion starts, and Weibo requires the draw time in the campaign "
        "post itself. When winners are never announced, entrants cannot tell an honest draw from no draw at all: "
        "the \"bogus campaign\" backlash after a giveaway whose winners go unnamed starts exactly here. A public "
        "list (with masked names where privacy law asks for it) lets every entrant check that someone won."
    )
    fail_example = '[prize]\ndraw = "random"\n# no draw_at, no draw_method\n\n[fulfilment]\n# no announcement plan'
    pass_example = (
        '[prize]\ndraw = "random"\ndraw_at = 2027-03-09T12:00:00+08:00\ndraw_method = "recorded random draw"\n\n'
        '[fulfilment]\nannounce_winners_within_days = 3\nannounce_channel = "post"\npublic_winner_list = true'
    )
    references = (INTERIM_PROVISIONS, WEIBO_CONDUCT_RULES, NY_GBL_369E, CAP_8_28_5_SUSPENDED)

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
        if not fulfilment.public_winner_list:
            state = "not planned" if fulfilment.public_winner_list is None else "ruled out"
            yield self.violation("fulfilment.public_winner_list", f"a public winner list is {state}",
                                 "Publish the winner list with masked names (e.g. 张**, j***@example.com) so entrants "
                                 "can see the draw happened; set fulfilment.public_winner_list = true.")
