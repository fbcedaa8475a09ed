import functools
import re

from campaignsim.lint.rule import Enforcement, Reference, Rule

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_NON_WORD = re.compile(r"[^0-9a-z\u00c0-\uffff]+")


def words_of(topic: str) -> str:
    """A topic as space-separated lowercase words: "#RIPKobe" → "rip kobe", "#Typhoon_Doksuri" → "typhoon doksuri"."""
    return " " + _NON_WORD.sub(" ", _CAMEL.sub(" ", topic).lower()).strip() + " "


_KEY_GAPS = re.compile(r"[\s#＃]+")


def key_of(topic: str) -> str:
    """How topics compare: without #, spaces or case ("#Spring Tea#" equals "springtea")."""
    return _KEY_GAPS.sub("", topic).casefold()


@functools.lru_cache(maxsize=4096)
def _whole_word(keyword: str) -> re.Pattern:
    """The pattern of a Latin keyword as a whole word: compiled once, not per topic."""
    return re.compile(rf"(?<![0-9a-z]){re.escape(keyword)}(?:s|es)?(?![0-9a-z])")


def matches(keyword: str, topic: str) -> bool:
    """Latin keywords match whole words (plural -s/-es allowed), so "war" does not match "award";
    other scripts, written without spaces, match anywhere in the topic."""
    return _matches(keyword, topic, {})


def _matches(keyword: str, topic: str, forms: dict) -> bool:
    """:func:`matches`, with the topic's words and lowercase form kept in ``forms`` across keywords."""
    keyword = keyword.strip().lower()
    if not keyword:
        return False
    if keyword.isascii():
        words = forms.get("words")
        if words is None:
            words = forms["words"] = words_of(topic)
        return _whole_word(keyword).search(words) is not None
    lowered = forms.get("lower")
    if lowered is None:
        lowered = forms["lower"] = topic.lower()
    return keyword in lowered


def sensitive_match(topic: str, sensitive_topics: dict) -> tuple[str, str] | None:
    """The (category, keyword) a topic matches, or None."""
    forms: dict = {}
    for category, keywords in sorted(sensitive_topics.items()):
        for keyword in keywords:
            if _matches(keyword, topic, forms):
                return category, keyword
    return None


class HotTopicRisk(Rule):
    """Ride a trending topic only when it is about you, and never when it is about a tragedy."""

    code = "GEN009"
    name = "hot-topic-risk"
    severity = "warning"
    heuristic = True
    enforcement = Enforcement(kind="backlash", weight=1.0, source="[S] hot-topic posts deleted within a day after public outrage (4A广告网 2021; 红网 2025); how often outrage follows is an assumption [U]")
    reads = ("campaign", "content", "platform")
    summary = ("A hashtag or hot topic the campaign attaches itself to looks sensitive (a death, illness, disaster), or a "
               "trending topic it rides is unrelated to the brand.")
    rationale = (
        "Attaching a giveaway to a disaster or a death reads as profiting from grief: the Henan rainstorm posters of "
        "2021 and a shop opening \"on the Wenchuan earthquake anniversary\" in 2025 were deleted within a day after "
        "public outrage. Riding a trending topic the brand has nothing to do with is spam to the platform: Weibo "
        "names posting with hot-search words unrelated to the topic (蹭热搜) as a violation, punished by exclusion "
        "from search, muting or a ban. This rule is a heuristic: it matches the sensitive-topic keywords (the "
        "built-in list in `builtin/core/topics.py`, which plugins extend through the `campaignsim_sensitive_topics` "
        "hook) against hashtags and hot topics, and treats a trending topic as related when it is listed in "
        "`content.brand_related_topics` or contains the brand's name. The campaign's own hashtags are checked for "
        "sensitive words only: they are the campaign's to choose. Silence a false alarm with an ignore that says why."
    )
    fail_example = '[content]\nhot_topics = ["#TyphoonDoksuri"]\nhashtags = ["#SpringTeaDraw"]'
    pass_example = '[content]\nhashtags = ["#SpringTeaDraw"]\nbrand_related_topics = ["#SpringTeaDraw"]'
    references = (
        Reference("Weibo notice on hot-search riding (蹭热搜): posting hot-search words with unrelated content is punished "
                  "by search exclusion, muting or account closure", "https://www.jqknews.com/news/423173-Microblog_spam_marketing_and_other_information_with_hot_search_words_will_be_banned.html", "S"),
        Reference("4A广告网 2021: property developers' posters riding the Henan rainstorm condemned and withdrawn",
                  "https://www.4anet.com/p/05776e32361c44cf", "S"),
        Reference("红网 舆评 2025: milk-tea shop promoting its opening on the Wenchuan earthquake anniversary deletes the post",
                  "https://yuqing-wap.rednet.cn/content/646949/59/14960185.html", "S"),
    )

    def check(self, scenario, context):
        if not scenario.content.hot_topics and not scenario.content.hashtags:
            return  # most campaigns name no topic: nothing to judge
        related = {key_of(topic) for topic in scenario.content.brand_related_topics}
        brand = key_of(scenario.campaign.brand)
        sensitive_topics = context.sensitive_topics
        for field in ("hot_topics", "hashtags"):
            for i, topic in enumerate(getattr(scenario.content, field)):
                key = f"content.{field}[{i}]"
                found = sensitive_match(topic, sensitive_topics)
                if found:
                    category, keyword = found
                    yield self.violation(key, f"{topic} looks like a {category} topic (keyword \"{keyword}\"); a giveaway "
                                              "attached to it reads as profiting from it",
                                         f"Remove {topic} from the campaign posts; if the brand wants to show support, do it "
                                         "in a separate post with no prize, product or link.")
                elif field == "hot_topics" and key_of(topic) not in related and not (brand and brand in key_of(topic)):
                    penalty = " (Weibo punishes it as 蹭热搜)" if scenario.platform.name == "weibo" else ""
                    yield self.violation(key, f"trending topic {topic} is not marked as related to {scenario.campaign.brand}; "
                                              f"riding an unrelated topic reads as spam{penalty}",
                                         f"Use only topics about the brand or product; if {topic} is one, list it in "
                                         "content.brand_related_topics.")
