"""Portuguese law pack: advertising draws and contests under Decreto-Lei 422/89 (PT…)."""

from campaignsim.builtin._pack import rules_in
from campaignsim.plugin import hookimpl


@hookimpl
def campaignsim_rules():
    return rules_in(__name__)
