from campaignsim.builtin.it_law.limits import CONCORSO_DRAWS, COSENZA, DPR_430, DRAW_OFFICIALS, UMBRIA
from campaignsim.lint.rule import Rule


class ItalianDrawOfficial(Rule):
    """Italian contest winners are picked before a notary or a Chamber of Commerce official."""

    code = "IT003"
    name = "italy-draw-without-official"
    severity = "error"
    jurisdictions = ("IT",)
    reads = ("prize",)
    summary = "Winners of a prize contest open in Italy are picked without a notary or a Chamber of Commerce official present."
    rationale = (
        "D.P.R. 430/2001 Art. 9 requires every phase of picking the winners of a concorso a premio, and its closing, to take "
        "place before a notary or the official for consumer protection and public faith of the competent Chamber of Commerce, "
        "who writes the minutes (verbale). A platform's random picker or the brand's own staff are not enough, however "
        "verifiable. Set `prize.observer = \"notary\"` or `\"public_official\"`."
    )
    fail_example = '[campaign]\njurisdictions = ["IT"]\n\n[prize]\ndraw = "random"\nobserver = "independent"'
    pass_example = '[campaign]\njurisdictions = ["IT"]\n\n[prize]\ndraw = "random"\nobserver = "public_official"'
    references = (COSENZA, UMBRIA, DPR_430)

    def check(self, scenario, context):
        prize = scenario.prize
        if prize.draw not in CONCORSO_DRAWS or prize.observer in DRAW_OFFICIALS:
            return
        who = {None: "no one is named to supervise it", "none": "no one supervises it",
               "staff": "the brand's staff supervise it", "independent": "an independent person supervises it, but not a notary "
               "or a Chamber of Commerce official"}[prize.observer]
        yield self.violation(
            "prize.observer",
            f"the {prize.draw.replace('_', ' ')} contest picks winners and {who}; D.P.R. 430/2001 requires a notary or the "
            "Chamber of Commerce official at every phase of the award",
            "Book the Chamber of Commerce official (request at least 10–20 days ahead) or a notary for the draw and the closing, "
            "and set prize.observer = \"public_official\" or \"notary\".",
        )
