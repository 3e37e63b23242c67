"""The file checks every module that keeps files in the database shares (services.common.attachments)."""

from __future__ import annotations

import hashlib

import pytest

from desktop.services.common.attachments import (
    MAX_BYTES,
    IntegrityError,
    check_upload,
    sha256_checked,
    sha256_of,
)
from desktop.services.common.errors import ValidationError

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20


def test_an_upload_is_known_by_its_bytes_and_limited_in_size() -> None:
    assert check_upload(PNG) == ("image/png", "png")
    assert check_upload(b"%PDF-1.7\n") == ("application/pdf", "pdf")
    assert check_upload(b"\xff\xd8\xff\xe0") == ("image/jpeg", "jpg")
    for bad, message in ((b"", "kosong"), (b"MZ\x90\x00", "PDF, JPG atau PNG"),
                         (b"%PDF-" + b"0" * MAX_BYTES, "terlalu besar")):  # fmt: skip
        with pytest.raises(ValidationError, match=message):
            check_upload(bad)


def test_bytes_are_returned_only_while_they_match_their_checksum() -> None:
    stored = sha256_of(PNG)
    assert stored == hashlib.sha256(PNG).hexdigest()
    assert sha256_checked(PNG, stored, "aset/1_1.png", "Pulihkan.") == PNG
    with pytest.raises(IntegrityError, match=r"aset/1_1\.png tidak cocok .* Pulihkan\.$"):
        sha256_checked(PNG + b"x", stored, "aset/1_1.png", "Pulihkan.")
