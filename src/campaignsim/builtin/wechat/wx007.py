from campaignsim.builtin.wechat.limits import GROUP_INVITE_ACCEPTANCE_ABOVE, GROUP_MAX_MEMBERS, GROUP_REAL_NAME_ABOVE
from campaignsim.lint.rule import Reference, Rule


class GroupTooLarge(Rule):
    """A WeChat group planned beyond its member cap, or large enough that joining gets harder."""

    code = "WX007"
    name = "group-too-large"
    severity = "error"
    platforms = ("wechat",)
    reads = ("platform",)
    summary = (
        f"`platform.group_size` is above the {GROUP_MAX_MEMBERS}-member cap of a WeChat group (error); above "
        f"{GROUP_REAL_NAME_ABOVE} joiners need real-name verification, above {GROUP_INVITE_ACCEPTANCE_ABOVE} invitees "
        "must accept the invitation (info)."
    )
    rationale = (
        f"WeChat help: 微信群最多为{GROUP_MAX_MEMBERS}人 — a group holds at most {GROUP_MAX_MEMBERS} members, so a "
        "campaign counting on a bigger group loses everyone beyond the cap. Before that, joining gets harder: "
        f"beyond {GROUP_INVITE_ACCEPTANCE_ABOVE} members an invitee has to accept the invitation, and beyond "
        f"{GROUP_REAL_NAME_ABOVE} 对方需要通过实名验证 — joiners must pass real-name verification, which some will not do."
    )
    fail_example = """
[platform]
name = "wechat"
account = "group"
group_size = 800
"""
    pass_example = """
[platform]
name = "wechat"
account = "group"
group_size = 35
"""
    references = (
        Reference("WeChat 6.1.1 help: 微信群最多为500人…超过100人，对方需要通过实名验证", "http://mamicode.com/info-detail-510087.html", "S"),
    )

    def check(self, scenario, context):
        size = scenario.platform.extra("group_size")
        if size is None:
            return
        key = "platform.group_size"
        if size > GROUP_MAX_MEMBERS:
            groups = -(-size // GROUP_MAX_MEMBERS)
            yield self.violation(
                key,
                f"the campaign plans a group of {size:,} members; a WeChat group holds at most {GROUP_MAX_MEMBERS}",
                f"Plan {groups} groups of at most {GROUP_MAX_MEMBERS}, or run the campaign from an official account.",
            )
        elif size > GROUP_REAL_NAME_ABOVE:
            yield self.violation(
                key,
                f"a group of {size:,} members: beyond {GROUP_REAL_NAME_ABOVE} joiners must pass real-name verification "
                f"and beyond {GROUP_INVITE_ACCEPTANCE_ABOVE} invitees must accept the invitation; expect fewer to join",
                "Tell invitees in advance that they will be asked to verify, or split the audience into smaller groups.",
                severity="info",
            )
        elif size > GROUP_INVITE_ACCEPTANCE_ABOVE:
            yield self.violation(
                key,
                f"a group of {size:,} members: beyond {GROUP_INVITE_ACCEPTANCE_ABOVE} invitees must accept the "
                "invitation before they join; expect some not to",
                "Follow up invitations that were not accepted, or share a group QR code instead.",
                severity="info",
            )
