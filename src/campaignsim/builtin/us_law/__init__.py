"""US law pack: lottery elements, state registration, FTC endorsement guidance (US…)."""

from campaignsim.builtin._pack import rules_hook


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, ("us001", "us002", "us003", "us004", "us005", "us006",))
