from campaignsim.builtin.au_law._permits import StatePermitRule
from campaignsim.builtin.au_law.limits import NSW


class TradePromotionAuthorityNSW(StatePermitRule):
    """The New South Wales trade promotion authority for chance promotions over the state's prize threshold."""

    state = NSW
    code = "AU001"
    name = "au-nsw-trade-promotion-permit"
