"""UK numbers and classifications, each with its source and verification status
(V official text seen, S secondary, U none found). Rules import them; nothing is repeated elsewhere."""

CHANCE_DRAWS = ("random", "instant_win")
"""Draw kinds that allocate prizes by chance: CAP 8.24 prize draws, and Gambling Act 2005 s.14 "a process which relies
wholly on chance" https://www.legislation.gov.uk/ukpga/2005/19/part/1/crossheading/lottery [V]"""

PAID_ACTIONS = ("purchase", "send_gift")
"""Entry actions that cost money. A purchase counts as paying to enter only "at a price or rate which reflects the
opportunity to participate" (Sch. 2 para 2(c)); see entry.purchase_at_normal_price.
https://www.legislation.gov.uk/ukpga/2005/19/schedule/2 [V]"""

PRIZE_AWARD_DAYS = 30
"""Days after the draw by which prizes should be awarded. Commonly cited for UK promotions, but no CAP or statutory text
with this figure was found [U]: findings based on it are warnings."""
