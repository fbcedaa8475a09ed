from campaignsim.builtin.us_law.limits import CHANCE_DRAWS, OFFICIAL_RULES_ITEMS
from campaignsim.lint.rule import Reference, Rule

_ITEMS = ", ".join(what for _, what in OFFICIAL_RULES_ITEMS)


class OfficialRulesContent(Rule):
    """US sweepstakes and contests publish official rules that say who runs it, who may enter, when, what, and how winners are picked."""

    code = "US004"
    name = "us-official-rules-incomplete"
    severity = "error"
    jurisdictions = ("US",)
    reads = ("prize", "terms")
    summary = f"The official rules of a US promotion leave out one of: {_ITEMS}."
    rationale = (
        "In the US the official rules are the contract with every entrant and the first thing a regulator or a court reads. "
        "State laws write the content down where they regulate promotions: Florida's game-promotion statute and New York's "
        "§369-e require the number and value of prizes, the rules and the odds to be disclosed; Maryland's rule for alcohol "
        "promotions lists the dates, prizes, chances of winning and how winners are chosen. Missing items are what the FTC and "
        "state attorneys general call deceptive: an entrant who cannot learn the odds, the prize's approximate retail value or "
        "how winners are chosen cannot judge the offer. The check reads `terms.discloses`: list there what the published rules "
        "state (organiser, eligibility, start_date, closing_date, odds, prize_names, prize_value, prize_quantity, draw_method, "
        "winner_notification). Judged contests state the judging criteria under draw_method."
    )
    fail_example = '[campaign]\njurisdictions = ["US"]\n\n[terms]\ndiscloses = ["prize_names", "closing_date"]'
    pass_example = ('[campaign]\njurisdictions = ["US"]\n\n[terms]\ndiscloses = ["organiser", "eligibility", "start_date", '
                    '"closing_date", "odds", "prize_names", "prize_value", "prize_quantity", "draw_method", "winner_notification"]')
    references = (
        Reference('Maryland COMAR 03.02.05.08 B(4): "Contest rules shall state: (a) The beginning date and deadline for entry; '
                  '(b) Prizes; (c) Chances of winning; (d) How winners are ch[osen]"',
                  "http://www.dsd.state.md.us/comar/comarhtml/03/03.02.05.08.htm", "V", checked="2026-12"),
        Reference("Fla. Stat. §849.094(2): game promotions must disclose the number of prizes, their value, the rules and the odds",
                  "https://instalawyer.io/laws/florida-statutes/849094-game-promotion-in", "V", checked="2026-12"),
        Reference("NY Department of State, games of chance: registration requires the rules, the prizes and their value",
                  "https://www.dos.ny.gov/corps/gamesofchance.html", "V", checked="2026-12"),
    )

    def check(self, scenario, context):
        stated = set(scenario.terms.discloses)
        missing = [(item, what) for item, what in OFFICIAL_RULES_ITEMS
                   if item not in stated and not (item == "odds" and scenario.prize.draw not in CHANCE_DRAWS)]
        if not missing:
            return
        yield self.violation(
            "terms.discloses",
            f"the official rules do not state {', '.join(what for _, what in missing)}",
            "State them in the official rules and add " + ", ".join(f'"{item}"' for item, _ in missing) + " to terms.discloses.",
        )
