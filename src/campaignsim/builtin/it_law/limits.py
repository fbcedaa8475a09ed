"""Italy's prize-promotion numbers (D.P.R. 26 ottobre 2001, n. 430), each with its source and verification status
(V official text seen, S secondary, U none), checked 2026-12. The Chambers of Commerce are public bodies that apply the
regulation; their pages quote it article by article."""

from campaignsim.lint.rule import Reference

CONCORSO_DRAWS = ("random", "judged", "first_come", "instant_win")
"""A concorso a premio gives prizes to some participants only, by chance, by skill judged by others, or to the first to
meet the conditions (Camera di commercio del Molise: "L'attribuzione e/o la vincita dei premi può dipendere: dalla sorte
... dall'abilità o dalla capacità dei concorrenti ... di adempiere per primi") [V]. Prizes to everyone are an operazione a
premio, which needs no ministry notice."""

NOTICE_LEAD_DAYS = 15
"""Art. 10 D.P.R. 430/2001 via the Chamber of Commerce of Umbria: "trasmettere la documentazione al Ministero dello Sviluppo
Economico (MISE) almeno 15 giorni prima dell'inizio del concorso a premi, tramite il servizio Prema CO/1" [V]. The ministry is
now the Ministero delle Imprese e del Made in Italy (MIMIT)."""

DEPOSIT_SHARE = 1.0
"""Art. 7(1): "versare una cauzione di importo pari al valore dei premi messi in palio" (a deposit equal to the prizes'
value; Molise: "per un valore pari al 100% del valore dei premi al netto dell'IVA") [V]."""

DRAW_OFFICIALS = ("notary", "public_official")
"""Art. 9: every phase of picking winners happens before a notary or the Chamber of Commerce's official for consumer
protection and public faith (Camera di commercio di Cosenza: "ad ogni fase dell'assegnazione dei premi deve essere presente
... il notaio o il responsabile della tutela del consumatore e della fede pubblica della Camera di Commercio") [V]."""

BANNED_PRIZE_CATEGORIES = ("cash", "financial_product")
"""Art. 4: prizes may not be money, government bonds, shares, fund units or life insurance (Camera di commercio di Cuneo:
"Non possono essere messi in palio premi che consistano in denaro, titoli di prestito pubblici e privati, titoli azionari,
quote di capitale societario e dei fondi comuni di investimento, polizze di assicurazioni sulla vita") [V]."""

UMBRIA = Reference(
    "Camera di Commercio dell'Umbria, Concorsi a premi: regolamento (art. 11), cauzione pari al valore dei premi (art. 7), "
    "comunicazione al MISE almeno 15 giorni prima (Prema CO/1), assegnazione alla presenza del funzionario camerale",
    "https://umbria.camcom.it/tutelare-limpresa-e-il-consumatore/concorsi-a-premi", "V", checked="2026-12",
)
COSENZA = Reference(
    "Camera di Commercio di Cosenza: \"ad ogni fase dell'assegnazione dei premi deve essere presente ... il notaio o il "
    "responsabile della tutela del consumatore e della fede pubblica della Camera di Commercio\"",
    "https://www.cs.camcom.it/it/content/service/concorsi-premio-0", "V", checked="2026-12",
)
MOLISE = Reference(
    "Camera di Commercio del Molise: Prema CO/1 almeno 15 giorni prima; cauzione o fideiussione pari al 100% del valore dei premi",
    "https://www.molise.camcom.gov.it/tutela-dellimpresa-e-del-consumatore/manifestazioni-premio", "V", checked="2026-12",
)
CUNEO = Reference(
    "Camera di Commercio di Cuneo: competenza del Ministero delle Imprese e del Made in Italy; premi in denaro, titoli e polizze vita esclusi",
    "https://cn.camcom.it/node/10486", "V", checked="2026-12",
)
DPR_430 = Reference(
    "D.P.R. 26 ottobre 2001, n. 430 (Regolamento concernente la revisione organica della disciplina dei concorsi e delle "
    "operazioni a premio), text on Normattiva",
    "https://www.normattiva.it/uri-res/N2Ls?urn:nir:presidente.repubblica:decreto:2001-10-26;430", "S", checked="2026-12",
)
