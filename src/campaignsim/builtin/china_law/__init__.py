"""China law pack: Anti-Unfair Competition Law, promotion provisions, advertising law, PIPL (CN-LAW…)."""

from campaignsim.builtin._pack import rules_hook


# The pack's rules, one module each, imported when the hook is called.
campaignsim_rules = rules_hook(__name__, (
    "cn_law001", "cn_law002", "cn_law003", "cn_law004", "cn_law005", "cn_law006", "cn_law007",
    "cn_law008", "cn_law009", "cn_law010", "cn_law011", "cn_law012", "cn_law013",
))
