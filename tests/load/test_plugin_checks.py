"""Checks against what plugins declare: platforms, their account kinds and extra keys, entry actions
and the fields each action takes. The "known" lists come from the registry, so a pack that adds an
action or an account kind does not break these tests, but the message shape is checked exactly."""

from __future__ import annotations


def test_an_unknown_action_suggests_the_nearest_and_lists_the_known_ones(spring, errors, reg):
    known = ", ".join(sorted(reg.actions))
    assert "comment" in reg.actions and "share" in reg.actions
    assert errors(spring(l26='action = "shaer"')) == [
        f'spring.toml:26: entry.steps[1].action: unknown action "shaer"; did you mean "share"? (known: {known})']


def test_an_unknown_action_with_no_near_match_only_lists_the_known_ones(spring, errors, reg):
    known = ", ".join(sorted(reg.actions))
    assert errors(spring(l23='action = "dance"')) == [
        f'spring.toml:23: entry.steps[0].action: unknown action "dance" (known: {known})']


def test_an_unknown_platform_suggests_the_nearest_and_lists_the_known_ones(spring, errors, reg):
    known = ", ".join(sorted(reg.platforms))
    assert errors(spring(l10='name = "wechatt"', l11="")) == [
        f'spring.toml:10: platform.name: unknown platform "wechatt"; did you mean "wechat"? (known: {known})']


def test_an_account_kind_the_platform_does_not_have_is_an_error(spring, errors, reg):
    wechat = reg.platform("wechat")
    assert "page" not in wechat.account_kinds
    assert errors(spring(l11='account = "page"')) == [
        f'spring.toml:11: platform.account: {wechat.title} has no account kind "page" (known: {", ".join(wechat.account_kinds)})']


def test_an_account_kind_of_another_platform_suggests_the_nearest_of_this_one(spring, errors, reg):
    weibo = reg.platform("weibo")
    assert errors(spring(l10='name = "weibo"', l11='account = "blue-v"')) == [
        f'spring.toml:11: platform.account: {weibo.title} has no account kind "blue-v"; did you mean "blue_v"? '
        f'(known: {", ".join(weibo.account_kinds)})']


def test_a_step_field_the_action_does_not_use_is_an_error_naming_what_it_takes(spring, errors, reg):
    follow = reg.action("follow")
    takes = ", ".join(sorted(set(follow.fields) | {f.name for f in follow.extra_fields}))
    assert errors(spring(l24="count = 2")) == [
        f"spring.toml:24: entry.steps[0].count: the action follow does not use count (it takes: {takes})"]


def test_a_step_field_that_is_no_field_at_all_is_an_unknown_key(spring, errors):
    assert errors(spring(l24='mood = "keen"')) == ["spring.toml:24: entry.steps[0].mood: unknown key"]


def test_platform_extra_keys_are_checked_by_the_platforms_declaration(spring, errors):
    assert errors(spring(l12="group_size = 0", l13='verified = "yes"')) == [
        "spring.toml:12: platform.group_size: must be an integer from 1 to 100,000, got 0",
        'spring.toml:13: platform.verified: must be true or false, got "yes"',
    ]


def test_an_extra_key_of_one_platform_is_unknown_on_another(spring, errors, reg):
    assert "group_size" in {f.name for f in reg.platform("wechat").extra_fields}
    assert "group_size" not in {f.name for f in reg.platform("weibo").extra_fields}
    assert errors(spring(l10='name = "weibo"', l11="", l12="group_size = 40")) == [
        "spring.toml:12: platform.group_size: unknown key"]


def test_platform_extra_keys_reach_the_model(spring, reg):
    from campaignsim.load import load_text

    loaded = load_text(spring(l12="group_size = 40"), reg)
    assert loaded.errors == []
    assert loaded.base.platform.extra("group_size") == 40
