"""Dates between Qt and Python, the one date field clerks type into, and timestamps in office time."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, tzinfo

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QCalendarWidget, QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from desktop.core import clock
from desktop.core.dates import (
    format_date,
    format_date_long,
    format_date_numeric,
    month_name,
    office_tz,
    parse_date,
)
from desktop.ui.widgets.forms import select_on_focus
from desktop.ui.widgets.palette import DIMMED_COLOR, ERROR_COLOR


def qdate(value: date) -> QDate:
    """The QDate of a Python date, for date edits."""
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> date:
    """The Python date a date edit holds."""
    return date(value.year(), value.month(), value.day())


def zone_info(zone: str) -> tzinfo:
    """The office zone; a profile that is not filled in yet counts as WIB rather than failing."""
    try:
        return office_tz(zone)
    except ValueError:
        return office_tz("WIB")


def office_time(value: datetime, zone: str) -> datetime:
    """An aware timestamp in office time (a naive one is taken to be office time already)."""
    return value.astimezone(zone_info(zone)) if value.tzinfo is not None else value


def short_datetime(value: datetime, zone: str) -> str:
    """``22-11-2026 14.05`` in office time, for dense tables."""
    local = office_time(value, zone)
    return f"{format_date_numeric(local.date())} {local.hour:02d}.{local.minute:02d}"


# --------------------------------------------------------------------------- typed dates

_SEPARATED = re.compile(r"(\d{1,4})[-/. ](\d{1,2})(?:[-/. ](\d{1,4}))?")
_DIGITS = re.compile(r"\d+")


class DateTypingError(ValueError):
    """Text that is not a date; ``complete`` is False while it may still become one as the clerk types."""

    def __init__(self, message: str, *, complete: bool = True) -> None:
        super().__init__(message)
        self.complete = complete


def _full_year(year: int, digits: int, reference: date) -> int:
    if digits > 2:
        return year
    # Two digits: the century that puts the year at most ten years ahead of the reference date, so "26" is 2026
    # for a letter and "73" is 1973 for a birth date.
    candidate = reference.year // 100 * 100 + year
    if candidate > reference.year + 10:
        candidate -= 100
    return candidate


def _checked(day: int, month: int, year: int, *, year_typed: bool = True) -> date:
    """The date, or why not. ``year_typed`` False: the clerk may still be typing the year (29/02 waits for
    one), so a day missing from this year's month is not yet final; day 32 or month 13 always is."""
    if not 1 <= day <= 31:
        raise DateTypingError(f"Tanggal {day} tidak ada: hari hanya 1 sampai 31.")
    if not 1 <= month <= 12:
        raise DateTypingError(f"Bulan {month} tidak ada: bulan hanya 1 sampai 12.")
    if year < 1900:
        raise DateTypingError(f"Tahun {year} tidak mungkin: ketik tahun empat angka.")
    try:
        return date(year, month, day)
    except ValueError:
        last = calendar.monthrange(year, month)[1]
        raise DateTypingError(
            f"Tanggal {day} {month_name(month)} {year} tidak ada: {month_name(month)} {year} hanya {last} hari.",
            complete=year_typed,
        ) from None


def parse_typed_date(text: str, reference: date) -> date | None:
    """The date a clerk typed, or None for an empty field.

    Day first, as Indonesians write: ``31122026``, ``311226``, ``3112`` (digits only), ``31/12/2026``,
    ``31-12-26``, ``3.2`` (the reference date's year), ISO ``2026-12-31`` and worded dates (``31 Des 2026``).
    A two-digit year lands at most ten years after ``reference``. Raises DateTypingError with an Indonesian
    message; an impossible date (31/02/2026, 3/13/2026) is refused, never moved to a nearby day.
    """
    cleaned = " ".join(text.split())
    if not cleaned:
        return None
    if cleaned.isdigit():
        if len(cleaned) == 8:
            return _checked(int(cleaned[:2]), int(cleaned[2:4]), int(cleaned[4:]))
        if len(cleaned) == 6:
            year = _full_year(int(cleaned[4:]), 2, reference)
            return _checked(int(cleaned[:2]), int(cleaned[2:4]), year, year_typed=False)
        if len(cleaned) == 4:
            return _checked(int(cleaned[:2]), int(cleaned[2:]), reference.year, year_typed=False)
        raise DateTypingError(
            "Tanggal belum lengkap: ketik hari, bulan dan tahun, mis. 31122026.", complete=len(cleaned) < 8
        )
    if m := _SEPARATED.fullmatch(cleaned):
        first, month, last = m[1], int(m[2]), m[3]
        if len(first) == 4:  # ISO: year first
            if last is None or len(last) > 2:
                raise DateTypingError(
                    "Tanggal belum lengkap: ketik tttt-bb-hh, mis. 2026-12-31.", complete=False
                )
            return _checked(int(last), month, int(first))
        if len(first) == 3:
            raise DateTypingError(f"Tanggal {first} tidak ada: hari hanya 1 sampai 31.")
        if last is None:
            return _checked(int(first), month, reference.year, year_typed=False)
        if len(last) in (1, 3):
            raise DateTypingError("Tahun belum lengkap: ketik dua atau empat angka.", complete=False)
        year = _full_year(int(last), len(last), reference)
        return _checked(int(first), month, year, year_typed=len(last) == 4)
    try:
        return parse_date(cleaned)
    except ValueError:
        pass
    # Digits followed by a separator (``31/``, ``31/12/``) are a date on its way; letters are not.
    complete = not re.fullmatch(r"[\d\s/.\-]*", cleaned) is not None
    raise DateTypingError(
        "Tanggal tidak dikenali: ketik hh-bb-tttt, mis. 31-12-2026 atau 31122026.", complete=complete
    )


def _calendar_icon(size: int = 16) -> QIcon:
    """A small drawn calendar, so the popup button needs no icon theme."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(QColor(DIMMED_COLOR))
    painter.drawRect(1, 2, size - 3, size - 4)
    painter.fillRect(1, 2, size - 2, 4, QColor(DIMMED_COLOR))
    for row in range(2):
        for col in range(3):
            painter.fillRect(3 + col * 4, 8 + row * 3, 2, 2, QColor(DIMMED_COLOR))
    painter.end()
    return QIcon(pixmap)


class DateField(QLineEdit):
    """The one date field: typed as the clerk writes dates, read back live as "Selasa, 3 Februari 2026".

    ``date()`` is the date typed (None when empty or not a date), ``value()`` the same but raises ValueError
    with the Indonesian reason for text that is not an allowed date, ``error()`` that reason ("" when fine).
    An impossible date turns the field red and stays as typed so the save refuses it. ``caption`` is the live
    line; ``boxed()`` puts it beside the field. F4, Alt+Down or the calendar button open a calendar.
    """

    dateChanged = Signal(object)  # date | None, whenever the parsed date changes

    def __init__(
        self,
        parent: QWidget | None = None,
        value: date | None = None,
        *,
        required: bool = False,
        minimum: date | None = None,
        maximum: date | None = None,
        today: date | None = None,
        placeholder: str = "",
    ) -> None:
        super().__init__(parent)
        self._required = required
        self._minimum = minimum
        self._maximum = maximum
        self._reference = today or value or clock.today("")
        self._last: date | None = None
        self._invalid = False
        self.setPlaceholderText(placeholder or self.tr("hh-bb-tttt"))
        self.setMaxLength(40)
        metrics = self.fontMetrics()
        self.setMinimumWidth(metrics.horizontalAdvance("88-88-8888") + 48)
        # Parentless until boxed(): a caption left out of a layout must not float over the form's corner.
        self.caption = QLabel()
        self.caption.setObjectName("dateCaption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(
            True
        )  # a reason is longer than a weekday; on a 1024 px screen it takes two lines
        self._popup_action = self.addAction(_calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        self._popup_action.setToolTip(self.tr("Pilih dari kalender (F4)"))
        self._popup_action.triggered.connect(self.show_calendar)
        self._calendar: QCalendarWidget | None = None
        self.textChanged.connect(lambda _text: self._refresh(final=False))
        self.editingFinished.connect(self._tidy)
        select_on_focus(self)
        self.setDate(value)

    # ------------------------------------------------------------------ value
    def date(self) -> date | None:
        try:
            return self.value()
        except ValueError:
            return None

    def value(self) -> date | None:
        """The date typed; None when empty and allowed; ValueError (Indonesian) otherwise."""
        found = self.parse_text(self.text())
        if found is None:
            if self._required:
                raise DateTypingError("Tanggal wajib diisi.")
            return None
        if self._minimum is not None and found < self._minimum:
            raise DateTypingError(f"Tanggal tidak boleh sebelum {format_date(self._minimum)}.")
        if self._maximum is not None and found > self._maximum:
            raise DateTypingError(f"Tanggal tidak boleh sesudah {format_date(self._maximum)}.")
        return found

    # The three hooks a field typed differently (DateTimeField) overrides: how its text is read, the live
    # caption of a good value, and the tidy text shown when the clerk leaves the field.
    def parse_text(self, text: str) -> date | None:
        """The date in ``text`` (None when empty); DateTypingError with the reason otherwise."""
        return parse_typed_date(text, self._reference)

    def describe(self, found: date) -> str:
        """The live caption of a good date."""
        return format_date_long(found)

    def formatted(self, found: date) -> str:
        """The tidy text a good date is shown as when the clerk leaves the field."""
        return format_date_numeric(found)

    def error(self) -> str:
        try:
            self.value()
        except ValueError as exc:
            return str(exc)
        return ""

    def is_invalid(self) -> bool:
        """True while the field is shown red."""
        return self._invalid

    def setDate(self, value: date | QDate | None) -> None:
        if isinstance(value, QDate):
            value = pydate(value) if value.isValid() else None
        if value is not None:
            self._reference = value
        self.setText(self.formatted(value) if value is not None else "")
        self._refresh(final=True)

    set_value = setDate

    def referenceDate(self) -> date:
        return self._reference

    def setReferenceDate(self, value: date) -> None:
        """The year "3/2" means and the century of "3-2-26"."""
        self._reference = value

    def setRequired(self, required: bool) -> None:
        self._required = required
        self._refresh(final=False)

    def isRequired(self) -> bool:
        return self._required

    def setMinimumDate(self, value: date | None) -> None:
        self._minimum = value
        self._refresh(final=False)

    def setMaximumDate(self, value: date | None) -> None:
        self._maximum = value
        self._refresh(final=False)

    def setDateRange(self, minimum: date | None, maximum: date | None) -> None:
        self._minimum, self._maximum = minimum, maximum
        self._refresh(final=False)

    def minimumDate(self) -> date | None:
        return self._minimum

    def maximumDate(self) -> date | None:
        return self._maximum

    # ------------------------------------------------------------------ layout
    def boxed(self) -> QWidget:
        """The field with its caption beside it; the box hands the focus to the field."""
        box = QWidget(self.parentWidget())
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        row.addWidget(self)
        row.addWidget(self.caption, 1)
        box.setFocusProxy(self)
        box.setSizePolicy(
            QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum
        )  # room for a wrapped reason
        return box

    # ------------------------------------------------------------------ live reading
    def _refresh(self, *, final: bool) -> None:
        problem = ""
        complete = True
        try:
            found = self.value()
        except DateTypingError as exc:
            found, problem, complete = None, str(exc), exc.complete
        except ValueError as exc:
            found, problem = None, str(exc)
        # While typing, a date on its way ("31/1") is not yet wrong; on leaving the field it is.
        invalid = bool(problem) and (complete or final)
        if found is not None:
            self._set_caption(self.describe(found), "")
        elif invalid:
            self._set_caption(problem, ERROR_COLOR)
        elif problem and self.text().strip():
            self._set_caption(self.tr("mis. 31122026 atau 31-12-2026"), DIMMED_COLOR)
        else:
            self._set_caption("", "")
        if invalid != self._invalid:
            self._invalid = invalid
            self.setProperty("invalid", invalid)
            self.setStyleSheet(f"QLineEdit {{ border: 2px solid {ERROR_COLOR}; }}" if invalid else "")
        self.setToolTip(problem if invalid else "")
        if found != self._last:
            self._last = found
            self.dateChanged.emit(found)

    def _set_caption(self, text: str, color: str) -> None:
        self.caption.setText(text)
        self.caption.setStyleSheet(f"color: {color};" if color else "")

    def _tidy(self) -> None:
        found = self.date()
        if found is not None and self.text() != self.formatted(found):
            self.setText(self.formatted(found))  # left as typed when wrong: the save says why
        self._refresh(final=True)

    # ------------------------------------------------------------------ keys and calendar
    def keyPressEvent(self, event: QKeyEvent) -> None:
        alt_down = event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        if event.key() == Qt.Key.Key_F4 or alt_down:
            self.show_calendar()
            return
        super().keyPressEvent(event)

    def show_calendar(self) -> None:
        if self._calendar is None:
            self._calendar = QCalendarWidget(self)
            self._calendar.setWindowFlags(Qt.WindowType.Popup)
            self._calendar.setLocale(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
            self._calendar.setGridVisible(True)
            self._calendar.activated.connect(self._picked)
            self._calendar.clicked.connect(self._picked)
        calendar_widget = self._calendar
        calendar_widget.setDateRange(
            qdate(self._minimum or date(1900, 1, 1)), qdate(self._maximum or date(2999, 12, 31))
        )
        calendar_widget.setSelectedDate(qdate(self.date() or self._reference))
        calendar_widget.adjustSize()
        calendar_widget.move(self.mapToGlobal(QPoint(0, self.height())))
        calendar_widget.show()
        calendar_widget.setFocus(Qt.FocusReason.PopupFocusReason)

    def _picked(self, value: QDate) -> None:
        if self._calendar is not None:
            self._calendar.hide()
        text = self.formatted(pydate(value))
        self.setText(text)
        self.textEdited.emit(text)  # a pick is the clerk's edit: forms clear the field's error line on it
        self._refresh(final=True)
        self.setFocus(Qt.FocusReason.PopupFocusReason)
