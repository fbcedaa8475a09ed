from datetime import timedelta

from campaignsim.builtin.general.limits import CADENCE_EXEMPT_CHANNELS, FOLLOWER_TOLERANCE
from campaignsim.lint.rule import Reference, Rule, RuleOption


def bursts(times, limit: int, window: timedelta):
    """Each burst of more than ``limit`` posts within ``window``, as (first, last) indexes into the sorted
    ``times``: the window starts at the first post that opens an over-limit window, and the search goes on
    after its last post, so one crowded day is reported once."""
    i = 0
    while i < len(times):
        j = i
        while j + 1 < len(times) and times[j + 1] - times[i] < window:
            j += 1
        if j - i + 1 > limit:
            yield i, j
            i = j + 1
        else:
            i += 1


def per_period(days: int) -> str:
    return "a day" if days == 1 else "a week" if days == 7 else f"per {days} days"


def window_name(days: int) -> str:
    return "24 hours" if days == 1 else f"{days} days"


class PostingCadence(Rule):
    """Followers tolerate only so many posts; a campaign that floods their feed loses them."""

    code = "GEN008"
    name = "posting-cadence"
    severity = "warning"
    reads = ("platform", "schedule")
    summary = "The schedule plans more posts in a day (or week) than the platform's followers tolerate from a brand."
    rationale = (
        "A campaign wants reminders, but every post beyond what followers are used to costs attention and followers: "
        "on Weibo brands are advised a few posts a day, on WeChat a few articles a week, and the unfollows after a burst "
        "of campaign posts outlast the campaign. The figures per platform are practice observations and assumptions, "
        "kept with their sources in `builtin/general/limits.py`; stories, ads and live streams are not counted. "
        "WeChat's hard mass-push caps are a separate rule (WX006)."
    )
    fail_example = "\n\n".join(f'[[schedule]]\nat = 2027-03-02T{hour:02d}:00:00+08:00' for hour in (9, 11, 13, 15, 17, 20))
    pass_example = "\n\n".join(f'[[schedule]]\nat = 2027-03-0{day}T12:00:00+08:00' for day in (1, 3, 5, 7))
    options = (
        RuleOption("max_posts", "int", None, "Posts allowed in the window (default: the platform's figure in "
                   "`builtin/general/limits.py`); setting it also judges platforms without a figure.", ge=1),
        RuleOption("window_days", "int", None, "The window in days (default: the platform's; 1 where the platform has no figure).", ge=1),
    )
    references = (
        Reference("KAWO research via TalkCMO: content should be shared on Weibo 2–4 times per day, on WeChat only when "
                  "there is great content", "https://talkcmo.com/quick-bytes/weibo-and-wechat-get-68-of-their-reads-from-pushing-content-to-existing-followers/", "S-"),
        Reference("L2 Social Platform Study 2014: brands post on average three times a week on WeChat",
                  "https://www.l2inc.com/daily-insights/auto-personal-care-brands-are-most-engaged-on-wechat", "S"),
        Reference("Hootsuite, How often to post on social media (copy): Instagram 3–7 a week, Facebook 1–2 a day, "
                  "Twitter 1–5 a day", "https://tmp.4pmtech.com/kak-chasto-publikovat-soobshheniya-v-soczialnyh-setyah-v-2023-godu", "S-"),
        Reference("Buffer/SumAll: Facebook 2 posts a day at most before likes and comments drop; Twitter engagement "
                  "falls after the third tweet", "https://news.dmaillard.com/social-media/how-often-should-you-post-on-social-media", "S-"),
        Reference("Posting-frequency tables compiled from Sprout Social, HubSpot, Buffer, Later and Hootsuite (TikTok 1–4 a day)",
                  "https://www.fb0t.com/securebot/blog/guides/how-often-to-post-social-media", "S-"),
        Reference("Douyin and Xiaohongshu follower tolerance: no source found; assumptions", None, "U"),
    )

    def check(self, scenario, context):
        spec = context.platform(scenario.platform.name)
        platform = spec.name if spec is not None else scenario.platform.name
        limit, days, _source = FOLLOWER_TOLERANCE.get(platform, (None, 1, ""))
        limit, days = self.option(context, "max_posts") or limit, self.option(context, "window_days") or days
        if limit is None:
            return  # no figure for this platform: nothing to judge by
        title = spec.title if spec is not None else platform
        if len(scenario.schedule) <= limit:
            return  # too few posts to crowd any window, whichever are counted
        counted = sorted((post.at, i) for i, post in enumerate(scenario.schedule) if post.channel not in CADENCE_EXEMPT_CHANNELS)
        if len(counted) <= limit:
            return  # too few posts to crowd any window
        times = [at for at, _ in counted]
        for first, last in bursts(times, limit, timedelta(days=days)):
            excess = counted[first + limit][1]  # the first post over the line is the one to move
            n = last - first + 1
            start = times[first].strftime("%Y-%m-%d %H:%M")
            yield self.violation(
                f"schedule[{excess}]",
                f"{n} posts within {window_name(days)} from {start} (schedule[{counted[first][1]}] to "
                f"schedule[{counted[last][1]}]); {title} followers tolerate about {limit} {per_period(days)} from a brand",
                f"Spread the posts out or drop {n - limit}: at most {limit} in any {window_name(days)}. For extra reminders "
                "use stories, a pinned post or replies under the campaign post.",
            )
