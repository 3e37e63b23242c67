"""NIP display helpers (full parsing and validation arrive with the Kepegawaian module)."""

from __future__ import annotations

import re

_NON_DIGIT = re.compile(r"\D")


def bare_nip(text: str) -> str:
    """Digits only, as stored: ``"19730314 199803 2 009"`` -> ``"197303141998032009"``."""
    return _NON_DIGIT.sub("", text)


def format_nip(nip: str) -> str:
    """Group an 18-digit NIP as printed on Indonesian documents (``19730314 199803 2 009``).

    Anything that is not 18 digits is returned as typed, so a half-entered value is never lost.
    """
    digits = bare_nip(nip)
    if len(digits) != 18:
        return nip.strip()
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"
