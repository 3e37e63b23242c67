"""The batas waktu of a new hop: none, a date, or a number of working days, with the date it comes to."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QSpinBox, QVBoxLayout

from desktop.core.calendar import WorkingCalendar
from desktop.core.dates import format_date_long
from desktop.services.letters import dispositions as dispo
from desktop.ui.widgets.dates import DateField
from desktop.ui.widgets.messages import muted
from desktop.ui.widgets.palette import ERROR_COLOR


class BatasPicker(QObject):
    """Three modes (``none``, ``date_mode``, ``hk_mode``) with their fields and a preview line; ``value()``
    is what the hop stores. ``hop_date`` gives the date the working days count from."""

    def __init__(
        self,
        today: date,
        calendar: WorkingCalendar,
        hop_date: Callable[[], date],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.calendar = calendar
        self.hop_date = hop_date
        self.none = QRadioButton(self.tr("tanpa"))
        self.none.setObjectName("batasNone")
        self.date_mode = QRadioButton(self.tr("tanggal"))
        self.date_mode.setObjectName("batasDate")
        self.hk_mode = QRadioButton(self.tr("hari kerja"))
        self.hk_mode.setObjectName("batasHk")
        self.group = QButtonGroup(self)
        for b in (self.none, self.date_mode, self.hk_mode):
            self.group.addButton(b)
        # Typed as the clerk writes it ("17072026", "17/7/26"); its own weekday caption is not shown: the preview
        # line under the fields says the weekday and the working days together.
        self.date = DateField(value=today, today=today)
        self.date.setObjectName("batasTanggal")
        self.hk = QSpinBox()
        self.hk.setObjectName("batasHari")
        self.hk.setRange(1, dispo.MAX_HARI_KERJA)
        self.hk.setValue(3)
        self.preview = muted(QLabel(), True)
        self.preview.setObjectName("batasPreview")
        # The two fields show one deadline two ways: each follows the other, and the one the clerk edits is
        # what the hop stores. Passing through a field with Tab edits nothing, so it changes no mode.
        self._syncing = False
        self.date.dateChanged.connect(lambda _d: self._edited(self.date_mode))
        self.hk.valueChanged.connect(lambda _v: self._edited(self.hk_mode))
        self.group.buttonToggled.connect(lambda *_: self.update_preview())
        # The reason under the fields follows the text as typed: the parsed date stays None from "3" to
        # "31022026", so following only its change left "belum lengkap" standing under an impossible date.
        self.date.textChanged.connect(lambda _t: self._date_typed())
        self.date.editingFinished.connect(self._date_typed)
        # Typing the value that is already there emits no change signal: a key that edits picks the mode too.
        self.date.installEventFilter(self)
        self.hk.installEventFilter(self)
        row = QHBoxLayout()
        row.addWidget(self.none)
        row.addWidget(self.date_mode)
        row.addWidget(self.date)
        row.addSpacing(6)
        row.addWidget(self.hk)
        row.addWidget(self.hk_mode)
        row.addStretch(1)
        self.layout = QVBoxLayout()
        self.layout.setSpacing(2)
        self.layout.addLayout(row)
        self.layout.addWidget(self.preview)

    def value(self) -> tuple[date | None, int | None]:
        """(batas date, None), (None, working days) or (None, None); a date that is not one yet counts as none
        (``problem()`` says why)."""
        if self.date_mode.isChecked():
            return self.date.date(), None
        if self.hk_mode.isChecked():
            return None, self.hk.value()
        return None, None

    def problem(self) -> str:
        """Why the chosen deadline cannot be stored ("" when it can): a date mode with no date in the field."""
        if not self.date_mode.isChecked():
            return ""
        return self.date.error() or ("" if self.date.date() else self.tr("Ketik tanggal batas waktu."))

    def _date_typed(self) -> None:
        if self.date_mode.isChecked() and not self._syncing:
            self.update_preview()

    def _edited(self, mode: QRadioButton) -> None:
        if self._syncing:
            return
        if mode.isChecked():
            self.update_preview()
        else:
            mode.setChecked(True)  # buttonToggled redraws the preview

    def update_preview(self) -> None:
        """The caption under the fields, ``→ Jumat, 17 Juli 2026 · 5 hari kerja``, and the other field set to
        the same deadline."""
        batas, hk = self.value()
        tanggal = self.hop_date()
        if hk:
            batas = self.calendar.add_working_days(tanggal, hk)
        elif batas is not None and batas > tanggal:
            # Day 1 is the first working day after the hop's date, as add_working_days counts.
            hk = self.calendar.working_days_between(tanggal + timedelta(days=1), batas)
        self._sync(batas, hk)
        if batas is None and self.problem():
            self.preview.setText(self.problem())
            self.preview.setStyleSheet(f"color: {ERROR_COLOR};")
        elif batas is None:
            self.preview.setText(self.tr("tanpa batas waktu (mengikuti disposisi di atasnya, bila ada)"))
            self.preview.setStyleSheet("")
        elif batas < tanggal:
            self.preview.setText(self.tr("→ {0}: sebelum tanggal disposisi").format(format_date_long(batas)))
            self.preview.setStyleSheet(f"color: {ERROR_COLOR};")
        else:
            text = self.tr("→ {0} · {1} hari kerja").format(format_date_long(batas), hk or 0)
            if not self.calendar.is_working_day(batas):
                text += self.tr(" · bukan hari kerja")
            self.preview.setText(text)
            self.preview.setStyleSheet("")

    def _sync(self, batas: date | None, hk: int | None) -> None:
        """Show the deadline in the field that is not being edited, without that counting as an edit."""
        self._syncing = True
        try:
            if self.hk_mode.isChecked() and batas is not None:
                self.date.setDate(batas)
            elif self.date_mode.isChecked() and hk and 1 <= hk <= self.hk.maximum():
                self.hk.setValue(hk)
        finally:
            self._syncing = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        mode = self.date_mode if watched is self.date else self.hk_mode if watched is self.hk else None
        if mode is not None and not mode.isChecked() and _edits(event):
            mode.setChecked(True)
        return super().eventFilter(watched, event)


def _edits(event: QEvent) -> bool:
    """A key that types or steps a value, the wheel or a click: the clerk chose this field. Tab is none."""
    kind = event.type()
    if kind in (QEvent.Type.Wheel, QEvent.Type.MouseButtonPress):
        return True
    if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
        return False
    steps = (
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
        Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown,
        Qt.Key.Key_Backspace,
        Qt.Key.Key_Delete,
        Qt.Key.Key_F4,
    )
    text = event.text()
    return event.key() in steps or (bool(text) and text.isprintable())
