"""The numbers and lists of Chinese law that the CN-LAW rules judge by, each with its source.

Verification (see the rule catalogue): V official text seen, S secondary source, S- weak, U none.
"""

# AUCL 2019 Art. 10(3): 抽奖式的有奖销售，最高奖的金额超过五万元 is banned; non-cash prizes are valued
# 按照同期市场同类商品的价格 (Interim Provisions). Fujian AMR Q&A [S18] — V. Whether the 2025 revision
# (in force 2025-10-15 [S19]) keeps the figure: U.
LOTTERY_TOP_PRIZE_MAX_CNY = 50_000

# AUCL Art. 22: fine of 50,000 to 500,000 CNY for an over-cap lottery [S18] — S.
AUCL_FINE_MIN_CNY = 50_000
AUCL_FINE_MAX_CNY = 500_000

# Draw kinds that are 抽奖式 (lottery-style): winners by chance, instant wins included.
CHANCE_DRAWS = ("random", "instant_win")

# PIPL Art. 31: personal information of a minor under 14 needs a guardian's consent — S (secondary
# summaries only).
GUARDIAN_CONSENT_BELOW_AGE = 14

# Form fields a giveaway never needs from every entrant: PIPL Art. 6 limits collection to 限于实现处理
# 目的的最小范围 [S23] — V. Which fields count is this pack's judgement (the kinds PIPL calls sensitive:
# identity documents, financial accounts, biometrics, health, religion, whereabouts), matched against
# the form field names as written, case-insensitively.
SENSITIVE_FORM_FIELDS = (
    "id_number", "id_card", "passport", "bank_card", "bank_account", "face", "photo_id", "fingerprint",
    "biometrics", "health", "religion", "location", "precise_location",
)

# Interim Provisions on Regulating Promotional Activities (规范促销行为暂行规定, SAMR Order 32, 2020)
# Arts. 13–14 [S20] — S: what a prize promotion must announce before it starts, as `terms.discloses`
# items. Each entry: (what the law names, disclosure items any one of which covers it).
PROMOTION_NOTICE = (
    ("prize types", ("prize_types",)),
    ("entry conditions", ("entry_conditions",)),
    ("entry method", ("entry_method", "how_to_enter")),
    ("prize names", ("prize_names",)),
    ("prize quantity", ("prize_quantity",)),
    ("prize amount or price", ("prize_value",)),
    ("redemption time, conditions and method", ("redemption",)),
    ("delivery method", ("delivery_method",)),
    ("forfeit conditions", ("forfeit_conditions",)),
    ("organiser and contact", ("organiser",)),
)
# Only where winners are drawn: the draw's time and method, and (for chance draws) the odds.
PROMOTION_NOTICE_DRAWN = (
    ("draw time", ("draw_time",)),
    ("draw method", ("draw_method",)),
)
PROMOTION_NOTICE_CHANCE = (("odds of winning", ("odds",)),)
# Vouchers and points as prizes: also the exchange rules, scope and validity (Art. 14) [S20] — S.
PROMOTION_NOTICE_VOUCHERS = (
    ("exchange rules", ("exchange_rules",)),
    ("where the voucher can be used", ("voucher_scope",)),
    ("voucher validity", ("voucher_validity",)),
)

# Advertising Law Art. 8: an ad that offers a gift must state 品种、规格、数量、期限和方式 — V.
AD_GIFT_DETAILS = ("variety", "spec", "quantity", "period", "method")

# Words in `prize.draw_method` that mean winners are picked by people, not by a verifiable process —
# the opening for 内定 (pre-selected winners). This pack's heuristic, not a legal list.
MANUAL_DRAW_WORDS = ("manual", "by hand", "hand-pick", "handpick", "hand pick", "we pick", "we choose", "we select",
                     "人工", "手动", "挑选", "内定")
