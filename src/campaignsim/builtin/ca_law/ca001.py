from campaignsim.builtin.ca_law.limits import CHANCE_DRAWS, CRIMINAL_CODE_206, SKILL_TESTING
from campaignsim.lint.rule import Rule


class SkillTestingQuestion(Rule):
    """A Canadian chance draw confirms winners only after a real skill-testing question."""

    code = "CA001"
    name = "canada-no-skill-testing-question"
    severity = "error"
    jurisdictions = ("CA",)
    reads = ("entry", "prize")
    summary = "A chance draw open in Canada does not make winners answer a skill-testing question."
    rationale = (
        "The Criminal Code's lottery offences (s. 206(1)(a)–(d)) forbid disposing of property by any mode of chance; "
        "Canadian promoters leave them by adding real skill, usually a mathematical skill-testing question that a selected "
        "entrant must answer correctly, unaided, before being confirmed as a winner. Without it a pure draw risks being an "
        "illegal lottery, whatever the entry costs. A contest judged on skill needs none. Set "
        "`prize.skill_testing_question = true` and say so in the rules."
    )
    fail_example = '[campaign]\njurisdictions = ["CA"]\n\n[prize]\ndraw = "random"'
    pass_example = '[campaign]\njurisdictions = ["CA"]\n\n[prize]\ndraw = "random"\nskill_testing_question = true'
    references = (CRIMINAL_CODE_206, SKILL_TESTING)

    def check(self, scenario, context):
        prize = scenario.prize
        if prize.draw not in CHANCE_DRAWS or prize.skill_testing_question or scenario.entry.skill_element:
            return
        state = "rules it out" if prize.skill_testing_question is False else "does not ask one"
        yield self.violation(
            "prize.skill_testing_question",
            f"the {prize.draw.replace('_', ' ')} draw is open in Canada and {state}: a pure game of chance risks the Criminal "
            "Code's lottery offences (s. 206)",
            "Make selected entrants answer a time-limited mathematical skill-testing question, unaided, before they are "
            "confirmed as winners; state it in the rules and set prize.skill_testing_question = true.",
        )
