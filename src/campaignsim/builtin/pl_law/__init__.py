"""Polish law pack: promotional lotteries under the Gambling Act (PL…)."""

from campaignsim.builtin._pack import rules_in
from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_rules():
    return rules_in(__name__)
