from campaignsim.builtin.au_law._permits import StatePermitRule
from campaignsim.builtin.au_law.limits import SA


class TradePromotionLicenceSA(StatePermitRule):
    """The South Australia major trade promotion licence for chance promotions over the state's prize threshold."""

    state = SA
    code = "AU003"
    name = "au-sa-trade-promotion-permit"
