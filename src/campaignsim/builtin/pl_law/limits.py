"""Poland's numbers and classifications, each with its source and verification status (V official text seen, S secondary,
U none), checked 2026-12."""

from campaignsim.lint.rule import Reference

CHANCE_DRAWS = ("random", "instant_win")
PURCHASE_ACTIONS = ("purchase",)
"""Ustawa z dnia 19 listopada 2009 r. o grach hazardowych, art. 2 ust. 1 pkt 10: promotional lotteries are games of chance
"w których uczestniczy się przez nabycie towaru, usługi lub innego dowodu udziału w grze i tym samym nieodpłatnie uczestniczy
się w loterii" (entered by buying goods or a service) [S: statute text on dlajurysty.pl and rp.pl]. A free draw with no
purchase is not a promotional lottery; a knowledge question added to a draw does not make it a contest (NSA II GSK 849/11,
via rp.pl) [S]."""

GAMBLING_ACT = Reference(
    "Ustawa o grach hazardowych (Dz.U. 2009 nr 201 poz. 1540), art. 2 ust. 1 pkt 10 (loterie promocyjne) and the permit of "
    "the director of the tax administration chamber (dyrektor izby administracji skarbowej)",
    "https://isap.sejm.gov.pl/isap.nsf/DocDetails.xsp?id=WDU20092011540", "S", checked="2026-12",
)
RP_GUIDE = Reference(
    "Rzeczpospolita: promotional lotteries are entered by buying goods or services; a draw stage makes the game one of "
    "chance even with a knowledge question (NSA II GSK 849/11)",
    "https://pro.rp.pl/prawo-w-firmie/art12585771-jak-prawidlowo-zorganizowac-loterie-promocyjna", "S", checked="2026-12",
)
PERMIT_GUIDE = Reference(
    "loteria.org.pl: the permit (zezwolenie) for a promotional lottery is issued by the director of the competent tax "
    "administration chamber; running one without it is fined",
    "https://loteria.org.pl/zezwolenie-na-loterie-promocyjna/", "S", checked="2026-12",
)
