import functools
import re

from campaignsim.builtin.general._words import FILLER_WORDS, GENERIC_PRIZE_WORDS, SURPRISE_WORDS, VARIANT_WORDS
from campaignsim.lint.rule import Enforcement, Reference, Rule

_SEPARATORS = re.compile(r"[\s,.;:!?()\[\]/\-+*，。；：！？（）【】、]+")
_COUNT = re.compile(r"[x×]?\d+[x×]?")
_FILLER = frozenset(FILLER_WORDS)
_GENERIC = frozenset(GENERIC_PRIZE_WORDS)


@functools.lru_cache(maxsize=4096)
def vague_reason(name: str):
    """Why a prize name names no product, or None when it names one (remembered per name: campaigns
    reuse their prize names across variants and files)."""
    lowered = name.casefold()
    variant = _VARIANT.search(lowered)
    if variant:
        # "Mystery flavour", "随机口味": a random variant of a product; judge what is left as the product's name.
        rest = (lowered[: variant.start()] + " " + lowered[variant.end():]).strip()
        if _generic(rest):
            return f"names only a random variant (\"{variant.group(0).strip()}\"), not the product"
        lowered = rest
    for word in SURPRISE_WORDS:
        if word in lowered:
            return f"says \"{word}\": a surprise, not a named prize"
    if _generic(lowered):
        return "is a generic word, not a product"
    return None


def _generic(lowered: str) -> bool:
    words = [w for w in _SEPARATORS.split(lowered) if w and w not in _FILLER and not _COUNT.fullmatch(w)]
    return not words or " ".join(words) in _GENERIC or all(w in _GENERIC for w in words)


_VARIANT = re.compile(
    "(?:" + "|".join(re.escape(w) for w in sorted(SURPRISE_WORDS + ("random",), key=len, reverse=True)) + r")\s*"
    "(?:" + "|".join(re.escape(w) for w in sorted(VARIANT_WORDS, key=len, reverse=True)) + r")(?![a-z])"
)


class VagueOrMisdepictedPrize(Rule):
    """Name the prize exactly and show exactly that prize."""

    code = "GEN006"
    name = "vague-or-misdepicted-prize"
    severity = "warning"
    heuristic = True
    enforcement = Enforcement(kind="backlash", weight=0.5, source="[S] a misdepicted prize turned winners into public "
                              "complainants (MLB 2026 case report); how often, and half GEN009's weight, are assumptions [U]")
    reads = ("prize",)
    summary = "A prize is vague (\"surprise gift\", \"神秘礼品\") or its promotional image shows something else."
    rationale = (
        "Entrants judge a giveaway by its prize. A mystery prize invites the suspicion that it is worth nothing, "
        "and an image of a jacket for a keychain prize (MLB, 2026) is what turns winners into complainants. Chinese "
        "platform rules require prize names to be clear and objective (奖品名称必须清晰、客观). The name check is a "
        "heuristic: it flags names that promise a surprise or consist only of generic words such as \"gift\" or "
        "\"礼品\". A random variant of a named product is a product, not a surprise: \"Doritos mystery flavour, 150 g\" "
        "and \"乐事薯片 随机口味\" pass, while \"随机口味\" alone names no product. The image check uses "
        "`prize.items[].image_matches` as stated."
    )
    fail_example = '[[prize.items]]\nname = "Surprise gift"\nvalue = 50\ncurrency = "CNY"'
    pass_example = '[[prize.items]]\nname = "Tea gift box, 500 g"\nvalue = 298\ncurrency = "CNY"\nimage_matches = true'
    references = (
        Reference("视频号直播抽奖认定细则 (Channels live-draw rules): 奖品名称必须清晰、客观",
                  "http://shuaishou.com/school/infos70900.html", "S"),
        Reference("MLB 2026 giveaway: jacket pictured, keychain delivered (case report)",
                  "http://m.digipub.cc/dy/article/KJ8BDEHK053469LG.html?f=post1603_tab_news", "S"),
        Reference("Advertising Law of the PRC Art. 8: gifts offered in an ad must state variety, specification and quantity",
                  None, "V"),
    )

    def check(self, scenario, context):
        for i, item in enumerate(scenario.prize.items):
            reason = vague_reason(item.name)
            if reason:
                yield self.violation(f"prize.items[{i}].name", f"prize \"{item.name}\" {reason}",
                                     "Name the product, its size or model and quantity (e.g. \"Tea gift box, 500 g\"), "
                                     "and list what a gift set contains.")
            if item.image_matches is False:
                yield self.violation(f"prize.items[{i}].image_matches",
                                     f"the promotional image does not show the prize \"{item.name}\"",
                                     "Show the exact prize in the campaign image, or change the prize to the one pictured.")
