"""A reference may say when its verification status was last checked; rule pages show it."""

import pytest

from campaignsim.lint.docs import rule_markdown, verification_status
from campaignsim.lint.rule import Reference, Rule


class Dated(Rule):
    code = "DATED001"
    name = "dated"
    references = (Reference("Official text", "https://example.org/law", "V", "2026-12"),
                  Reference("Commentary", "https://example.org/note", "S", "2026-11-30"),
                  Reference("Not found", None, "U"))


def test_checked_is_rendered_with_the_status():
    assert Reference("Act", "https://example.org", "S", "2026-12").render() == "Act <https://example.org> [S: secondary source, checked 2026-12]"
    assert Reference("Act", None, "V").render() == "Act [V: official text seen]"


@pytest.mark.parametrize("bad", ["12/2026", "2026-13", "2026", "2026-12-32", "soon"])
def test_checked_must_be_a_year_and_month_or_a_date(bad):
    with pytest.raises(ValueError, match="YYYY-MM"):
        Reference("Act", None, "S", bad)


def test_rule_page_shows_each_mark_and_the_latest_check():
    assert verification_status(Dated) == ("V (official text seen) 1, S (secondary source) 1, U (no source found) 1; "
                                          "checked 2026-12")
    page = rule_markdown(Dated)
    assert "**Verification:** V (official text seen) 1" in page
    assert "[Official text](https://example.org/law) — *official text seen* (V, checked 2026-12)" in page
    assert "- Not found — *no source found* (U)" in page


def test_a_rule_without_dates_says_so():
    class Undated(Rule):
        code = "UNDATED001"
        name = "undated"
        references = (Reference("Act", None, "S"),)

    assert verification_status(Undated).endswith("date of check not recorded")
