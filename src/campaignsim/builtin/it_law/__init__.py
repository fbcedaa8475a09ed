"""Italian law pack: prize promotions under D.P.R. 430/2001 (concorsi a premio) (IT…)."""

from campaignsim.builtin._pack import rules_in
from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_rules():
    return rules_in(__name__)
