from campaignsim.lint.rule import Reference, Rule


class ConditionalAward(Rule):
    """A prize promised must be awarded, however many people enter."""

    code = "GEN005"
    name = "conditional-award"
    severity = "error"
    reads = ("prize",)
    summary = "The prize may be withheld if entries or sales fall short (\"we may cancel if there are too few entries\")."
    rationale = (
        "Entrants take part on the promise of a prize. Keeping the right to cancel when the campaign underperforms "
        "turns the promise into an option only the organiser holds. Florida makes it unlawful to fail to award the "
        "prizes offered; the ASA upheld a complaint against a UK giveaway operator that did not award a prize it "
        "promoted (2025); Chinese law forbids changing the announced prize terms once the promotion starts."
    )
    fail_example = '[prize]\nconditional = true'
    pass_example = '[prize]\nconditional = false'
    references = (
        Reference("Fla. Stat. §849.094(2): unlawful 'to fail to award prizes offered'",
                  "https://instalawyer.io/laws/florida-statutes/849094-game-promotion-in", "V"),
        Reference("ASA ruling on Amazing Giveaways Ltd (13 Aug 2025): prize not awarded as promoted, complaint upheld",
                  "https://sterlinglotteries.co.uk/blog/our-latest/2025/10/sterling-lotteries-asa-case-study/", "S"),
        Reference("规范促销行为暂行规定 (Interim Provisions, 2020): announced prize terms 不得变更 once the promotion starts",
                  "http://m.icesherry.com/culture/whzl/wlpf/725.html", "S"),
    )

    def check(self, scenario, context):
        if scenario.prize.conditional:
            yield self.violation("prize.conditional",
                                 "the prizes may be withheld if entries or sales fall short; every announced prize must be awarded",
                                 "Drop the condition and budget the prizes as a fixed cost; if the campaign may be small, "
                                 "announce fewer prizes from the start.")
