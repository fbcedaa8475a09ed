"""The keys added for restricted prizes, excluded regions and per-winner prizes: loaded, and bad values reported
with file, line and key."""

from __future__ import annotations

from campaignsim.testing import lint_string, scenario_from_string


def test_excluded_regions_category_and_prizes_per_winner_load(base, errors):
    text = base.replace("budget =", 'jurisdictions = ["US"]\nexcluded = ["US-NY", "US-FL"]\nbudget =', 1)
    text = text.replace('quantity = 20', 'quantity = 20\ncategory = "food"', 1).replace('draw = "random"', 'draw = "random"\nprizes_per_winner = 2', 1)
    assert errors(text) == []


def test_an_unknown_excluded_region_is_located(base, errors):
    text = base.replace("budget =", 'jurisdictions = ["US"]\nexcluded = ["US-XX"]\nbudget =', 1)
    assert errors(text) == ['spring.toml:8: campaign.excluded[0]: unknown jurisdiction "US-XX": use an ISO 3166-1 country code '
                            "(CN, US, GB) or an ISO 3166-2 subdivision code (US-NY)"]


def test_an_excluded_region_outside_the_jurisdictions_is_located(base, errors):
    text = base.replace("budget =", 'jurisdictions = ["US"]\nexcluded = ["CA-QC"]\nbudget =', 1)
    [error] = errors(text)
    assert error.startswith('spring.toml:8: campaign.excluded[0]: "CA-QC" is not inside campaign.jurisdictions (US)')


def test_excluding_a_whole_jurisdiction_is_an_error(base, errors):
    text = base.replace("budget =", 'jurisdictions = ["US", "CA"]\nexcluded = ["CA"]\nbudget =', 1)
    assert errors(text) == ['spring.toml:8: campaign.excluded[0]: "CA" is also in campaign.jurisdictions: remove it from one of them']


def test_a_member_state_may_be_excluded_from_an_eu_wide_campaign(base, errors):
    text = base.replace("budget =", 'jurisdictions = ["EU"]\nexcluded = ["IT", "DE-BY"]\nbudget =', 1)
    assert errors(text) == []


def test_a_misspelt_prize_category_suggests_the_right_one(base, errors):
    [error] = errors(base.replace('quantity = 20', 'quantity = 20\ncategory = "alcool"', 1))
    assert error.startswith("spring.toml:39: prize.items[0].category: must be one of physical,")
    assert error.endswith('got "alcool"; did you mean "alcohol"?')


def test_prizes_per_winner_must_be_at_least_one(base, errors):
    assert errors(base.replace('draw = "random"', 'draw = "random"\nprizes_per_winner = 0', 1)) == [
        "spring.toml:32: prize.prizes_per_winner: must be an integer ≥ 1, got 0"]


def test_an_excluded_region_switches_off_its_rules():
    # US002 is scoped to New York, Florida and Rhode Island: excluding all three leaves it nothing to check.
    toml = """
    [campaign]
    jurisdictions = ["US"]
    excluded = ["US-NY", "US-FL", "US-RI"]
    [platform]
    name = "instagram"
    account = "business"
    [prize]
    draw_tool = "comment_picker"
    [[prize.items]]
    name = "E-bike"
    value = 6200
    currency = "USD"
    """
    assert scenario_from_string(toml).base.campaign.excluded == ("US-NY", "US-FL", "US-RI")
    assert [f for f in lint_string(toml, rules=["US002"])] == []


def test_rule_languages_are_iso_639_1_codes(base, errors):
    text = base + '\n[terms]\nlanguages = ["en", "french"]\n'
    assert errors(text) == ['spring.toml:45: terms.languages[1]: unknown language code "french": use an ISO 639-1 code such as en, fr or zh']
    assert errors(base + '\n[terms]\nlanguages = ["en", "fr"]\n') == []
