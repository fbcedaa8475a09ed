from campaignsim.builtin.x.limits import MAX_ENTRIES_PER_DAY, MAX_POSTS_PER_STEP
from campaignsim.lint.rule import Reference, Rule

# Steps that each publish an update on the entrant's account or in replies: asking for several is asking for duplicates.
POSTING_ACTIONS = ("repost", "comment", "ugc_upload")


class SpamProneEntryOnX(Rule):
    """X suspends accounts that look like spam; contest rules that invite it put entrants at risk."""

    code = "X001"
    name = "spam-prone-entry-on-x"
    severity = "warning"
    platforms = ("x",)
    reads = ("entry", "terms")
    summary = "The terms do not bar multiple accounts, or the entry rewards duplicate posts or more than one entry a day."
    rationale = (
        "X's Guidelines for Promotions warn that people who create several accounts to enter more than once are liable "
        "to have all of them suspended, and that duplicate updates violate the X Rules and can filter entrants out of "
        "search. X asks organisers to state that anyone using multiple accounts is ineligible and recommends accepting "
        "no more than one entry a day. Entrants who are suspended or filtered cannot be found at draw time. The daily-limit "
        "finding needs rules that allow repeat entries (`entry.max_entries_per_person` above 1) without saying how often: "
        "a file that states no limit at all is not reported."
    )
    fail_example = '[platform]\nname = "x"\n\n[[entry.steps]]\naction = "repost"\ncount = 5\n\n[entry]\nentries_per_day = 10'
    pass_example = ('[platform]\nname = "x"\n\n[[entry.steps]]\naction = "repost"\n\n[entry]\nentries_per_day = 1\n\n'
                    "[terms]\nmultiple_accounts_rule = true")
    references = (
        Reference('Guidelines for Promotions on X: "include a rule stating that anyone found to use multiple accounts to enter '
                  'will be ineligible"; "don\'t set rules to encourage lots of duplicate updates"; "multiple entries in a single '
                  'day will not be accepted"', "https://help.x.com/en/rules-and-policies/x-contest-rules", "V",
                  checked="2026-12"),
    )

    def check(self, scenario, context):
        if scenario.terms.multiple_accounts_rule is not True:
            state = "say multiple accounts are allowed" if scenario.terms.multiple_accounts_rule is False else "do not bar entering with multiple accounts"
            yield self.violation(
                "terms.multiple_accounts_rule",
                f"the terms {state}; X suspends accounts created to enter more than once, and asks promotions to state that such entrants are ineligible",
                "Add to the rules: \"Anyone found to use multiple accounts to enter will be ineligible.\"",
            )
        for i, step in enumerate(scenario.entry.steps):
            if step.action in POSTING_ACTIONS and (step.count or 1) > MAX_POSTS_PER_STEP:
                yield self.violation(
                    f"entry.steps[{i}].count",
                    f"entry step {i + 1} asks for {step.count} {step.action.replace('_', ' ')}s per entry; X treats duplicate updates as spam "
                    f"and may filter entrants out of search",
                    f"Ask for {MAX_POSTS_PER_STEP} {step.action.replace('_', ' ')} per entry and reward nothing for volume.",
                )
        entry = scenario.entry
        if entry.entries_per_day is not None and entry.entries_per_day > MAX_ENTRIES_PER_DAY:
            yield self.violation(
                "entry.entries_per_day",
                f"entrants may enter {entry.entries_per_day} times a day; X recommends accepting at most {MAX_ENTRIES_PER_DAY} entry a day",
                f"Set entries_per_day = {MAX_ENTRIES_PER_DAY} and say so in the rules.",
            )
        elif (entry.entries_per_day is None and entry.max_entries_per_person is not None
              and entry.max_entries_per_person > MAX_ENTRIES_PER_DAY):
            # Only when the rules themselves allow repeat entries: a file that states no limit at all says nothing
            # about repeat entries, and one entry per person is the usual reading of a giveaway.
            yield self.violation(
                "entry.entries_per_day",
                f"the entry allows {entry.max_entries_per_person} entries per person with no daily limit (entries_per_day); X recommends rules stating "
                "that multiple entries in a single day will not be accepted",
                f"Set entries_per_day = {MAX_ENTRIES_PER_DAY} (or max_entries_per_person = 1) and state it in the rules.",
            )
