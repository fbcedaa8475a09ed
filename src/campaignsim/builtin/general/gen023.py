from campaignsim.builtin.general.limits import CN_ADULT_AGE
from campaignsim.lint.rule import Reference, Rule

GIFT_ACTIONS = ("send_gift",)


class PaidGiftsFromMinorsInChina(Rule):
    """China forbids minors to tip or send paid gifts in live streams; a draw that requires one must exclude them."""

    code = "GEN023"
    name = "paid-gift-entry-open-to-minors-cn"
    severity = "error"
    jurisdictions = ("CN",)
    reads = ("entry", "prize", "audience")
    summary = "A live draw in China requires a paid gift (打赏) to enter and does not exclude minors."
    rationale = (
        "The 2022 opinions of the Central Civilisation Office, the Ministry of Culture and Tourism, NRTA and the CAC on live-"
        "stream tipping forbid minors to tip (禁止未成年人参与直播打赏), and the Minors Protection Law makes platforms and "
        "organisers responsible for keeping minors out of paid features. A draw that requires a paid gift asks minors for "
        "exactly that, on top of the gambling risk the platforms name. Limit entry to adults (18+) and say so, or drop the gift."
    )
    fail_example = '[campaign]\njurisdictions = ["CN"]\n\n[prize]\ngift_required = true'
    pass_example = '[campaign]\njurisdictions = ["CN"]\n\n[prize]\ngift_required = true\n\n[audience]\nmin_age = 18'
    references = (
        Reference("关于规范网络直播打赏 加强未成年人保护的意见 (2022): 禁止未成年人参与直播打赏",
                  "http://www.cac.gov.cn/2022-05/07/c_1653537626423773.htm", "S", checked="2026-12"),
        Reference("未成年人保护法 (2020 rev.) (Minors Protection Law)", "http://www.npc.gov.cn/npc/c2/c30834/202010/t20201017_308282.html",
                  "S", checked="2026-12"),
    )

    def check(self, scenario, context):
        gift_step = next((i for i, step in enumerate(scenario.entry.steps) if step.action in GIFT_ACTIONS and not step.optional), None)
        if not scenario.prize.gift_required and gift_step is None:
            return
        stated = scenario.audience.min_age
        if stated is not None and stated >= CN_ADULT_AGE:
            return
        who = "no minimum age is stated" if stated is None else f"{stated}-year-olds may enter"
        key = "prize.gift_required" if scenario.prize.gift_required else f"entry.steps[{gift_step}]"
        yield self.violation(
            key,
            f"entering requires a paid gift in the live stream and {who}; minors may not send paid gifts in live streams in China",
            f"Drop the paid gift from the entry (recommended), or limit entry to adults (audience.min_age = {CN_ADULT_AGE}) and "
            "state it in the rules.",
        )
