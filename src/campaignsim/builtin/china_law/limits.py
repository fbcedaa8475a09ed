"""The numbers and lists of Chinese law that the CN-LAW rules judge by, each with its source and quote.

Verification: V official text seen, S secondary source (a verbatim copy, a translation or a
commentary), S- weak, U none. Status checked 2026-12; the references themselves are in
``_sources.py``.
"""

# SAMR Order 32 (规范促销行为暂行规定, in force 2020-12-01), Art. 17: 抽奖式有奖销售最高奖的金额不得超过五万元 —
# S (press report of the order, [ORDER_32_PRESS]: the cap "由原来的5000元提高到5万元"). The AUCL says the same:
# 2019 text Art. 10(3) 抽奖式的有奖销售，最高奖的金额超过五万元 — V (Fujian market regulator); in the 2025
# revision (in force 2025-10-15) the article is renumbered Art. 11 — U (inferred, text not seen).
# Non-cash prizes count at their market price (同期市场同类商品的价格) — S.
LOTTERY_TOP_PRIZE_MAX_CNY = 50_000
# Order 32 Art. 17 also says when the top prize counts as above the cap — U: this wording was not in the
# parts of the copies that could be read on 2026-12; the reading is the compliance review's and
# matches the order as commonly quoted: 最高奖设置多个中奖者的，其中任意一个中奖者的最高奖金额超过五万元 — judged per winner;
# and 同一奖券或者购买一次商品具有两次或者两次以上获奖机会的，累计金额超过五万元 — when one ticket or one
# purchase carries several chances, what it can win adds up. CN-LAW001 therefore judges the most one
# winner can receive: the `prize.prizes_per_winner` most valuable units together (1 when unstated).
CAP_RULE_ARTICLE = "Order 32 Art. 17; AUCL Art. 11 (Art. 10 before the 2025 revision)"

# AUCL 2019 Art. 22: 处五万元以上五十万元以下的罚款 for a breach of the prize-sales article — S. The
# penalty article of the 2025 revision was not seen — U.
AUCL_FINE_MIN_CNY = 50_000
AUCL_FINE_MAX_CNY = 500_000

# Draw kinds that are 抽奖式 (lottery-style): winners by chance, instant wins included.
CHANCE_DRAWS = ("random", "instant_win")

# PIPL Art. 31: 处理不满十四周岁未成年人个人信息的，应当取得未成年人的父母或者其他监护人的同意 — S.
GUARDIAN_CONSENT_BELOW_AGE = 14

# Form fields that hold sensitive personal information (敏感个人信息). PIPL Art. 28: 敏感个人信息…包括生物识别、
# 宗教信仰、特定身份、医疗健康、金融账户、行踪轨迹等信息，以及不满十四周岁未成年人的个人信息 — S (copies of
# the law). Matched against form field names as written, case-insensitively. "Whereabouts" (行踪轨迹) is a
# trail of where someone has been: a city or a delivery address is not sensitive, a precise or
# continuous location is — so plain `location`/`city`/`address` are not on this list.
SENSITIVE_FORM_FIELDS = (
    "id_number", "id_card", "passport", "bank_card", "bank_account", "face", "photo_id", "fingerprint",
    "biometrics", "health", "medical", "religion", "precise_location", "gps", "location_history", "whereabouts",
)
# PIPL Art. 6: 收集个人信息，应当限于实现处理目的的最小范围 — S. No prize draw needs sensitive
# information from every entrant (CN-LAW007); where it is collected, Art. 29 applies:
# 只有在具有特定的目的和充分的必要性，并采取严格保护措施的情形下，个人信息处理者方可处理敏感个人信息;
# 处理敏感个人信息应当取得个人的单独同意 — and Art. 30: the notice also states 处理敏感个人信息的必要性以及
# 对个人权益的影响 (CN-LAW011) — S.

# PIPL Art. 38: to provide personal information abroad a processor needs one of a CAC security
# assessment (安全评估), a personal-information-protection certification (认证), the CAC standard contract
# (标准合同) or another condition set by law; Art. 39: 应当向个人告知境外接收方的名称或者姓名、联系方式、
# 处理目的、处理方式、个人信息的种类…并取得个人的单独同意 — S (copies with commentary). CN-LAW012.
TRANSFER_MECHANISMS = ("security_assessment", "certification", "standard_contract", "exempt")

# PIPL Art. 16: 个人信息处理者不得以个人不同意处理其个人信息或者撤回同意为由，拒绝提供产品或者服务；
# 处理个人信息属于提供产品或者服务所必需的除外 — S. Marketing consent is not needed to run a draw (CN-LAW013).

# Order 32 Art. 13 — S (verbatim copy and translation): 经营者在有奖销售前，应当明确公布奖项种类、参与条件、
# 参与方式、开奖时间、开奖方式、奖金金额或者奖品价格、奖品品名、奖品种类、奖品数量或者中奖概率、兑奖时间、兑奖
# 条件、兑奖方式、奖品交付方式、弃奖条件、主办方及其联系方式等信息，不得变更，不得附加条件，不得影响兑奖，
# 但是有利于消费者的除外. Each item below is one of the article's, as `terms.discloses` items; any one of an
# entry's items covers it. The article asks for the prize quantity OR the odds (奖品数量或者中奖概率): the
# 2020 text replaced the old "odds" requirement with this choice.
PROMOTION_NOTICE = (
    ("prize tiers and kinds (奖项种类, 奖品种类)", ("prize_types",)),
    ("entry conditions (参与条件)", ("entry_conditions",)),
    ("entry method (参与方式)", ("entry_method", "how_to_enter")),
    ("prize names (奖品品名)", ("prize_names",)),
    ("prize quantity or odds of winning (奖品数量或者中奖概率)", ("prize_quantity", "odds")),
    ("prize amount or price (奖金金额或者奖品价格)", ("prize_value",)),
    ("redemption time, conditions and method (兑奖时间、兑奖条件、兑奖方式)", ("redemption",)),
    ("delivery method (奖品交付方式)", ("delivery_method",)),
    ("forfeit conditions (弃奖条件)", ("forfeit_conditions",)),
    ("organiser and contact (主办方及其联系方式)", ("organiser",)),
)
# Only where winners are drawn (抽奖式): when and how the draw is made. A promotion where everyone who
# qualifies gets the gift (附赠式) has no draw to announce.
PROMOTION_NOTICE_DRAWN = (
    ("draw time (开奖时间)", ("draw_time",)),
    ("draw method (开奖方式)", ("draw_method",)),
)
# Order 32 Art. 14 — S: 奖品为积分、礼券、兑换券、代金券等形式的，应当公布兑换规则、使用范围、有效期限以及其他
# 限制性条件等详细内容；需要向其他经营者兑换的，应当公布其他经营者的名称、兑换地点或者兑换途径.
PROMOTION_NOTICE_VOUCHERS = (
    ("exchange rules (兑换规则)", ("exchange_rules",)),
    ("where the voucher can be used (使用范围)", ("voucher_scope",)),
    ("voucher validity (有效期限)", ("voucher_validity",)),
    ("other restrictions (其他限制性条件)", ("restrictions",)),
)

# Order 32 Art. 13, second paragraph — S (rule catalogue [S20]): 在现场即时开奖的有奖销售活动中，对超过五百元奖项的兑奖情况，应当
# 随时公示 — in an instant-win promotion, redemptions of prizes worth more than 500 CNY are shown
# publicly as they happen (CN-LAW009).
INSTANT_WIN_DISPLAY_ABOVE_CNY = 500

# Order 32 Art. 18 — S (rule catalogue [S20], a commentary on the order): 经营者应当建立档案，如实、准确、完整地记录设奖规则、公示信息、
# 兑奖结果、获奖人员等内容，妥善保存二年并依法接受监督检查 — records of the prize rules, announcements,
# redemption results and winners, kept two years (CN-LAW010).
RECORDS_KEPT_MIN_YEARS = 2

# Advertising Law Art. 8: an ad that offers a gift must state 品种、规格、数量、期限和方式 — V.
AD_GIFT_DETAILS = ("variety", "spec", "quantity", "period", "method")

# Order 32 Art. 16 — S: 经营者进行有奖销售，不得采用让内部员工、指定单位或者个人中奖等故意让内定人员中奖的
# 欺骗方式; AUCL (2019 Art. 10(2), V): 故意让内定人员中奖. What is banned is rigging — winners chosen in
# advance, insiders made to win — not staff taking part in a fair draw. CN-LAW004 reads the words of
# `prize.draw_method` as phrases, not single characters: the lists below are this pack's heuristic,
# not legal lists.
#
# Phrases that say the winners are fixed in advance: rigging, whatever else the method says.
RIGGED_DRAW_PHRASES = (
    "内定", "指定中奖", "预定中奖", "预先确定", "pre-selected", "preselected", "pre-chosen", "predetermined",
    "pre-determined", "chosen in advance", "picked in advance", "decided in advance",
)
# Phrases that say people pick the winners by judgement rather than by chance.
MANUAL_DRAW_PHRASES = (
    "by hand", "hand-pick", "handpick", "hand pick", "we pick", "we choose", "staff pick", "editor's pick",
    "team picks", "our favourite", "our favorite", "manually", "manual selection", "manual draw",
    "人工挑选", "人工抽取", "人工选择", "人工抽奖", "人工选出", "手动挑选", "手动抽取", "手动选择", "手工抽",
    "小编挑选", "小编选", "运营挑选", "我们挑选", "我们选出", "主观挑选", "翻牌子",
)
# Phrases that show the draw can be checked: chance by a tool or program, or a draw before a notary or
# on camera. A hand draw before a notary (公证) is verifiable; "we select winners at random with
# random.org" is a random draw.
VERIFIABLE_DRAW_PHRASES = (
    "random", "随机", "抽奖工具", "抽奖平台", "抽奖助手", "lottery tool", "draw tool", "福袋", "系统抽取",
    "系统自动", "程序抽取", "algorithm", "公证", "notary", "notarised", "notarized", "recorded", "录像", "录屏",
    "直播抽奖", "live-streamed", "livestreamed", "on camera", "摇号", "independent observer", "监督",
)
