from campaignsim.builtin.it_law.limits import BANNED_PRIZE_CATEGORIES, CONCORSO_DRAWS, CUNEO, DPR_430
from campaignsim.lint.rule import Rule


class ItalianCashPrize(Rule):
    """Italian prize contests may not give money, securities or life insurance."""

    code = "IT004"
    name = "italy-cash-prize"
    severity = "error"
    jurisdictions = ("IT",)
    reads = ("prize",)
    summary = "A prize contest open in Italy offers money, securities or a life-insurance policy as a prize."
    rationale = (
        "D.P.R. 430/2001 Art. 4 excludes from prize promotions prizes of money, public or private bonds, shares, fund units "
        "and life-insurance policies: cash prizes belong to the state's games. Gift cards and vouchers for goods or services "
        "are allowed. The check reads `prize.items[].cash`, `kind = \"cash\"` and `category = \"cash\"` or "
        "`\"financial_product\"`."
    )
    fail_example = '[campaign]\njurisdictions = ["IT"]\n\n[[prize.items]]\nname = "€500 bank transfer"\nvalue = 500\ncurrency = "EUR"\ncash = true'
    pass_example = ('[campaign]\njurisdictions = ["IT"]\n\n[[prize.items]]\nname = "€500 gift card, Acme stores"\nvalue = 500\n'
                    'currency = "EUR"\ncategory = "gift_card"')
    references = (CUNEO, DPR_430)

    def check(self, scenario, context):
        if scenario.prize.draw not in CONCORSO_DRAWS:
            return
        for i, item in enumerate(scenario.prize.items):
            if item.cash or item.kind == "cash" or item.category in BANNED_PRIZE_CATEGORIES:
                what = "a financial product" if item.category == "financial_product" else "money"
                yield self.violation(
                    f"prize.items[{i}]",
                    f"prize \"{item.name}\" is {what}; D.P.R. 430/2001 Art. 4 excludes money, securities and life insurance "
                    "from Italian prize contests",
                    "Offer goods, services or a gift card for them instead.",
                )
