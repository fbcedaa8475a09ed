from campaignsim.builtin.pt_law.limits import BANNED_PRIZE_CATEGORIES, CHANCE_DRAWS, LEI_DO_JOGO, PARECER_11_98
from campaignsim.lint.rule import Rule


class PortugueseCashPrize(Rule):
    """Portuguese advertising draws give things of economic value, not money."""

    code = "PT002"
    name = "portugal-cash-prize"
    severity = "error"
    jurisdictions = ("PT",)
    reads = ("prize",)
    summary = "A chance draw open in Portugal offers money as a prize."
    rationale = (
        "Decreto-Lei 422/89 art. 159(1) allows prizes in \"coisas com valor económico\" (things of economic value), which the "
        "Attorney General's Advisory Council reads as excluding money (Parecer 11/98, with art. 161(3)): cash prizes are the "
        "state lotteries' preserve. Offer goods, services or vouchers."
    )
    fail_example = '[campaign]\njurisdictions = ["PT"]\n\n[[prize.items]]\nname = "€300 in cash"\nvalue = 300\ncurrency = "EUR"\ncash = true'
    pass_example = '[campaign]\njurisdictions = ["PT"]\n\n[[prize.items]]\nname = "Espresso machine"\nvalue = 300\ncurrency = "EUR"'
    references = (PARECER_11_98, LEI_DO_JOGO)

    def check(self, scenario, context):
        if scenario.prize.draw not in CHANCE_DRAWS:
            return
        for i, item in enumerate(scenario.prize.items):
            if item.cash or item.kind == "cash" or item.category in BANNED_PRIZE_CATEGORIES:
                yield self.violation(
                    f"prize.items[{i}]",
                    f"prize \"{item.name}\" is money; Portuguese advertising draws may award only things of economic value, not cash",
                    "Offer goods, services or a voucher instead.",
                )
