"""The Weibo numbers the WB rules judge by, each with its source.

Verification (see the rule catalogue): V official text seen, S secondary source, S- weak, U none.
"""

# Weibo lottery, 2022 update: 单个奖项金额不得超过5万; 总价值超过5万…须提前报备，审核通过后方可发起 [S13] — S.
SINGLE_PRIZE_MAX_CNY = 50_000
# The 2020 business conduct rules capped a single prize at 5,000 CNY [S12] — S; shown to readers as history.
SINGLE_PRIZE_MAX_CNY_2020 = 5_000
PRE_FILING_REQUIRED_ABOVE_CNY = 50_000

# Lottery platform's 发奖说明 (prize-delivery instructions) [S14] — S:
# 开奖后30个自然日内发奖 — physical prizes sent within 30 natural days of the draw;
PHYSICAL_DELIVERY_MAX_DAYS = 30
# the claim window 不可…短于5个自然日 — may not be shorter than 5 natural days.
CLAIM_WINDOW_MIN_DAYS = 5

# 现金…必须使用@微博抽奖平台的现金抽奖方式 (business conduct rules Art. 8(2)) [S12] — S.
CASH_DRAW_TOOL = "weibo_lottery"
