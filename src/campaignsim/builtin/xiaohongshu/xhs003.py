from datetime import timedelta

from campaignsim.builtin.xiaohongshu.limits import RUN_MAX_DAYS
from campaignsim.lint.rule import Reference, Rule


class XhsDrawRunsTooLong(Rule):
    """A Xiaohongshu draw open longer than the draw tool allows."""

    code = "XHS003"
    name = "xhs-draw-runs-too-long"
    severity = "error"
    platforms = ("xiaohongshu",)
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
                f"{length.total_seconds() / 86400:.4g} days; a Xiaohongshu draw may run at most {RUN_MAX_DAYS} days",
                f"Close entries within {RUN_MAX_DAYS} days, or run it as several draws.",
            )
