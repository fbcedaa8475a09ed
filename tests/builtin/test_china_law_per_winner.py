"""CN-LAW001 judges the cap per winner: where one winner may receive several prizes (Order 32 Art. 17:
the chances of one ticket or purchase add up), the most valuable prizes one winner can get count
together. The format's `prize.prizes_per_winner` drives it; these tests give the rule scenarios
that carry it, whether or not the loaded format has the key yet."""

import attrs

from campaignsim.builtin.china_law.cn_law001 import LotteryTopPrizeAboveCap, most_one_winner_gets, prizes_per_winner
from campaignsim.lint.context import LintContext
from campaignsim.plugin.manager import get_registry
from campaignsim.testing import scenario_from_string

PRIZES = '''
[[prize.items]]
name = "Laptop"
value = 20000
currency = "CNY"
quantity = 3
[[prize.items]]
name = "Tea gift box"
value = 298
currency = "CNY"
quantity = 20
'''


class PerWinner:
    """The loaded scenario with ``prize.prizes_per_winner`` set, as the format states it."""

    def __init__(self, scenario, n):
        self._scenario, self.prize = scenario, _Prize(scenario.prize, n)

    def __getattr__(self, name):
        return getattr(self._scenario, name)


class _Prize:
    def __init__(self, prize, n):
        self._prize, self.prizes_per_winner = prize, n

    def __getattr__(self, name):
        return getattr(self._prize, name)


def base():
    return scenario_from_string(PRIZES).scenarios[0]


def context():
    return LintContext(get_registry())


def test_one_prize_per_winner_by_default():
    assert prizes_per_winner(base().prize) == 1
    assert not list(LotteryTopPrizeAboveCap().check(base(), context()))


def test_three_laptops_to_one_winner_add_up_over_the_cap():
    findings = list(LotteryTopPrizeAboveCap().check(PerWinner(base(), 3), context()))
    assert [f.key for f in findings] == ["prize.prizes_per_winner"]
    assert "3 × 'Laptop'" in findings[0].message and "60,000 CNY" in findings[0].message


def test_two_prizes_per_winner_stay_under_the_cap():
    assert not list(LotteryTopPrizeAboveCap().check(PerWinner(base(), 2), context()))  # 40,000 CNY


def test_the_most_valuable_units_are_counted_first():
    total, units, unconverted = most_one_winner_gets(context(), base().prize.items, 4)
    assert total == 3 * 20000 + 298 and [item.name for _, item, _ in units].count("Laptop") == 3 and not unconverted


def test_a_judged_contest_is_not_capped_per_winner():
    judged = attrs.evolve(base(), prize=attrs.evolve(base().prize, draw="judged"))
    assert not list(LotteryTopPrizeAboveCap().check(PerWinner(judged, 3), context()))
