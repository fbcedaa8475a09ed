"""Entry actions particular to Xiaohongshu."""

from campaignsim.model import ActionSpec
from campaignsim.model.extension import FRICTION_FIELDS, complete_sources

ACTIONS = (
    ActionSpec(
        name="bookmark",
        summary="Save the note to one's collection (收藏, 'collect' on Xiaohongshu).",
        effort_minutes=0.2,
        completion_probability=0.95,
        sources=complete_sources((("completion_probability", "assumption [U]: no published completion rate; taken equal to a like"),),
                                 FRICTION_FIELDS),
    ),
    ActionSpec(
        name="join_draw",
        summary="Join the platform's own draw tool with its one-click button (参与抽奖).",
        effort_minutes=0.1,
        completion_probability=0.97,
        sources=complete_sources((("completion_probability", "assumption [U]: no published completion rate; one tap, taken above a like"),),
                                 FRICTION_FIELDS),
    ),
)
