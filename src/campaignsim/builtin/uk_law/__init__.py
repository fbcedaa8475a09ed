"""UK law pack: CAP Code section 8 and the Gambling Act (UK…)."""

from campaignsim.builtin._pack import rules_hook


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, ("uk001", "uk002", "uk003", "uk004",))
