"""Canadian law pack: Criminal Code lottery offences, Competition Act contest disclosure, Quebec's language duty (CA…)."""

from campaignsim.builtin._pack import rules_hook


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, ("ca001", "ca002", "ca003",))
