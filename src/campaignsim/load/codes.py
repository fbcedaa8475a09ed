"""ISO 4217 currency, ISO 3166 region and ISO 639-1 language codes, from pycountry's copy of the ISO tables.

Only the codes are needed, so each table is read once per process into a set of codes, straight
from pycountry's JSON database: building pycountry's lookup objects for the ~5,000 subdivisions
cost the first lint ~75 ms, the set ~10 ms. Lookups are case-insensitive, as pycountry's are.
"""

from __future__ import annotations

import json
import os
from functools import lru_cache

EXTRA_REGIONS = {"EU": "European Union (the member states' common rules, e.g. GDPR)"}

# (file in pycountry's databases folder, its top-level key, the field holding the code, the
# pycountry database to read instead when the file cannot be read)
_CURRENCIES = ("iso4217.json", "4217", "alpha_3", "currencies")
_COUNTRIES = ("iso3166-1.json", "3166-1", "alpha_2", "countries")
_SUBDIVISIONS = ("iso3166-2.json", "3166-2", "code", "subdivisions")


# Names and symbols written where an ISO 4217 code belongs → the code. RMB is what most Chinese
# price tags and contracts say; CNY is the code (ISO 4217 lists the renminbi as CNY only).
CURRENCY_ALIASES = {
    "RMB": "CNY", "YUAN": "CNY", "CN¥": "CNY", "元": "CNY", "人民币": "CNY",
    "US$": "USD", "$": "USD", "DOLLAR": "USD", "DOLLARS": "USD",
    "€": "EUR", "EURO": "EUR", "EUROS": "EUR",
    "£": "GBP", "UKP": "GBP", "STG": "GBP", "POUND": "GBP", "POUNDS": "GBP",
    "YEN": "JPY", "円": "JPY", "JP¥": "JPY",
    "NTD": "TWD", "NT$": "TWD", "HK$": "HKD", "S$": "SGD", "A$": "AUD", "C$": "CAD",
    "WON": "KRW", "₩": "KRW", "RUPEE": "INR", "₹": "INR",
}


def currency_suggestion(written: str):
    """The ISO 4217 code meant by a currency written another way ("RMB", "rmb", "usd"), or None."""
    upper = written.strip().upper()
    code = CURRENCY_ALIASES.get(upper) or CURRENCY_ALIASES.get(written.strip())
    if code is None and upper != written and is_currency(upper):
        code = upper
    return code


# Scenarios name the same few codes over and over; the answers are remembered per code, up to a bound,
# as the codes come from the files read and a long-running process must not grow without end.
@lru_cache(maxsize=4096)
def is_currency(code: str) -> bool:
    return code.isupper() and code.lower() in _codes(*_CURRENCIES)


@lru_cache(maxsize=4096)
def is_region(code: str) -> bool:
    if code in EXTRA_REGIONS:
        return True
    if "-" in code:
        return code.lower() in _codes(*_SUBDIVISIONS)
    return len(code) == 2 and code.isupper() and code.lower() in _codes(*_COUNTRIES)


@lru_cache(maxsize=4096)
def is_language(code: str) -> bool:
    """An ISO 639-1 two-letter language code, lower case (en, fr, zh)."""
    return len(code) == 2 and code.islower() and code in _languages()


@lru_cache(maxsize=None)
def _languages() -> frozenset[str]:
    folder = _database_folder()
    if folder is not None:
        try:
            with open(os.path.join(folder, "iso639-3.json"), encoding="utf-8") as handle:
                return frozenset(entry["alpha_2"] for entry in json.load(handle)["639-3"] if "alpha_2" in entry)
        except (OSError, ValueError, KeyError, TypeError):
            pass
    import pycountry

    return frozenset(getattr(entry, "alpha_2") for entry in pycountry.languages if hasattr(entry, "alpha_2"))


@lru_cache(maxsize=None)
def _codes(file: str, root_key: str, field: str, database: str) -> frozenset[str]:
    """The lower-cased codes of one ISO table."""
    folder = _database_folder()
    if folder is not None:
        try:
            with open(os.path.join(folder, file), encoding="utf-8") as handle:
                return frozenset(entry[field].lower() for entry in json.load(handle)[root_key])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            pass  # a pycountry laid out differently: ask its API
    import pycountry

    return frozenset(getattr(entry, field).lower() for entry in getattr(pycountry, database))


def _database_folder():
    # Found without importing pycountry, whose import looks up its own version in the installed
    # distributions' metadata.
    from importlib.util import find_spec

    try:
        spec = find_spec("pycountry")
    except (ImportError, ValueError):
        return None
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    return os.path.join(locations[0], "databases") if locations else None
