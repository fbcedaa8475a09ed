"""The WeChat numbers the WX rules judge by, each with its source.

Verification (see the rule catalogue): V official text seen, S secondary source, S- weak, U none.
"""

from datetime import date

# WeChat's notice of 2018-02-12 adjusting the comment (留言) function, as reported — S (checked 2026-12):
# 新注册的公众平台帐号将不再有留言功能。最近3个月内注册尚未使用留言功能的公众帐号也将没有留言功能 — accounts
# registered from the cutover have no comments, and accounts registered in the three months before it
# that had not used comments lost them too. (Comments had been opened to every account on 2017-12-06:
# 原创声明和留言功能作为基础功能，向所有公众号开放 — S.) Whether this was later relaxed: U.
COMMENTS_OFF_FOR_ACCOUNTS_FROM = date(2018, 2, 12)
COMMENTS_WITHDRAWN_IF_UNUSED_FROM = date(2017, 11, 12)

# Mass pushes (群发): 订阅号1天只能群发1条; 服务号1个月(按自然月)内可发送4条 — official FAQ, edited
# 2023-05-11 and marked "may be outdated" [S8] — V.
SUBSCRIPTION_PUSHES_PER_DAY = 1
SERVICE_PUSHES_PER_CALENDAR_MONTH = 4

# Groups: 微信群最多为500人; above 100 members joiners need real-name verification; above 40 an invitee
# must accept the invitation (WeChat 6.1.1 help) [S9] — S.
GROUP_MAX_MEMBERS = 500
GROUP_REAL_NAME_ABOVE = 100
GROUP_INVITE_ACCEPTANCE_ABOVE = 40

# Penalty for induced sharing and following (WeChat notice, 2014-12-30): a first offence bans the
# account for 30 days and deletes the induced followers; a second bans it for good [S5] — S.
FIRST_OFFENCE_BAN_DAYS = 30

# Channels live draws: 总价值…不得超过五万元 per round (视频号直播抽奖认定细则) [S11] — S.
CHANNELS_LIVE_DRAW_ROUND_MAX_CNY = 50_000
