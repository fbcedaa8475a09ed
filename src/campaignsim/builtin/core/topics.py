"""What marks a hashtag or hot topic as sensitive (heuristic, used by GEN009).

``SENSITIVE_TOPICS`` are phrases that are about a death, a disaster or a tragedy on their own, whatever
surrounds them: plugins extend them through the ``campaignsim_sensitive_topics`` hook. Words that are
as often a metaphor ("storm", "war", "cancer", 暴雨, 战争, 住院) are ``CONTEXT_WORDS``: they count only
next to a place name (``PLACES``: #TexasStorm, #UkraineWar, #郑州暴雨). ``SAFE_COMPOUNDS`` are everyday
phrases that contain a sensitive word (#ShootingStars, #RipCurl, #价格战争#) and are removed before
matching. ``SOLIDARITY`` suffixes after a place (河南加油, BostonStrong) are how people rally after a disaster.
"""

SENSITIVE_TOPICS = {
    "death": ["rip", "rest in peace", "passed away", "obituary", "funeral", "condolence", "in memoriam",
              "去世", "逝世", "离世", "病逝", "悼念", "哀悼", "追悼", "默哀", "遗体", "安息", "一路走好", "祭奠"],
    "mourning": ["never forget", "remembrance day", "remembrance sunday", "anzac day", "holocaust", "day of mourning",
                 "moment of silence", "national mourning", "公祭", "国家公祭日", "国难日", "哀悼日", "九一八"],
    "disaster": ["earthquake", "tsunami", "typhoon", "hurricane", "tornado", "wildfire", "bushfire", "flood", "flooding",
                 "landslides", "mudslides", "disaster relief", "evacuation", "evacuees", "death toll",
                 "地震", "海啸", "台风", "洪水", "洪灾", "山洪", "泥石流", "山体滑坡", "受灾", "灾区", "救灾", "抗洪", "抗震",
                 "遇难", "罹难", "坠机", "空难", "火灾", "矿难", "决堤", "溃坝"],
    "violence": ["mass shooting", "school shooting", "gun violence", "massacre", "terror attack", "terrorist attack",
                 "bombing", "stabbing", "hostage", "ceasefire", "airstrike", "air strike", "war crimes", "枪击", "恐袭", "恐怖袭击", "屠杀", "命案", "砍人", "遇害"],
    "tragedy": ["tragedy", "victims", "stampede", "crowd crush", "plane crash", "air crash", "derailment", "building collapse",
                "bridge collapse", "missing child", "missing plane", "坍塌", "踩踏", "失联", "伤亡", "死伤", "遇难者"],
    "prayer": ["pray for", "praying for", "prayers for", "thoughts and prayers", "祈福", "挺住"],
    "illness": ["pandemic", "epidemic", "outbreak", "covid", "疫情", "确诊", "新冠", "抗疫"],
    "known tragedy": ["mh370", "mh17", "mu5735", "uvalde", "sandy hook", "parkland", "columbine", "grenfell", "9 11",
                      "itaewon", "hillsborough", "lahaina", "christchurch mosque", "pulse nightclub", "marjory stoneman",
                      "september 11", "911 anniversary", "9 11 anniversary",
                      "汶川", "马航", "南京大屠杀", "舟曲", "天津港"],
}
"""Phrases sensitive on their own, by category (Latin phrases match whole words, Chinese anywhere)."""

CONTEXT_WORDS = {
    "disaster": ["storm", "fire", "fires", "explosion", "blast", "crash", "collapse", "eruption", "heatwave",
                 "暴雨", "爆炸", "大火", "塌方", "冰雹", "暴雪", "事故"],
    "violence": ["shooting", "shootings", "attack", "attacks", "war", "riot", "riots", "战争", "冲突", "袭击"],
    "death": ["death", "deaths", "dead", "killed", "died", "dies", "死亡", "身亡"],
    "illness": ["cancer", "住院", "癌"],
}
"""Words that are metaphors as often as not: sensitive only next to a place name."""

SOLIDARITY = {
    "latin": ["strong", "relief", "recovery"],
    "latin_before": ["stand with", "standing with", "support"],
    "chinese": ["加油", "挺住", "平安", "不哭", "雄起"],
}
"""Said after a place name, these rally support after a disaster (河南加油, BostonStrong); after 中国 they cheer a team.
"latin_before" come before the place (#IStandWithUkraine); #StandWithSmallBusiness names no place and is not counted."""

PLACES = (
    # English: countries, US states and cities that name disasters and attacks
    "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "florida", "georgia", "hawaii",
    "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts",
    "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "ohio", "oklahoma", "oregon",
    "pennsylvania", "tennessee", "texas", "utah", "vermont", "virginia", "washington", "wisconsin", "wyoming", "carolina",
    "boston", "vegas", "orlando", "houston", "nashville", "dallas", "el paso", "buffalo", "maui", "paris",
    "london", "manchester", "brussels", "berlin", "madrid", "beirut", "gaza", "israel", "ukraine", "kyiv", "russia",
    "syria", "turkey", "turkiye", "morocco", "libya", "nepal", "haiti", "japan", "fukushima", "taiwan", "hualien",
    "philippines", "indonesia", "bali", "india", "pakistan", "afghanistan", "sudan", "yemen", "mexico", "brazil",
    "chile", "australia", "queensland", "sydney", "melbourne", "new zealand", "valencia", "sri lanka", "bangladesh",
    "myanmar", "iran", "iraq", "lebanon", "palestine",
    # Chinese: provinces and cities
    "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西", "山东",
    "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏",
    "宁夏", "新疆", "香港", "澳门", "武汉", "郑州", "成都", "广州", "深圳", "杭州", "南京", "西安", "长沙", "哈尔滨", "沈阳",
    "唐山", "雅安", "玉树", "九寨沟", "涿州", "鲁甸", "盐城", "汶川", "日本", "土耳其", "叙利亚", "乌克兰", "加沙",
)
"""Place names that turn a context word into a disaster or attack topic, and a rallying word into solidarity."""

SAFE_COMPOUNDS = (
    "shooting star", "perfect storm", "brainstorm", "brain storm", "storm trooper", "stormtrooper", "photo shoot",
    "cancer season", "price war", "star war", "console war", "bidding war", "fire sale", "fire deal", "on fire",
    "chicago fire", "bath bomb", "crash course", "rip curl", "riptide", "rip tide", "happy accident", "killer deal",
    "dead sea", "deadline", "drop dead", "death by chocolate", "flavor explosion", "flavour explosion", "color explosion",
    "colour explosion", "taste explosion", "cold war", "storm chaser", "weather the storm", "fire pit", "fireworks",
    "camp fire", "campfire", "bonfire", "wildflower", "heat wave sale", "sales storm", "snowstorm sale", "rain check",
    "mic drop", "dead lift", "deadlift", "floodlight", "flood light", "fashion victim", "calgary stampede",
    "笑到住院", "价格战", "暴雨级", "懒癌", "直男癌", "拖延癌", "爆炸头", "颜值爆炸", "信息爆炸", "爆炸款", "加油站",
    "中国加油", "中国队加油", "防灾减灾", "灾难片", "平安夜", "平安喜乐", "岁岁平安", "出入平安", "红包雨", "购物狂欢",
    "头脑风暴", "火锅", "大火锅", "星球大战", "战争片", "零食大战", "冰雹级",
)
"""Everyday phrases containing a sensitive or context word; removed before matching (plurals too)."""
