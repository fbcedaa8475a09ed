"""EX001: a prize in a Japanese lottery that requires a purchase is above the legal cap.

This module is the model for a rule in a plugin: one rule per module, named by its code; the
class attributes are the rule's documentation (``campaignsim explain EX001`` prints them); the
numbers are defined once, next to their source; ``check`` yields violations for one scenario.
"""

from campaignsim.lint.rule import Reference, Rule

# Japan, Act against Unjustifiable Premiums and Misleading Representations (景品表示法), and the
# Consumer Affairs Agency's notice on prizes offered by lottery (懸賞制限告示): for a prize
# lottery tied to a transaction (一般懸賞), the highest prize may be worth at most 20 times the
# transaction value, and never more than 100,000 yen. Official text not seen here: the figures
# are as quoted by secondary sources [S] (see REFERENCES).
CAP_MULTIPLE = 20
CAP_CEILING_JPY = 100_000
CURRENCY = "JPY"

LOTTERY_DRAWS = ("random", "judged", "instant_win")
"""Draws that make a 懸賞 (prize by chance or by ranking); first-come and everyone-wins prizes are
総付景品 under a different cap that this rule does not check."""

REFERENCES = (
    Reference("Consumer Affairs Agency (消費者庁): 景品規制の概要 — general prize lottery (一般懸賞) caps",
              "https://www.caa.go.jp/policies/policy/representation/fair_labeling/premium_regulation/", "S"),
    Reference("懸賞による景品類の提供に関する事項の制限 (JFTC Notice No. 3 of 1977), items 2 and 3: "
              "highest prize ≤ 20 × the transaction value and ≤ ¥100,000; total ≤ 2% of planned sales", None, "S"),
)


def yen(amount: float) -> str:
    return f"¥{amount:,.0f}"


class PrizeOverJapanLotteryCap(Rule):
    """A prize draw in Japan that requires a purchase offers a prize above the Premiums Act cap."""

    code = "EX001"
    name = "jp-lottery-prize-over-cap"
    severity = "error"
    jurisdictions = ("JP",)
    summary = ("In Japan, a prize drawn by lot or by ranking among people who must buy something to enter may be worth "
               "at most 20 times the purchase and never more than ¥100,000.")
    rationale = (
        "Japan's Premiums and Representations Act (景品表示法) caps prizes offered through a lottery tied to a "
        "transaction (一般懸賞): the highest prize is limited to 20 times the transaction value, and to ¥100,000 "
        "when the purchase is ¥5,000 or more. A campaign above the cap can receive a cease-and-desist order from "
        "the Consumer Affairs Agency. The cap does not apply to open prize draws that anyone can enter without "
        "buying anything (オープン懸賞), which is the usual way to offer a larger prize. This rule takes the "
        "transaction value as what the required steps with an `amount` cost together; it does not check the "
        "second cap (all prizes together at most 2% of the sales the campaign is expected to bring), nor the "
        "cap on gifts to every buyer (総付景品). Sources are secondary [S]: re-check the official text."
    )
    fail_example = """\
[campaign]
jurisdictions = ["JP"]

[[entry.steps]]
action = "purchase"
amount = { amount = 500, currency = "JPY" }

[prize]
draw = "random"

[[prize.items]]
name = "Game console"
value = 30000          # cap: 20 × ¥500 = ¥10,000
currency = "JPY"
"""
    pass_example = """\
[campaign]
jurisdictions = ["JP"]

[[entry.steps]]
action = "purchase"
amount = { amount = 500, currency = "JPY" }

[prize]
draw = "random"

[[prize.items]]
name = "Tea set"
value = 8000           # within 20 × ¥500
currency = "JPY"
"""
    references = REFERENCES

    def check(self, scenario, context):
        if scenario.prize.draw not in LOTTERY_DRAWS:
            return
        paid = [(i, step) for i, step in enumerate(scenario.entry.steps) if step.amount is not None and not step.optional]
        if not paid:
            return  # an open draw: no purchase needed, no cap
        transaction = 0.0
        for i, step in paid:
            value = context.convert(step.amount.amount, step.amount.currency, CURRENCY)
            if value is None:
                yield self.violation(f"entry.steps[{i}].amount", f"cannot judge the prize cap: no exchange rate for {step.amount.currency}",
                                     "Give the amount in JPY, or add the rate under [tool.campaignsim] exchange-rates.", severity="info")
                return
            transaction += value
        cap = min(CAP_MULTIPLE * transaction, CAP_CEILING_JPY)
        for i, item in enumerate(scenario.prize.items):
            value = context.convert(item.value, item.currency, CURRENCY)
            if value is None:
                yield self.violation(f"prize.items[{i}].value", f"cannot judge the prize cap: no exchange rate for {item.currency}",
                                     "Give the value in JPY, or add the rate under [tool.campaignsim] exchange-rates.", severity="info")
                continue
            if value > cap:
                note = context.rate_note(item.currency, CURRENCY) if item.currency != CURRENCY else ""
                yield self.violation(
                    f"prize.items[{i}]",
                    f"prize {item.name!r} is worth {yen(value)}{note}, above the {yen(cap)} cap for a draw that requires "
                    f"spending {yen(transaction)} (20 × the purchase, at most ¥100,000)",
                    "Lower the prize, or let people enter without buying anything (an open draw has no cap).",
                )
