from campaignsim.builtin.uk_law.limits import CHANCE_DRAWS
from campaignsim.lint.rule import Reference, Rule


class UnsupervisedWinnerSelection(Rule):
    """CAP 8.24 and 8.26: winners chosen by chance or by judges must be chosen in a way that can be checked."""

    code = "UK002"
    name = "unsupervised-winner-selection"
    severity = "error"
    jurisdictions = ("GB",)
    reads = ("prize",)
    summary = ("A chance draw neither uses a verifiably random computer process nor has an independent observer, or "
               "subjective judging has no independent judge.")
    rationale = (
        "CAP rule 8.24 requires prize-draw winners to be selected in accordance with the laws of chance, either by a "
        "computer process that produces verifiably random results or under the supervision of an independent observer. "
        "Where winners are chosen by judging, rule 8.26 requires the judging to be done by an independent person or panel "
        "with at least one independent member. Without either, the promoter cannot show the ASA that the draw was fair."
    )
    fail_example = '[campaign]\njurisdictions = ["GB"]\n\n[prize]\ndraw = "random"\nverifiable = false'
    pass_example = '[campaign]\njurisdictions = ["GB"]\n\n[prize]\ndraw = "random"\nindependent_observer = true'
    references = (
        Reference('ASA advice: promotional marketing, prize winners: "winners must be selected under the supervision of an '
                  'independent observer (rule 8.24)"; independent judges for subjective judging (rule 8.26)',
                  "https://www.asa.org.uk/advice-online/promotional-marketing-prize-winners.html", "V"),
    )

    def check(self, scenario, context):
        prize = scenario.prize
        if prize.draw in CHANCE_DRAWS and prize.verifiable is not True and prize.independent_observer is not True:
            how = f" ({prize.draw_method})" if prize.draw_method else ""
            yield self.violation(
                "prize.verifiable",
                f"the {prize.draw.replace('_', ' ')} draw{how} is neither a verifiably random computer process nor supervised by "
                "an independent observer, as CAP 8.24 requires",
                "Use a draw tool that records a verifiable random result, or have an independent person (e.g. a solicitor or "
                "a draw service) supervise, and set prize.verifiable or prize.independent_observer.",
            )
        if prize.draw == "judged" and prize.independent_observer is not True:
            yield self.violation(
                "prize.independent_observer",
                "the winners are judged, and no independent judge (or panel with an independent member) is named, as CAP 8.26 requires",
                "Add an independent judge to the panel and state the judging criteria in the terms.",
            )
