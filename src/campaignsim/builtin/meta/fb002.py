from campaignsim.builtin.meta._sources import FACEBOOK_PROMOTIONS, INSTAGRAM_GUIDELINES_CONFLICT
from campaignsim.builtin.meta._steps import describe_step
from campaignsim.lint.rule import Rule


class TagFriendsOnFacebook(Rule):
    """Facebook forbids entries that use friend connections; Instagram's counterpart is IG001."""

    code = "FB002"
    name = "tag-friends-on-facebook"
    severity = "error"
    platforms = ("facebook",)
    reads = ("entry",)
    summary = "An entry step (or a bonus entry) asks entrants to tag friends on Facebook."
    rationale = (
        "Facebook's promotion rules say friend connections must not be used to administer promotions and name "
        "\"tag your friends in this post to enter\" as not permitted. Instagram allows the same mechanic (see IG001), "
        "so a campaign copied from Instagram to Facebook is the usual way this happens."
    )
    fail_example = '[platform]\nname = "facebook"\n\n[[entry.steps]]\naction = "tag_friends"\ncount = 2'
    pass_example = '[platform]\nname = "facebook"\n\n[[entry.steps]]\naction = "comment"'
    references = (FACEBOOK_PROMOTIONS, INSTAGRAM_GUIDELINES_CONFLICT)

    def check(self, scenario, context):
        for i, step in enumerate(scenario.entry.steps):
            if step.action != "tag_friends":
                continue
            reward = "earns a bonus entry" if step.optional else "is required to enter"
            yield self.violation(
                f"entry.steps[{i}]",
                f"{describe_step(i, step)} {reward}; Facebook does not allow friend connections (tagging friends) to be used to enter",
                "Drop the tag step on Facebook and ask for a comment answering a question; keep tag-a-friend for the Instagram version only.",
            )
