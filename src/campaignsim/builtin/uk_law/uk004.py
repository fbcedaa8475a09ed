from campaignsim.builtin.uk_law.limits import CHANCE_DRAWS, PAID_ACTIONS
from campaignsim.lint.rule import Reference, Rule


class PaidEntryLottery(Rule):
    """Gambling Act 2005: paying to enter a draw decided by chance is an unlicensed lottery."""

    code = "UK004"
    name = "paid-entry-lottery"
    severity = "error"
    jurisdictions = ("GB",)
    reads = ("entry", "prize")
    summary = "A chance draw without a real skill element asks entrants to pay more than a normal postage, call or message rate, with no equal free route."
    rationale = (
        "Under the Gambling Act 2005 (s.14), an arrangement where people pay to take part and prizes are allocated wholly "
        "by chance is a lottery, which only licensed good causes may run. Paying for goods counts when the price reflects "
        "the chance to win (Sch. 2 para 2(c)); postage, calls or messages at the normal rate do not (para 5). A free entry "
        "route that is as prominent as the paid one and no less likely to win takes the promotion out of the definition, "
        "as does a skill test hard enough to stop a significant proportion of people from winning (s.14(5))."
    )
    fail_example = ('[campaign]\njurisdictions = ["GB"]\n\n[prize]\ndraw = "random"\n\n[[entry.steps]]\naction = "send_gift"\n'
                    'amount = { amount = 2, currency = "GBP" }')
    pass_example = ('[campaign]\njurisdictions = ["GB"]\n\n[prize]\ndraw = "random"\n\n[[entry.steps]]\naction = "send_gift"\n\n'
                    '[entry]\nfree_alternative = "post a letter with your name and address"\nfree_alternative_equal = true')
    references = (
        Reference('ASA advice: free entry routes, "any method of entry charged at the normal rate"',
                  "https://asa.org.uk/advice-online/promotional-marketing-free-entry-routes.html", "V"),
        Reference("Gambling Act 2005 s.14: simple lottery (pay to participate, prizes by a process which relies wholly on chance)",
                  "https://www.legislation.gov.uk/ukpga/2005/19/part/1/crossheading/lottery", "V"),
        Reference('Gambling Act 2005 Sch. 2: paying includes goods "at a price or rate which reflects the opportunity to participate"; '
                  "normal-rate post and calls are not paying", "https://www.legislation.gov.uk/ukpga/2005/19/schedule/2", "V"),
    )

    def check(self, scenario, context):
        entry = scenario.entry
        if scenario.prize.draw not in CHANCE_DRAWS or entry.skill_element:
            return
        paying = list(self._paying_steps(entry))
        if not paying:
            return
        draw = f"{scenario.prize.draw.replace('_', ' ')} draw"
        if (entry.free_alternative or "").strip():
            if entry.free_alternative_equal is False:
                steps = " and ".join(_describe(i, step) for i, step in paying)
                yield self.violation(
                    "entry.free_alternative_equal",
                    f"paying in {steps} buys a chance in the {draw}, and the free route gives a lower chance of winning: under the "
                    "Gambling Act free entries must be no less likely to win",
                    "Give free entries exactly the same chance as paid ones.",
                )
            return
        for i, step in paying:
            what = _describe(i, step)
            if step.action == "purchase" and entry.purchase_at_normal_price is None:
                yield self.violation(
                    f"entry.steps[{i}]",
                    f"{what} is required to enter the {draw} and there is no free route; unless the product is sold at its "
                    "normal price, this is paying to enter a lottery under the Gambling Act 2005",
                    "If the price is the usual one, set entry.purchase_at_normal_price = true; otherwise add a free entry "
                    "route (e.g. by post) with the same chance to win.",
                    severity="warning",
                )
                continue
            how = "costs more than the product's normal price" if step.action == "purchase" else "is a payment"
            yield self.violation(
                f"entry.steps[{i}]",
                f"{what} {how} for a chance in the {draw}, which has no skill element and no free route: an unlicensed "
                "lottery under the Gambling Act 2005",
                "Add a free entry route (post, or an online form) that is as prominent and gives the same chance, or make "
                "winning depend on skill.",
            )

    @staticmethod
    def _paying_steps(entry):
        """Steps that are paying to enter in the Act's sense, with their positions."""
        for i, step in enumerate(entry.steps):
            if step.action not in PAID_ACTIONS or (step.amount is not None and step.amount.amount == 0):
                continue
            if step.optional and step.worth == 0:
                continue
            if step.action == "purchase" and entry.purchase_at_normal_price is True:
                continue
            yield i, step


def _describe(i, step) -> str:
    cost = f", {step.amount.amount:,.2f} {step.amount.currency}" if step.amount is not None else ""
    return f"entry step {i + 1} ({step.action.replace('_', ' ')}{cost})"
