from campaignsim.builtin.wechat.limits import COMMENTS_OFF_FOR_ACCOUNTS_FROM
from campaignsim.lint.rule import Reference, Rule

CUTOVER = f"{COMMENTS_OFF_FOR_ACCOUNTS_FROM:%Y-%m-%d}"


class CommentsMayBeOff(Rule):
    """Comment-to-enter on an official account that may have no comments."""

    code = "WX005"
    name = "comments-may-be-off"
    severity = "warning"
    platforms = ("wechat",)
    account_kinds = ("subscription", "service")
    reads = ("entry", "platform")
    summary = (
        f"Entry asks for a comment, but the official account's comments are off, or it was registered on or after "
        f"{CUTOVER} and comments are not stated to be on."
    )
    rationale = (
        f"Official accounts registered from {CUTOVER} have no comment (留言) function by default "
        "(新注册的公众平台帐号将不再有留言功能); older accounts have it. A comment-to-enter draw on an account without "
        "comments cannot be entered at all. Whether WeChat later relaxed this is unverified: check the account's "
        "back end and set `platform.comments_enabled`."
    )
    fail_example = """
[platform]
name = "wechat"
account = "subscription"
registered = 2019-06-01
[[entry.steps]]
action = "comment"
"""
    pass_example = """
[platform]
name = "wechat"
account = "subscription"
registered = 2019-06-01
comments_enabled = true
[[entry.steps]]
action = "comment"
"""
    references = (
        Reference("WeChat comment function: 新注册的公众平台帐号将不再有留言功能 (accounts from 2018-02-12)",
                  "http://xueqiu.com/5368655088/103123536", "S"),
        Reference("Comment function for official accounts, explained", "http://www.rcyd.net/appkf/69272.html", "S"),
        Reference("Whether the restriction was later relaxed", None, "U"),
    )

    def check(self, scenario, context):
        platform = scenario.platform
        if platform.comments_enabled is True:
            return
        for i, step in enumerate(scenario.entry.steps):
            if step.action != "comment":
                continue
            key = f"entry.steps[{i}]"
            if platform.comments_enabled is False:
                yield self.violation(key, f"step {i + 1} asks for a comment, but comments are off for this account "
                                     "(platform.comments_enabled = false); nobody can enter this way",
                                     "Switch comments on first, or let entrants reply with a keyword or fill in a form.")
            elif platform.registered is None:
                yield self.violation(
                    key,
                    f"step {i + 1} asks for a comment, but neither platform.registered nor platform.comments_enabled is "
                    f"given; official accounts registered from {CUTOVER} have no comments by default",
                    "Check the account's comment function and set platform.comments_enabled.",
                    severity="info",
                )
            elif platform.registered >= COMMENTS_OFF_FOR_ACCOUNTS_FROM:
                yield self.violation(
                    key,
                    f"step {i + 1} asks for a comment, but the account was registered on {platform.registered:%Y-%m-%d}; "
                    f"official accounts registered from {CUTOVER} have no comments by default",
                    "Confirm comments work and set platform.comments_enabled = true, or let entrants reply with a "
                    "keyword or fill in a form.",
                )
