from campaignsim.builtin.uk_law.limits import PAID_ACTIONS
from campaignsim.lint.rule import Reference, Rule

# CAP 8.17's significant conditions: (what entrants must be told, terms.discloses items that state it, when it applies).
# "always" applies to every promotion, "paid" when an entry step costs money, "purchase" when one is a purchase.
SIGNIFICANT_CONDITIONS = (
    ("how to enter", ("how_to_enter", "entry_method"), "always"),
    ("the free entry route", ("free_route",), "paid"),
    ("the start date", ("start_date",), "always"),
    ("the closing date", ("closing_date",), "always"),
    ("proof of purchase requirements", ("proof_of_purchase",), "purchase"),
    ("the nature of the prizes", ("prize_names", "prize_types"), "always"),
    ("the number of prizes", ("prize_quantity",), "always"),
    ("restrictions (age, location, entries per person)", ("restrictions", "eligibility"), "always"),
    ("the promoter's name", ("organiser",), "always"),
    ("the promoter's address", ("promoter_address",), "always"),
)


def _applies(when: str, scenario, actions=None) -> bool:
    if when == "always":
        return True
    if actions is None:
        actions = {step.action for step in scenario.entry.steps}
    if when == "paid":
        return bool(actions.intersection(PAID_ACTIONS)) and bool((scenario.entry.free_alternative or "").strip())
    if when == "purchase":
        return "purchase" in actions
    return True


class MissingSignificantConditions(Rule):
    """CAP 8.17: what a promotion must tell people before they decide to take part."""

    code = "UK001"
    name = "missing-significant-conditions"
    severity = "error"
    jurisdictions = ("GB",)
    reads = ("entry", "terms")
    summary = ("The terms (and the first ad that names the prize) do not state a CAP 8.17 significant condition, "
               "or the terms are changed after the start.")
    rationale = (
        "The CAP Code (rule 8.17) requires promotions to communicate the significant conditions whose omission is likely "
        "to mislead: how to take part (including any free route and proof of purchase), start and closing dates, the "
        "nature and number of prizes, restrictions, and the promoter's name and address. Prize promotions \"always need "
        "a closing date\" (8.17.4.b) and \"closing dates must not be changed\" (8.17.4.e) unless circumstances outside the "
        "promoter's control make it unavoidable. The ASA upholds complaints against social-media giveaways that leave "
        "these out."
    )
    fail_example = '[campaign]\njurisdictions = ["GB"]\n\n[terms]\ndiscloses = ["how_to_enter", "prize_names"]'
    pass_example = ('[campaign]\njurisdictions = ["GB"]\n\n[terms]\ndiscloses = ["how_to_enter", "start_date", "closing_date", '
                    '"prize_names", "prize_quantity", "restrictions", "organiser", "promoter_address"]')
    references = (
        Reference('CAP Code 8.17 significant conditions (Channel 4 producers handbook annex): prize promotions "always need a closing '
                  'date" (8.17.4.b); "closing dates must not be changed" (8.17.4.e)',
                  "https://www.channel4.com/producers-handbook/c4-guidelines/competition-guidelines/annex-1", "V"),
        Reference("ASA advice: promotional marketing, prize draws in social media",
                  "https://asa.org.uk/advice-online/promotional-marketing-prize-draws-in-social-media.html", "V"),
    )

    def check(self, scenario, context):
        stated = set(scenario.terms.discloses)
        actions = {step.action for step in scenario.entry.steps}
        missing = [what for what, items, when in SIGNIFICANT_CONDITIONS
                   if (when == "always" or _applies(when, scenario, actions)) and not stated.intersection(items)]
        if missing:
            yield self.violation(
                "terms.discloses",
                f"the terms do not state {', '.join(missing)}: CAP 8.17 significant conditions that UK promotions must give "
                "before people enter",
                "State each of them in the terms and in (or linked from) the first post that announces the prize, then list them in terms.discloses.",
            )
        if scenario.terms.changed_after_start:
            yield self.violation(
                "terms.changed_after_start",
                "the terms change after the promotion has started; CAP 8.17.4.e forbids changing a closing date unless it is "
                "unavoidable, and a change to entrants' disadvantage breaks the conditions they entered under",
                "Keep the published terms and closing date; if a change is unavoidable, announce it as prominently as the original terms.",
            )
