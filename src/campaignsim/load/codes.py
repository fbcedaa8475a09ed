"""ISO 4217 currency and ISO 3166 region codes, from pycountry's copy of the ISO tables."""

from __future__ import annotations

from functools import lru_cache

EXTRA_REGIONS = {"EU": "European Union (the member states' common rules, e.g. GDPR)"}


@lru_cache(maxsize=None)
def is_currency(code: str) -> bool:
    import pycountry

    return code.isupper() and pycountry.currencies.get(alpha_3=code) is not None


@lru_cache(maxsize=None)
def is_region(code: str) -> bool:
    import pycountry

    if code in EXTRA_REGIONS:
        return True
    if "-" in code:
        return pycountry.subdivisions.get(code=code) is not None
    return len(code) == 2 and code.isupper() and pycountry.countries.get(alpha_2=code) is not None
