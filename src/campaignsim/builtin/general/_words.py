"""Words that leave a prize unnamed (heuristic, used by GEN006): a name made only of these, or one that
promises a surprise, tells the entrant nothing about what they could win."""

# A name containing one of these hides what the prize is.
SURPRISE_WORDS = ("surprise", "mystery", "random gift", "random prize", "神秘", "惊喜", "随机")

# A name consisting only of these (after dropping punctuation, numbers and filler) names no product.
GENERIC_PRIZE_WORDS = (
    "gift", "gifts", "prize", "prizes", "reward", "rewards", "goodies", "freebie", "freebies", "swag", "merch",
    "gift box", "gift pack", "gift bag", "big gift", "bonus", "present", "presents", "souvenir",
    "礼品", "奖品", "礼物", "好礼", "大礼", "大礼包", "礼包", "福利", "周边", "纪念品", "精美礼品", "豪礼", "小礼物",
)
FILLER_WORDS = ("a", "an", "the", "one", "exclusive", "special", "fabulous", "amazing", "great", "nice", "lovely", "精美", "丰厚", "神级")
