"""The numbers the general rules judge by, each next to its source or marked as an assumption.

Verification (see the rule catalogue): V official text seen, S secondary source, S- weak, U none.
An assumption is a practice threshold nobody has published; change it here and every rule follows.
"""

# -- Draws and winners ----------------------------------------------------------------------------

# Draw kinds whose winners are picked at a moment after entries arrive (a draw or a judging), so
# a draw time and a draw method must be announced (Interim Provisions Art. 13: 开奖时间、开奖方式
# [S20] — S). First-come and instant-win prizes are decided as people enter; "everyone" has no winners
# to pick.
DRAWN_KINDS = ("random", "judged")
NO_WINNER_KINDS = ("everyone",)

# Longest entrants should wait after entries close to learn who won (draw delay + announcement
# delay), in days. Assumption [U]: no rule sets it for every platform; platform draw tools announce
# at the draw itself, and a week of silence after close is when "was there ever a draw?" posts start.
MAX_DAYS_TO_LEARN_WINNERS = 7

# -- Entrant support ------------------------------------------------------------------------------

# Slowest acceptable promised answer to an entrant's question or complaint, in hours. Assumption [U]
# for the exact figure: 72% of consumers who complain to a brand on Twitter expect an answer within an
# hour (Lithium / Millward Brown Digital 2013, n = 501 [S]); brands answered in 11.3 h on average
# (Sprout Social Index 2013 [S]). A day is the lenient end, beyond which complaints go public.
MAX_RESPONSE_HOURS = 24

# Share of the brand's past prizes delivered on time below which the delivery plan needs a second
# look, 0 to 1. Assumption [U]: no benchmark for giveaway fulfilment was found; 9 in 10 means one
# winner in ten of a past campaign has reason to complain in public.
MIN_DELIVERY_TRACK_RECORD = 0.9

# -- Entry friction -------------------------------------------------------------------------------
# The effort and completion of each action live with the action (builtin/core/actions.py); these are
# only the lines the friction rule draws. All three are assumptions [U]: the simulation anchors found
# no published completion rates for social actions; form research shows conversion falling from
# about 25% at 3 fields to 12% at 7 (HubSpot/Quicksprout/WPForms, via the simulation anchors [S]).

# Minutes of work a required entry may take before it counts as a chore.
MAX_ENTRY_MINUTES = 5.0
# Required steps before the entry counts as a chore (follow + like + comment is 3).
MAX_ENTRY_STEPS = 3
# Expected share of those who start the entry who finish it, below which the entry loses most of
# the people it attracts (share with 3 friends + screenshot is put at about 35% by the anchors).
MIN_ENTRY_COMPLETION = 0.5

# -- Posting cadence ------------------------------------------------------------------------------
# What followers tolerate from a brand account, per platform: (posts, days, source). A schedule with
# more posts than that in any window of that many days draws the warning. WeChat's hard mass-push caps
# are the WeChat pack's (WX006); this is the softer follower-tolerance line for every post kind.
FOLLOWER_TOLERANCE = {
    "weibo": (5, 1, "brands are advised 2–4 posts a day on Weibo (KAWO research via TalkCMO [S-]); "
                    "typical brand practice 1–5 a day"),
    "wechat": (5, 7, "brand official accounts post about 3 times a week on average (L2 Social Platform Study "
                     "2014 [S]); typical practice 1–5 a week"),
    "douyin": (4, 1, "assumption [U]: taken from the TikTok figure; no Douyin-specific study found"),
    "tiktok": (4, 1, "1–4 videos a day recommended (Sprout Social / Hootsuite figures compiled by FaceBot 2026 [S-])"),
    "xiaohongshu": (2, 1, "assumption [U]: no published cadence study for Xiaohongshu brand accounts"),
    "facebook": (2, 1, "at most 2 posts a day before likes and comments drop (SumAll/Buffer [S-]; Hootsuite 1–2 a day [S-])"),
    "instagram": (7, 7, "3–7 feed posts a week, no more than one a day (Hootsuite [S-])"),
    "x": (5, 1, "1–5 posts a day (Hootsuite [S-]); engagement per post falls after the third (Buffer/SumAll [S-])"),
}
# Channels that do not land in followers' feeds or inboxes as a post: they are left out of the count
# (assumption [U]: stories expire and sit apart from the feed; ads are bought reach, mostly of
# non-followers; a live stream is one event however long it runs).
CADENCE_EXEMPT_CHANNELS = ("story", "ad", "live")
