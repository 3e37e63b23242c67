"""The working-day calendar: national holidays, cuti bersama and local days off, year by year."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.calendar import Holiday, HolidayKind
from desktop.core.dates import format_date_long
from desktop.services.common import calendar
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.settings import common
from desktop.ui.settings.add_year_dialog import AddYearDialog
from desktop.ui.settings.common import DASH
from desktop.ui.settings.holiday_dialog import MAX_YEAR, MIN_YEAR, HolidayDialog
from desktop.ui.widgets.messages import muted

ESTIMATE_BACKGROUND = QColor("#fff4d6")


class CalendarPage(common.SettingsPage):
    """Year selector, that year's holidays, and Tambah / Ubah / Hapus / Tambah tahun."""

    changed = Signal()

    COLUMNS = ("Tanggal", "Jenis", "Nama", "Dasar")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarPage")
        self.ctx = ctx
        self.exec_dialog = common.exec_dialog
        self.can_edit = ctx.actor.can(Perm.MANAGE_SETTINGS)
        self.holidays: list[Holiday] = []

        self.year = QSpinBox()
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setGroupSeparatorShown(False)
        self.year.setValue(ctx.office_today().year)
        self.year.setAccelerated(True)
        self.year.valueChanged.connect(lambda _value: self.refresh())
        year_label = QLabel(self.tr("Ta&hun:"))
        year_label.setBuddy(self.year)
        self.years_label = muted(QLabel())
        self.summary_label = QLabel()

        self.table = common.make_table([self.tr(c) for c in self.COLUMNS], stretch=3)
        self.table.setObjectName("holidaysTable")
        self.table.itemSelectionChanged.connect(self._update_buttons)

        self.add_button = QPushButton(self.tr("&Tambah…"))
        self.add_button.clicked.connect(self.add_holiday)
        self.edit_button = QPushButton(self.tr("&Ubah…"))
        self.edit_button.clicked.connect(self.edit_holiday)
        self.delete_button = QPushButton(self.tr("Ha&pus…"))
        self.delete_button.clicked.connect(self.delete_holiday)
        self.add_year_button = QPushButton(self.tr("Tambah tahun dari paket &holidays…"))
        self.add_year_button.clicked.connect(self.add_year)

        top = QHBoxLayout()
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addSpacing(12)
        top.addWidget(self.years_label)
        top.addStretch(1)
        top.addWidget(self.summary_label)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.add_year_button)

        legend = muted(
            QLabel(
                self.tr(
                    "Baris berwarna kuning bertanda “(perkiraan)”: tanggal hijriah yang belum pasti. "
                    "Cocokkan dengan SKB Bersama tentang hari libur nasional dan cuti bersama begitu terbit."
                )
            )
        )
        legend.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(
            common.page_header(
                self.tr("Kalender kerja"),
                self.tr(
                    "Hari libur nasional, cuti bersama dan libur lokal. Dipakai untuk menghitung hari kerja: "
                    "cuti pegawai, tenggat layanan informasi dan standar waktu SOP. Sabtu dan Minggu selalu libur."
                ),
            )
        )
        if not self.can_edit:
            layout.addWidget(common.read_only_note())
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(legend)
        layout.addLayout(buttons)

        if self.can_edit:
            self.table.doubleClicked.connect(lambda _index: self.edit_holiday())
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shortcut = QShortcut(QKeySequence(key), self.table)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(self.edit_holiday)
            delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.table)
            delete.setContext(Qt.ShortcutContext.WidgetShortcut)
            delete.activated.connect(self.delete_holiday)
        else:
            for button in (self.add_button, self.edit_button, self.delete_button, self.add_year_button):
                button.hide()
        self._update_buttons()

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        self.loaded = True
        year = self.year.value()
        with self.ctx.read() as session:
            self.holidays = calendar.list_holidays(session, year)
            years = calendar.years_present(session)
        if years:
            self.years_label.setText(
                self.tr("Tahun yang sudah terisi: %1").replace("%1", _year_ranges(years))
            )
        else:
            self.years_label.setText(self.tr("Kalender masih kosong."))
        selected = common.selected_data(self.table)
        self.table.setRowCount(len(self.holidays))
        for row, h in enumerate(self.holidays):
            common.fill_row(
                self.table,
                row,
                [format_date_long(h.tanggal), self.tr(h.jenis.label), h.nama, h.dasar or DASH],
                h.tanggal,
            )
            if h.is_estimate:
                for column in range(self.table.columnCount()):
                    item = self.table.item(row, column)
                    item.setBackground(ESTIMATE_BACKGROUND)
                    item.setForeground(QColor("#000000"))
                    item.setToolTip(self.tr("Tanggal perkiraan: cocokkan dengan SKB Bersama."))
        common.fit_columns(self.table, max_width=420)
        counts = {kind: sum(1 for h in self.holidays if h.jenis is kind) for kind in HolidayKind}
        self.summary_label.setText(
            self.tr("%1 libur nasional, %2 cuti bersama")
            .replace("%1", str(counts[HolidayKind.LIBUR_NASIONAL]))
            .replace("%2", str(counts[HolidayKind.CUTI_BERSAMA]))
        )
        if selected is not None:
            common.select_row_where(self.table, lambda d: d == selected)
        self._update_buttons()

    def selected_holiday(self) -> Holiday | None:
        day = common.selected_data(self.table)
        return next((h for h in self.holidays if h.tanggal == day), None)

    def _update_buttons(self) -> None:
        selected = self.selected_holiday() is not None
        self.edit_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def _show_saved(self, day: date) -> None:
        if self.year.value() != day.year:
            self.year.setValue(day.year)  # refreshes
        else:
            self.refresh()
        common.select_row_where(self.table, lambda d: d == day)
        self.changed.emit()

    # ------------------------------------------------------------------ actions
    def add_holiday(self) -> None:
        if not self.can_edit:
            return
        today = self.ctx.office_today()
        default = today if today.year == self.year.value() else date(self.year.value(), 1, 1)
        dialog = HolidayDialog(self.ctx, None, default, self)
        if self.exec_dialog(dialog) and dialog.saved is not None:
            self._show_saved(dialog.saved.tanggal)

    def edit_holiday(self) -> None:
        holiday = self.selected_holiday()
        if not self.can_edit or holiday is None:
            return
        dialog = HolidayDialog(self.ctx, holiday, holiday.tanggal, self)
        if self.exec_dialog(dialog) and dialog.saved is not None:
            self._show_saved(dialog.saved.tanggal)

    def delete_holiday(self) -> None:
        holiday = self.selected_holiday()
        if not self.can_edit or holiday is None:
            return
        if not dialogs.confirm(
            self,
            self.tr("Hapus hari libur"),
            self.tr("Hapus “%1” (%2) dari kalender?")
            .replace("%1", holiday.nama)
            .replace("%2", format_date_long(holiday.tanggal)),
            yes=self.tr("&Hapus"),
            informative=self.tr("Tanggal itu menjadi hari kerja biasa bila jatuh pada hari Senin–Jumat."),
            danger=True,
        ):
            return
        try:
            self.ctx.call(calendar.delete_holiday, holiday.tanggal)
        except ServiceError as exc:
            common.warn(self, self.tr("Hapus hari libur"), common.error_text(exc))
        self.refresh()
        self.changed.emit()

    def add_year(self) -> None:
        if not self.can_edit:
            return
        with self.ctx.read() as session:
            years = calendar.years_present(session)
        suggestion = max([*years, self.ctx.office_today().year - 1]) + 1
        dialog = AddYearDialog(self.ctx, min(suggestion, MAX_YEAR), self)
        if not self.exec_dialog(dialog):
            return
        self.add_year_from_package(dialog.year.value())

    def add_year_from_package(self, year: int) -> int | None:
        title = self.tr("Tambah tahun %1").replace("%1", str(year))
        try:
            added = self.ctx.call(calendar.add_year_from_package, year)
        except (ServiceError, RuntimeError) as exc:
            common.warn(self, title, common.error_text(exc))
            return None
        self.year.setValue(year)
        self.refresh()
        self.changed.emit()
        estimates = sum(1 for h in self.holidays if h.is_estimate)
        if added:
            text = (
                self.tr("%1 hari libur tahun %2 ditambahkan.")
                .replace("%1", str(added))
                .replace("%2", str(year))
            )
        else:
            text = self.tr("Tidak ada yang ditambahkan: semua tanggal tahun %1 sudah ada.").replace(
                "%1", str(year)
            )
        cuti = sum(1 for h in self.holidays if h.jenis is HolidayKind.CUTI_BERSAMA)
        notes = [
            self.tr(
                "Periksa daftarnya terhadap SKB Bersama Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB "
                "tentang hari libur nasional dan cuti bersama tahun %1."
            ).replace("%1", str(year))
        ]
        if estimates:
            notes.append(
                self.tr("%1 tanggal bertanda “(perkiraan)” wajib dicocokkan begitu SKB terbit.").replace(
                    "%1", str(estimates)
                )
            )
        if not cuti:
            notes.append(self.tr("Cuti bersama belum ada: masukkan sendiri dari SKB bila sudah terbit."))
        common.inform(self, title, text, " ".join(notes))
        return added


def _year_ranges(years: list[int]) -> str:
    """``2024–2027, 2030``."""
    parts: list[str] = []
    start = prev = years[0]
    for y in [*years[1:], None]:
        if y is not None and y == prev + 1:
            prev = y
            continue
        parts.append(str(start) if start == prev else f"{start}–{prev}")
        if y is not None:
            start = prev = y
    return ", ".join(parts)
