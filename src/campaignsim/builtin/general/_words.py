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

# A surprise word that qualifies one of these names a variant of a product (a mystery flavour of a named snack,
# 随机口味, a random colour of a named mug), not a surprise prize: the rest of the name must still name the product.
VARIANT_WORDS = ("flavour", "flavours", "flavor", "flavors", "colour", "colours", "color", "colors", "scent", "scents",
                 "style", "styles", "design", "designs", "pattern", "patterns", "edition", "size", "sizes", "shade", "shades",
                 "口味", "味", "颜色", "色", "款式", "款", "图案", "花色", "香型", "色号", "尺码", "造型")
