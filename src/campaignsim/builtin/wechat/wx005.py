from campaignsim.builtin.wechat.limits import COMMENTS_OFF_FOR_ACCOUNTS_FROM, COMMENTS_WITHDRAWN_IF_UNUSED_FROM
from campaignsim.lint.rule import Reference, Rule

CUTOVER = f"{COMMENTS_OFF_FOR_ACCOUNTS_FROM:%Y-%m-%d}"
WITHDRAWN_FROM = f"{COMMENTS_WITHDRAWN_IF_UNUSED_FROM:%Y-%m-%d}"
CHECKED = "2026-12"


class CommentsMayBeOff(Rule):
    """Comment-to-enter on an official account that has, or may have, no comments."""

    code = "WX005"
    name = "comments-may-be-off"
    severity = "error"
    platforms = ("wechat",)
    account_kinds = ("subscription", "service")
    reads = ("entry", "platform")
    summary = (
        "Entry asks for a comment, but the official account's comments are off (error: nobody can enter), or the "
        f"account was registered on or after {WITHDRAWN_FROM} and comments are not stated to be on (warning)."
    )
    rationale = (
        f"WeChat's notice of {CUTOVER} took the comment (留言) function away from new official accounts "
        "(新注册的公众平台帐号将不再有留言功能) and also from accounts registered in the three months before it that had "
        f"not used it yet (最近3个月内注册尚未使用留言功能的公众帐号也将没有留言功能): an account registered from "
        f"{WITHDRAWN_FROM} may have none. A comment-to-enter draw on an account without comments cannot be entered "
        "at all. Whether WeChat later relaxed this is unverified: check the account's back end and set "
        "`platform.comments_enabled`."
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
        Reference("WeChat notice on the comment function, as reported: 新注册的公众平台帐号将不再有留言功能。最近3个月内注册"
                  "尚未使用留言功能的公众帐号也将没有留言功能", "http://xueqiu.com/5368655088/103123536", "S", CHECKED),
        Reference("WeChat, 2017-12-06: 原创声明和留言功能作为基础功能，向所有公众号开放 (as reported)",
                  "http://askgenny.com/article/2081.html", "S", CHECKED),
        Reference("Comment function for official accounts, explained", "http://www.rcyd.net/appkf/69272.html", "S"),
        Reference("Whether the restriction was later relaxed", None, "U", CHECKED),
    )

    def check(self, scenario, context):
        platform = scenario.platform
        if platform.comments_enabled is True:
            return
        for i, step in enumerate(scenario.entry.steps):
            if step.action != "comment":
                continue
            key = f"entry.steps[{i}]"
            registered = platform.registered
            if platform.comments_enabled is False:
                yield self.violation(key, f"step {i + 1} asks for a comment, but comments are off for this account "
                                     "(platform.comments_enabled = false); nobody can enter this way",
                                     "Switch comments on first, or let entrants reply with a keyword or fill in a form.")
            elif registered is None:
                yield self.violation(
                    key,
                    f"step {i + 1} asks for a comment, but neither platform.registered nor platform.comments_enabled is "
                    f"given; official accounts registered from {WITHDRAWN_FROM} may have no comments",
                    "Check the account's comment function and set platform.comments_enabled.",
                    severity="info",
                )
            elif registered >= COMMENTS_OFF_FOR_ACCOUNTS_FROM:
                yield self.violation(
                    key,
                    f"step {i + 1} asks for a comment, but the account was registered on {registered:%Y-%m-%d}; "
                    f"official accounts registered from {CUTOVER} have no comments by default",
                    "Confirm comments work and set platform.comments_enabled = true, or let entrants reply with a "
                    "keyword or fill in a form.",
                    severity="warning",
                )
            elif registered >= COMMENTS_WITHDRAWN_IF_UNUSED_FROM:
                yield self.violation(
                    key,
                    f"step {i + 1} asks for a comment, but the account was registered on {registered:%Y-%m-%d}, in the "
                    f"three months before {CUTOVER}; WeChat withdrew comments from such accounts that had not used them",
                    "Confirm comments work and set platform.comments_enabled = true, or let entrants reply with a "
                    "keyword or fill in a form.",
                    severity="warning",
                )
