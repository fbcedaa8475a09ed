from campaignsim.builtin.au_law._permits import StatePermitRule
from campaignsim.builtin.au_law.limits import ACT


class TradePromotionPermitACT(StatePermitRule):
    """The ACT trade promotion permit for chance promotions over the state's prize threshold."""

    state = ACT
    code = "AU002"
    name = "au-act-trade-promotion-permit"
