from campaignsim.builtin.general._ages import items_in
from campaignsim.builtin.general.limits import WEAPON_SOURCES
from campaignsim.lint.rule import Reference, Rule


class WeaponPrize(Rule):
    """Weapons do not travel by parcel to a random winner."""

    code = "GEN020"
    name = "weapon-prize"
    severity = "error"
    reads = ("prize",)
    summary = "A prize is a weapon (a firearm, ammunition, a blade or a crossbow)."
    rationale = (
        "A weapon cannot simply be shipped to whoever wins: in the US a firearm changes hands through a licensed dealer "
        "with a background check (handguns only to 21-year-olds), most other countries require a licence to own one at "
        "all, South Australia names firearms among prizes a trade promotion may not offer, and the platforms' commerce and "
        "advertising policies ban promoting weapons. A promotion that cannot deliver its prize lawfully is misleading from "
        f"the start. Sources: {WEAPON_SOURCES}."
    )
    fail_example = '[[prize.items]]\nname = "Hunting rifle"\nvalue = 900\ncurrency = "USD"\ncategory = "weapon"'
    pass_example = '[[prize.items]]\nname = "Binoculars, 10x42"\nvalue = 300\ncurrency = "USD"\ncategory = "physical"'
    references = (
        Reference("18 U.S.C. §922 (firearm transfers through licensed dealers, age limits)", "https://www.law.cornell.edu/uscode/text/18/922",
                  "S", checked="2026-12"),
        Reference("LegalVision: South Australian trade promotions may not offer tobacco products, firearms, dangerous items",
                  "https://legalvision.com.au/i-am-running-a-trade-promotion-in-south-australia-what-do-i-need-to-know/", "S", checked="2026-12"),
    )

    def check(self, scenario, context):
        for i, item in items_in(scenario.prize, ("weapon",)):
            yield self.violation(
                f"prize.items[{i}].category",
                f"prize \"{item.name}\" is a weapon: it cannot be delivered to a winner without a licensed transfer, and "
                "platforms ban promoting weapons",
                "Offer a voucher for a licensed shop only where the law allows it, with age and licence checks in the rules; "
                "otherwise choose another prize.",
            )
