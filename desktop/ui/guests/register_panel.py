"""The "Buku Tamu" page: the visits of a period searched and opened, cancelled, printed, recapped, exported, imported."""

from __future__ import annotations

import calendar
import contextlib
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.money import format_number
from desktop.printing.register_report import Cancelled
from desktop.services.common import office
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.guests import register_io, register_view, reports, visits
from desktop.services.guests.register_view import RegisterFilter
from desktop.services.guests.visits import STATUS_LABELS, VisitView
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.guests.guests_import_dialog import GuestsImportDialog
from desktop.ui.guests.recap_dialog import RecapDialog
from desktop.ui.guests.visit_detail_dialog import VisitDetailDialog, open_visit
from desktop.ui.guests.visit_model import (
    COL_INSTANSI,
    COL_KEPERLUAN,
    COL_NAMA,
    COL_TUJUAN,
    VisitTableModel,
)
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.tasks import Progress, TaskCancelled, TaskHandle, run_task
from desktop.ui.widgets.dates import DateField
from desktop.ui.widgets.failures import error_text, is_expected, report_bug
from desktop.ui.widgets.files import remember_dir, start_dir
from desktop.ui.widgets.flow import FlowRow
from desktop.ui.widgets.keys import is_enter, sequence
from desktop.ui.widgets.messages import muted
from desktop.ui.widgets.tables import (
    ask_reason,
    focus_search,
    heading,
    keep_columns_on_screen,
    list_table,
    search_box,
    selected_row,
    set_widths,
    take_key,
)

PERIOD_TODAY, PERIOD_MONTH, PERIOD_RANGE = "hari", "bulan", "rentang"


class RegisterPanel(QWidget):
    """The register of every visit: period (Hari ini / Bulan ini / rentang), search, status; Enter or a double
    click opens a visit (audited as a view); the buttons act on the period on screen. NIK is never a column."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("registerPanel")
        with ctx.read() as s:
            self.zone = office.get_profile(s).zona_waktu or "WIB"
        self.today = ctx.office_today()
        self.detail: VisitDetailDialog | None = None
        self.preview: PrintPreviewDialog | None = None
        self.recap_dialog: RecapDialog | None = None
        self.import_dialog: GuestsImportDialog | None = None
        self.task: TaskHandle[object] | None = None

        self.title = heading(self.tr("Buku Tamu"), self)
        self.period = QComboBox(self)
        self.period.setObjectName("period")
        self.period.setAccessibleName(self.tr("Periode"))
        self.period.addItem(self.tr("Hari ini"), PERIOD_TODAY)
        self.period.addItem(self.tr("Bulan ini"), PERIOD_MONTH)
        self.period.addItem(self.tr("Rentang tanggal"), PERIOD_RANGE)
        period_label = QLabel(self.tr("&Periode"), self)
        period_label.setBuddy(self.period)
        self.start = DateField(self, self.today, today=self.today)
        self.start.setObjectName("start")
        self.start.setAccessibleName(self.tr("Dari tanggal"))
        self.end = DateField(self, self.today, today=self.today)
        self.end.setObjectName("end")
        self.end.setAccessibleName(self.tr("Sampai tanggal"))
        self.until = QLabel(self.tr("s.d."), self)
        self.search, self.search_timer = search_box(
            self, self.tr("Cari nama, instansi, tiket, keperluan (Ctrl+F)"), self.reload
        )
        self.search.setMinimumWidth(220)
        self.status = QComboBox(self)
        self.status.setObjectName("status")
        self.status.setAccessibleName(self.tr("Status"))
        self.status.addItem(self.tr("Semua status"), "")
        for status, label in STATUS_LABELS.items():
            self.status.addItem(self.tr(label), status.value)
        self.count_label = muted(QLabel(self))
        self.count_label.setObjectName("countLabel")

        self._audited: object = None  # the filter whose list was last recorded as viewed (R31)
        self.model = VisitTableModel(self._fetch, self.zone)
        self.table = list_table(self, "registerTable", self.model, COL_TUJUAN)
        set_widths(self.table, {0: 90, 1: 64, 2: 190, 3: 170, 4: 150, 5: 200, 6: 56, 7: 56, 8: 90, 9: 70})
        self.fitter = keep_columns_on_screen(self.table, (COL_NAMA, COL_INSTANSI, COL_KEPERLUAN, COL_TUJUAN))
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_actions())
        self.model.modelReset.connect(self.update_count)
        self.model.rowsInserted.connect(lambda *_a: self.update_count())

        self.open_button = self._button("openButton", self.tr("&Detail…"), self.open_selected)
        self.cancel_button = self._button(
            "cancelButton", self.tr("&Batalkan kunjungan…"), self.cancel_selected
        )
        self.print_button = self._button("printButton", self.tr("&Cetak buku tamu…"), self.print_book)
        self.recap_button = self._button("recapButton", self.tr("&Rekap…"), self.open_recap)
        self.export_button = self._button("exportButton", self.tr("&Ekspor…"), self.export)
        self.import_button = self._button("importButton", self.tr("&Impor buku tamu lama…"), self.import_book)
        self.prereg_import_button = self._button(
            "preregImportButton", self.tr("Impor pra-re&gistrasi…"), self.import_prereg
        )
        can_write = ctx.actor.can(Perm.WRITE_GUESTS)
        for button in (self.cancel_button, self.import_button, self.prereg_import_button):
            button.setVisible(can_write)
        self.print_button.setVisible(ctx.actor.can(Perm.PRINT))

        filters = QWidget(self)
        flow = FlowRow(filters)
        flow.add(self.title)
        flow.add(period_label)
        flow.add(self.period)
        flow.add(self.start)
        flow.add(self.until)
        flow.add(self.end)
        flow.add(self.search, grow=True)
        flow.add(self.status)
        flow.add(self.count_label)
        actions = QWidget(self)
        buttons = FlowRow(actions)
        for button in (
            self.open_button,
            self.cancel_button,
            self.print_button,
            self.recap_button,
            self.export_button,
            self.import_button,
            self.prereg_import_button,
        ):
            buttons.add(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(actions)

        self.period.currentIndexChanged.connect(lambda _i: self.period_changed())
        self.start.dateChanged.connect(lambda _d: self.reload())
        self.end.dateChanged.connect(lambda _d: self.reload())
        self.status.currentIndexChanged.connect(lambda _i: self.reload())
        for widget in (self.search, self.table, self.period, self.status, self.start, self.end):
            widget.installEventFilter(self)
        self.period_changed()

    def _button(self, name: str, text: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: slot())  # type: ignore[operator]
        return button

    # ------------------------------------------------------------------ the question
    def period_range(self) -> tuple[date, date] | None:
        """The period on screen, or None while a typed date is not a date (or the end is before the start)."""
        kind = self.period.currentData()
        if kind == PERIOD_TODAY:
            return self.today, self.today
        if kind == PERIOD_MONTH:
            last = calendar.monthrange(self.today.year, self.today.month)[1]
            return self.today.replace(day=1), self.today.replace(day=last)
        start, end = self.start.date(), self.end.date()
        if start is None or end is None or end < start:
            return None
        return start, end

    def current_filter(self) -> RegisterFilter | None:
        period = self.period_range()
        if period is None:
            return None
        return RegisterFilter(period[0], period[1], self.search.text(), self.status.currentData() or "")

    def period_changed(self) -> None:
        ranged = self.period.currentData() == PERIOD_RANGE
        if ranged and (self.start.date(), self.end.date()) == (self.today, self.today):
            # A range opened for the first time starts at this month so far: widening it is a keystroke or two.
            for field, value in ((self.start, self.today.replace(day=1)), (self.end, self.today)):
                field.blockSignals(True)
                field.setDate(value)
                field.blockSignals(False)
        for widget in (self.start, self.until, self.end):
            widget.setVisible(ranged)
        self.reload()

    def _fetch(self, offset: int) -> tuple[list[VisitView], int]:
        flt = self.current_filter()
        if flt is None:
            return [], 0
        return self.ctx.query(register_view.list_visits, flt, offset=offset, limit=register_view.PAGE)

    def reload(self) -> None:
        self.search_timer.stop()
        try:
            self.model.reload()
        except ServiceError as exc:
            self.count_label.setText(str(exc))
            return
        flt = self.current_filter()
        if flt is not None and flt != self._audited and self.model.total:
            # The same list read again (a refresh) is not a new look at guest data, nor is an empty list.
            with contextlib.suppress(ServiceError):
                self.ctx.call(register_view.record_list_view, flt)
            self._audited = flt
        self.update_actions()

    def update_count(self) -> None:
        period = self.period_range()
        if period is None:
            self.count_label.setText(self.tr("Periode tidak valid"))
            return
        self.count_label.setText(self.tr("{0} kunjungan").format(format_number(self.model.total)))

    def update_actions(self) -> None:
        row = self.selected()
        self.open_button.setEnabled(row is not None)
        closed = (
            row is None
            or row.status in ("batal", "tidak_hadir")
            or (row.status in ("selesai",) and row.pulang_at is not None)
        )
        self.cancel_button.setEnabled(not closed)
        has_period = self.period_range() is not None
        for button in (self.print_button, self.recap_button, self.export_button):
            button.setEnabled(has_period)

    def selected(self) -> VisitView | None:
        return selected_row(self.table, self.model)

    # ------------------------------------------------------------------ keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() in (
            QEvent.Type.KeyPress,
            QEvent.Type.ShortcutOverride,
        ):
            keys = {sequence("Ctrl+F"): lambda: focus_search(self.search), sequence("F5"): self.reload}
            if take_key(event, keys):
                return True
            if watched is self.table and event.type() == QEvent.Type.KeyPress and is_enter(event):
                self.open_selected()
                return True
            if watched is self.search and event.type() == QEvent.Type.KeyPress and is_enter(event):
                self.reload()
                self.table.setFocus()
                if self.model.rowCount() and self.selected() is None:
                    self.table.selectRow(0)
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ one visit
    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.detail = open_visit(self.ctx, row.id, self.zone, self)

    def cancel_selected(self) -> None:
        row = self.selected()
        if row is None or not self.ctx.actor.can(Perm.WRITE_GUESTS):
            return
        title = self.tr("Batalkan kunjungan")
        who = f"{row.tiket} {row.nama}".strip()
        reason = ask_reason(
            self,
            title,
            self.tr("Alasan membatalkan kunjungan {0} (mis. salah catat, tamu tercatat dua kali):").format(
                who
            ),
            cancel=self.tr("Kembali"),
            width=460,
        )
        if reason is None:
            return
        question = self.tr(
            "Batalkan kunjungan {0}? Nomor tiketnya tidak dipakai lagi dan kartu tamunya kembali tersedia."
        ).format(who)
        if not dialogs.confirm(
            self, title, question, yes=self.tr("Batalkan kunjungan"), no=self.tr("Kembali"), danger=True
        ):
            return
        try:
            self.ctx.call(visits.cancel, row.id, reason)
        except ServiceError as exc:
            dialogs.error(self, title, str(exc))
            return
        self.reload()

    # ------------------------------------------------------------------ the period
    def _period_or_say(self, title: str) -> tuple[date, date] | None:
        period = self.period_range()
        if period is None:
            dialogs.error(self, title, self.tr("Isi tanggal awal dan akhir periode yang benar dulu."))
        return period

    def _failed(self, title: str) -> object:
        def failed(exc: BaseException) -> None:
            self.task = None
            if not is_expected(exc):
                report_bug(exc)
                return
            dialogs.error(self, title, error_text(exc))

        return failed

    def print_book(self) -> None:
        title = self.tr("Cetak buku tamu")
        period = self._period_or_say(title)
        if period is None:
            return
        start, end = period
        text = self.tr("Menyusun buku tamu…")

        def work(progress: Progress) -> bytes:
            try:
                with self.ctx.transaction() as session:
                    return reports.guest_book_pdf(
                        session,
                        self.ctx.actor,
                        start,
                        end,
                        lambda done, total: progress.set(done, total, text),
                        lambda: progress.cancelled,
                    )
            except Cancelled:
                raise TaskCancelled from None

        def done(pdf: bytes) -> None:
            self.task = None
            self.preview = PrintPreviewDialog(
                pdf, title, self, suggested_filename=f"buku-tamu-{start}-{end}.pdf"
            )
            self.preview.open()

        self.task = run_task(self, title, work, on_done=done, on_error=self._failed(title))  # type: ignore[arg-type]

    def open_recap(self) -> None:
        period = self._period_or_say(self.tr("Rekap kunjungan"))
        if period is None:
            return
        self.recap_dialog = RecapDialog(self.ctx, period[0], period[1], self)
        self.recap_dialog.open()

    def export(self) -> None:
        title = self.tr("Ekspor buku tamu")
        period = self._period_or_say(title)
        if period is None:
            return
        start, end = period
        path, chosen = QFileDialog.getSaveFileName(
            self, title, start_dir(f"buku-tamu-{start}-{end}.xlsx"), self.tr("Excel (*.xlsx);;CSV (*.csv)")
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_name(target.name + (".csv" if "csv" in chosen.lower() else ".xlsx"))
        write = register_io.export_csv if target.suffix.lower() == ".csv" else register_io.export_xlsx

        def work(progress: Progress) -> int:
            progress.set(0, 0, self.tr("Menulis {0}…").format(target.name))
            # Read without the write lock; only the audit row (R31) waits for another process's import.
            with self.ctx.read() as session:
                return write(
                    session, self.ctx.actor, target, start, end, audit_in=self.ctx.app.db.transaction
                )

        def done(count: int) -> None:
            self.task = None
            remember_dir(target)
            dialogs.info(
                self, title, self.tr("{0} kunjungan diekspor ke\n{1}").format(format_number(count), target)
            )

        self.task = run_task(self, title, work, on_done=done, on_error=self._failed(title), cancellable=False)  # type: ignore[arg-type]

    # ------------------------------------------------------------------ imports
    def _open_import(self, kind: str) -> None:
        self.import_dialog = GuestsImportDialog(self.ctx, kind, self)
        self.import_dialog.imported.connect(lambda _r: self.reload())
        self.import_dialog.open()

    def import_book(self) -> None:
        self._open_import(GuestsImportDialog.BUKU_TAMU)

    def import_prereg(self) -> None:
        self._open_import(GuestsImportDialog.PRA_REGISTRASI)
