from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_platforms():
    from campaignsim.model import ExtraField, PlatformSpec, SimDefaults

    return [PlatformSpec(
        name="bilibili",
        title="Bilibili (哔哩哔哩)",
        account_kinds=("uploader", "enterprise"),
        jurisdictions=("CN",),
        extra_fields=(
            ExtraField("danmaku_enabled", "bool", "Bullet comments are switched on for the campaign video."),
            ExtraField("video_minutes", "float", "Length of the campaign video in minutes.", ge=0, le=600),
        ),
        sim=SimDefaults(reach_per_follower=0.2, attention_kernel="power", attention_half_life_hours=12.0,
                        sources=(("reach_per_follower", "assumption [U]: no published figure"),
                                 ("attention_half_life_hours", "assumption [U]: videos keep being found for days"))),
    )]


@hookimpl
def campaignsim_actions():
    from campaignsim.model import ActionSpec

    return [ActionSpec(name="bullet_comment", summary="Send a bullet comment (弹幕) on the campaign video.",
                       fields=("hashtag",), effort_minutes=0.5, completion_probability=0.8, public=True,
                       sources=(("completion_probability", "assumption [U]: no published figure"),))]


@hookimpl
def campaignsim_rules():
    from campaignsim_bili.rules.bili001 import BulletCommentWithDanmakuOff
    from campaignsim_bili.rules.bili002 import LongVideo

    return [BulletCommentWithDanmakuOff, LongVideo]


@hookimpl
def campaignsim_step_friction(scenario, step):
    from campaignsim.model import StepFriction

    if step.action == "bullet_comment" and scenario.platform.extra("danmaku_enabled") is False:
        return StepFriction(completion=0.0, note="bullet comments are switched off (platform.danmaku_enabled = false)")
    return None
