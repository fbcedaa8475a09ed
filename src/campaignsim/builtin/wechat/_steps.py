"""What the WX rules ask of an entry step: what it is, and whether completing it is rewarded."""

from __future__ import annotations

# What the inducement rules (WX001–WX004) offer instead: entering by a comment, which WeChat allows.
COMMENT_TO_ENTER_EXAMPLE = """
[platform]
name = "wechat"
account = "subscription"
comments_enabled = true
[[entry.steps]]
action = "comment"
"""

# On WeChat a repost is a forward (转发): the same act as sharing.
SHARE_ACTIONS = ("share", "repost")


def rewarded(step) -> bool:
    """Whether doing the step brings an entry: required steps always do; a bonus step when it is worth
    entries (claiming that sharing 增加抽奖机会 is itself named in WeChat's rules)."""
    return not step.optional or step.worth > 0


def as_reward(step) -> str:
    """How the step is tied to the prize, for messages."""
    if step.optional:
        return f"earns {step.worth} extra draw {'entry' if step.worth == 1 else 'entries'}"
    return "is required to enter the draw"


def is_channels(scenario) -> bool:
    return scenario.platform.account == "channels"


def shown(step) -> str:
    """A step as a marketer would say it: "share to friends (3)"."""
    words = step.action.replace("_", " ")
    if step.to:
        words += f" to {step.to}"
    if step.count:
        words += f" ({step.count})"
    return words
