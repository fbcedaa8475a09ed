"""The line locator: dotted key → line, for every way TOML can write a key."""

from __future__ import annotations

from campaignsim.load.toml import Locator

DOC = '''\
# comment at the top
title = "x"            # a trailing comment
[campaign]
name = "Spring # not a comment [not a table]"
budget = { amount = 30000, currency = "CNY" }
note = """
several lines
name = "not a key"
"""

[[entry.steps]]
action = "follow"

[[entry.steps]]
action = "share"
count = 3

[[prize.items]]
name = "Tea"
[prize.items.extra]
colour = "green"

[[prize.items]]
name = "Cup"

list = [
  "a",
  { b = 1,
    c = 2 },
  [3, 4],
]
platform.comments_enabled = true
"quoted key" = 1
'literal.key' = 2
'''


def lines():
    return Locator(DOC).lines


def line_of(text: str) -> int:
    return DOC.splitlines().index(text) + 1


def test_keys_in_tables_are_located():
    located = lines()
    assert located["title"] == 2 and located["campaign"] == 3 and located["campaign.name"] == 4


def test_keys_inside_strings_and_after_hashes_in_strings_are_not_keys():
    located = lines()
    assert located["campaign.note"] == 6
    assert not any(key.endswith("not a key") for key in located) and located["campaign.name"] == 4
    assert "not a table" not in " ".join(located)


def test_keys_of_inline_tables_are_located():
    located = lines()
    assert located["campaign.budget"] == located["campaign.budget.amount"] == located["campaign.budget.currency"] == 5


def test_each_entry_of_an_array_of_tables_has_its_own_index_and_line():
    located = lines()
    assert located["entry.steps"] == located["entry.steps[0]"] == 11
    assert located["entry.steps[0].action"] == 12
    assert located["entry.steps[1]"] == 14 and located["entry.steps[1].count"] == 16


def test_a_subtable_of_an_array_of_tables_entry_belongs_to_the_latest_entry():
    located = lines()
    assert located["prize.items[0].extra"] == line_of("[prize.items.extra]")
    assert located["prize.items[0].extra.colour"] == line_of('colour = "green"')
    assert located["prize.items[1].name"] == line_of('name = "Cup"')


def test_items_of_a_multi_line_array_are_located_on_their_own_lines():
    located = lines()
    assert located["prize.items[1].list"] == line_of("list = [")
    assert located["prize.items[1].list[0]"] == line_of('  "a",')
    assert located["prize.items[1].list[1]"] == located["prize.items[1].list[1].b"] == line_of("  { b = 1,")
    assert located["prize.items[1].list[1].c"] == line_of("    c = 2 },")
    assert located["prize.items[1].list[2]"] == line_of("  [3, 4],")


def test_dotted_keys_record_the_tables_they_open():
    located = lines()
    line = line_of("platform.comments_enabled = true")
    assert located["prize.items[1].platform"] == located["prize.items[1].platform.comments_enabled"] == line


def test_keys_that_are_not_bare_are_recorded_quoted_as_the_loader_names_them():
    located = lines()
    assert located['prize.items[1]."quoted key"'] == line_of('"quoted key" = 1')
    assert located['prize.items[1]."literal.key"'] == line_of("'literal.key' = 2")


def test_escapes_in_quoted_keys_are_decoded_before_quoting_again():
    located = Locator('"tab\\there" = 1\n\'back\\slash\' = 2\n"\\u00e9t\u00e9" = 3\n').lines
    assert located == {'"tab\\there"': 1, '"back\\\\slash"': 2, '"été"': 3}


def test_an_unseen_key_falls_back_to_its_nearest_enclosing_key():
    locator = Locator(DOC)
    assert locator.line_of("entry.steps[1].to") == 14
    assert locator.line_of("campaign.budget.rate") == 5
    assert locator.line_of("nowhere") is None
    assert locator.has("campaign.name") and not locator.has("campaign.brand")


def test_comments_are_kept_by_line_without_the_hash():
    comments = Locator(DOC).comments
    assert comments[1] == "comment at the top" and comments[2] == "a trailing comment"
    assert 4 not in comments


def test_the_first_definition_of_a_table_wins():
    locator = Locator("[a]\nx = 1\n[b]\n[a.c]\ny = 2\n")
    assert locator.lines["a"] == 1 and locator.lines["a.c"] == 4 and locator.lines["a.c.y"] == 5


def test_deep_nesting_keeps_the_positions_found_so_far():
    locator = Locator("a = 1\nb = " + "[" * 5000 + "]" * 5000 + "\n")
    assert locator.lines["a"] == 1 and locator.lines["b"] == 2
