"""The batas waktu of a new hop: none, a date, or a number of working days, with the date it comes to."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QLabel, QRadioButton, QSpinBox, QVBoxLayout

from desktop.core.calendar import WorkingCalendar
from desktop.core.dates import format_date_long
from desktop.services.letters import dispositions as dispo
from desktop.ui.letters.disposition.shared import date_edit
from desktop.ui.widgets.dates import pydate
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
        self.date = date_edit(today)
        self.date.setObjectName("batasTanggal")
        self.hk = QSpinBox()
        self.hk.setObjectName("batasHari")
        self.hk.setRange(1, dispo.MAX_HARI_KERJA)
        self.hk.setValue(3)
        self.preview = muted(QLabel(), True)
        self.preview.setObjectName("batasPreview")
        self.date.dateChanged.connect(lambda _d: self.date_mode.setChecked(True))
        self.hk.valueChanged.connect(lambda _v: self.hk_mode.setChecked(True))
        self.group.buttonToggled.connect(lambda *_: self.update_preview())
        self.hk.valueChanged.connect(lambda _v: self.update_preview())
        # Typing the value that is already there emits no valueChanged: entering the field picks its mode too.
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
        """(batas date, None), (None, working days) or (None, None)."""
        if self.date_mode.isChecked():
            return pydate(self.date.date()), None
        if self.hk_mode.isChecked():
            return None, self.hk.value()
        return None, None

    def update_preview(self) -> None:
        batas, hk = self.value()
        tanggal = self.hop_date()
        if hk:
            batas = self.calendar.add_working_days(tanggal, hk)
        if batas is None:
            self.preview.setText(self.tr("tanpa batas waktu (mengikuti disposisi di atasnya, bila ada)"))
            self.preview.setStyleSheet("")
        elif batas < tanggal:
            self.preview.setText(self.tr("→ {0}: sebelum tanggal disposisi").format(format_date_long(batas)))
            self.preview.setStyleSheet(f"color: {ERROR_COLOR};")
        else:
            self.preview.setText(self.tr("→ {0}").format(format_date_long(batas)))
            self.preview.setStyleSheet("")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            if watched is self.hk:
                self.hk_mode.setChecked(True)
            elif watched is self.date:
                self.date_mode.setChecked(True)
        return super().eventFilter(watched, event)
