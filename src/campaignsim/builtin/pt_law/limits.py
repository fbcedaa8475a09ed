"""Portugal's numbers and classifications, each with its source and verification status (V official text seen,
S secondary, U none), checked 2026-12."""

from campaignsim.lint.rule import Reference

CHANCE_DRAWS = ("random", "instant_win")
"""Decreto-Lei 422/89 (Lei do Jogo) art. 159: draws, advertising contests and quizzes whose prizes depend on chance are
"modalidades afins do jogo de fortuna ou azar", allowed only with prior authorisation [S]."""

BANNED_PRIZE_CATEGORIES = ("cash", "financial_product")
"""Art. 159(1) speaks of prizes in "coisas com valor económico", which the Attorney General's Advisory Council read as
excluding money: "às modalidades afins ... tais como os concursos publicitários ... está vedado atribuir prémios pecuniários
(cf. também o n.º 3 do artigo 161.º)" (Parecer 11/98) [S: copy of the Diário da República text]."""

SGMAI = Reference(
    "Despacho 6023/2018 (Diário da República): \"compete à Secretaria-Geral do Ministério da Administração Interna autorizar a "
    "realização de modalidades afins de jogo de fortuna ou azar, onde se incluem tômbolas, sorteios, concursos publicitários, "
    "concursos de conhecimento e passatempos\"",
    "https://dre.tretas.org/dre/3375648/despacho-6023-2018-de-20-de-junho", "S", checked="2026-12",
)
PARECER_11_98 = Reference(
    "Parecer 11/98 of the Conselho Consultivo da PGR: advertising contests may not award money prizes (DL 422/89 arts. 159(1) "
    "and 161(3))", "https://dre.tretas.org/dre/1733279/parecer-11-98-de-3-de-janeiro", "S", checked="2026-12",
)
LEI_DO_JOGO = Reference(
    "Decreto-Lei 422/89 (Lei do Jogo), arts. 159–161 (modalidades afins do jogo de fortuna ou azar)",
    None, "S", checked="2026-12",
)
