"""The Weibo numbers the WB rules judge by, each with its source.

Verification (see the rule catalogue): V official text seen, S secondary source, S- weak, U none.
"""

# Weibo lottery, 2022 update: 单个奖项金额不得超过5万; 总价值超过5万…须提前报备，审核通过后方可发起 [S13] — S.
SINGLE_PRIZE_MAX_CNY = 50_000
# The 2020 business conduct rules capped a single prize at 5,000 CNY [S12] — S; shown to readers as history.
SINGLE_PRIZE_MAX_CNY_2020 = 5_000
PRE_FILING_REQUIRED_ABOVE_CNY = 50_000

# Lottery platform's 发奖说明 (prize-delivery instructions), a copy of the platform's own page [S14] — S
# (checked 2026-12): 实物奖品(需要邮寄的)须在活动开奖后30个自然日内发奖 — physical prizes sent within 30
# natural days of the draw;
PHYSICAL_DELIVERY_MAX_DAYS = 30
# Some recent secondary pages say 奖品须在后15日内发放 — 15 days — S- (a question-and-answer page that also
# gives a 5,000 CNY single-prize cap contradicting the 2022 rules). The platform's own current figure
# could not be found (checked 2026-12): WB004 reports deliveries between the two as uncertain (info).
PHYSICAL_DELIVERY_REPORTED_DAYS = 15
# the claim window 不可…短于5个自然日 — may not be shorter than 5 natural days.
CLAIM_WINDOW_MIN_DAYS = 5

# 现金…必须使用@微博抽奖平台的现金抽奖方式 (business conduct rules Art. 8(2)) [S12] — S.
CASH_DRAW_TOOL = "weibo_lottery"
