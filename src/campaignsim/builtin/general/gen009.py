import functools
import re

from campaignsim.builtin.core.topics import CONTEXT_WORDS, PLACES, SAFE_COMPOUNDS, SOLIDARITY
from campaignsim.lint.rule import Enforcement, Reference, Rule

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])")
_NON_WORD = re.compile(r"[^0-9a-z\u00c0-\uffff]+")

MEASURED = {"everyday": 100, "false_positives": 0, "sensitive": 67, "caught": 65}
"""GEN009 on the labelled list in tests/data/gen009_hashtags.csv (English and Chinese), measured by
tests/builtin/test_gen009_hashtags.py, which fails when these figures no longer match."""

HOLDOUT = {"everyday": 20, "false_positives": 0, "sensitive": 14, "caught": 12}
"""The part of that list written after the rule was built and not used to tune it (notes "holdout")."""


def words_of(topic: str) -> str:
    """A topic as space-separated lowercase words: "#RIPKobe" → "rip kobe", "#Typhoon_Doksuri" → "typhoon doksuri"."""
    return " " + _NON_WORD.sub(" ", _CAMEL.sub(" ", topic).lower()).strip() + " "


_KEY_GAPS = re.compile(r"[\s#＃]+")


def key_of(topic: str) -> str:
    """How topics compare: without #, spaces or case ("#Spring Tea#" equals "springtea")."""
    return _KEY_GAPS.sub("", topic).casefold()


@functools.lru_cache(maxsize=4096)
def _whole_word(keyword: str) -> re.Pattern:
    """The pattern of a Latin keyword as whole words (plural -s/-es allowed), so "war" does not match "award"."""
    keyword = words_of(keyword).strip()  # written as the topic is read: "MH370" and "mh370" are "mh 370"
    return re.compile(rf"(?<![0-9a-z]){re.escape(keyword)}(?:s|es)?(?![0-9a-z])")


class _Topic:
    """A topic's two searchable forms, with the everyday compounds (#ShootingStars, #价格战争#) taken out."""

    __slots__ = ("words", "text")

    def __init__(self, topic: str):
        words, text = words_of(topic), topic.lower()
        for safe in SAFE_COMPOUNDS:
            if safe.isascii():
                words = _whole_word(safe).sub(" ", words)
            else:
                text = text.replace(safe, " ")
        self.words, self.text = words, text


def _matches(keyword: str, topic: _Topic) -> bool:
    if not keyword:
        return False
    if keyword.isascii():
        return _whole_word(keyword).search(topic.words) is not None
    return keyword in topic.text


def _place_in(topic: _Topic) -> str | None:
    return next((place for place in PLACES if _matches(place, topic)), None)


@functools.lru_cache(maxsize=4096)
def _solidarity(topic: str) -> str | None:
    """"河南加油", "BostonStrong": a rallying word right after a place name."""
    parsed = _Topic(topic)
    for place in PLACES:
        if place.isascii():
            for word in SOLIDARITY["latin"]:
                if re.search(rf"(?<![0-9a-z]){re.escape(place)} {word}(?![0-9a-z])", parsed.words):
                    return f"{place} {word}"
            for word in SOLIDARITY["latin_before"]:
                if re.search(rf"(?<![0-9a-z]){word} {re.escape(place)}(?![0-9a-z])", parsed.words):
                    return f"{word} {place}"
        else:
            for word in SOLIDARITY["chinese"]:
                if place + word in parsed.text:
                    return place + word
    return None


def sensitive_match(topic: str, sensitive_topics: dict, strong_only: bool = False) -> tuple[str, str] | None:
    """The (category, phrase) that makes a topic sensitive, or None.

    A phrase from ``sensitive_topics`` (the built-in list and the plugins') counts on its own; a place followed by a
    rallying word counts as solidarity with a disaster; a context word ("storm", 暴雨) counts only next to a place
    name, and not at all when ``strong_only`` (the brand has said the topic is about it)."""
    parsed = _Topic(topic)
    for category, keywords in sorted(sensitive_topics.items()):
        for keyword in keywords:
            if _matches(keyword.strip().lower(), parsed):
                return category, keyword
    rally = _solidarity(topic)
    if rally:
        return "disaster-solidarity", rally
    if strong_only:
        return None
    for category, words in CONTEXT_WORDS.items():
        for word in words:
            if _matches(word, parsed):
                place = _place_in(parsed)
                if place:
                    return category, f"{place} … {word}" if word.isascii() else f"{place}…{word}"
    return None


class HotTopicRisk(Rule):
    """Ride a trending topic only when it is about you, and never when it is about a tragedy."""

    code = "GEN009"
    name = "hot-topic-risk"
    severity = "warning"
    heuristic = True
    enforcement = Enforcement(kind="backlash", weight=1.0, source="[S] hot-topic posts deleted within a day after public outrage (4A广告网 2021; 红网 2025); how often outrage follows is an assumption [U]")
    reads = ("campaign", "content", "platform")
    summary = ("A hashtag or hot topic the campaign attaches itself to is about a death, a disaster, a tragedy or a day of "
               "mourning, or a trending topic it rides is unrelated to the brand.")
    rationale = (
        "Attaching a giveaway to a disaster or a death reads as profiting from grief: the Henan rainstorm posters of "
        "2021 and a shop opening \"on the Wenchuan earthquake anniversary\" in 2025 were deleted within a day after "
        "public outrage. Riding a trending topic the brand has nothing to do with is spam to the platform: Weibo "
        "names posting with hot-search words unrelated to the topic (蹭热搜) as a violation, punished by exclusion "
        "from search, muting or a ban.\n\n"
        "This rule is a heuristic built from phrases and context, not single words. A topic is sensitive when it holds a "
        "phrase that is about a tragedy on its own (\"pray for\", \"never forget\", RIP, 公祭, 遇难, earthquake, MH370, "
        "Uvalde; the list is in `builtin/core/topics.py` and plugins extend it through the `campaignsim_sensitive_topics` "
        "hook), when a rallying word follows a place name (河南加油, BostonStrong; 中国加油 cheers a team and is not "
        "counted), or when a word that is as often a metaphor (storm, war, shooting, cancer, 暴雨, 战争, 住院) stands next "
        "to a place name (#TexasStorm, #郑州暴雨). Everyday compounds (#ShootingStars, #PerfectStorm, #RipCurl, "
        "#CancerSeason, #价格战争#, #暴雨级优惠#, #笑到住院#) are removed before matching. A topic listed in "
        "`content.brand_related_topics` is judged on the first two signals only: a fire-safety brand may use #TexasFire "
        "safety advice, but no brand owns a tragedy. A trending topic counts as related when it is listed there or "
        "contains the brand's name; the campaign's own hashtags are checked for sensitive content only.\n\n"
        f"Measured on the labelled list kept with the tests ({MEASURED['everyday']} everyday and {MEASURED['sensitive']} "
        f"sensitive hashtags in English and Chinese): {MEASURED['false_positives']} false positives among the everyday tags "
        f"and {MEASURED['caught']} of {MEASURED['sensitive']} sensitive tags caught "
        f"({100 * MEASURED['caught'] / MEASURED['sensitive']:.0f}%). Most of the list was written while the rule was built; on "
        f"the {HOLDOUT['everyday'] + HOLDOUT['sensitive']} tags added afterwards and not used to tune it, "
        f"{HOLDOUT['false_positives']} of {HOLDOUT['everyday']} everyday tags were flagged and {HOLDOUT['caught']} of "
        f"{HOLDOUT['sensitive']} sensitive ones caught: expect misses on tragedies known only by a place and an event word "
        "(#唐山打人事件#) and on tributes (#致敬逆行者#). Silence a false alarm with an ignore that says why, and report it."
    )
    fail_example = '[content]\nhot_topics = ["#TyphoonDoksuri"]\nhashtags = ["#SpringTeaDraw"]'
    pass_example = '[content]\nhashtags = ["#SpringTeaDraw", "#ShootingStars"]\nbrand_related_topics = ["#SpringTeaDraw"]'
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
                found = sensitive_match(topic, sensitive_topics, strong_only=key_of(topic) in related)
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
