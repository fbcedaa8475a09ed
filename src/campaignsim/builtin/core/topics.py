"""Keywords that mark a hashtag or hot topic as sensitive (heuristic; plugins extend the list
through the ``campaignsim_sensitive_topics`` hook)."""

SENSITIVE_TOPICS = {
    "death": ["death", "died", "dies", "passed away", "funeral", "obituary", "rip", "去世", "逝世", "离世", "悼念", "默哀", "遗体"],
    "disaster": ["earthquake", "flood", "typhoon", "hurricane", "wildfire", "tsunami", "explosion", "plane crash", "car crash", "collapse", "rainstorm", "storm", "landslide", "mudslide",
                 "地震", "洪水", "台风", "火灾", "爆炸", "坠机", "坍塌", "遇难", "灾难", "灾害", "受灾", "灾区", "暴雨", "泥石流", "山体滑坡"],
    "illness": ["cancer", "epidemic", "pandemic", "outbreak", "covid", "hospitalised", "hospitalized", "疫情", "癌", "确诊", "病逝", "住院"],
    "violence": ["shooting", "terror attack", "murder", "stabbing", "war victims", "war dead", "terror", "枪击", "袭击", "命案", "战争", "恐袭"],
    "tragedy": ["missing child", "accident", "victims", "mourning", "tragedy", "事故", "失踪", "遇害", "哀悼"],
}
