"""Polish law pack: promotional lotteries under the Gambling Act (PL…)."""

from campaignsim.builtin._pack import rules_hook


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, ("pl001",))
