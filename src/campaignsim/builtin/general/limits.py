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

# The same line for judged contests, in days. Assumption [U]: judging entries (photos, essays, videos) by a panel
# normally takes about a week, and announcing the result a few days more; two weeks in total is what entrants of a
# judged contest expect, where a random draw has no reason to wait.
MAX_DAYS_TO_LEARN_WINNERS_JUDGED = 14

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

# -- Restricted prizes and age gates --------------------------------------------------------------
# Each entry: (minimum age, source). Checked 2026-12.

ALCOHOL_MIN_AGE_DEFAULT = 18
"""Where no country figure below applies: 18 is the legal purchase age for alcohol in most countries (WHO Global status
report on alcohol and health, country profiles [S]). A prize of alcohol to someone who may not buy it is what South
Australia's lottery rules void: "the entry or participation of a person in a lottery which includes a prize of ... goods or
services that the person, by reason of his or her age, would not otherwise be permitted to purchase is void" (Lottery and
Gaming Regulations 2008 (SA) r. 32(b), http://corrigan.austlii.edu.au/au/legis/sa/consol_reg//lagr2008299/s32.html [S])."""

ALCOHOL_MIN_AGE = {
    "US": (21, "National Minimum Drinking Age Act, 23 U.S.C. §158 (21 in every state); Maryland COMAR 03.02.05.08 B(1): "
               "\"Sweepstakes and contest participants shall be of legal drinking age\" "
               "http://www.dsd.state.md.us/comar/comarhtml/03/03.02.05.08.htm [V, checked 2026-12]"),
    "JP": (20, "Japan: Act Prohibiting Minors from Drinking Alcohol, age 20 [S, checked 2026-12]"),
    "KR": (19, "Korea: Juvenile Protection Act, alcohol sales from 19 [S, checked 2026-12]"),
    "GB": (18, "CAP Code 8.4: \"Alcohol must not be available on promotion to anyone under 18\" "
               "https://www.asa.org.uk/type/non_broadcast/code_section/08.html [S: read in a copy, checked 2026-12]"),
    "CA": (19, "Canada: 19 in most provinces and the territories, 18 in Alberta, Manitoba and Quebec; a national "
               "promotion takes 19 [S, checked 2026-12]"),
    "CN": (18, "Minors Protection Law of the PRC (2020 rev.) Art. 59: 禁止向未成年人销售烟、酒、彩票 [S, checked 2026-12]"),
}

TOBACCO_MIN_AGE_DEFAULT = 18
TOBACCO_MIN_AGE = {
    "US": (21, "Federal Food, Drug, and Cosmetic Act §906(d)(5) (\"Tobacco 21\", 2019): no sale of tobacco products, "
               "e-cigarettes included, to anyone under 21 https://www.fda.gov/tobacco-products/retail-sales-tobacco-products/tobacco-21 [S, checked 2026-12]"),
    "CN": (18, "Minors Protection Law of the PRC (2020 rev.) Art. 59: 禁止向未成年人销售烟、酒、彩票 [S, checked 2026-12]"),
}
TOBACCO_GIVEAWAY_BANS = {
    "US": "21 CFR 1140.16(d): manufacturers, distributors and retailers may not distribute free samples of cigarettes, "
          "smokeless tobacco or other tobacco products (https://www.ecfr.gov/current/title-21/chapter-I/subchapter-K/part-1140) [S, checked 2026-12]",
    "EU": "Directive 2003/33/EC (tobacco advertising and sponsorship) and Directive 2014/40/EU Art. 20(5) ban commercial "
          "communications promoting tobacco and e-cigarettes in information society services [S, checked 2026-12]",
    "GB": "Tobacco Advertising and Promotion Act 2002: free distribution of tobacco products for promotion is an offence "
          "(s. 9) https://www.legislation.gov.uk/ukpga/2002/36 [S, checked 2026-12]",
    "CN": "Advertising Law of the PRC Art. 22: tobacco advertising is banned in mass media and public places, online included [S, checked 2026-12]",
    "AU": "Tobacco Advertising Prohibition Act 1992 (Cth) and state laws ban tobacco prizes in trade promotions [S, checked 2026-12]",
}

GAMBLING_MIN_AGE_DEFAULT = 18
"""UK Gambling Act 2005 s. 46: "A person commits an offence if he invites, causes or permits a child or young person to
gamble" (https://www.legislation.gov.uk/ukpga/2005/19/section/46 [S, checked 2026-12]); 18 is the gambling age across
the EU, Australia and Canada's provinces (19 in most) [S]."""
GAMBLING_MIN_AGE = {
    "US": (21, "Most US states set 21 for casino gambling and online casino credit (18 for some lotteries); 21 is the safe "
               "line for a national promotion [S, checked 2026-12]"),
    "GB": (18, "CAP Code 8.4: \"Alcohol must not be available on promotion to anyone under 18\" "
               "https://www.asa.org.uk/type/non_broadcast/code_section/08.html [S: read in a copy, checked 2026-12]"),
    "CA": (19, "Canada: 19 in most provinces (18 in Alberta, Manitoba and Quebec) [S, checked 2026-12]"),
}

WEAPON_SOURCES = (
    "18 U.S.C. §922: firearms change hands through a licensed dealer with a background check; handguns only to 21-year-olds "
    "from dealers [S, checked 2026-12]; South Australia's trade-promotion rules name firearms among prizes that may not be "
    "offered (LegalVision summary of the Lotteries Regulations) [S, checked 2026-12]; Meta's advertising and commerce "
    "policies ban promoting weapons and ammunition [S, checked 2026-12]"
)

PRESCRIPTION_SOURCES = (
    "Directive 2001/83/EC Art. 88(1): member states prohibit the advertising to the general public of medicinal products "
    "available on medical prescription only; Art. 96: free samples only to persons qualified to prescribe [S, checked 2026-12]; "
    "21 U.S.C. §353(b): prescription drugs are dispensed only on a practitioner's prescription [S, checked 2026-12]"
)

PLATFORM_MIN_AGE = {
    "instagram": (13, "Instagram Terms of Use FAQ: \"You must be at least 13 to use Instagram, even if your parent or guardian "
                      "approves\" https://about.instagram.com/blog/announcements/instagram-community-terms-of-use-faqs [V, checked 2026-12]"),
    "facebook": (13, "Meta Terms of Service: users must be at least 13 https://www.facebook.com/terms.php [S, checked 2026-12]"),
    "tiktok": (13, "TikTok Terms of Service: users must be at least 13 (14 in some countries) https://www.tiktok.com/legal/terms-of-service [S, checked 2026-12]"),
    "x": (13, "X Terms of Service: \"you must be at least 13 years old to use the Services\" https://x.com/en/tos [S, checked 2026-12]"),
}
"""The youngest age each platform lets hold an account: a promotion open to younger entrants invites people who may not be
on the platform at all. Platforms without a figure here are not judged."""

CN_MINORS_RESTRICTED = ("alcohol", "tobacco", "vape", "lottery_ticket", "gambling")
"""Minors Protection Law of the PRC (2020 rev.) Art. 59: \"禁止向未成年人销售烟、酒、彩票或者兑付彩票奖金\" (no tobacco, alcohol or
lottery tickets to minors, no lottery winnings paid to them) http://www.npc.gov.cn/npc/c2/c30834/202010/t20201017_308282.html
[S, checked 2026-12]; e-cigarettes are treated as tobacco (Tobacco Monopoly Law implementing regulations, 2021 amendment) [S]."""
CN_ADULT_AGE = 18
CN_ONLINE_MINOR_AGE = 14
"""PIPL Art. 31: personal information of minors under 14 is sensitive and needs a guardian's consent [V, see CN-LAW007]."""

CN_LIVE_GIFT_MINORS = (
    "中央文明办、文化和旅游部、国家广播电视总局、国家互联网信息办公室《关于规范网络直播打赏 加强未成年人保护的意见》(2022-05): "
    "\"禁止未成年人参与直播打赏\" (minors may not tip or send paid gifts in live streams) "
    "http://www.cac.gov.cn/2022-05/07/c_1653537626423773.htm [S, checked 2026-12]"
)
"""A live draw that requires a paid gift asks minors for what the 2022 opinions forbid them."""
