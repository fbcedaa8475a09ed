from campaignsim.builtin.us_law.limits import FTC_HASHTAG_WORDS
from campaignsim.lint.rule import Reference, Rule

# Steps in which the entrant publishes a post about the brand to their own followers: an endorsement.
ENDORSING_ACTIONS = ("ugc_upload", "repost")
_WORDS = " or ".join(f"#…{w.capitalize()}" for w in FTC_HASHTAG_WORDS)  # the disclosing hashtags, as suggested


def _discloses_contest(hashtag: str) -> bool:
    text = hashtag.lower().lstrip("#")
    return any(word in text for word in FTC_HASHTAG_WORDS)


class UndisclosedContestPost(Rule):
    """Posts made to enter a contest are endorsements with an incentive; followers must be able to tell."""

    code = "US003"
    name = "contest-post-without-disclosure"
    severity = "warning"
    jurisdictions = ("US",)
    heuristic = True
    reads = ("entry",)
    summary = "Entrants must post about the brand, and the hashtag they must use does not say #contest or #sweepstakes."
    rationale = (
        "Under the FTC Endorsement Guides, a post made to win a prize is an incentivised endorsement, and the incentive "
        "must be disclosed. The FTC's FAQ says that making the word \"contest\" or \"sweepstakes\" part of the required "
        "hashtag should be enough, while \"sweeps\" probably is not. The check reads the hashtag's words, so it is a "
        "heuristic: a hashtag in another language may disclose the contest without matching."
    )
    fail_example = '[campaign]\njurisdictions = ["US"]\n\n[[entry.steps]]\naction = "ugc_upload"\nhashtag = "#AcmeSummer"'
    pass_example = '[campaign]\njurisdictions = ["US"]\n\n[[entry.steps]]\naction = "ugc_upload"\nhashtag = "#AcmeSummerContest"'
    references = (
        Reference('FTC Endorsement Guides FAQ (quoted): "Making the word \'contest\' or \'sweepstakes\' part of the hashtag should be '
                  "enough… 'sweeps' probably isn't\"", "https://mardenkane.com/articles/ftc-updated-guidance-for-social-contests.html", "S"),
    )

    def check(self, scenario, context):
        words = _WORDS
        for i, step in enumerate(scenario.entry.steps):
            if step.action not in ENDORSING_ACTIONS:
                continue
            what = f"entry step {i + 1} ({step.action.replace('_', ' ')})"
            if not step.hashtag:
                yield self.violation(
                    f"entry.steps[{i}]",
                    f"{what} has entrants post about the brand to win, with no required hashtag: followers cannot tell the post is a contest entry",
                    f"Require a hashtag that contains the word contest or sweepstakes ({words}).",
                )
            elif not _discloses_contest(step.hashtag):
                weak = " (\"sweeps\" is probably not enough)" if "sweeps" in step.hashtag.lower() else ""
                yield self.violation(
                    f"entry.steps[{i}].hashtag",
                    f"{what} requires the hashtag {step.hashtag}, which does not say contest or sweepstakes{weak}; the FTC expects "
                    "incentivised posts to disclose the contest",
                    f"Use a hashtag such as {step.hashtag.rstrip()}{FTC_HASHTAG_WORDS[0].capitalize()}, or add #{FTC_HASHTAG_WORDS[1]}.",
                )
