"""The sources the Meta rules cite: copies of Meta's promotion guidelines (the official pages were
not read directly, so every reference is secondary; re-check them before relying on a finding)."""

from campaignsim.lint.rule import Reference

FACEBOOK_PROMOTIONS = Reference(
    'Meta Pages, Groups and Events Policies, promotions section (copy, Aug 2019): personal Timelines and friend '
    'connections must not be used to administer promotions; "share on your Timeline to enter" and "tag your friends '
    'in this post to enter" are not permitted; a complete release of Facebook and an acknowledgement that the '
    'promotion is "in no way sponsored, endorsed or administered by" Facebook are required',
    "https://deniseloris.com/august-2019-facebook-promotion-competition-rules/",
    "S",
)
INSTAGRAM_GUIDELINES_CONFLICT = Reference(
    "Instagram Promotion Guidelines compared with Facebook's (copy, 2024): Instagram allows tag-a-friend entries; "
    "entrants \"must not inaccurately tag content or encourage users to\" do so; a release of Instagram is required",
    "https://www.contestqueen.com/2024/conflicting-meta-promotional-guidelines/",
    "S",
)
INSTAGRAM_HOW_TO = Reference(
    "Plexus help: how to run a promotion on Instagram (summary of Instagram's Promotion Guidelines)",
    "https://help.plexus.co/en/articles/4399369-how-to-run-a-promotion-on-instagram",
    "S",
)
