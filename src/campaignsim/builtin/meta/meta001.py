from campaignsim.builtin.meta._sources import FACEBOOK_PROMOTIONS, INSTAGRAM_GUIDELINES_CONFLICT, INSTAGRAM_HOW_TO
from campaignsim.lint.rule import Rule


class MetaReleaseAndDisclaimer(Rule):
    """Meta requires two statements in the official rules of every promotion on its platforms."""

    code = "META001"
    name = "missing-meta-release-and-disclaimer"
    severity = "error"
    platforms = ("meta",)
    reads = ("platform", "terms")
    summary = "The terms lack a full release of Facebook/Instagram, or the statement that the platform does not sponsor, endorse or administer the promotion."
    rationale = (
        "Facebook's and Instagram's promotion guidelines require the official rules to include a complete release of "
        "the platform by each entrant and an acknowledgement that the promotion is in no way sponsored, endorsed or "
        "administered by, or associated with, the platform. Without them the promotion breaks the platform's terms, and "
        "entrants may believe Meta stands behind the prize."
    )
    fail_example = '[platform]\nname = "instagram"\n\n[terms]\nurl = "https://brand.example/terms"'
    pass_example = ('[platform]\nname = "instagram"\n\n[terms]\nurl = "https://brand.example/terms"\n'
                    "platform_release = true\nplatform_disclaimer = true")
    references = (FACEBOOK_PROMOTIONS, INSTAGRAM_GUIDELINES_CONFLICT, INSTAGRAM_HOW_TO)

    def check(self, scenario, context):
        spec = context.platform(scenario.platform.name)
        title = spec.title if spec is not None else scenario.platform.name
        terms = scenario.terms
        if terms.platform_release is not True:
            yield self.violation(
                "terms.platform_release",
                f"the terms do not release {title} from liability; {title}'s promotion guidelines require a complete release of {title} by each entrant",
                f'Add to the official rules: "Each entrant fully releases {title} from any and all liability arising from this promotion."',
            )
        if terms.platform_disclaimer is not True:
            yield self.violation(
                "terms.platform_disclaimer",
                f"the terms do not state that {title} does not sponsor, endorse or administer the promotion, which {title}'s promotion guidelines require",
                f'Add: "This promotion is in no way sponsored, endorsed or administered by, or associated with, {title}."',
            )
