"""Inline ignores: on the finding's line, on a key inside the table the finding is about, or on
the header of a table holding the finding's key; never across variants."""

from campaignsim.lint.config import LintConfig
from campaignsim.lint.engine import lint_loaded
from campaignsim.load import load_text
from campaignsim.plugin.manager import get_registry
from campaignsim.testing import MINIMAL_SCENARIO

WECHAT = MINIMAL_SCENARIO.replace('name = "weibo"\naccount = "blue_v"', 'name = "wechat"\naccount = "subscription"\ncomments_enabled = true')


def findings(text, select=("WX003", "CS")):
    registry = get_registry()
    loaded = load_text(text, registry, path="s.toml")
    assert not loaded.errors, [e.render() for e in loaded.errors]
    return [f for r in lint_loaded(loaded, registry, LintConfig(select=select), []) for f in r.findings]


def with_follow(comment_on_action="", comment_on_header=""):
    steps = '[[entry.steps]]\naction = "comment"\n'
    follow = f'[[entry.steps]]{comment_on_header}\naction = "follow"{comment_on_action}\n'
    return WECHAT.replace(steps, steps + follow)


def test_follow_for_a_prize_fires_without_an_ignore():
    assert [f.code for f in findings(with_follow())] == ["WX003"]


def test_an_ignore_on_the_action_line_covers_a_finding_about_its_step():
    assert findings(with_follow(comment_on_action="  # campaignsim: ignore[WX003] legal approved the follow step")) == []


def test_an_ignore_on_the_step_header_covers_it_too():
    assert findings(with_follow(comment_on_header="  # campaignsim: ignore[WX003] legal approved")) == []


def test_an_ignore_of_another_code_covers_nothing_and_is_reported_unused():
    found = findings(with_follow(comment_on_action="  # campaignsim: ignore[WX001] wrong code"), select=("WX001", "WX003", "CS"))
    assert sorted(f.code for f in found) == ["CS002", "WX003"]


def test_an_ignore_in_the_base_does_not_cover_a_variants_own_step():
    text = with_follow(comment_on_action="  # campaignsim: ignore[WX003] legal approved") + \
        '\n[[variants]]\nname = "follow only"\nentry.steps = [{ action = "follow" }]\n'
    found = findings(text)
    assert [(f.code, f.variant) for f in found] == [("WX003", "follow only")]


def test_an_unused_ignore_is_not_reported_when_its_rules_were_not_selected():
    text = WECHAT + '\n[lint]\nignore = [{ code = "GEN", reason = "general rules reviewed separately" }]\n'
    assert [f.code for f in findings(text, select=("WX003", "CS"))] == []
    assert [f.code for f in findings(text, select=("WX003", "CS", "GEN001"))] == ["CS002"]
