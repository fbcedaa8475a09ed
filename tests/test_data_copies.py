"""The copies in tests/data are verbatim: their digests are those of the originals when copied,
and where the originals are at hand (../shared beside the checkout) the bytes are compared too."""

import hashlib
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
COPIES = {
    "reference-scenario.toml": ("research/reference-scenario.toml", "6970b27e0390960a0887bf6295a5fefbebc54cc3ae2ee0171ba7c4c33a449541"),
    "sarif-schema-2.1.0.json": ("data/sarif-schema-2.1.0.json", "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"),
}


@pytest.mark.parametrize("name", sorted(COPIES))
def test_copy_is_unchanged(name):
    original, digest = COPIES[name]
    copy = (DATA / name).read_bytes()
    assert hashlib.sha256(copy).hexdigest() == digest
    if (SHARED / original).is_file():
        assert copy == (SHARED / original).read_bytes(), f"{SHARED / original} changed: copy it again and update the digest"
