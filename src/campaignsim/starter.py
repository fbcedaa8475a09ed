"""Starter scenarios (``campaignsim new scenario``): a commented scenario for a platform and an entry
mechanic that lints without an error and runs.

Every offered platform × mechanic pair is tested (lint: no error finding; run: completes), so a
pair is offered only where the platform's rules allow the mechanic: Xiaohongshu forbids commenting
for a draw entry (XHS001), and its draws use the one-click draw tool instead.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Optional

import attrs

# -- what can be generated ------------------------------------------------------------------------


@attrs.frozen
class Mechanic:
    name: str
    title: str  # "commenting on the campaign post": what an entrant does, for the file's first comment
    steps: str  # the [[entry.steps]] tables, with comments
    kind: str = "giveaway"
    draw: str = "random"


@attrs.frozen
class Market:
    """Where a platform's campaign usually runs: the values that follow from it."""
    jurisdictions: tuple[str, ...]
    currency: str
    offset: str  # UTC offset of local time
    prize_name: str
    prize_value: int
    second_prize_name: str
    second_prize_value: int
    budget: int


CHINA = Market(("CN",), "CNY", "+08:00", "Tea gift box, 500 g", 268, "Ceramic travel tea set", 199, 12000)
USA = Market(("US",), "USD", "-05:00", "Coffee gift box, 1 lb", 40, "Branded travel mug", 25, 3000)


@attrs.frozen
class PlatformProfile:
    name: str
    title: str
    account: str
    account_note: str
    market: Market
    mechanics: tuple[str, ...]  # the first is the default
    platform_lines: str = ""  # further [platform] keys, with comments
    prize_lines: str = ""  # further [prize] keys
    terms_lines: str = ""  # further [terms] keys
    channel: str = "feed"  # how the schedule's posts go out
    announce_channel: str = "post"


MECHANICS = {
    "comment": Mechanic("comment", "commenting on the campaign post", '''\
# How to enter: the ordered steps an entrant must complete. One public action is the easiest entry
# to finish (GEN007 warns when entry takes over 5 minutes, over 3 steps, or under half would finish).
[entry]
max_entries_per_person = 1    # one entry per person, stated in the terms (X001)

[[entry.steps]]
action = "comment"            # `campaignsim explain comment` shows its effort, completion and sources
'''),
    "form": Mechanic("form", "filling in a short form", '''\
# How to enter: the ordered steps an entrant must complete. Each form field loses some entrants
# (GEN007); ask only what delivering a prize needs, never an ID number (CN-LAW007).
[entry]
max_entries_per_person = 1    # one entry per person, stated in the terms (X001)

[[entry.steps]]
action = "form"
fields = ["name", "email"]
marketing_opt_in = "optional"  # consent to marketing must not be a condition of entry (EU001)
'''),
    "ugc": Mechanic("ugc", "posting their own photo with the campaign hashtag, judged by a panel", '''\
# How to enter: the ordered steps an entrant must complete. Creating content takes most entrants
# far longer than a comment, so far fewer finish: GEN007 warns about it, and the simulation shows
# what it costs. The judged skill element makes this a contest, not a lottery.
[entry]
skill_element = true          # winners are judged on their entries, not drawn
max_entries_per_person = 1    # one entry per person, stated in the terms (X001)

[[entry.steps]]
action = "ugc_upload"
hashtag = "#MyBrandPhotoContest"  # US003: a hashtag entrants must use should say #contest or #sweepstakes
''', kind="contest", draw="judged"),
    "repost": Mechanic("repost", "reposting the campaign post (转发) with the Weibo draw tool", '''\
# How to enter: the ordered steps an entrant must complete. A repost drawn with Weibo's own lottery
# tool (@微博抽奖平台) is the platform's usual giveaway.
[entry]
max_entries_per_person = 1    # one entry per person, stated in the terms (X001)

[[entry.steps]]
action = "repost"
count = 1
'''),
    "join_draw": Mechanic("join_draw", "joining the platform's one-click draw tool", '''\
# How to enter: the ordered steps an entrant must complete. Xiaohongshu's draw tool is joined with
# one tap; its rules forbid making entrants follow, like, save, comment or share (XHS001).
[entry]
max_entries_per_person = 1    # one entry per person, stated in the terms (X001)

[[entry.steps]]
action = "join_draw"
'''),
}

_CN_COMMENTS = ("comment", "form", "ugc")
_US = ("comment", "form", "ugc")
PLATFORMS = {
    "wechat": PlatformProfile(
        "wechat", "WeChat", "subscription", "subscription, service, channels, group, mini_program, h5 or personal", CHINA, _CN_COMMENTS,
        platform_lines='''\
registered = 2017-06-01       # accounts registered from 2018-02-12 have no comments unless granted (WX005)
comments_enabled = true       # needed to enter by comment
''', channel="mass_push", announce_channel="article"),
    "weibo": PlatformProfile(
        "weibo", "Weibo", "blue_v", "personal, blue_v, orange_v or gold_v", CHINA, ("repost", "comment", "form", "ugc"),
        prize_lines='''\
draw_tool = "weibo_lottery"   # Weibo's lottery platform; cash prizes need it (WB003)
pre_filed = true              # prizes over 50,000 CNY in all need the draw filed in advance (WB001)
'''),
    "xiaohongshu": PlatformProfile(
        "xiaohongshu", "Xiaohongshu", "brand", "personal, brand or professional", CHINA, ("join_draw", "form", "ugc"),
        prize_lines='''\
draw_tool = "xhs_lottery"     # Xiaohongshu's own draw tool
'''),
    "douyin": PlatformProfile("douyin", "Douyin", "enterprise", "personal or enterprise", CHINA, ("form", "ugc")),
    "facebook": PlatformProfile(
        "facebook", "Facebook", "page", "page, group, event or personal", USA, _US,
        terms_lines='''\
platform_release = true       # the terms release Facebook from liability (META001)
platform_disclaimer = true    # and say it does not sponsor, endorse or administer the promotion
'''),
    "instagram": PlatformProfile(
        "instagram", "Instagram", "business", "business, creator or personal", USA, _US,
        terms_lines='''\
platform_release = true       # the terms release Instagram from liability (META001)
platform_disclaimer = true    # and say it does not sponsor, endorse or administer the promotion
'''),
    "tiktok": PlatformProfile("tiktok", "TikTok", "business", "business, creator or personal", USA, _US),
    "x": PlatformProfile("x", "X", "business", "personal, business or verified_organization", USA, _US),
}

DISCLOSURES_CN = ("prize_types", "prize_names", "prize_quantity", "prize_value", "odds", "entry_conditions", "entry_method",
                  "how_to_enter", "rules", "start_date", "closing_date", "draw_time", "draw_method", "redemption",
                  "delivery_method", "forfeit_conditions", "claim_window", "winner_notification", "eligibility",
                  "organiser", "privacy_notice", "postage")
DISCLOSURES_US = DISCLOSURES_CN + ("free_route", "restrictions", "promoter_address")


def offered() -> list[tuple[str, str]]:
    """Every platform × mechanic pair `new scenario` writes."""
    return [(p, m) for p, profile in PLATFORMS.items() for m in profile.mechanics]


# -- the file ------------------------------------------------------------------------------------


def _toml_list(values) -> str:
    return "[" + ", ".join(f'"{v}"' for v in values) + "]"


def _wrap_list(key: str, values, width: int = 100) -> str:
    lines, line = [], f"{key} = ["
    for i, value in enumerate(values):
        piece = f'"{value}"' + (", " if i < len(values) - 1 else "]")
        if len(line) + len(piece) > width:
            lines.append(line.rstrip())
            line = " " * (len(key) + 4)
        line += piece
    lines.append(line)
    return "\n".join(lines)


def starter_scenario(platform: str, mechanic: str, today: Optional[date] = None) -> str:
    """The starter scenario's text for a platform and a mechanic offered by :func:`offered`."""
    profile = PLATFORMS[platform]
    if mechanic not in profile.mechanics:
        raise ValueError(unavailable_message(platform, mechanic))
    how = MECHANICS[mechanic]
    market = profile.market
    today = today or date.today()
    start_day = today + timedelta(days=14 + (7 - today.weekday()) % 7)  # a Monday at least two weeks ahead
    start = datetime(start_day.year, start_day.month, start_day.day, 10)
    end = start + timedelta(days=7, hours=12)
    draw_at = end + timedelta(hours=16)

    def when(moment: datetime) -> str:
        return moment.strftime("%Y-%m-%dT%H:%M:%S") + market.offset

    judged = how.draw == "judged"
    tool = {"weibo_lottery": "Weibo's lottery platform", "xhs_lottery": "Xiaohongshu's draw tool"}.get(
        next((line.split('"')[1] for line in profile.prize_lines.splitlines() if line.startswith("draw_tool")), ""), "")
    if judged:
        draw_method = "a panel of three judges, one from outside the company, scores every entry on the published criteria"
    elif tool:
        draw_method = f"winners drawn at random among the valid entries by {tool}, the result published on the platform"
    else:
        draw_method = "entries numbered in posting order; winners drawn with random.org, recorded on video"
    disclosures = DISCLOSURES_US if market is USA else DISCLOSURES_CN
    content_lines = ("[content]\nad_label = true               # posts say #ad where the brand pays a creator (TT001)\n\n"
                     if market is USA else "")
    observer = ("independent_observer = true   # subjective judging needs an independent judge (UK002)" if judged
                else "verifiable = true             # a verifiably random process, or recorded (CN-LAW004, UK002)")
    import textwrap

    heading = "\n".join(textwrap.wrap(f"A starter {profile.title} {how.kind}: people enter by {how.title}.", 96,
                                      initial_indent="# ", subsequent_indent="# "))
    return f'''\
{heading}
# Written by `campaignsim new scenario --platform {platform} --mechanic {mechanic}`. Every value is a
# placeholder: replace names, dates, prizes and numbers with your campaign's. Then
#   campaignsim lint THIS_FILE      the rules: each finding names its rule; `campaignsim explain CODE`
#   campaignsim run THIS_FILE       lint, simulate and compare, with --report report.html to forward
# Keys left out take their defaults; docs/scenario.md lists them all.

[campaign]
name = "My {profile.title} {how.kind}"  # shown in reports
brand = "My Brand"            # who runs it
kind = "{how.kind}"
start = {when(start)}  # entries open: a date-time with its UTC offset
end = {when(end)}    # entries close
jurisdictions = {_toml_list(market.jurisdictions)}       # where entrants live; law rules apply by ISO code (CN, US, GB, US-NY, EU)
budget = {{ amount = {market.budget}, currency = "{market.currency}" }}  # prizes, ads and fees: gives the cost per entrant

[platform]
name = "{platform}"
account = "{profile.account}"  # {profile.account_note}
followers = 20000             # followers of the brand's account: the simulation's reach starts here
{profile.platform_lines}
[audience]
interest = 0.5                # mean interest in the brand among those reached, 0 to 1 (an assumption)

{how.steps}
[prize]
draw = "{how.draw}"           # random, first_come, judged, everyone or instant_win
draw_at = {when(draw_at)}  # after entries close (GEN014)
draw_method = "{draw_method}"
{observer}
excludes_staff = true         # staff, partners and their families cannot win
{profile.prize_lines}
[[prize.items]]
name = "{market.prize_name}"  # say exactly what the winner gets (GEN006)
value = {market.prize_value}
currency = "{market.currency}"
quantity = {3 if judged else 10}

[[prize.items]]
name = "{market.second_prize_name}"
value = {market.second_prize_value}
currency = "{market.currency}"
quantity = {5 if judged else 20}

# The promise to winners: the fulfilment rules (GEN001–GEN004, GEN011–GEN013) check each part.
[fulfilment]
announce_winners_within_days = 1
announce_channel = "{profile.announce_channel}"
public_winner_list = true
deliver_within_days = 14
claim_window_days = 7
unclaimed = "redraw"
owner = "Customer service team"  # who delivers the prizes
contact = "service@example.com"  # how entrants reach you
response_time_hours = 24
postage = "free"
tracking_numbers = true
delivery_track_record = 0.95  # share of past prizes delivered on time (GEN012)
records_kept_years = 2  # keep the rules, draw results and winners' records (China: at least 2 years, CN-LAW010)

[terms]
url = "https://example.com/{how.kind}-terms"
{_wrap_list("discloses", disclosures)}
multiple_accounts_rule = true  # people entering with several accounts are disqualified (X001)
{profile.terms_lines}
{content_lines}# The posts that carry the campaign: the simulation adds their reach.
[[schedule]]
at = {when(start)}
kind = "launch"
channel = "{profile.channel}"

[[schedule]]
at = {when(end - timedelta(days=1))}
kind = "reminder"
channel = "{profile.channel}"

[[schedule]]
at = {when(draw_at + timedelta(hours=2))}
kind = "winner_announcement"
channel = "{profile.channel}"
'''


def unavailable_message(platform: str, mechanic: str) -> str:
    profile = PLATFORMS[platform]
    reason = {("xiaohongshu", "comment"): ": Xiaohongshu's draw rules forbid commenting for a draw entry (XHS001)",
              ("douyin", "comment"): ": Douyin limits short videos that reward comments (DY005); run a comment draw in a live stream instead",
              }.get((platform, mechanic), "")
    return f"--mechanic {mechanic} is not offered for {platform}{reason}; choose {', '.join(profile.mechanics)}"
