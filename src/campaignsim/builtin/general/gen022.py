from campaignsim.builtin.general.limits import PLATFORM_MIN_AGE
from campaignsim.lint.rule import Reference, Rule


class BelowPlatformMinimumAge(Rule):
    """A promotion on a platform cannot invite people too young to hold an account there."""

    code = "GEN022"
    name = "below-platform-minimum-age"
    severity = "error"
    platforms = tuple(PLATFORM_MIN_AGE)
    reads = ("platform", "audience")
    summary = "The terms let people enter who are younger than the platform's minimum age (13 on Instagram, Facebook, TikTok and X)."
    rationale = (
        "Instagram, Facebook, TikTok and X let nobody under 13 hold an account (TikTok more in some countries). A promotion "
        "that invites younger entrants invites breaches of the platform's terms, collects children's data that US COPPA "
        "and the GDPR protect, and may see the promotion removed. Set `audience.min_age` at least to the platform's age."
    )
    fail_example = '[platform]\nname = "instagram"\n\n[audience]\nmin_age = 10'
    pass_example = '[platform]\nname = "instagram"\n\n[audience]\nmin_age = 13'
    references = (
        Reference('Instagram Terms of Use FAQ: "You must be at least 13 to use Instagram, even if your parent or guardian approves"',
                  "https://about.instagram.com/blog/announcements/instagram-community-terms-of-use-faqs", "V", checked="2026-12"),
        Reference("Meta Terms of Service (Facebook): at least 13", "https://www.facebook.com/terms.php", "S", checked="2026-12"),
        Reference("TikTok Terms of Service: at least 13", "https://www.tiktok.com/legal/terms-of-service", "S", checked="2026-12"),
        Reference("X Terms of Service: at least 13", "https://x.com/en/tos", "S", checked="2026-12"),
    )

    def check(self, scenario, context):
        spec = context.platform(scenario.platform.name)
        name = spec.name if spec is not None else scenario.platform.name
        minimum = PLATFORM_MIN_AGE.get(name) or PLATFORM_MIN_AGE.get(scenario.platform.name)
        stated = scenario.audience.min_age
        if minimum is None or stated is None or stated >= minimum[0]:
            return
        yield self.violation(
            "audience.min_age",
            f"the terms let {stated}-year-olds enter, but {name} accounts are for people aged {minimum[0]} or over",
            f"Set audience.min_age = {minimum[0]} or higher and say so in the eligibility rules.",
        )
