"""The Xiaohongshu numbers the XHS rules judge by, each with its source.

All come from secondary write-ups of the official draw tool's rules [S16], graded S- (weak: reworded
copies). Re-check the live rules before relying on them.
"""

# 奖品最高价值不能超过5W — the most valuable prize may not exceed 50,000 CNY [S16] — S-.
PRIZE_MAX_CNY = 50_000

# 最长不超过30天 — a draw runs at most 30 days [S16] — S-.
RUN_MAX_DAYS = 30

# 30天内…包邮寄送 — prizes are shipped, postage free, within 30 days of the draw [S16] — S-. Recent
# secondary pages are said to give 15 days; Xiaohongshu's own current figure could not be found
# (checked 2026-12): XHS004 reports a late delivery as a warning, the rule being uncertain.
DELIVERY_MAX_DAYS = 30

# The draw tool's other limits, as reported [S16] — S- (checked 2026-12): 企业号每月可抽3次，个人号每月可抽1次
# — 3 draws a month for business accounts, 1 for personal ones; 新版本最多可抽1000份奖品 — at most 1,000 prizes
# per draw; 中奖结束后的发布奖品必须上传快件单号 — a tracking number is uploaded for each prize sent.
DRAW_TOOL_MAX_PRIZES = 1000
DRAW_TOOL_DRAWS_PER_MONTH = {"brand": 3, "professional": 3, "personal": 1}

# 交易导流违规管理细则 (rules on diverting trade off the platform), in force 12 March 2025 as reported — S:
# 主动直接引导、暗示间接索取信息引导普通用户至私域或站外三方平台 … 视为违规导流; penalties from a warning to a
# permanent ban. The community rules ban contact details (微信、二维码) in notes and comments.
