from campaignsim.lint.rule import Reference, Rule, RuleOption

MAX_MINUTES = 10.0  # assumption [U]: a house threshold


class LongVideo(Rule):
    code = "BILI002"
    name = "campaign-video-too-long"
    severity = "info"
    platforms = ("bilibili",)
    reads = ("platform",)
    summary = "The campaign video is longer than the configured number of minutes."
    rationale = "Viewers leave long videos before they reach the call to enter; say how to enter early, or cut the video."
    fail_example = "[platform]\nname = \"bilibili\"\nvideo_minutes = 25"
    pass_example = "[platform]\nname = \"bilibili\"\nvideo_minutes = 4"
    references = (Reference("House threshold, no study found", None, "U"),)
    options = (RuleOption("max_minutes", "float", MAX_MINUTES, "Longest campaign video accepted, in minutes.", ge=0),)

    def check(self, scenario, context):
        minutes = scenario.platform.extra("video_minutes")
        limit = self.option(context, "max_minutes")
        if minutes is not None and minutes > limit:
            yield self.violation("platform.video_minutes", f"the video runs {minutes:g} minutes, longer than {limit:g}",
                                 "Say how to enter in the first minute, or cut the video.")
