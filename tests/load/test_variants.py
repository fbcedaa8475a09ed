"""Variants: partial scenarios merged onto the base. Tables merge key by key, arrays and values
replace; an error that only a variant causes points at the variant's line and names the variant."""

from __future__ import annotations

from campaignsim.load import load_text, merge


def test_merge_joins_tables_key_by_key():
    base = {"fulfilment": {"deliver_within_days": 14, "owner": "shop"}, "platform": {"name": "wechat"}}
    assert merge(base, {"fulfilment": {"deliver_within_days": 7}}) == {
        "fulfilment": {"deliver_within_days": 7, "owner": "shop"}, "platform": {"name": "wechat"}}


def test_merge_joins_nested_tables_at_every_depth():
    base = {"campaign": {"budget": {"amount": 100, "currency": "CNY"}, "name": "a"}}
    assert merge(base, {"campaign": {"budget": {"amount": 50}}}) == {
        "campaign": {"budget": {"amount": 50, "currency": "CNY"}, "name": "a"}}


def test_merge_replaces_arrays_whole():
    base = {"entry": {"steps": [{"action": "follow"}, {"action": "share", "count": 3}], "max_entries_per_person": 1}}
    assert merge(base, {"entry": {"steps": [{"action": "comment"}]}}) == {
        "entry": {"steps": [{"action": "comment"}], "max_entries_per_person": 1}}


def test_merge_replaces_plain_values_and_a_value_with_a_table():
    assert merge({"a": 1, "b": {"c": 2}}, {"a": {"x": 1}, "b": 3}) == {"a": {"x": 1}, "b": 3}


def test_merge_adds_keys_the_base_lacks_and_leaves_the_base_untouched():
    base = {"platform": {"name": "wechat"}}
    merged = merge(base, {"platform": {"comments_enabled": True}, "audience": {"reach": 10}})
    assert merged == {"platform": {"name": "wechat", "comments_enabled": True}, "audience": {"reach": 10}}
    assert base == {"platform": {"name": "wechat"}}


def test_a_variant_keeps_base_tables_it_does_not_mention(base, reg):
    text = base + '\n[[variants]]\nname = "faster delivery"\nfulfilment.deliver_within_days = 7\n'
    loaded = load_text(text, reg)
    assert loaded.errors == []
    plain, faster = loaded.scenarios
    assert (plain.variant, faster.variant) == (None, "faster delivery")
    assert faster.fulfilment.deliver_within_days == 7 and faster.fulfilment.delivery_track_record == 0.95
    assert plain.fulfilment.deliver_within_days == 14
    assert faster.entry == plain.entry and faster.prize == plain.prize and faster.campaign == plain.campaign


def test_a_variant_replaces_an_array_of_tables_whole(base, reg):
    text = base + '\n[[variants]]\nname = "one prize"\nprize.items = [{ name = "Tea set", value = 899, currency = "CNY" }]\n'
    plain, one = load_text(text, reg).scenarios
    assert [i.name for i in plain.prize.items] == ["Tea gift box"]
    assert [(i.name, i.value, i.quantity) for i in one.prize.items] == [("Tea set", 899.0, 1)]
    assert one.prize.draw == "random"


def test_variants_written_as_subtables_merge_too(base, reg):
    text = base + '\n[[variants]]\nname = "bigger"\n[variants.audience]\nreach = 60000\n'
    plain, bigger = load_text(text, reg).scenarios
    assert (plain.audience.reach, bigger.audience.reach) == (30000, 60000)
    assert bigger.audience.interest == 0.5


def test_an_error_inside_a_variant_points_at_the_variants_line_and_names_it(base, errors):
    text = base + '\n[[variants]]\nname = "share with none"\nentry.steps = [{ action = "share", count = 0 }]\n'
    assert errors(text) == ["spring.toml:46: in variant 'share with none': entry.steps[0].count: must be an integer ≥ 1, got 0"]


def test_an_error_in_a_variant_subtable_points_at_the_key(base, errors):
    text = base + '\n[[variants]]\nname = "bad count"\n\n[variants.platform]\nfollowers = -1\n'
    assert errors(text) == ["spring.toml:48: in variant 'bad count': platform.followers: must be an integer ≥ 0, got -1"]


def test_an_error_on_a_key_the_variant_did_not_set_points_at_the_variants_header(base, errors):
    # the variant moves the start past the base's end and draw: the keys in error are the base's
    text = base + '\n[[variants]]\nname = "late start"\ncampaign.start = 2027-03-10T10:00:00+08:00\n'
    assert errors(text) == [
        "spring.toml:44: in variant 'late start': campaign.end: must be after campaign.start (2027-03-10T10:00:00+08:00), "
        "got 2027-03-08T22:00:00+08:00",
        "spring.toml:44: in variant 'late start': prize.draw_at: must not be before campaign.start (2027-03-10T10:00:00+08:00), "
        "got 2027-03-09T12:00:00+08:00",
    ]


def test_an_unknown_key_in_a_variant_suggests_the_known_one(base, errors):
    text = base + '\n[[variants]]\nname = "typo"\nplatfrom.comments_enabled = true\n'
    assert errors(text) == ["spring.toml:46: in variant 'typo': platfrom: unknown key; did you mean \"platform\"?"]


def test_an_error_in_the_base_is_reported_once_not_again_for_each_variant(spring, errors):
    text = spring(l27="count = -3") + '\n[[variants]]\nname = "a"\naudience.reach = 100\n[[variants]]\nname = "b"\n'
    assert errors(text) == ["spring.toml:27: entry.steps[1].count: must be an integer ≥ 1, got -3"]


def test_a_variant_that_repeats_a_base_error_in_its_own_keys_is_reported_too(spring, errors):
    text = spring(l27="count = -3") + '\n[[variants]]\nname = "also bad"\nentry.steps = [{ action = "share", count = -3 }]\n'
    assert errors(text) == [
        "spring.toml:27: entry.steps[1].count: must be an integer ≥ 1, got -3",
        "spring.toml:46: in variant 'also bad': entry.steps[0].count: must be an integer ≥ 1, got -3",
    ]


def test_every_variant_needs_a_name(base, errors):
    text = base + '\n[[variants]]\naudience.reach = 100\n'
    assert errors(text) == ["spring.toml:44: variants[0].name: each variant needs a name (a non-empty string), got none"]


def test_a_blank_variant_name_is_an_error(base, errors):
    text = base + '\n[[variants]]\nname = "  "\n'
    assert errors(text) == ['spring.toml:44: variants[0].name: each variant needs a name (a non-empty string), got "  "']


def test_variant_names_are_unique(base, errors):
    text = base + '\n[[variants]]\nname = "a"\n\n[[variants]]\nname = "a"\n'
    assert errors(text) == ['spring.toml:48: variants[1].name: duplicate variant name "a"']


def test_variants_cannot_be_nested(base, errors):
    text = base + '\n[[variants]]\nname = "outer"\n\n[[variants.variants]]\nname = "inner"\n'
    assert errors(text) == ["spring.toml:47: in variant 'outer': variants: variants cannot be nested"]


def test_variants_must_be_an_array_of_tables(base, errors):
    assert errors("variants = 3\n" + base) == ["spring.toml:1: variants: must be an array of tables ([[variants]]), got 3"]
    assert errors('variants = ["a"]\n' + base) == ["spring.toml:1: variants: must be an array of tables ([[variants]]), got an array"]
