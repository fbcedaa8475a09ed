from campaignsim.builtin.wechat._sources import INDUCED_SHARING, OPS_RULES
from campaignsim.builtin.wechat._steps import COMMENT_TO_ENTER_EXAMPLE, SHARE_ACTIONS, rewarded, shown
from campaignsim.lint.rule import Reference, Rule

# A quota counts people or chats: sharing N times to one's own Moments is WX001's matter.
QUOTA_TARGETS = {None: "people", "friends": "friends", "chat": "chats", "group": "groups"}


def quota(step):
    """What a sharing or invitation quota counts ("3 friends"), or None when the step sets none."""
    if not step.count:
        return None
    if step.action == "invite":
        counted = "friend" if step.count == 1 else "friends"
    elif step.action in SHARE_ACTIONS and step.to in QUOTA_TARGETS:
        counted = QUOTA_TARGETS[step.to]
        if step.count == 1:
            counted = {"people": "person"}.get(counted, counted[:-1])
    else:
        return None
    return f"{step.count} {counted}"


class EntryGatedOnSharing(Rule):
    """Entry that waits for proof of sharing: N friends, a screenshot, invited friends."""

    code = "WX002"
    name = "entry-gated-on-sharing"
    severity = "error"
    platforms = ("wechat",)
    enforcement = INDUCED_SHARING
    reads = ("entry",)
    summary = (
        "Entry requires sharing with a number of friends or groups, inviting friends, or sending a screenshot "
        "as proof: the next step is gated on sharing."
    )
    rationale = (
        "WeChat's link rules, as reported by People's Daily, target pages where the \"next operation can be "
        "carried out only after sharing\", including \"sharing with friends and inviting friends to complete "
        "tasks\". Counting friends and collecting screenshots is how such gating is enforced, so WeChat treats it "
        "as induced sharing of the plainest kind; posts are removed and the account is restricted."
    )
    fail_example = """
[platform]
name = "wechat"
account = "subscription"
[[entry.steps]]
action = "share"
to = "friends"
count = 3
[[entry.steps]]
action = "screenshot"
send_to = "official_account"
"""
    pass_example = COMMENT_TO_ENTER_EXAMPLE
    references = (
        OPS_RULES,
        Reference("People's Daily on WeChat link rules: \"next operation can be carried out only after sharing… sharing "
                  "with friends and inviting friends to complete tasks\"", "http://www.dgjsm.com/b2/80", "S"),
    )

    def check(self, scenario, context):
        for i, step in enumerate(scenario.entry.steps):
            if not rewarded(step):
                continue
            counted = quota(step)
            if counted:
                done = "invited" if step.action == "invite" else "shared it with"
                yield self.violation(
                    f"entry.steps[{i}]",
                    f"step {i + 1} '{shown(step)}' makes entry wait until the entrant has {done} {counted}; "
                    "WeChat bans gating the next step on sharing",
                    "Drop the sharing quota; let one action on the account itself (a comment or a form) complete the entry.",
                )
            elif step.action == "screenshot":
                where = f" to {step.send_to}" if step.send_to else ""
                yield self.violation(
                    f"entry.steps[{i}]",
                    f"step {i + 1} asks for a screenshot{where} as proof before the entry counts; WeChat bans gating "
                    "entry on proof of sharing",
                    "Drop the screenshot step: nothing that needs proving should be a condition of entry on WeChat.",
                )
