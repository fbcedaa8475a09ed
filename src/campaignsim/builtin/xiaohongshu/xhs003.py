from datetime import timedelta

from campaignsim.builtin.xiaohongshu.limits import RUN_MAX_DAYS
from campaignsim.lint.rule import Reference, Rule



def _duration(length: timedelta) -> str:
    """Days, with hours and minutes where they matter: 30 days and 1 minute is not '30 days'."""
    days, rest = divmod(int(length.total_seconds()), 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    parts = [f"{days} day{'s' if days != 1 else ''}"]
    if hours:
        parts.append(f"{hours} h")
    if minutes or (not hours and rest):
        parts.append(f"{max(minutes, 1)} min")
    return " ".join(parts)

class XhsDrawRunsTooLong(Rule):
    """A Xiaohongshu draw open longer than the draw tool allows."""

    code = "XHS003"
    name = "xhs-draw-runs-too-long"
    severity = "error"
    platforms = ("xiaohongshu",)
    reads = ("campaign",)
    summary = f"Entries stay open more than {RUN_MAX_DAYS} days (`campaign.end` − `campaign.start`)."
    rationale = (
        f"The rules of Xiaohongshu's draw tool, as reported: 最长不超过30天 — a draw runs at most {RUN_MAX_DAYS} days. "
        "A longer campaign has to be split into several draws. The figure is only known from reworded copies."
    )
    fail_example = """
[platform]
name = "xiaohongshu"
account = "brand"
[campaign]
start = 2027-03-01T10:00:00+08:00
end = 2027-04-15T22:00:00+08:00
"""
    pass_example = """
[platform]
name = "xiaohongshu"
account = "brand"
[campaign]
start = 2027-03-01T10:00:00+08:00
end = 2027-03-08T22:00:00+08:00
"""
    references = (
        Reference("Xiaohongshu draw tool: 最长不超过30天 (reworded copy)", "https://asjzyw.com/youzhi/136958.html", "S-"),
    )

    def check(self, scenario, context):
        campaign = scenario.campaign
        length = campaign.end - campaign.start
        if length > timedelta(days=RUN_MAX_DAYS):
            yield self.violation(
                "campaign.end",
                f"entries are open from {campaign.start:%Y-%m-%d %H:%M} to {campaign.end:%Y-%m-%d %H:%M}, "
                f"{_duration(length)}, longer than the {RUN_MAX_DAYS} days a Xiaohongshu draw may run",
                f"Close entries within {RUN_MAX_DAYS} days, or run it as several draws.",
            )
