"""Cell text read as values the way every import reads them: words folded for matching, dates with a time."""

from __future__ import annotations

import re
from datetime import date, time
from typing import Final

from desktop.core.dates import parse_date

_WITH_TIME: Final = re.compile(
    r"(?P<date>.+?)(?:(?:\s+|T)(?:pukul\s+|jam\s+)?(?P<h>\d{1,2})[:.](?P<m>\d{2})(?:[:.]\d{2}(?:\.\d+)?)?)?",
    re.IGNORECASE,
)
DATE_EXAMPLES: Final = "contoh: 22-11-2026, 22/11/2026, 2026-11-22, 22 November 2026"


def fold(text: str) -> str:
    """The words of ``text``, case folded, punctuation as single spaces: for matching a status or a name."""
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def parse_when(text: str) -> tuple[date, time | None]:
    """A date with an optional time (``22/11/2026 14.05``, ``2026-11-22T14:05:00``); ValueError with a detail."""
    match = _WITH_TIME.fullmatch(" ".join(text.split()))
    if match is None:  # pragma: no cover - the pattern matches any non-empty text
        raise ValueError("")
    day = parse_date(match["date"])
    if match["h"] is None:
        return day, None
    hour, minute = int(match["h"]), int(match["m"])
    if hour > 23 or minute > 59:
        raise ValueError(f"Tanggal tidak dikenali: {text!r} (jam {hour:02d}.{minute:02d} tidak ada)")
    return day, time(hour, minute)


def date_problem(label: str, value: str, exc: ValueError) -> str:
    """The reason a bad date cell gives: the detail of ``exc`` in brackets, else the accepted forms."""
    detail = re.search(r"\(([^()]*)\)\s*$", str(exc))
    extra = detail[1] if detail else DATE_EXAMPLES
    return f"{label} tidak dikenali (\u201c{value}\u201d; {extra})"
