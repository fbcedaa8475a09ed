from campaignsim.builtin.meta._sources import INSTAGRAM_GUIDELINES_CONFLICT, INSTAGRAM_HOW_TO
from campaignsim.builtin.meta._steps import describe_step
from campaignsim.lint.rule import Rule


class InaccurateTagging(Rule):
    """Meta forbids asking people to tag content they do not appear in."""

    code = "META002"
    name = "inaccurate-tagging"
    severity = "error"
    platforms = ("meta",)
    reads = ("entry",)
    summary = "An entry step asks entrants to tag themselves or others in content they do not appear in."
    rationale = (
        "Instagram's Promotion Guidelines say promotions \"must not inaccurately tag content or encourage users to "
        "inaccurately tag content\" (for example, asking people to tag themselves in a product photo they are not in). "
        "Such tags spam friends' notifications and are a reason for the platform to remove the promotion."
    )
    fail_example = '[platform]\nname = "instagram"\n\n[[entry.steps]]\naction = "tag_friends"\naccurate_tagging = false'
    pass_example = '[platform]\nname = "instagram"\n\n[[entry.steps]]\naction = "tag_friends"\naccurate_tagging = true'
    references = (INSTAGRAM_GUIDELINES_CONFLICT, INSTAGRAM_HOW_TO)

    def check(self, scenario, context):
        for i, step in enumerate(scenario.entry.steps):
            if step.accurate_tagging is False:
                yield self.violation(
                    f"entry.steps[{i}].accurate_tagging",
                    f"{describe_step(i, step)} asks people to be tagged in content they do not appear in, which Meta's promotion guidelines forbid",
                    "Ask entrants to mention friends in a comment rather than tag them in the photo or video itself.",
                )
