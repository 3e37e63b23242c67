"""The date-and-time field (Tanggal terima): the one date field with the hour typed after the date."""

from __future__ import annotations

import re
from datetime import date, datetime
from datetime import time as dtime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from desktop.core.dates import format_date_long, format_date_numeric
from desktop.ui.widgets.dates import DateField, DateTypingError, parse_typed_date

_TIME_TAIL = re.compile(r"(?P<date>.*?)\s+(?:(?P<h>\d{1,2})[.:](?P<m>\d{1,2})|(?P<hm>\d{4}))")


def split_typed_time(text: str) -> tuple[str, dtime | None]:
    """``07-12-2026 09.30`` → (``07-12-2026``, 09:30); the date part alone when no time follows it.

    The time is ``9.30``, ``09:30`` or ``0930`` after a space. Four bare digits count as a time only after a
    date that is already whole (``07122026 0930``, ``7-12-26 0930``), so ``7 12 2026`` stays a date.
    Raises DateTypingError for a time that does not exist (``25.00``, ``09.75``).
    """
    cleaned = " ".join(text.split())
    m = _TIME_TAIL.fullmatch(cleaned)
    if m is None:
        return cleaned, None
    head = m["date"]
    if m["hm"] is not None:
        whole = (head.isdigit() and len(head) in (6, 8)) or bool(re.search(r"[-/.A-Za-z]", head))
        if not whole or re.fullmatch(r"\d{1,2}[-/. ]\d{1,2}", head):
            return cleaned, None
        hour, minute = int(m["hm"][:2]), int(m["hm"][2:])
    else:
        hour, minute = int(m["h"]), int(m["m"])
    if hour > 23 or minute > 59:
        raise DateTypingError(f"Jam {hour:02d}.{minute:02d} tidak ada: jam hanya 00.00 sampai 23.59.")
    return head, dtime(hour, minute)


class DateTimeField(DateField):
    """The date field with a time after it: ``07-12-2026 09.30``, typed like the date alone plus ``0930``.

    A date typed without a time keeps the time the field held (the caption shows it), so changing only the
    day of a letter received yesterday does not reset its hour. ``dateTime()`` is the naive office-time
    timestamp (None while the text is not one); ``dateTimeChanged`` fires when either part changes.
    """

    dateTimeChanged = Signal(object)  # datetime | None

    def __init__(
        self, parent: QWidget | None = None, value: datetime | None = None, *, required: bool = False
    ) -> None:
        self._kept_time = value.time().replace(second=0, microsecond=0) if value is not None else dtime(0, 0)
        self._last_moment: datetime | None = None
        super().__init__(parent, value.date() if value is not None else None, required=required)
        self.setPlaceholderText(self.tr("hh-bb-tttt jj.mm"))
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("88-88-8888 88.88") + 48)
        self.textChanged.connect(lambda _text: self._emit_moment())
        self._emit_moment()

    def _typed_time(self) -> dtime | None:
        try:
            return split_typed_time(self.text())[1]
        except DateTypingError:
            return None

    def parse_text(self, text: str) -> date | None:
        head, _typed = split_typed_time(text)
        return parse_typed_date(head, self.referenceDate())

    def time(self) -> dtime:
        """The time typed, or the one kept when only a date was typed."""
        return self._typed_time() or self._kept_time

    def describe(self, found: date) -> str:
        return self.tr("{0} pukul {1:%H.%M}").format(format_date_long(found), self.time())

    def formatted(self, found: date) -> str:
        # The hour typed stays when the field is tidied or a day is picked from the calendar.
        return f"{format_date_numeric(found)} {self.time():%H.%M}"

    def dateTime(self) -> datetime | None:
        found = self.date()
        return datetime.combine(found, self.time()) if found is not None else None

    def setDateTime(self, value: datetime | None) -> None:
        if value is not None:
            self._kept_time = value.time().replace(second=0, microsecond=0)
        # The hour of the old text must not win over the new value's: empty it quietly first.
        blocked = self.blockSignals(True)
        self.clear()
        self.blockSignals(blocked)
        self.setDate(value.date() if value is not None else None)
        self._emit_moment()

    def _emit_moment(self) -> None:
        moment = self.dateTime()
        if moment != self._last_moment:
            self._last_moment = moment
            self.dateTimeChanged.emit(moment)
