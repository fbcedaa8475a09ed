from campaignsim.builtin.meta._sources import FACEBOOK_PROMOTIONS, INSTAGRAM_GUIDELINES_CONFLICT, INSTAGRAM_HOW_TO
from campaignsim.builtin.meta._steps import describe_step
from campaignsim.lint.rule import Rule


class TagFriendsOnInstagram(Rule):
    """The Instagram side of FB002: allowed, but worth knowing before the campaign is copied to Facebook."""

    code = "IG001"
    name = "tag-friends-on-instagram"
    severity = "info"
    platforms = ("instagram",)
    reads = ("entry",)
    summary = "Tag-a-friend entry on Instagram: allowed there, banned on Facebook (FB002)."
    rationale = (
        "Instagram's Promotion Guidelines allow asking entrants to tag friends, while Facebook's promotion rules forbid "
        "it, and Meta's two texts are known to conflict. A note, not a problem: keep the mechanic out of any Facebook "
        "version of the campaign, and make sure people are tagged in comments, not in photos they do not appear in "
        "(META002)."
    )
    fail_example = '[platform]\nname = "instagram"\n\n[[entry.steps]]\naction = "tag_friends"\ncount = 2'
    pass_example = '[platform]\nname = "instagram"\n\n[[entry.steps]]\naction = "comment"'
    references = (INSTAGRAM_GUIDELINES_CONFLICT, INSTAGRAM_HOW_TO, FACEBOOK_PROMOTIONS)

    def check(self, scenario, context):
        for i, step in enumerate(scenario.entry.steps):
            if step.action != "tag_friends":
                continue
            yield self.violation(
                f"entry.steps[{i}]",
                f"{describe_step(i, step)} is allowed on Instagram, but the same step is not permitted on Facebook (FB002)",
                "If the campaign is also posted on Facebook, replace the tag step there with a comment.",
            )
