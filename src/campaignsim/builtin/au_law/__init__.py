"""Australian law pack: state and territory trade-promotion lottery permits (AU…)."""

from campaignsim.builtin._pack import rules_hook


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, ("au001", "au002", "au003",))
