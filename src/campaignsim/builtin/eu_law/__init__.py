"""EU law pack: GDPR consent (EU…)."""

from campaignsim.builtin._pack import rules_hook


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, ("eu001",))
