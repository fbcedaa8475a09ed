"""CN-LAW001 judges the cap per winner: where one winner may receive several prizes (Order 32 Art. 17:
the chances of one ticket or purchase add up), the most valuable prizes one winner can get count
together. The scenarios here state `prize.prizes_per_winner` in their TOML, as a user writes it; the
rule cases in tests/rule_cases/CN-LAW001.toml cover the same through the rule-case runner."""

from campaignsim.builtin._prizes import best_units
from campaignsim.builtin.china_law.cn_law001 import LotteryTopPrizeAboveCap
from campaignsim.lint.context import LintContext
from campaignsim.plugin.manager import get_registry
from campaignsim.testing import scenario_from_string

PRIZES = '''
[prize]
draw = "{draw}"
{per_winner}
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


def scenario(per_winner=None, draw="random"):
    line = f"prizes_per_winner = {per_winner}" if per_winner is not None else ""
    return scenario_from_string(PRIZES.format(draw=draw, per_winner=line)).scenarios[0]


def context():
    return LintContext(get_registry())


def check(s):
    return list(LotteryTopPrizeAboveCap().check(s, context()))


def test_one_prize_per_winner_by_default():
    assert scenario().prize.prizes_per_winner == 1
    assert not check(scenario())


def test_three_laptops_to_one_winner_add_up_over_the_cap():
    findings = check(scenario(3))
    assert [f.key for f in findings] == ["prize.prizes_per_winner"]
    assert "3 × 'Laptop'" in findings[0].message and "60,000 CNY" in findings[0].message


def test_two_prizes_per_winner_stay_under_the_cap():
    assert not check(scenario(2))  # 40,000 CNY


def test_the_most_valuable_units_are_counted_first():
    units, unconverted = best_units(scenario(4).prize.items, 4, "CNY", context())
    total = sum(value for _, _, value in units)
    assert total == 3 * 20000 + 298 and [item.name for _, item, _ in units].count("Laptop") == 3 and not unconverted


def test_a_judged_contest_is_not_capped_per_winner():
    assert not check(scenario(3, draw="judged"))
