"""The sources the CN-LAW rules cite, each once: the primary text first, a copy only beside it.

Verification (``Reference.verified``): V official text seen, S the fact seen in a secondary source
(a verbatim copy, a translation or a commentary), S- weak, U not found. ``checked`` is when the
status was last checked. The quotes the rules rely on are in ``limits.py`` next to their numbers.

Where a government page could not be opened from the stored copies available when this was
checked, the primary text is named and linked to the official database that publishes it, and the
status stays at what was actually seen (S for a verbatim copy), never V.
"""

from campaignsim.lint.rule import Reference

CHECKED = "2026-12"

# -- SAMR Order 32: 规范促销行为暂行规定 (Interim Provisions on Regulating Promotional Conduct) --------------
ORDER_32 = Reference(
    "规范促销行为暂行规定 (Interim Provisions on Regulating Promotional Conduct), SAMR Order No. 32 of 2020-10-29, "
    "in force 2020-12-01 — official text, published by the State Administration for Market Regulation",
    "https://www.samr.gov.cn/", "S", CHECKED,
)
ORDER_32_COPY = Reference(
    "Order 32, full Chinese text as published (verbatim copy: 第十三条 经营者在有奖销售前，应当明确公布…奖品数量或者中奖概率…)",
    "http://m.cyqtvpt.cn/xinwenzixun/xinzhengjiedu/310.html", "S", CHECKED,
)
ORDER_32_TRANSLATION = Reference(
    "Order 32, English translation (Interim Provisions on Regulating Sales Promotions, Order of the SAMR No. 32)",
    "https://www.lexiscn.com/law/law-english-1-3885584-T.html?eng=0", "S", CHECKED,
)
ORDER_32_ART_13_COMMENTARY = Reference(
    "Commentary on Order 32 Art. 13: 把“中奖概率”改为使用“奖品数量或者中奖概率”的表述，即披露奖品数量或中奖概率二者之一即可",
    "http://m.icesherry.com/culture/whzl/wlpf/725.html", "S", CHECKED,
)
ORDER_32_PRESS = Reference(
    "Economic Daily on Order 32 (2020-11-09): the Art. 13 list, 奖品数量或者中奖概率; lottery top prize raised from 5,000 to 50,000 CNY",
    "http://www.f2djj.com/news/2020/1109/2899.html", "S", CHECKED,
)

# -- Anti-Unfair Competition Law (反不正当竞争法) ---------------------------------------------------------
AUCL_2025 = Reference(
    "反不正当竞争法 (Anti-Unfair Competition Law), revised 2025-06-27, in force 2025-10-15 — official text in the "
    "National Database of Laws and Regulations (search 反不正当竞争法). The prize-sales article is Art. 11 (Art. 10 "
    "before the revision): the number is inferred from the revision's shift of one (false advertising Art. 8 → 9); "
    "the revised text itself was not seen",
    "https://flk.npc.gov.cn/", "U", CHECKED,
)
AUCL_2025_COMMENTARY = Reference(
    "Commentary on the 2025 revision: adopted 2025-06-27, in force 2025-10-15, restructured; false advertising now Art. 9",
    "http://www.xydpcl.com/article/detail/849", "S", CHECKED,
)
AUCL_2025_CHANGE_BAN = Reference(
    "Commentary on the 2025 revision: 有奖销售活动开始后无正当理由变更 is banned",
    "http://www.huiyelaw.com/news-4015.html", "S", CHECKED,
)
AUCL_2019_FUJIAN = Reference(
    "AUCL 2019 Art. 10, as quoted by the Fujian market regulator: 采用谎称有奖或者故意让内定人员中奖的欺骗方式…; "
    "抽奖式的有奖销售，最高奖的金额超过五万元",
    "http://fujian.gov.cn:85/gate/big5/www.fujian.gov.cn/hdjl/hdjlzsk/sscjdglj/jzzf/ldjg/202211/t20221125_6062404.htm",
    "V", CHECKED,
)
AUCL_2019_FINE = Reference(
    "AUCL 2019 Art. 22: 处五万元以上五十万元以下的罚款 for Art. 10 breaches (the 2025 penalty article not seen)",
    "https://laweer.com/question/6414f0f6e87d6.html", "S", CHECKED,
)

# -- Personal Information Protection Law (个人信息保护法, 2021) -------------------------------------------
PIPL = Reference(
    "个人信息保护法 (Personal Information Protection Law), 2021-08-20, in force 2021-11-01 — official text, NPC",
    "http://www.npc.gov.cn/npc/c30834/202108/a8c4e3672c74491a80b53a172bb753fe.shtml", "S", CHECKED,
)
PIPL_COPY = Reference(
    "PIPL full text (copy): Art. 6 最小范围, Art. 13, Art. 16, Art. 17 notice list",
    "https://wechat.estsglobal.com/wechat/law_contents/310", "S", CHECKED,
)
PIPL_ART_39_COMMENTARY = Reference(
    "PIPL Art. 39 with commentary: 向中华人民共和国境外提供个人信息的，应当向个人告知境外接收方的名称…并取得个人的单独同意",
    "https://laitimes.com/zh/article/6vxm8_7c9w1.html", "S", CHECKED,
)
PIPL_SEPARATE_CONSENT = Reference(
    "Commentary listing the PIPL's separate-consent (单独同意) cases, Art. 13 grounds quoted",
    "http://api.zqcn.com.cn/914/66171.html", "S", CHECKED,
)

# -- Advertising ----------------------------------------------------------------------------------------
ADVERTISING_LAW = Reference(
    "广告法 (Advertising Law), 2021 amendment — official text as published by SAMR: Art. 8 (gifts: 品种、规格、数量、"
    "期限和方式), Art. 14 (广告应当具有可识别性…显著标明“广告”)",
    "https://www.samr.gov.cn/zw/zfxxgk/fdzdgknr/fgs/art/2023/art_5474cf75173c45d6a0379730fb4e8d97.html", "S", CHECKED,
)
INTERNET_AD_MEASURES = Reference(
    "互联网广告管理办法 (Internet Advertising Measures, SAMR Order No. 72, 2023) Art. 9: 互联网广告应当具有可识别性…"
    "通过知识介绍、体验分享、消费测评等形式推销商品或者服务，并附加购物链接等购买方式的，广告发布者应当显著标明“广告”",
    "https://www.samr.gov.cn/", "S", CHECKED,
)
INTERNET_AD_CHECKLIST = Reference(
    "Checklist built on the Internet Advertising Measures: 通过知识介绍、体验分享、消费测评等形式推销商品或服务并附加购物链接的，显著标明\"广告\"",
    "https://raw.githubusercontent.com/ThomasMoreAI/legal-skills-open/main/cn/regulatory/skills/ad-compliance-review/references/15-互联网广告.md",
    "S", CHECKED,
)
