"""General-pack behaviour that the data-driven cases cannot express: suggestions, and figures that
come from other plugins (entry actions, sensitive-topic keywords)."""

from types import SimpleNamespace

from campaignsim.model import ActionSpec
from campaignsim.plugin import hookimpl
from campaignsim.testing import assert_fires, assert_passes, registry_with

HEAVY_ENTRY = """
[[entry.steps]]
action = "follow"

[[entry.steps]]
action = "share"
to = "friends"
count = 3

[[entry.steps]]
action = "screenshot"
"""


def test_friction_suggests_comment_to_enter_where_comments_are_on():
    [finding] = assert_fires("GEN007", HEAVY_ENTRY)
    assert "a comment on the campaign post" in finding.suggestion
    assert "85% finish" in finding.suggestion  # the comment action's own completion figure


def test_friction_suggests_a_form_when_the_account_has_comments_off():
    [finding] = assert_fires("GEN007", HEAVY_ENTRY + "\n[platform]\ncomments_enabled = false\n")
    assert "comment" not in finding.suggestion
    assert "a short form" in finding.suggestion


def _action_plugin(**figures):
    @hookimpl
    def campaignsim_actions():
        return [ActionSpec(name="scan_code", summary="Scan a code printed on the pack.", **figures)]

    return SimpleNamespace(campaignsim_actions=campaignsim_actions)


def test_friction_reads_effort_and_completion_from_the_action_registry():
    step = '[[entry.steps]]\naction = "scan_code"\n'
    slow = registry_with(("slow-action", _action_plugin(effort_minutes=8.0, completion_probability=0.9)))
    quick = registry_with(("quick-action", _action_plugin(effort_minutes=0.5, completion_probability=0.9)))
    [finding] = assert_fires("GEN007", step, registry=slow, message="about 8 minutes over 1 step (scan code)")
    assert "90%" in finding.message
    assert_passes("GEN007", step, registry=quick)


def test_hot_topic_keywords_from_a_plugin_are_used():
    @hookimpl
    def campaignsim_sensitive_topics():
        return {"weather": ["hailstorm", "冰雹"]}

    plugin = SimpleNamespace(campaignsim_sensitive_topics=campaignsim_sensitive_topics)
    topic = '[content]\nhot_topics = ["#北京冰雹"]\nbrand_related_topics = ["#北京冰雹"]\n'
    assert_passes("GEN009", topic)  # not in the built-in list, and declared related
    assert_fires("GEN009", topic, registry=registry_with(("weather-words", plugin)), message="weather topic (keyword \"冰雹\")")


def test_friction_on_xiaohongshu_suggests_the_one_tap_draw_tool():
    [finding] = assert_fires("GEN007", HEAVY_ENTRY + '\n[platform]\nname = "xiaohongshu"\naccount = "brand"\n')
    assert "参与抽奖" in finding.suggestion
    assert "comment" not in finding.suggestion  # Xiaohongshu's draw rules ban comment-to-enter


def test_friction_in_a_judged_contest_keeps_the_creative_task():
    contest = """
    [prize]
    draw = "judged"

    [[entry.steps]]
    action = "follow"

    [[entry.steps]]
    action = "ugc_upload"

    [[entry.steps]]
    action = "form"
    fields = ["name", "phone"]
    """
    [finding] = assert_fires("GEN007", contest)
    assert "Keep the entry to the contest task (ugc upload) and make follow, form optional" in finding.suggestion
