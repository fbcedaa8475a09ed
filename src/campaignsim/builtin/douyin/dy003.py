from campaignsim.builtin.douyin.limits import HARD_TO_MEET_COMPLETION_BELOW
from campaignsim.lint.rule import Reference, Rule


def described(step) -> str:
    words = step.action.replace("_", " ")
    return f"{words} ({step.count})" if step.count else words


class ConditionsHardToMeet(Rule):
    """Entry conditions that almost nobody can meet."""

    code = "DY003"
    name = "conditions-hard-to-meet"
    severity = "warning"
    platforms = ("douyin",)
    heuristic = True  # judged by the entry actions' completion estimates, which are assumptions
    reads = ("entry",)
    summary = (
        "By the entry actions' own completion estimates, fewer than "
        f"{HARD_TO_MEET_COMPLETION_BELOW:.0%} of those who start can complete every required step."
    )
    rationale = (
        "Douyin's lucky-bag rules forbid 以难以达到或无效的条件 — conditions that are hard to meet or invalid — "
        "because a giveaway hardly anyone can win misleads viewers. What counts as hard is not defined; this rule "
        "multiplies the completion estimates of the required steps (invite 20 friends, a 30-day check-in streak) "
        "and warns below the threshold. The estimates are assumptions: calibrate them to past campaigns."
    )
    fail_example = """
[platform]
name = "douyin"
account = "enterprise"
[[entry.steps]]
action = "invite"
count = 20
"""
    pass_example = """
[platform]
name = "douyin"
account = "enterprise"
[[entry.steps]]
action = "comment"
"""
    references = (
        Reference("Douyin 福袋 rules: 不得以难以达到或无效的条件… (secondary)", "https://iamfhd.com/3613.html", "S-"),
    )

    def check(self, scenario, context):
        chance = 1.0
        hardest, hardest_chance = None, 1.0
        for i, step in enumerate(scenario.entry.steps):
            spec = context.action(step.action)
            if step.optional or spec is None:
                continue
            completion = spec.completion(step.count, len(step.fields))
            chance *= completion
            if completion < hardest_chance:
                hardest, hardest_chance = i, completion
        if hardest is None or chance >= HARD_TO_MEET_COMPLETION_BELOW:
            return
        required = ", ".join(described(s) for s in scenario.entry.steps if not s.optional)
        yield self.violation(
            f"entry.steps[{hardest}]",
            f"entry requires {required}; by the actions' completion estimates about {chance:.1%} of those who start "
            f"can finish, below {HARD_TO_MEET_COMPLETION_BELOW:.0%}; Douyin forbids conditions that are hard to meet",
            f"Lower or drop step {hardest + 1} '{described(scenario.entry.steps[hardest])}', the hardest one.",
        )
