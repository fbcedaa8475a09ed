"""Canada's rules for promotional contests, each with its source and verification status (V official text seen,
S secondary, U none), checked 2026-12."""

from datetime import date

from campaignsim.lint.rule import Reference

CHANCE_DRAWS = ("random", "instant_win")
"""Criminal Code s. 206(1)(a)–(d): disposing of property "by lots, cards, tickets or any mode of chance whatever" is an
indictable offence; the courts held that mixed skill and chance is not enough to leave these paragraphs only when the skill
is real, hence the skill-testing question put to selected entrants (ipvancouverblog summary) [S]."""

DISCLOSURE_ITEMS = (
    ("prize_quantity", "the number of prizes"),
    ("prize_value", "the approximate value of the prizes"),
    ("odds", "the chances of winning (or what they depend on)"),
)
"""Competition Act s. 74.06(a): "adequate and fair disclosure is made of the number and approximate value of the prizes, of
the area or areas to which they relate and of any fact within the knowledge of the advertiser that affects materially the
chances of winning" (Competition Bureau: "the number and approximate value of prizes; the area or areas where the prizes
relate; any important information relating to the chances of winning") [V]. Regional allocation is not modelled."""

QUEBEC_CONTEST_RULES_REPEALED = date(2023, 10, 27)
"""Bill 17 (An Act to amend various provisions for the main purpose of reducing regulatory and administrative burden),
assented 2023-10-27, repealed the publicity-contest provisions of the Act respecting lotteries, publicity contests and
amusement machines and the Rules respecting publicity contests: no filing, duties, security or winners' report with the
Régie for contests not declared before that date [S: Gowling WLG, Davies, Mondaq]."""

COMPETITION_BUREAU = Reference(
    "Competition Bureau, Promotional contests: disclose \"the number and approximate value of prizes\", \"the area or areas "
    "where the prizes relate\", \"any important information relating to the chances of winning\"; corporations face penalties "
    "up to $10 million", "http://www.bureaudelaconcurrence.gc.ca/eic/site/cb-bc.nsf/eng/00523.html", "V", checked="2026-12",
)
COMPETITION_ACT = Reference(
    "Competition Act, R.S.C. 1985, c. C-34, s. 74.06", "https://laws-lois.justice.gc.ca/eng/acts/c-34/section-74.06.html",
    "S", checked="2026-12",
)
CRIMINAL_CODE_206 = Reference(
    "Criminal Code, R.S.C. 1985, c. C-46, s. 206(1): offence to dispose of property \"by lots, cards, tickets or any mode of "
    "chance whatever\" (text seen in a copy of the section)", "https://laws-lois.justice.gc.ca/eng/acts/c-46/section-206.html",
    "S", checked="2026-12",
)
SKILL_TESTING = Reference(
    "IP Vancouver: why Canadian contests use skill-testing questions (s. 206(1)(a)–(d) forbid pure chance; the skill must be "
    "real, not a sham)",
    "http://www.ipvancouverblog.com/2013/02/were-planning-to-run-a-promotional-contest-in-canada-but-whats-the-deal-with-skill-testing-questions/",
    "S", checked="2026-12",
)
QUEBEC_BILL_17 = Reference(
    "Quebec Bill 17 (2023-10-27) repealed the publicity-contest filing, duties, security and winners' report; contests remain "
    "subject to the Charter of the French Language",
    "https://www.dwpv.com/en/Insights/Publications/2023/Overhaul-of-Quebec-Legislation-Concerning-Publicity", "S", checked="2026-12",
)
FRENCH_CHARTER = Reference(
    "Charter of the French Language, CQLR c. C-11, s. 52: catalogues, brochures, folders and similar publications must be "
    "drawn up in French", "https://www.legisquebec.gouv.qc.ca/en/document/cs/C-11", "S", checked="2026-12",
)
