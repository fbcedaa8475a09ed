from campaignsim.builtin.us_law.limits import CHANCE_DRAWS, PAID_ACTIONS
from campaignsim.lint.rule import Reference, Rule


def _paid_steps(scenario):
    """Steps that cost money and earn entries: consideration for a chance to win."""
    for i, step in enumerate(scenario.entry.steps):
        if step.action not in PAID_ACTIONS:
            continue
        if step.amount is not None and step.amount.amount == 0:
            continue
        if step.optional and step.worth == 0:
            continue
        yield i, step


def _describe(i, step) -> str:
    cost = f", {step.amount.amount:,.2f} {step.amount.currency}" if step.amount is not None else ""
    role = "bonus entries" if step.optional else "required"
    return f"entry step {i + 1} ({step.action.replace('_', ' ')}{cost}, {role})"


class PaidEntryIntoChanceDraw(Rule):
    """Prize, chance and consideration together make an illegal lottery in every US state."""

    code = "US001"
    name = "paid-entry-into-chance-draw"
    severity = "error"
    jurisdictions = ("US",)
    reads = ("entry", "prize", "terms")
    summary = "A chance draw requires (or rewards) a purchase or payment, without an equal free way to enter."
    rationale = (
        "A promotion with a prize, an element of chance and consideration (a purchase or payment) is a lottery, which "
        "only states may run. Sweepstakes avoid it by saying \"no purchase necessary\" and offering an alternate method "
        "of entry (AMOE) that is free and gives the same chance to win (\"equal dignity\"). Florida's game-promotion "
        "statute also bans requiring an entry fee, payment or proof of purchase."
    )
    fail_example = ('[campaign]\njurisdictions = ["US"]\n\n[prize]\ndraw = "random"\n\n[[entry.steps]]\naction = "purchase"\n'
                    'amount = { amount = 9.99, currency = "USD" }')
    pass_example = ('[campaign]\njurisdictions = ["US"]\n\n[[entry.steps]]\naction = "purchase"\n\n[entry]\n'
                    'free_alternative = "mail a postcard with your name and address"\nfree_alternative_equal = true\n\n'
                    '[terms]\ndiscloses = ["free_route", "how_to_enter"]')
    references = (
        Reference('Sweepsify: illegal lottery = prize + chance + consideration; sweepstakes "must state \'no purchase necessary\'"',
                  "https://www.sweepsify.com/dictionary/illegal-lottery/", "S"),
        Reference('Promotion Activators: alternate method of entry, "offer an alternate free method" with "equal dignity"',
                  "https://promotionactivators.com/alternate-method-of-entry/", "S"),
        Reference('Fla. Stat. §849.094: unlawful to require an "entry fee, payment, or proof of purchase" in a game promotion',
                  "https://instalawyer.io/laws/florida-statutes/849094-game-promotion-in", "V"),
    )

    def check(self, scenario, context):
        if scenario.prize.draw not in CHANCE_DRAWS:
            return
        paid = list(_paid_steps(scenario))
        if not paid:
            return
        entry = scenario.entry
        steps = " and ".join(_describe(i, step) for i, step in paid)
        first = paid[0][0]
        if not (entry.free_alternative or "").strip():
            yield self.violation(
                f"entry.steps[{first}]",
                f"the {scenario.prize.draw.replace('_', ' ')} draw asks entrants to pay in {steps} and offers no free way to enter: "
                "prize + chance + consideration is an illegal lottery in the US",
                "Add a free alternate method of entry with the same chance to win (entry.free_alternative) and say \"no purchase "
                "necessary\" in the rules, or choose winners by judged skill instead of chance.",
            )
            return
        if entry.free_alternative_equal is False:
            yield self.violation(
                "entry.free_alternative_equal",
                f"the free way to enter (\"{entry.free_alternative}\") gives fewer chances than paying in {steps}; a US alternate "
                "method of entry must have equal dignity",
                "Give free entrants the same number of entries and the same odds as paying ones.",
            )
        if "free_route" not in scenario.terms.discloses:
            yield self.violation(
                "terms.discloses",
                "the terms do not state the free way to enter; US sweepstakes rules must say \"no purchase necessary\" and how to enter free",
                "State \"No purchase necessary\" and describe the free method in the official rules, then add \"free_route\" to terms.discloses.",
            )
