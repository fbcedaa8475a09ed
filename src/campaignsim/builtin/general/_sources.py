"""Sources cited by several general rules, with the verification status of the rule catalogue
(V official text seen, S secondary source, S- weak secondary, U not found)."""

from campaignsim.lint.rule import Reference

INTERIM_PROVISIONS = Reference(
    "规范促销行为暂行规定 (Interim Provisions on Regulating Promotional Activities, SAMR Order 32, 2020), Arts. 13–14: "
    "开奖时间、开奖方式…弃奖条件、主办方及其联系方式 must be announced before the promotion",
    "http://m.icesherry.com/culture/whzl/wlpf/725.html", "S",
)
WEIBO_CONDUCT_RULES = Reference(
    "微博商业行为规范办法 (Weibo business conduct rules), 2020 rev., Art. 2: rules, prizes and draw time must be "
    "described accurately and clearly; prizes handed over in one go after the draw",
    "https://web.aigexing.com/shenghuo/373292.html", "S",
)
WEIBO_DELIVERY = Reference(
    "Weibo lottery platform 发奖说明 (prize-delivery instructions): physical prizes within 30 natural days of the draw, "
    "claim window not shorter than 5 natural days, tracking numbers uploaded",
    "https://hdmsmy.com/4e9cf8677a1b1cb3/d6c6225557c7f799.html", "S",
)
XHS_LOTTERY = Reference(
    "Xiaohongshu lottery tool rules: prizes shipped post-free within 30 days of the draw",
    "https://asjzyw.com/youzhi/136958.html", "S-",
)
NY_GBL_369E = Reference(
    "New York General Business Law §369-e: games of chance over $5,000 file a list of winners within 90 days",
    "https://www.dos.ny.gov/corps/gamesofchance.html", "V",
)
CAP_8_17 = Reference(
    "CAP Code 8.17: significant conditions, including the promoter's name and address and the closing date "
    "(8.17.4.b prize promotions 'always need a closing date')",
    "https://asa.org.uk/advice-online/promotional-marketing-prize-draws-in-social-media.html", "V",
)
ASA_PRIZE_WINNERS = Reference(
    "ASA advice, Promotional marketing: prize winners — 'how and when winners will be notified (Code rule 8.28.4)'; "
    "time limits on claiming prizes must be made clear",
    "https://www.asa.org.uk/advice-online/promotional-marketing-prize-winners.html", "V", checked="2026-12",
)
CAP_8_28_5_SUSPENDED = Reference(
    "CAP 8.28.5 (publishing winners' names) not enforced pending GDPR guidance: publish masked names",
    "https://www.wiggin.co.uk/insight/committees-of-advertising-practice-publish-online-advice-notes-on-promotional-marketing/",
    "S",
)
FAILED_DELIVERY_CASES = Reference(
    "Himalaya 2020: drawn Huawei P40 phones never delivered (\"setting error\"), 'fake lottery to earn traffic' backlash",
    "https://twhosting.com/is-winning-huawei-mobile-phone-an-empty-joy-netizens-query-himalayan-fake-lottery-to-earn-traffic/",
    "S",
)
CAP_8_28_5 = Reference(
    "CAP Code 8.28.5 as amended 14 March 2019: promoters must \"either publish or make available on request\" information that "
    "indicates a valid award took place (ordinarily the surname and county of major prizewinners), and \"at or before the time of "
    "entry\" inform entrants and \"give them the opportunity to object\"",
    "https://www.asa.org.uk/type/non_broadcast/code_section/08.html", "S", checked="2026-12",
)
CAP_8_28_5_AMENDMENT = Reference(
    "Amendment of CAP 8.28.5 in force 14 March 2019 (surname and county, published or made available, with a right to object): "
    "DLA Piper and Eaton-Smith summaries of the rule text",
    "https://mse.dlapiper.com/post/102fikv/publication-of-winner-details-the-asa-rule-change-following-the-consultation", "S",
    checked="2026-12",
)
