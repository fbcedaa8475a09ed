from collections import defaultdict
from datetime import timedelta, timezone

from campaignsim.builtin.wechat.limits import SERVICE_PUSHES_PER_CALENDAR_MONTH, SUBSCRIPTION_PUSHES_PER_DAY
from campaignsim.lint.rule import Reference, Rule

BEIJING = timezone(timedelta(hours=8), "Asia/Shanghai")  # China has one time zone and no daylight saving

MASS_PUSH = "mass_push"


def pushes(n: int) -> str:
    return f"{n} mass push" + ("" if n == 1 else "es")


class MassPushQuotaExceeded(Rule):
    """More mass pushes (群发) planned than the account type can send."""

    code = "WX006"
    name = "mass-push-quota-exceeded"
    severity = "error"
    platforms = ("wechat",)
    account_kinds = ("subscription", "service")
    reads = ("platform", "schedule")
    summary = (
        f"A subscription account schedules more than {pushes(SUBSCRIPTION_PUSHES_PER_DAY)} a day, or a "
        f"service account more than {SERVICE_PUSHES_PER_CALENDAR_MONTH} in a calendar month "
        "(`[[schedule]]` posts with `channel = \"mass_push\"`, and `platform.mass_pushes_per_month`)."
    )
    rationale = (
        "WeChat's mass-message rules: 订阅号1天只能群发1条; 服务号1个月(按自然月)内可发送4条 — a subscription account "
        "may send one mass push a day, a service account four per calendar month. A push beyond the quota "
        "cannot be sent, so the reminder or winner announcement it carries never reaches followers."
    )
    fail_example = """
[platform]
name = "wechat"
account = "subscription"
[[schedule]]
at = 2027-03-01T10:00:00+08:00
channel = "mass_push"
[[schedule]]
at = 2027-03-01T20:00:00+08:00
channel = "mass_push"
"""
    pass_example = """
[platform]
name = "wechat"
account = "subscription"
[[schedule]]
at = 2027-03-01T10:00:00+08:00
channel = "mass_push"
[[schedule]]
at = 2027-03-02T10:00:00+08:00
channel = "mass_push"
"""
    references = (
        Reference("公众平台群发规则 (WeChat official FAQ, edited 2023-05-11, marked as possibly outdated): 订阅号1天只能群发1条; "
                  "服务号1个月(按自然月)内可发送4条",
                  "https://developers.weixin.qq.com/community/develop/doc/000c8c659b87a084cc799cccc51409", "V"),
    )

    def check(self, scenario, context):
        # WeChat counts days and months in Beijing time, whatever offset a post was written with.
        if scenario.platform.account == "subscription":
            yield from self._over_quota(scenario, lambda at: f"on {at:%Y-%m-%d}", "day", SUBSCRIPTION_PUSHES_PER_DAY)
        else:
            yield from self._over_quota(scenario, lambda at: f"in {at:%Y-%m}", "calendar month", SERVICE_PUSHES_PER_CALENDAR_MONTH)
            planned = scenario.platform.extra("mass_pushes_per_month")
            if planned is not None and planned > SERVICE_PUSHES_PER_CALENDAR_MONTH:
                yield self.violation(
                    "platform.mass_pushes_per_month",
                    f"the service account plans {pushes(planned)} this month; a service account can send "
                    f"only {SERVICE_PUSHES_PER_CALENDAR_MONTH} per calendar month",
                    "Fold campaign news into the pushes already planned, or announce by template message or in the menu.",
                )

    def _over_quota(self, scenario, period_of, period_name, quota):
        sent = defaultdict(int)
        for i, post in enumerate(scenario.schedule):
            if post.channel != MASS_PUSH:
                continue
            at = post.at.astimezone(BEIJING)
            period = period_of(at)
            sent[period] += 1
            if sent[period] > quota:
                kind = scenario.platform.account
                yield self.violation(
                    f"schedule[{i}]",
                    f"the mass push at {at:%Y-%m-%d %H:%M} Beijing time (schedule entry {i + 1}) is push {sent[period]} "
                    f"{period}; a {kind} account can send only {pushes(quota)} per {period_name}",
                    "Merge it into another push of the same "
                    f"{period_name}, or send it as an ordinary post, a reply or a menu update instead.",
                )
