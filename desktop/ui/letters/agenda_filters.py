"""The filter bar of the agenda lists: a "Filter ▾" toggle and one compact row of filters (letters.md feature 7).

The bar only collects what the clerk picks; the list turns it into the service's filter and reloads after the
same pause as the search box. Hidden by default so the table keeps its height at 1366 × 768; the toggle shows
how many filters are on, so a hidden filter is never forgotten.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from desktop.core.letters.rules import Keamanan, Urgensi
from desktop.ui.widgets.dates import DateField
from desktop.ui.widgets.flow import FlowRow
from desktop.ui.widgets.keys import sequence

FILTER_KEY = sequence("Ctrl+Shift+F")


class FilterToggle(QToolButton):
    """ "Filter ▾" / "Filter (2) ▴": shows and hides the bar and counts the filters that are on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filterToggle")
        self.setCheckable(True)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setToolTip(self.tr("Tampilkan atau sembunyikan baris filter (Ctrl+Shift+F)"))
        self.count = 0
        self.toggled.connect(lambda _on: self._update_text())
        self._update_text()

    def set_count(self, count: int) -> None:
        self.count = count
        self._update_text()

    def _update_text(self) -> None:
        arrow = "▴" if self.isChecked() else "▾"
        if self.count:
            self.setText(self.tr("Filter ({0}) {1}").format(self.count, arrow))
        else:
            self.setText(self.tr("Filter {0}").format(arrow))
        font = self.font()
        font.setBold(self.count > 0)  # a filter that is on stays visible even with the bar hidden
        self.setFont(font)


class FilterBar(QWidget):
    """One row: date range (with an on/off box), a name, kode, keamanan, urgensi, status, optionally the
    disposition target, and "Hapus filter". Emits ``changed`` whenever a value that matters changes."""

    changed = Signal()

    def __init__(
        self,
        *,
        date_label: str,
        name_placeholder: str,
        statuses: dict[str, str],
        today: date,
        targets: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("filterBar")
        self._quiet = False

        self.use_dates = QCheckBox(date_label, self)
        self.use_dates.setObjectName("filterUseDates")
        self.use_dates.setToolTip(self.tr("Batasi ke rentang tanggal"))
        self.dari = self._date_edit("filterDari", date(today.year, today.month, 1), self.tr("Dari tanggal"))
        self.sampai = self._date_edit("filterSampai", today, self.tr("Sampai tanggal"))
        dash = QLabel("–", self)
        self.use_dates.toggled.connect(self._dates_toggled)
        self._dates_toggled(False)

        self.name = QLineEdit(self)
        self.name.setObjectName("filterName")
        self.name.setPlaceholderText(name_placeholder)
        self.name.setAccessibleName(name_placeholder)
        self.name.setClearButtonEnabled(True)
        self.name.setMinimumWidth(110)
        self.name.textChanged.connect(lambda _t: self._emit())

        self.kode = QLineEdit(self)
        self.kode.setObjectName("filterKode")
        self.kode.setPlaceholderText(self.tr("Kode"))
        self.kode.setAccessibleName(self.tr("Kode klasifikasi"))
        self.kode.setToolTip(self.tr("Kode klasifikasi beserta turunannya: 000.1 juga menemukan 000.1.5"))
        self.kode.setFixedWidth(self.kode.fontMetrics().horizontalAdvance("800.1.11.13") + 24)
        self.kode.textChanged.connect(lambda _t: self._emit())

        self.keamanan = self._combo(
            "filterKeamanan", self.tr("Semua keamanan"), self.tr("Klasifikasi keamanan")
        )
        for k in Keamanan:
            self.keamanan.addItem(f"{k.value} · {k.label}", k.value)
        self.urgensi = self._combo("filterUrgensi", self.tr("Semua urgensi"), self.tr("Urgensi"))
        for u in Urgensi:
            self.urgensi.addItem(u.label, u.value)
        self.status = self._combo("filterStatus", self.tr("Semua status"), self.tr("Status"))
        for key, label in statuses.items():
            self.status.addItem(label, key)
        self.target: QComboBox | None = None
        if targets is not None:
            self.target = self._combo("filterDisposisi", self.tr("Disposisi kepada: semua"), "")
            self.target.setAccessibleName(self.tr("Disposisi kepada"))
            self.target.setToolTip(self.tr("Surat yang didisposisikan kepada pejabat ini"))
            for i, label in enumerate(targets):
                self.target.addItem(label, i)
            self.target.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.target.setMinimumContentsLength(16)
            self.target.view().setMinimumWidth(self.target.view().sizeHintForColumn(0) + 24)

        self.clear_button = QPushButton(self.tr("Hapus filter"), self)
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setAutoDefault(False)
        self.clear_button.setToolTip(self.tr("Kosongkan semua filter"))
        self.clear_button.clicked.connect(self.clear)

        # The date range stays one piece; on a 1024 px screen the rest wraps onto a second line instead of
        # making the whole window wider than the screen.
        dates = QWidget(self)
        dates_row = QHBoxLayout(dates)
        dates_row.setContentsMargins(0, 0, 0, 0)
        dates_row.setSpacing(4)
        dates_row.addWidget(self.use_dates)
        dates_row.addWidget(self.dari)
        dates_row.addWidget(dash)
        dates_row.addWidget(self.sampai)
        layout = FlowRow(self, spacing=4)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.add(dates)
        layout.add(self.name, grow=True)
        layout.add(self.kode)
        for combo in (self.keamanan, self.urgensi, self.status, self.target):
            if combo is not None:
                layout.add(combo)
        layout.add(self.clear_button)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def _date_edit(self, name: str, value: date, accessible: str) -> DateField:
        # Typed like every other date ("01032026", "1/3/26"). The row has no room for the weekday caption: a date
        # that is not one shows red with the reason as its tooltip. Empty leaves that end of the range open.
        edit = DateField(self, value, today=value)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        # Just the digits and the calendar button: every filter must fit one row at 1366 px.
        edit.setFixedWidth(edit.fontMetrics().horizontalAdvance("88-88-8888") + 34)
        edit.dateChanged.connect(lambda _d: self._emit() if self.use_dates.isChecked() else None)
        return edit

    def _combo(self, name: str, everything: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(everything, None)
        if accessible:
            combo.setAccessibleName(accessible)
            combo.setToolTip(accessible)
        combo.currentIndexChanged.connect(lambda _i: self._emit())
        return combo

    def _dates_toggled(self, on: bool) -> None:
        self.dari.setEnabled(on)
        self.sampai.setEnabled(on)
        self._emit()

    def _emit(self) -> None:
        if not self._quiet:
            self.changed.emit()

    # --- values
    def date_range(self) -> tuple[date | None, date | None]:
        if not self.use_dates.isChecked():
            return None, None
        dari, sampai = self.dari.date(), self.sampai.date()
        # A field being retyped (or left wrong, shown red) leaves that end of the range open, never the whole one.
        if dari is None or sampai is None:
            return dari, sampai
        return (sampai, dari) if dari > sampai else (dari, sampai)  # typed the wrong way round: still a range

    def name_text(self) -> str:
        return self.name.text().strip()

    def kode_text(self) -> str:
        return self.kode.text().strip()

    def keamanan_value(self) -> Keamanan | None:
        value = self.keamanan.currentData()
        return Keamanan(value) if value else None

    def urgensi_value(self) -> Urgensi | None:
        value = self.urgensi.currentData()
        return Urgensi(value) if value else None

    def status_value(self) -> str:
        return str(self.status.currentData() or "")

    def target_index(self) -> int | None:
        """Index into the ``targets`` given at construction, or None for everybody."""
        if self.target is None:
            return None
        value = self.target.currentData()
        return int(value) if value is not None else None

    def clear(self) -> None:
        """Every filter off, with one ``changed`` at the end (one reload, not eight)."""
        self._quiet = True
        try:
            self.use_dates.setChecked(False)
            self.name.clear()
            self.kode.clear()
            for combo in (self.keamanan, self.urgensi, self.status, self.target):
                if combo is not None:
                    combo.setCurrentIndex(0)
        finally:
            self._quiet = False
        self.changed.emit()

    def focus_first(self) -> None:
        self.use_dates.setFocus(Qt.FocusReason.ShortcutFocusReason)
