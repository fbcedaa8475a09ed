"""Canadian law pack: Criminal Code lottery offences, Competition Act contest disclosure, Quebec's language duty (CA…)."""

from campaignsim.builtin._pack import rules_in
from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_rules():
    return rules_in(__name__)
