from campaignsim.builtin.general._sources import CAP_8_17, INTERIM_PROVISIONS
from campaignsim.builtin.general.limits import DRAWN_KINDS
from campaignsim.lint.rule import Reference, Rule


class DrawBeforeEntriesClose(Rule):
    """The draw must come after the last entry it includes."""

    code = "GEN014"
    name = "draw-before-entries-close"
    severity = "error"
    reads = ("campaign", "prize")
    summary = "The draw or judging is scheduled before entries close (`prize.draw_at` earlier than `campaign.end`)."
    rationale = (
        "Everyone who enters between the draw and the close takes part on a promise of a chance that no longer "
        "exists. Chinese promotion rules require the announced draw time to be kept and treat redemption that "
        "differs from what was announced as falsely claiming prizes (谎称有奖); the CAP Code requires a closing date "
        "that the promotion then honours. Either the draw moves after the close, or the close moves before the draw."
    )
    fail_example = "[campaign]\nend = 2027-03-08T22:00:00+08:00\n\n[prize]\ndraw_at = 2027-03-08T12:00:00+08:00"
    pass_example = "[campaign]\nend = 2027-03-08T22:00:00+08:00\n\n[prize]\ndraw_at = 2027-03-09T12:00:00+08:00"
    references = (
        INTERIM_PROVISIONS, CAP_8_17,
        Reference("ASA advice on prize draws: entries received after the closing date must not be included, and the draw "
                  "follows the close (CAP 8.17.4.b)", "https://asa.org.uk/advice-online/promotional-marketing-prize-draws-in-social-media.html", "S"),
    )

    def check(self, scenario, context):
        prize, end = scenario.prize, scenario.campaign.end
        if prize.draw not in DRAWN_KINDS or prize.draw_at is None or prize.draw_at >= end:
            return
        early = end - prize.draw_at
        hours = early.total_seconds() / 3600
        gap = f"{hours / 24:.3g} days" if hours >= 48 else f"{hours:.3g} hour{'' if hours == 1 else 's'}"
        yield self.violation("prize.draw_at",
                             f"the draw ({prize.draw_at:%Y-%m-%d %H:%M}) is {gap} before entries close "
                             f"({end:%Y-%m-%d %H:%M}); entries in between cannot win",
                             "Schedule prize.draw_at after campaign.end, or close entries before the draw.")
