"""The generic entry actions and their friction parameters.

No published completion rates exist for individual social actions (simulation anchors, table A):
every effort and completion figure below is an **assumption** [U] to be calibrated, except where
a source is named. Form-field attrition follows the form-conversion figures quoted there [S].
"""

from campaignsim.model import ActionSpec
from campaignsim.model.extension import FRICTION_FIELDS, complete_sources

ASSUMED = "assumption [U]: no published completion rate for this action; calibrate to past campaigns"
FORM_SOURCE = "form conversion 25% at 3 fields, 20% at 5, 12% at 7 (HubSpot/Quicksprout/WPForms via simulation anchors) [S]"
FIELD_SOURCE = "'3–7% lost per field beyond 3' (TNova, n = 22 forms, via simulation anchors) [S]; 0.25 min per field: assumption [U]"


def _a(name, summary, fields=(), **kw):
    sources = [("completion_probability", kw.pop("source", ASSUMED))]
    if "completion_per_field_beyond" in kw:
        sources.append(("completion_per_field_beyond", FIELD_SOURCE))
    return ActionSpec(name=name, summary=summary, fields=tuple(fields), sources=complete_sources(sources, FRICTION_FIELDS), **kw)


ACTIONS = (
    _a("follow", "Follow the brand's account.", ["account_platform"], effort_minutes=0.5, completion_probability=0.9),
    _a("like", "Like the campaign post.", effort_minutes=0.2, completion_probability=0.95),
    _a("comment", "Comment on the campaign post.", ["hashtag"], effort_minutes=1.0, completion_probability=0.85, public=True),
    _a("repost", "Repost the campaign post to one's own followers.", ["count", "hashtag"], effort_minutes=1.0, completion_probability=0.8,
       effort_per_extra=1.0, completion_per_extra=0.9, exposes_fixed=3.0, delay_hours=1.0, public=True),
    _a("share", "Share the campaign post with friends, a group, Moments or a timeline.", ["to", "count"], effort_minutes=2.0,
       effort_per_extra=1.0, completion_probability=0.6, completion_per_extra=0.85, exposes_per_unit=1.0, delay_hours=2.0,
       # A share to a feed or a group is seen by several people, a share to a friend by one.
       exposes_by_target=(("moments", 4.0), ("timeline", 4.0), ("story", 3.0), ("group", 6.0))),
    _a("tag_friends", "Tag friends in a comment.", ["count", "accurate_tagging"], effort_minutes=1.0, effort_per_extra=0.5,
       completion_probability=0.75, completion_per_extra=0.92, exposes_per_unit=1.0, delay_hours=1.0, public=True),
    _a("screenshot", "Take a screenshot as proof and send it.", ["send_to"], effort_minutes=2.0, completion_probability=0.8, proof=True),
    _a("form", "Fill in a form (name, phone, address…).", ["fields", "marketing_opt_in", "url"], effort_minutes=1.0,
       completion_probability=0.9, effort_per_field=0.25, completion_per_field_beyond=0.95, source=FORM_SOURCE),
    _a("purchase", "Buy something (a product, a ticket) to enter.", ["amount", "url", "external"], effort_minutes=10.0, completion_probability=0.05),
    _a("ugc_upload", "Create and post original content (photo, video, note).", ["hashtag", "count"], effort_minutes=20.0,
       effort_per_extra=15.0, completion_probability=0.10, completion_per_extra=0.7, exposes_fixed=20.0, delay_hours=3.0, public=True),
    _a("visit", "Visit a page or mini program.", ["url", "external"], effort_minutes=1.0, completion_probability=0.8),
    _a("vote", "Vote for an entry.", ["count"], effort_minutes=0.5, completion_probability=0.85),
    _a("collect_likes", "Collect likes from friends on one's own post (集赞).", ["count"], effort_minutes=5.0, effort_per_extra=0.5,
       completion_probability=0.5, completion_per_extra=0.97, exposes_per_unit=1.5, delay_hours=4.0),
    _a("invite", "Invite friends to join or enter.", ["count"], effort_minutes=3.0, effort_per_extra=2.0, completion_probability=0.45,
       completion_per_extra=0.8, exposes_per_unit=1.0, delay_hours=6.0),
    _a("assist", "Ask friends to help (助力/砍价): each friend must tap a link.", ["count"], effort_minutes=4.0, effort_per_extra=1.5,
       completion_probability=0.4, completion_per_extra=0.85, exposes_per_unit=1.0, delay_hours=4.0),
    _a("collect_cards", "Collect a set of cards or fragments (集卡/集福).", ["count"], effort_minutes=10.0, effort_per_extra=3.0,
       completion_probability=0.3, completion_per_extra=0.9),
    _a("check_in", "Check in on consecutive days.", ["count"], effort_minutes=1.0, effort_per_extra=1.0, completion_probability=0.9,
       completion_per_extra=0.85),
    _a("send_gift", "Send a paid gift in a live stream.", ["amount"], effort_minutes=1.0, completion_probability=0.05),
    _a("answer", "Answer a question or a skill task.", [], effort_minutes=3.0, completion_probability=0.7),
)
