from campaignsim.lint.rule import Reference, Rule

CHECKED = "2026-12"
HOME = {"xiaohongshu", "xhs", "red"}


def off_platform(step) -> str:
    """Why an entry step takes the entrant off Xiaohongshu, or '' when it does not."""
    if step.external:
        return "takes entrants to another app or site"
    if step.action == "follow" and step.account_platform and step.account_platform.lower() not in HOME:
        return f"asks entrants to follow an account on {step.account_platform}"
    if step.action == "screenshot" and step.send_to and step.send_to.lower() not in HOME:
        return f"has entrants send proof to {step.send_to}"
    if step.action in ("form", "visit") and step.url:
        return f"sends entrants to {step.url}"
    return ""


class OffPlatformDiversion(Rule):
    """A Xiaohongshu draw that sends entrants off the platform (站外导流)."""

    code = "XHS005"
    name = "xhs-off-platform-diversion"
    severity = "error"
    platforms = ("xiaohongshu",)
    reads = ("entry",)
    summary = (
        "An entry step takes entrants off Xiaohongshu: an external page or app (`external`, a form or visit `url`), "
        "following an account on another platform, or sending proof elsewhere (站外导流)."
    )
    rationale = (
        "Xiaohongshu's rules on diverting users off the platform (交易导流违规管理细则, in force March 2025) treat 主动直接"
        "引导、暗示间接索取信息引导普通用户至私域或站外三方平台 — leading users to private channels or outside platforms — "
        "as a violation, punished from a warning to a permanent ban; the community rules have long banned contact "
        "details (微信、二维码) in notes and comments. A draw that makes entrants add a WeChat, join an outside group, "
        "fill in an outside form or follow another platform's account is such diversion, and the note is throttled or "
        "removed with its entries. Use the platform's own draw tool and its official lead-form component."
    )
    fail_example = """
[platform]
name = "xiaohongshu"
account = "brand"
[[entry.steps]]
action = "follow"
account_platform = "wechat"
"""
    pass_example = """
[platform]
name = "xiaohongshu"
account = "brand"
[prize]
draw_tool = "xhs_lottery"
[[entry.steps]]
action = "join_draw"
"""
    references = (
        Reference("Xiaohongshu 交易导流违规管理细则 (as reported): 主动直接引导、暗示间接索取信息引导普通用户至私域或站外三方平台…"
                  "视为违规导流", "https://www.163.com/dy/article/JQFFOIMB05568V7Z.html", "S", CHECKED),
        Reference("Summary of the same rules: banned except through 小红书商城、直播间内购物车功能、官方留资组件",
                  "http://www.jintiankansha.me/t/3ZGq6TbJJ4", "S", CHECKED),
        Reference("小红书社区规范 (copy, 2018): 不合规的联系方式推广，包括但不限于个人手机号，QQ，微信，二维码",
                  "http://www.cnmishu.net/opinion/2018/1120/1656.html", "S", CHECKED),
        Reference("Xiaohongshu community rules (official page; the diversion rules themselves not opened)",
                  "https://www.xiaohongshu.com/crown/community/rules", "U", CHECKED),
    )

    def check(self, scenario, context):
        for i, step in enumerate(scenario.entry.steps):
            why = off_platform(step)
            if why:
                yield self.violation(
                    f"entry.steps[{i}]",
                    f"step {i + 1} '{step.action.replace('_', ' ')}' {why}; Xiaohongshu treats leading users off the "
                    "platform (站外导流) as a violation",
                    "Keep entry on Xiaohongshu: the official draw tool (action \"join_draw\") or its lead-form component.",
                )
