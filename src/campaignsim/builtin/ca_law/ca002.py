from campaignsim.builtin.ca_law.limits import CHANCE_DRAWS, COMPETITION_ACT, COMPETITION_BUREAU, DISCLOSURE_ITEMS
from campaignsim.lint.rule import Rule


class CompetitionActDisclosure(Rule):
    """Canadian contests disclose the number and value of prizes and the chances of winning before anyone enters."""

    code = "CA002"
    name = "canada-contest-disclosure"
    severity = "error"
    jurisdictions = ("CA",)
    reads = ("prize", "terms")
    summary = "A contest open in Canada does not disclose the number of prizes, their approximate value or the chances of winning."
    rationale = (
        "Competition Act s. 74.06 makes it reviewable conduct to run a promotional contest without adequate and fair "
        "disclosure of the number and approximate value of the prizes, the regions they are allocated to and any fact that "
        "materially affects the chances of winning; the Competition Bureau expects it before an entrant is inconvenienced "
        "(before a purchase or a visit). Penalties reach 10 million dollars for a corporation's first order. The check reads "
        "`terms.discloses` (prize_quantity, prize_value, odds; odds not for judged contests)."
    )
    fail_example = '[campaign]\njurisdictions = ["CA"]\n\n[terms]\ndiscloses = ["prize_names", "closing_date"]'
    pass_example = '[campaign]\njurisdictions = ["CA"]\n\n[terms]\ndiscloses = ["prize_names", "prize_quantity", "prize_value", "odds"]'
    references = (COMPETITION_BUREAU, COMPETITION_ACT)

    def check(self, scenario, context):
        stated = set(scenario.terms.discloses)
        missing = [(item, what) for item, what in DISCLOSURE_ITEMS
                   if item not in stated and not (item == "odds" and scenario.prize.draw not in CHANCE_DRAWS)]
        if missing:
            yield self.violation(
                "terms.discloses",
                f"the contest rules do not disclose {', '.join(what for _, what in missing)}, which Competition Act s. 74.06 requires",
                "Disclose them in the short rules on every ad and entry page, then add "
                + ", ".join(f'"{item}"' for item, _ in missing) + " to terms.discloses.",
            )
