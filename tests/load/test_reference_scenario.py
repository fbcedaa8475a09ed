"""The reference scenario (tests/data/reference-scenario.toml, a verbatim copy of the shared research file)
loads as written, and means what its comments say."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import attrs

from campaignsim.load import load_file, load_text
from campaignsim.model import Money

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference-scenario.toml"
CST = timezone(timedelta(hours=8))


def test_the_reference_scenario_loads_as_its_base_and_one_variant(reg):
    loaded = load_file(REFERENCE, reg)
    assert loaded.errors == []
    assert [s.variant for s in loaded.scenarios] == [None, "comment to enter"]


def test_the_base_asks_to_follow_share_with_three_friends_and_send_a_screenshot(reg):
    base = load_file(REFERENCE, reg).base
    steps = [(s.action, s.to, s.count, s.send_to) for s in base.entry.steps]
    assert steps == [("follow", None, None, None), ("share", "friends", 3, None), ("screenshot", None, None, "official_account")]
    assert base.platform.comments_enabled is False


def test_the_base_keeps_every_value_as_written(reg):
    base = load_file(REFERENCE, reg).base
    assert base.campaign.name == "Spring tea lucky draw" and base.campaign.brand == "Acme Tea"
    assert base.campaign.start == datetime(2027, 3, 1, 10, tzinfo=CST)
    assert base.campaign.end == datetime(2027, 3, 8, 22, tzinfo=CST)
    assert base.campaign.jurisdictions == ("CN",)
    assert base.campaign.budget == Money(amount=30000.0, currency="CNY")
    assert (base.platform.name, base.platform.account, base.platform.registered, base.platform.followers) == (
        "wechat", "subscription", date(2019, 6, 1), 120000)
    assert base.audience.reach == 30000
    assert (base.prize.draw, base.prize.draw_at, base.prize.draw_method) == (
        "random", datetime(2027, 3, 9, 12, tzinfo=CST), "random.org draw, recorded")
    assert [(i.name, i.value, i.currency, i.quantity) for i in base.prize.items] == [("Tea gift box", 298.0, "CNY", 20)]
    f = base.fulfilment
    assert (f.announce_winners_within_days, f.announce_channel, f.public_winner_list, f.deliver_within_days,
            f.claim_window_days, f.unclaimed, f.owner, f.contact, f.delivery_track_record) == (
        3, "article", True, 14, 7, "redraw", "e-commerce team", "events@acme-tea.example", 0.95)
    assert base.terms.url == "https://acme-tea.example/spring-draw/terms"
    assert "draw_method" in base.terms.discloses and len(base.terms.discloses) == 7
    assert [(i.code, i.reason) for i in base.lint.ignore] == [
        ("CN-LAW002", "odds are published on the terms page once entries close")]


def test_the_variant_enters_by_one_comment_with_comments_enabled_and_keeps_the_rest(reg):
    base, variant = load_file(REFERENCE, reg).scenarios
    assert [(s.action, s.count, s.to) for s in variant.entry.steps] == [("comment", None, None)]
    assert variant.platform.comments_enabled is True
    assert attrs.evolve(variant.platform, comments_enabled=False) == base.platform
    for table in ("campaign", "audience", "prize", "fulfilment", "terms", "lint", "schedule", "content"):
        assert getattr(variant, table) == getattr(base, table), table


def test_jurisdictions_default_from_the_platform_when_absent(reg):
    text = REFERENCE.read_text(encoding="utf-8").replace('jurisdictions = ["CN"]', "")
    loaded = load_text(text, reg)
    assert loaded.errors == []
    assert all(s.campaign.jurisdictions == reg.platform("wechat").jurisdictions == ("CN",) for s in loaded.scenarios)


def test_jurisdictions_default_from_whichever_platform_is_named(base, reg):
    text = base.replace('name = "wechat"\naccount = "subscription"', 'name = "instagram"\naccount = "business"')
    loaded = load_text(text, reg)
    assert loaded.errors == []
    assert loaded.base.campaign.jurisdictions == reg.platform("instagram").jurisdictions == ("US",)


def test_jurisdictions_written_out_are_kept(base, reg):
    text = base.replace('[platform]', 'jurisdictions = ["US", "US-NY"]\n\n[platform]')
    assert load_text(text, reg).base.campaign.jurisdictions == ("US", "US-NY")


def test_the_loaded_file_points_findings_about_variant_keys_at_the_variant(reg):
    loaded = load_file(REFERENCE, reg)
    lines = REFERENCE.read_text(encoding="utf-8").splitlines()
    at = {text: n for n, text in enumerate(lines, start=1)}
    assert loaded.line_for("entry.steps", "comment to enter") == at['entry.steps = [{ action = "comment" }]']
    assert loaded.line_for("platform.comments_enabled", "comment to enter") == at["platform.comments_enabled = true"]
    assert loaded.line_for("platform.comments_enabled") == at["comments_enabled = false"]
    assert loaded.line_for("prize.draw_at", "comment to enter") == at["draw_at = 2027-03-09T12:00:00+08:00"]
