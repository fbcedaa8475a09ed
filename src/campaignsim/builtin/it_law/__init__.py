"""Italian law pack: prize promotions under D.P.R. 430/2001 (concorsi a premio) (IT…)."""

from campaignsim.builtin._pack import rules_hook


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, ("it001", "it002", "it003", "it004",))
