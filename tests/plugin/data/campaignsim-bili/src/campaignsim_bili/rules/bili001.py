from campaignsim.lint.rule import Reference, Rule


class BulletCommentWithDanmakuOff(Rule):
    code = "BILI001"
    name = "bullet-comment-with-danmaku-off"
    severity = "error"
    platforms = ("bilibili",)
    reads = ("platform", "entry")
    summary = "The entry asks for a bullet comment while bullet comments are switched off."
    rationale = ("Nobody can send a bullet comment on a video whose bullet comments are off, so nobody can enter. "
                 "Switch them on, or ask for another step.")
    fail_example = """\
[platform]
name = "bilibili"
danmaku_enabled = false

[[entry.steps]]
action = "bullet_comment"
"""
    pass_example = """\
[platform]
name = "bilibili"
danmaku_enabled = true

[[entry.steps]]
action = "bullet_comment"
"""
    references = (Reference("No source needed: a switched-off feature cannot be used", None, "U"),)

    def check(self, scenario, context):
        if scenario.platform.extra("danmaku_enabled") is not False:
            return
        for i, step in enumerate(scenario.entry.steps):
            if step.action == "bullet_comment" and not step.optional:
                yield self.violation(f"entry.steps[{i}]", "entrants must send a bullet comment, but bullet comments are switched off",
                                     "Set platform.danmaku_enabled = true, or ask for another step.")
