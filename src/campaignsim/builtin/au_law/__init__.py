"""Australian law pack: state and territory trade-promotion lottery permits (AU…)."""

from campaignsim.builtin._pack import rules_in
from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_rules():
    return rules_in(__name__)
