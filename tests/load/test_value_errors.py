"""Each kind of load error, with the exact message a user sees: ``file:line: dotted.key: message``."""

from __future__ import annotations


def test_the_base_document_loads_without_errors(base, errors):
    assert errors(base) == []


def test_a_negative_count_names_file_line_and_dotted_key(spring, errors):
    assert errors(spring(l27="count = -3")) == ["spring.toml:27: entry.steps[1].count: must be an integer ≥ 1, got -3"]


def test_every_error_in_a_file_is_reported_not_only_the_first(spring, errors):
    text = spring(l4='brand = ""', l13="followers = -10", l27="count = 0", l36="value = -1", l37='currency = "RMB"')
    assert errors(text) == [
        "spring.toml:4: campaign.brand: must not be empty",
        "spring.toml:13: platform.followers: must be an integer ≥ 0, got -10",
        "spring.toml:27: entry.steps[1].count: must be an integer ≥ 1, got 0",
        "spring.toml:36: prize.items[0].value: must be a number ≥ 0, got -1",
        'spring.toml:37: prize.items[0].currency: unknown currency code "RMB"; did you mean "CNY"? (the ISO 4217 code)',
    ]


def test_the_path_is_shown_as_given(spring, errors):
    assert errors(spring(l27="count = -3"), path="campaigns/spring.toml") == [
        "campaigns/spring.toml:27: entry.steps[1].count: must be an integer ≥ 1, got -3"]


# -- unknown keys --------------------------------------------------------------------------------

def test_an_unknown_key_suggests_the_nearest_known_one(spring, errors):
    assert errors(spring(l4='brnd = "Acme Tea"')) == [
        "spring.toml:2: campaign.brand: missing required key (a string)",
        'spring.toml:4: campaign.brnd: unknown key; did you mean "brand"?',
    ]


def test_an_unknown_table_suggests_the_nearest_known_one(base, errors):
    assert errors(base + "\n[fulfillment]\nowner = \"e-commerce team\"\n") == [
        'spring.toml:44: fulfillment: unknown key; did you mean "fulfilment"?']


def test_an_unknown_key_inside_an_array_of_tables_is_located_in_its_entry(spring, errors):
    assert errors(spring(l28='too = "friends"')) == [
        'spring.toml:28: entry.steps[1].too: unknown key; did you mean "to"?']


def test_an_unknown_key_with_no_near_match_has_no_suggestion(spring, errors):
    assert errors(spring(l13="colour = \"green\"")) == ["spring.toml:13: platform.colour: unknown key"]


def test_an_unknown_key_in_an_inline_table_is_located_on_its_line(spring, errors):
    assert errors(spring(l7='budget = { amount = 30000, currncy = "CNY" }')) == [
        'spring.toml:7: campaign.budget.currncy: unknown key; did you mean "currency"?',
        "spring.toml:7: campaign.budget.currency: missing required key (an ISO 4217 currency code such as CNY or USD)",
    ]


# -- values that cannot be true ------------------------------------------------------------------

def test_negative_money_is_an_error(spring, errors):
    assert errors(spring(l7='budget = { amount = -30000, currency = "CNY" }', l36="value = -298.5")) == [
        "spring.toml:7: campaign.budget.amount: must be a number ≥ 0, got -30000",
        "spring.toml:36: prize.items[0].value: must be a number ≥ 0, got -298.5",
    ]


def test_probabilities_outside_zero_to_one_are_errors(spring, errors):
    assert errors(spring(l17="interest = 1.5", l42="delivery_track_record = -0.05")) == [
        "spring.toml:17: audience.interest: must be a number from 0 to 1, got 1.5",
        "spring.toml:42: fulfilment.delivery_track_record: must be a number from 0 to 1, got -0.05",
    ]


def test_nan_and_infinity_are_errors(spring, errors):
    # errors come in file order, as an editor lists them
    assert errors(spring(l17="interest = nan", l36="value = inf", l41="deliver_within_days = -inf")) == [
        "spring.toml:17: audience.interest: must be a finite number from 0 to 1, got nan",
        "spring.toml:36: prize.items[0].value: must be a finite number ≥ 0, got inf",
        "spring.toml:41: fulfilment.deliver_within_days: must be a finite number from 0 to 3,650, got -inf",
    ]


def test_an_end_before_the_start_is_an_error(spring, errors):
    assert errors(spring(l6="end = 2027-02-28T22:00:00+08:00")) == [
        "spring.toml:6: campaign.end: must be after campaign.start (2027-03-01T10:00:00+08:00), got 2027-02-28T22:00:00+08:00"]


def test_an_end_equal_to_the_start_is_an_error(spring, errors):
    assert errors(spring(l6="end = 2027-03-01T02:00:00Z")) == [
        "spring.toml:6: campaign.end: must be after campaign.start (2027-03-01T10:00:00+08:00), got 2027-03-01T02:00:00+00:00"]


def test_a_draw_before_the_start_is_an_error(spring, errors):
    assert errors(spring(l32="draw_at = 2027-02-01T12:00:00+08:00")) == [
        "spring.toml:32: prize.draw_at: must not be before campaign.start (2027-03-01T10:00:00+08:00), got 2027-02-01T12:00:00+08:00"]


def test_counts_larger_than_the_worlds_population_are_errors(spring, errors):
    assert errors(spring(l13="followers = 9_000_000_000", l16="reach = 8_300_000_001")) == [
        "spring.toml:13: platform.followers: must not exceed the world's population (8,300,000,000), got 9000000000",
        "spring.toml:16: audience.reach: must not exceed the world's population (8,300,000,000), got 8300000001",
    ]


def test_a_count_equal_to_the_worlds_population_is_accepted(spring, errors):
    assert errors(spring(l13="followers = 8_300_000_000", l16="reach = 8_300_000_000")) == []


def test_an_audience_smaller_than_its_reach_is_an_error(spring, errors):
    assert errors(spring(l17="size = 1000")) == ["spring.toml:17: audience.size: must be ≥ audience.reach (30,000), got 1,000"]


def test_unknown_currency_codes_are_errors_including_lower_case_ones(spring, errors):
    assert errors(spring(l7='budget = { amount = 30000, currency = "XYZ" }', l37='currency = "cny"')) == [
        'spring.toml:7: campaign.budget.currency: unknown currency code "XYZ": use an ISO 4217 code such as CNY, USD, EUR or GBP',
        'spring.toml:37: prize.items[0].currency: unknown currency code "cny"; did you mean "CNY"? (the ISO 4217 code)',
    ]


def test_unknown_jurisdictions_are_errors_and_uk_suggests_gb(spring, errors):
    assert errors(spring(l7='jurisdictions = ["CN", "XX", "US-NY", "UK"]')) == [
        'spring.toml:7: campaign.jurisdictions[1]: unknown jurisdiction "XX": use an ISO 3166-1 country code (CN, US, GB) '
        "or an ISO 3166-2 subdivision code (US-NY)",
        'spring.toml:7: campaign.jurisdictions[3]: unknown jurisdiction "UK": use an ISO 3166-1 country code (CN, US, GB) '
        'or an ISO 3166-2 subdivision code (US-NY); did you mean "GB"?',
    ]


def test_an_integer_beyond_tomls_64_bit_range_is_an_error_not_a_crash(spring, errors):
    assert errors(spring(l36="value = 1" + "0" * 30)) == [
        "spring.toml:36: prize.items[0].value: must be a number ≥ 0, got 1" + "0" * 30 + ", outside TOML's 64-bit integer range"]


def test_a_very_long_integer_is_shown_by_its_length(spring, errors):
    assert errors(spring(l20="max_entries_per_person = " + "9" * 60)) == [
        "spring.toml:20: entry.max_entries_per_person: must be an integer ≥ 1, got an integer of 60 digits, "
        "outside TOML's 64-bit integer range"]


# -- types and choices ---------------------------------------------------------------------------

def test_wrong_types_say_what_was_expected_and_what_was_given(spring, errors):
    assert errors(spring(l3="name = 2027", l13='followers = "120k"', l27="count = 2.5", l36="value = true")) == [
        "spring.toml:3: campaign.name: must be a string, got 2027",
        'spring.toml:13: platform.followers: must be an integer ≥ 0, got "120k"',
        "spring.toml:27: entry.steps[1].count: must be an integer ≥ 1, got 2.5",
        "spring.toml:36: prize.items[0].value: must be a number ≥ 0, got true",
    ]


def test_a_date_time_without_an_offset_is_an_error(spring, errors):
    assert errors(spring(l5="start = 2027-03-01T10:00:00")) == [
        "spring.toml:5: campaign.start: needs a UTC offset (e.g. 2027-03-01T10:00:00+08:00), got 2027-03-01T10:00:00 without one"]


def test_a_date_where_a_date_time_is_needed_is_an_error(spring, errors):
    assert errors(spring(l5="start = 2027-03-01")) == [
        "spring.toml:5: campaign.start: must be a date-time with a UTC offset, such as 2027-03-01T10:00:00+08:00, got the date 2027-03-01"]


def test_a_choice_outside_the_allowed_ones_suggests_the_nearest(spring, errors):
    assert errors(spring(l31='draw = "randm"')) == [
        'spring.toml:31: prize.draw: must be one of random, first_come, judged, everyone, instant_win, got "randm"; did you mean "random"?']


def test_a_table_where_a_value_is_expected_and_the_reverse(spring, errors):
    assert errors(spring(l7='budget = 30000', l13="followers = { count = 120000 }")) == [
        "spring.toml:7: campaign.budget: must be a table, got 30000",
        "spring.toml:13: platform.followers: must be an integer ≥ 0, got a table",
    ]


def test_a_missing_required_key_points_at_its_table(spring, errors):
    assert errors(spring(l36="")) == ["spring.toml:34: prize.items[0].value: missing required key (a number ≥ 0)"]


def test_a_missing_top_level_table_points_at_the_start_of_the_document(base, errors):
    text = "\n".join(LINE for LINE in base.splitlines() if not LINE.startswith(("draw", "[prize]"))) + "\n"
    text = text.replace("[[prize.items]]", "[[prizes]]")
    assert errors(text) == [
        "spring.toml:1: prize: missing required key (a table)",
        'spring.toml:31: prizes: unknown key; did you mean "prize"?',
    ]


def test_empty_entry_steps_and_prize_items_are_errors(spring, errors):
    text = spring(l22="", l23="", l25="", l26="", l27="", l28="", l34="", l35="", l36="", l37="", l38="")
    text = text.replace("max_entries_per_person = 1", "max_entries_per_person = 1\nsteps = []").replace(
        'draw_at = 2027-03-09T12:00:00+08:00', 'draw_at = 2027-03-09T12:00:00+08:00\nitems = []')
    assert errors(text) == [
        "spring.toml:21: entry.steps: must list at least one step",
        "spring.toml:34: prize.items: must list at least one prize",
    ]


# -- keys and values that are not plain text -----------------------------------------------------

def test_keys_that_are_not_bare_are_shown_quoted(base, errors):
    assert errors('"" = 1\n"two words" = 2\n' + base) == ['spring.toml:1: "": unknown key', 'spring.toml:2: "two words": unknown key']


def test_control_characters_in_keys_and_values_are_escaped_so_each_error_stays_on_one_line(spring, errors):
    text = spring(l10='name = "we\\nchat"', l11="", l13='"follow\\u001eers" = 1')
    found = errors(text)
    assert [e.split(": ", 1)[1].split(";")[0] for e in found] == [
        'platform.name: unknown platform "we\\nchat"', 'platform."follow\\u001eers": unknown key']
    assert all(len(e.splitlines()) == 1 for e in found)


def test_long_string_values_are_shortened_in_messages(spring, errors):
    assert errors(spring(l31='draw = "' + "x" * 60 + '"')) == [
        'spring.toml:31: prize.draw: must be one of random, first_come, judged, everyone, instant_win, got "' + "x" * 37 + '…"']


def test_an_unknown_step_key_suggests_only_what_the_action_takes(spring, errors):
    # the share step takes to and count, not fields: "friends" must not suggest "fields"
    text = spring(l28='too = "friends"').replace('too = "friends"', 'too = "friends"\nfriends = 3', 1)
    found = [e for e in errors(text) if "friends: unknown key" in e]
    assert found and all("did you mean" not in e for e in found)
