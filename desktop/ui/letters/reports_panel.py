"""Laporan: the Buku Agenda Surat Masuk for a year or a period, as PDF (preview, print) or Excel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.printing.register_report import Cancelled
from desktop.services import letter_reports
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.tasks import Progress, TaskCancelled, run_task


class ReportsPanel(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: PrintPreviewDialog | None = None
        today = date.today()

        title = QLabel(self.tr("<b>Buku Agenda Surat Masuk</b>"))
        hint = QLabel(
            self.tr(
                "Dicetak di kertas F4 mendatar dengan kop surat, diketahui Kepala Sub Bagian Umum dan "
                "ditandatangani pengelola surat. Bisa juga disimpan sebagai berkas Excel."
            )
        )
        hint.setWordWrap(True)

        self.by_year = QRadioButton(self.tr("Satu &tahun"))
        self.by_year.setChecked(True)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.by_range = QRadioButton(self.tr("&Periode"))
        self.start = QDateEdit(QDate(today.year, today.month, 1))
        self.end = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setCalendarPopup(True)
        range_row = QHBoxLayout()
        range_row.addWidget(self.start)
        range_row.addWidget(QLabel(self.tr("s.d.")))
        range_row.addWidget(self.end)
        range_row.addStretch(1)
        self.by_year.toggled.connect(self._sync)

        form = QFormLayout()
        form.addRow(self.by_year, self.year)
        form.addRow(self.by_range, range_row)

        self.pdf_button = QPushButton(self.tr("Pratinjau && &cetak PDF"))
        self.pdf_button.setObjectName("reportPdf")
        self.pdf_button.clicked.connect(self.make_pdf)
        self.xlsx_button = QPushButton(self.tr("Simpan &Excel…"))
        self.xlsx_button.clicked.connect(self.make_xlsx)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.xlsx_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(title)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._sync()

    def _sync(self) -> None:
        self.year.setEnabled(self.by_year.isChecked())
        self.start.setEnabled(not self.by_year.isChecked())
        self.end.setEnabled(not self.by_year.isChecked())

    def period(self) -> tuple[date, date]:
        if self.by_year.isChecked():
            return date(self.year.value(), 1, 1), date(self.year.value(), 12, 31)
        return self.start.date().toPython(), self.end.date().toPython()

    def make_pdf(self) -> None:
        start, end = self.period()

        def work(progress: Progress) -> bytes:
            try:
                with self.ctx.transaction() as session:
                    return letter_reports.incoming_register_pdf(
                        session,
                        self.ctx.actor,
                        start,
                        end,
                        progress=lambda done, total: progress.set(
                            done, total, self.tr("Menyusun buku agenda…")
                        ),
                        cancelled=lambda: progress.cancelled,
                    )
            except Cancelled:
                raise TaskCancelled from None

        run_task(
            self, self.tr("Buku Agenda Surat Masuk"), work, on_done=self._show_pdf, on_error=self._failed
        )

    def _show_pdf(self, pdf: bytes) -> None:
        start, end = self.period()
        self.preview = PrintPreviewDialog(
            pdf,
            self.tr("Buku Agenda Surat Masuk"),
            self,
            suggested_filename=f"buku-agenda-masuk-{start}-{end}.pdf",
        )
        self.preview.open()

    def make_xlsx(self) -> None:
        start, end = self.period()
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan buku agenda"),
            f"buku-agenda-masuk-{start}-{end}.xlsx",
            self.tr("Excel (*.xlsx)"),
        )
        if not path:
            return
        target = Path(path)

        def work(progress: Progress) -> int:
            with self.ctx.transaction() as session:
                return letter_reports.incoming_register_xlsx(session, self.ctx.actor, start, end, target)

        def done(rows: int) -> None:
            dialogs.info(
                self, self.tr("Tersimpan"), self.tr("{0} surat disimpan ke {1}").format(rows, target)
            )

        run_task(
            self, self.tr("Menyimpan Excel…"), work, on_done=done, on_error=self._failed, cancellable=False
        )

    def _failed(self, exc: BaseException) -> None:
        dialogs.error(self, self.tr("Laporan gagal"), str(exc))
