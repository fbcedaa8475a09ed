"""The stamp-rally entry action (スタンプラリー): collect stamps at shops, events or pages.

A stamp rally asks an entrant to visit several places (or scan several codes) and collect one stamp
at each; the stamp card is complete at ``count`` stamps. The friction figures are assumptions [U]:
no published completion rates were found. Calibrate them to past campaigns.
"""

from campaignsim.model import ActionSpec

ASSUMED = "assumption [U]: no published completion rate for stamp rallies; calibrate to past campaigns"

ACTIONS = (
    ActionSpec(
        name="stamp_rally",
        summary="Collect stamps at several shops, events or pages (スタンプラリー); the card is complete at `count` stamps.",
        fields=("count", "url", "external"),
        effort_minutes=15.0,
        effort_per_extra=15.0,
        completion_probability=0.6,
        completion_per_extra=0.85,
        delay_hours=24.0,
        proof=True,
        sources=(
            ("effort_minutes", "assumption [U]: a visit to one stamp spot, travel included"),
            ("completion_probability", ASSUMED),
        ),
    ),
)
