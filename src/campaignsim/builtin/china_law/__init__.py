"""China law pack: Anti-Unfair Competition Law, promotion provisions, advertising law, PIPL (CN-LAW…)."""

from campaignsim.builtin._pack import rules_in
from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_rules():
    return rules_in(__name__)
