"""What the DY rules judge Douyin campaigns by, each with its source.

Verification (see the rule catalogue): V official text seen, S secondary source, S- weak, U none.
"""

# 福袋是…唯一官方有奖互动平台 — the lucky bag (福袋) is said to be the only official prize tool in live
# streams [S17] — S-. `prize.draw_tool` names it so.
LUCKY_BAG_TOOL = "fudai"

# 不得以难以达到或无效的条件… — no conditions that are hard to meet or invalid [S17] — S-. Where "hard to
# meet" begins is this pack's assumption [U]: entry conditions that, by the entry actions' own
# completion estimates, fewer than 1 in 50 of those who start can complete.
HARD_TO_MEET_COMPLETION_BELOW = 0.02
