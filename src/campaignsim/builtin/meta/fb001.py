from campaignsim.builtin.meta._sources import FACEBOOK_PROMOTIONS
from campaignsim.builtin.meta._steps import describe_step
from campaignsim.lint.rule import Rule

# Both put the campaign post on the entrant's own (or a friend's) personal Timeline.
TIMELINE_ACTIONS = ("share", "repost")


class ShareToEnterOnFacebook(Rule):
    """Facebook forbids running a promotion through personal Timelines."""

    code = "FB001"
    name = "share-to-enter-on-facebook"
    severity = "error"
    platforms = ("facebook",)
    reads = ("entry",)
    summary = "An entry step (or a bonus entry) asks entrants to share the post on their own or a friend's Timeline."
    rationale = (
        "Meta's Pages, Groups and Events Policies say personal Timelines must not be used to administer promotions: "
        "\"share on your Timeline to enter\" and \"share on your friend's Timeline to get additional entries\" are named as "
        "not permitted. Pages that run share-to-enter giveaways risk having the post removed or the Page restricted, "
        "and the entries collected that way are lost with it."
    )
    fail_example = '[platform]\nname = "facebook"\n\n[[entry.steps]]\naction = "share"\nto = "timeline"'
    pass_example = '[platform]\nname = "facebook"\n\n[[entry.steps]]\naction = "comment"'
    references = (FACEBOOK_PROMOTIONS,)

    def check(self, scenario, context):
        for i, step in enumerate(scenario.entry.steps):
            if step.action not in TIMELINE_ACTIONS:
                continue
            reward = "earns a bonus entry" if step.optional else "is required to enter"
            yield self.violation(
                f"entry.steps[{i}]",
                f"{describe_step(i, step)} {reward}; Facebook does not allow personal Timelines to be used to administer a promotion",
                "Ask for a comment or a reaction on the Page's post instead, or collect entries through a form or an app.",
            )
