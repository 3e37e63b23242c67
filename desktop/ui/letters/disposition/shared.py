"""Item keys, short labels and the date field the parts of the disposition dialog share."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.core.dates import format_date_numeric
from desktop.ui.widgets.dates import DateField

ROLE = Qt.ItemDataRole.UserRole


def item_key(kind: str, *ids: int) -> str:
    """Item keys are plain strings ("rec:12", "prec:0:1"): Qt compares strings, not Python tuples."""
    return ":".join([kind, *map(str, ids)])


def parse_key(key: object) -> tuple[str, tuple[int, ...]] | None:
    if not isinstance(key, str) or not key:
        return None
    kind, *ids = key.split(":")
    return kind, tuple(int(i) for i in ids)


def short_date(d: date | None) -> str:
    return format_date_numeric(d) if d else ""


ABBREVIATIONS = (
    ("Kepala Sub Bagian", "Kasubbag"),
    ("Kepala Bidang", "Kabid"),
    ("Kepala Seksi", "Kasi"),
    ("Kepala Dinas", "Kadis"),
    ("Kepala UPTD", "Ka. UPTD"),
)


def short_post(jabatan: str, nama: str = "") -> str:
    """The way a clerk writes a post on a narrow line: "Kabid Perdagangan Dalam Negeri"."""
    text = jabatan or nama
    for long, short in ABBREVIATIONS:
        if text.startswith(long):
            return short + text[len(long) :]
    return text


def escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def date_edit(value: date, *, today: date, minimum: date | None = None) -> DateField:
    """A required date of the chain, typed like every date and never after ``today``."""
    return DateField(value=value, required=True, minimum=minimum, maximum=today, today=today)
