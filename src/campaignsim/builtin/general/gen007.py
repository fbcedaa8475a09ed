from campaignsim.builtin.general.limits import MAX_ENTRY_MINUTES, MAX_ENTRY_STEPS, MIN_ENTRY_COMPLETION
from campaignsim.lint.rule import Reference, Rule, RuleOption

# The lowest-friction entries to suggest instead, best first: a comment where the account allows
# comments, otherwise a short form (a like-to-enter is itself banned as reward-baited on some platforms).
# Xiaohongshu's draw tool allows one-tap entry only (XHS rules ban comment- or follow-to-enter draws).
ALTERNATIVES = (("comment", "a comment on the campaign post"), ("form", "a short form (name and contact only)"))
PLATFORM_ALTERNATIVES = {
    "xiaohongshu": (("join_draw", "one tap on Xiaohongshu's own draw tool (参与抽奖)"),) + ALTERNATIVES[1:],
}
# Steps that are the substance of a judged contest: the friction is the point, the other steps are not.
CREATIVE_ACTIONS = ("ugc_upload", "answer")


def describe(step) -> str:
    """A step in a few words: "share with 3 friends", "screenshot", "follow"."""
    text = step.action.replace("_", " ")
    if step.count and step.count > 1:
        text += f" ×{step.count}" if step.to is None else f" with {step.count} {step.to}"
    elif step.to:
        text += f" to {step.to}"
    return text


def minutes(value: float) -> str:
    rounded = round(value, 1)
    return "1 minute" if rounded == 1 else f"{rounded:g} minutes"


class EntryFriction(Rule):
    """Every extra step loses entrants; proof screenshots and share-with-N-friends lose the most."""

    code = "GEN007"
    name = "entry-friction"
    severity = "warning"
    reads = ("entry", "platform", "prize")
    summary = (
        f"The required entry takes more than {MAX_ENTRY_MINUTES:g} minutes, more than {MAX_ENTRY_STEPS} steps, or fewer than "
        f"{MIN_ENTRY_COMPLETION:.0%} of those who start would finish it."
    )
    rationale = (
        "Each required step loses a share of the people who started: form research puts conversion at about 25% with "
        "3 fields and 12% with 7, and the simulation anchors put \"share with 3 friends and send the screenshot\" at "
        "about a third finishing. The entrants who drop out have seen the campaign and leave irritated rather than "
        "entered, and the ones who finish include a larger share of prize hunters. A single public action — a comment, "
        "where the platform allows comments — is usually the better trade. Effort and completion per action are the "
        "entry actions' own figures (`campaignsim explain ACTION` shows one action's, `campaignsim plugins --verbose` "
        "every action's, each with its source); the thresholds are "
        "assumptions, kept in `builtin/general/limits.py`."
    )
    fail_example = (
        '[[entry.steps]]\naction = "follow"\n\n[[entry.steps]]\naction = "share"\nto = "friends"\ncount = 3\n\n'
        '[[entry.steps]]\naction = "screenshot"\nsend_to = "official_account"'
    )
    pass_example = '[[entry.steps]]\naction = "comment"'
    options = (
        RuleOption("max_minutes", "float", MAX_ENTRY_MINUTES, "Minutes the required steps may take together.", ge=0),
        RuleOption("max_steps", "int", MAX_ENTRY_STEPS, "Required steps allowed.", ge=1),
        RuleOption("min_completion", "float", MIN_ENTRY_COMPLETION, "Lowest share of those who start that must finish (0 to 1).", ge=0, le=1),
    )
    references = (
        Reference("Form conversion by field count: 25% at 3 fields, 20% at 5, 12% at 7 (HubSpot/Quicksprout/WPForms, "
                  "quoted in the campaignsim simulation anchors)", None, "S"),
        Reference("Baymard Institute 2024: 22% of users abandoned a checkout because it was too long or complicated",
                  "https://baymard.com/lists/cart-abandonment-rate", "V"),
        Reference("Completion rates of single social actions: none published; the per-action figures are assumptions", None, "U"),
    )

    def check(self, scenario, context):
        required = [step for step in scenario.entry.steps if not step.optional]
        effort, completion, counted = 0.0, 1.0, []
        action_of = context.action
        for step in required:
            action = action_of(step.action)
            if action is None:
                continue  # the loader reports unknown actions
            count, fields = step.count, len(step.fields)
            effort += action.effort(count, fields)
            completion *= action.completion(count, fields)
            counted.append((step, action.proof))
        max_minutes, max_steps, min_completion = (self.option(context, "max_minutes"), self.option(context, "max_steps"),
                                                  self.option(context, "min_completion"))
        too_long = effort > max_minutes
        too_many = len(required) > max_steps
        too_lossy = completion < min_completion
        if not (too_long or too_many or too_lossy):
            return
        # Described only for the message: most entries pass.
        parts = [describe(step) for step, _ in counted]
        proofs = [part for part, (_, proof) in zip(parts, counted) if proof]
        over = [f"more than {max_minutes:g} minutes"] if too_long else []
        over += [f"more than {max_steps} steps"] if too_many else []
        over += [f"under {min_completion:.0%} finishing"] if too_lossy else []
        # Proof steps cost the organiser too: someone has to check every screenshot by hand.
        proof_note = f"; every proof ({', '.join(proofs)}) must also be checked by hand" if proofs else ""
        yield self.violation(
            "entry.steps",
            f"entry takes about {minutes(effort)} over {len(required)} step{'s' if len(required) != 1 else ''} "
            f"({', '.join(parts)}); expect about {completion:.0%} of those who start to finish "
            f"({'; '.join(over)}){proof_note}",
            self._alternative(scenario, context, effort, completion),
        )

    def _alternative(self, scenario, context, effort, completion):
        required = [step for step in scenario.entry.steps if not step.optional]
        creative = [step for step in required if step.action in CREATIVE_ACTIONS] if scenario.prize.draw == "judged" else []
        if creative:
            others = [describe(step) for step in required if step.action not in CREATIVE_ACTIONS]
            if others:
                return (f"Keep the entry to the contest task ({', '.join(describe(step) for step in creative)}) and make "
                        f"{', '.join(others)} optional, or collect details from winners only.")
            return "Shorten the task itself: a photo instead of a video, one entry instead of several."
        spec = context.platform(scenario.platform.name)
        platform = spec.name if spec is not None else scenario.platform.name
        for name, phrase in PLATFORM_ALTERNATIVES.get(platform, ALTERNATIVES):
            if name == "comment" and scenario.platform.comments_enabled is False:
                continue  # comments are off for this account: comment-to-enter would be impossible
            action = context.action(name)
            if action is None:
                continue
            their_effort = action.effort()
            if not their_effort < effort:
                continue
            their_completion = action.completion()
            if their_completion > completion:
                return (f"Ask for one step, {phrase}: it takes about {minutes(their_effort)} and about "
                        f"{their_completion:.0%} finish. Keep other actions optional (bonus entries) if the platform "
                        "allows them, and drop proof screenshots.")
        return "Cut the entry to one or two steps and drop proof screenshots; make the rest optional where the platform allows."
