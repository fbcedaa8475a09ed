"""General pack: promise fulfilment and campaign practice rules for every platform (GEN…)."""

from campaignsim.builtin._pack import rules_hook


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, (
    "gen001", "gen002", "gen003", "gen004", "gen005", "gen006", "gen007", "gen008", "gen009",
    "gen010", "gen011", "gen012", "gen013", "gen014", "gen015", "gen016", "gen017", "gen018",
    "gen019", "gen020", "gen021", "gen022", "gen023",
))
