"""Portuguese law pack: advertising draws and contests under Decreto-Lei 422/89 (PT…)."""

from campaignsim.builtin._pack import rules_hook


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, ("pt001", "pt002",))
