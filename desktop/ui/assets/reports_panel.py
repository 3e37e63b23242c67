"""Laporan page of Barang: choose a report of R31 and a semester or year, preview and print it, or save Excel."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.printing.assets.kib import Cancelled
from desktop.services.assets import reports
from desktop.services.common.errors import ServiceError
from desktop.services.common.printed import Delivery
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog, status_text
from desktop.ui.tasks import Progress, TaskCancelled, run_task
from desktop.ui.widgets.forms import form_layout
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR

HINTS = {
    "laporan": "Per golongan barang intrakomptabel: saldo awal, mutasi tambah, mutasi kurang dan saldo akhir "
    "periode, dengan akumulasi penyusutan dan nilai buku pada akhir periode; barang ekstrakomptabel dalam "
    "catatan.",
    "mutasi": "Per golongan: saldo awal, bertambah (perolehan, kapitalisasi, reklasifikasi masuk), berkurang "
    "(penghapusan, reklasifikasi keluar) dan saldo akhir, dihitung dari buku mutasi barang.",
    "rekap_golongan": "Jumlah dan nilai barang per golongan pada akhir periode, intra- dan ekstrakomptabel.",
    "rekap_kode": "Jumlah dan nilai barang per kode barang pada akhir periode, intra- dan ekstrakomptabel.",
    "penyusutan_golongan": "Nilai perolehan, akumulasi penyusutan dan nilai buku per golongan pada akhir periode.",
    "penyusutan_barang": "Penyusutan setiap barang pada akhir periode (tanah, KDP dan ekstrakomptabel tidak "
    "disusutkan).",
}
PERIODS = (("Semester I", 1), ("Semester II", 2), ("Tahunan", None))


class AssetReportsPanel(QWidget):
    """The report list and the period (Semester I, II or the year); the PDF is built in the background with
    progress, then previewed; the Excel file has the same columns."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("assetReportsPanel")
        self.preview: PrintPreviewDialog | None = None
        today = ctx.office_today()
        last = reports.last_semester_end(today)
        self.kind = QComboBox(self)
        self.kind.setObjectName("assetReportKind")
        for key, title in reports.LAPORAN_REPORTS.items():
            self.kind.addItem(self.tr(title), key)
        self.kind.currentIndexChanged.connect(lambda _i: self._sync())
        self.hint = muted(QLabel(self))
        self.hint.setWordWrap(True)
        self.year = QSpinBox(self)
        self.year.setObjectName("assetReportYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(last.year)
        self.period = QComboBox(self)
        self.period.setObjectName("assetReportPeriod")
        for label, semester in PERIODS:
            self.period.addItem(self.tr(label), semester)
        self.period.setCurrentIndex(0 if last.month == 6 else 1)
        period_row = QHBoxLayout()
        period_row.addWidget(self.period)
        period_row.addWidget(self.year)
        period_row.addStretch(1)
        form = form_layout()
        form.addRow(self.tr("&Laporan:"), self.kind)
        form.addRow("", self.hint)
        period_label = QLabel(self.tr("&Periode:"), self)
        period_label.setBuddy(self.period)  # a row of two fields: the label needs its buddy named
        form.addRow(period_label, period_row)

        self.pdf_button = QPushButton(self.tr("Pratinjau && &cetak PDF"), self)
        self.pdf_button.setObjectName("assetReportPdf")
        self.pdf_button.clicked.connect(lambda: self.make_pdf())
        self.xlsx_button = QPushButton(self.tr("Simpan &Excel…"), self)
        self.xlsx_button.setObjectName("assetReportXlsx")
        self.xlsx_button.clicked.connect(lambda: self.make_xlsx())
        self.message = QLabel(self)
        self.message.setObjectName("assetReportMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.xlsx_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._sync()

    def key(self) -> str:
        return str(self.kind.currentData())

    def choose(self, key: str, tahun: int, semester: int | None) -> None:
        self.kind.setCurrentIndex(self.kind.findData(key))
        self.year.setValue(tahun)
        self.period.setCurrentIndex([s for _l, s in PERIODS].index(semester))

    def semester(self) -> int | None:
        value = self.period.currentData()
        return None if value is None else int(value)

    def _sync(self) -> None:
        self.hint.setText(self.tr(HINTS[self.key()]))

    def _stem(self) -> str:
        semester = self.semester()
        return f"{self.key().replace('_', '-')}-{self.year.value()}" + (f"-s{semester}" if semester else "")

    def make_pdf(self, done: Callable[[PrintPreviewDialog], None] | None = None) -> None:
        key, tahun, semester, ctx = self.key(), self.year.value(), self.semester(), self.ctx
        title = self.tr(reports.LAPORAN_REPORTS[key])
        text = self.tr("Menyusun {0}…").format(title.lower())
        stem = self._stem()

        def work(progress: Progress) -> bytes:
            try:
                # Building writes nothing (the print is recorded on delivery): no write lock is taken.
                with ctx.read() as session:
                    return reports.report_pdf(
                        session, ctx.actor, key, tahun, semester,
                        progress=lambda d, t: progress.set(d, t, text), cancelled=lambda: progress.cancelled,
                    )  # fmt: skip
            except Cancelled:
                raise TaskCancelled from None

        def show(pdf: bytes) -> None:
            self.preview = PrintPreviewDialog(pdf, title, self, suggested_filename=f"{stem}.pdf")
            self.preview.delivered.connect(
                lambda delivery: self._printed(title, delivery, key, tahun, semester)
            )
            self.preview.open()
            if done is not None:
                done(self.preview)

        run_task(self, title, work, on_done=show, on_error=self._failed)

    def _printed(self, title: str, delivery: Delivery, key: str, tahun: int, semester: int | None) -> None:
        """A printer took the report or its PDF was saved: recorded once (the preview alone is not)."""
        try:
            self.ctx.call(reports.record_report_printed, key, tahun, semester, delivery)
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return
        set_message(self.message, status_text(delivery, title), SUCCESS_COLOR)

    def make_xlsx(self, path: str | None = None) -> None:
        key, tahun, semester, ctx = self.key(), self.year.value(), self.semester(), self.ctx
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Simpan laporan"), f"{self._stem()}.xlsx", self.tr("Excel (*.xlsx)")
            )
            if not path:
                return
        out = Path(path)

        def work(progress: Progress) -> int:
            progress.set(0, 0, self.tr("Menyimpan {0}…").format(out.name))
            with ctx.transaction() as session:
                return reports.report_xlsx(session, ctx.actor, key, tahun, semester, out)

        def saved(count: int) -> None:
            set_message(
                self.message, self.tr("{0} baris disimpan ke {1}.").format(count, out.name), SUCCESS_COLOR
            )

        run_task(self, self.tr("Simpan laporan"), work, on_done=saved, on_error=self._failed)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ServiceError | OSError):
            set_message(self.message, str(exc), ERROR_COLOR)
            return
        sys.excepthook(type(exc), exc, exc.__traceback__)  # a bug: to the crash dialog
