"""The Xiaohongshu numbers the XHS rules judge by, each with its source.

All come from secondary write-ups of the official draw tool's rules [S16], graded S- (weak: reworded
copies). Re-check the live rules before relying on them.
"""

# 奖品最高价值不能超过5W — the most valuable prize may not exceed 50,000 CNY [S16] — S-.
PRIZE_MAX_CNY = 50_000

# 最长不超过30天 — a draw runs at most 30 days [S16] — S-.
RUN_MAX_DAYS = 30

# 30天内…包邮寄送 — prizes are shipped, postage free, within 30 days of the draw [S16] — S-.
DELIVERY_MAX_DAYS = 30
