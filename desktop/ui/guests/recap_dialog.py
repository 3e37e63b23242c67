"""Rekap kunjungan tamu of a period: per day or month, by keperluan, tujuan and instansi; PDF and xlsx."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.money import format_number
from desktop.printing.register_report import Cancelled
from desktop.services.common.errors import ServiceError
from desktop.services.guests import reports
from desktop.services.guests.reports import Recap, RecapLine
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.tasks import Progress, TaskCancelled, TaskHandle, run_task
from desktop.ui.widgets.failures import error_text, is_expected, report_bug
from desktop.ui.widgets.files import remember_dir, start_dir
from desktop.ui.widgets.messages import muted
from desktop.ui.widgets.screen_fit import fit_to_screen


class RecapDialog(QDialog):
    """The recap of ``start``..``end`` on screen (four tables, people beside visits), per day or per month,
    printed through the preview or saved as a workbook (audited as an export)."""

    def __init__(self, ctx: UiContext, start: date, end: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.start, self.end = start, end
        self.recap: Recap | None = None
        self.preview: PrintPreviewDialog | None = None
        self.task: TaskHandle[object] | None = None
        self.setObjectName("recapDialog")
        self.setWindowTitle(self.tr("Rekap kunjungan tamu"))
        self.period_label = QLabel(reports.period_label(start, end), self)
        font = self.period_label.font()
        font.setBold(True)
        self.period_label.setFont(font)
        self.per = QComboBox(self)
        self.per.setObjectName("per")
        self.per.addItem(self.tr("Per hari"), "hari")
        self.per.addItem(self.tr("Per bulan"), "bulan")
        if (end - start).days > 62:
            self.per.setCurrentIndex(1)  # a year per day is a long list; months read better
        per_label = QLabel(self.tr("&Rekap"), self)
        per_label.setBuddy(self.per)
        self.total_label = muted(QLabel(self))
        self.total_label.setObjectName("totalLabel")
        self.tabs = QTabWidget(self)
        self.tables: dict[str, QTableWidget] = {}
        for key, title in (
            ("periode", self.tr("Per tanggal")),
            ("keperluan", self.tr("Keperluan")),
            ("tujuan", self.tr("Tujuan")),
            ("instansi", self.tr("Instansi")),
        ):
            table = QTableWidget(0, 3, self)
            table.setObjectName(f"recap:{key}")
            table.setHorizontalHeaderLabels([title, self.tr("Kunjungan"), self.tr("Orang")])
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setAlternatingRowColors(True)
            table.setTabKeyNavigation(False)
            table.verticalHeader().hide()
            header = table.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
            self.tables[key] = table
            self.tabs.addTab(table, title)
        self.pdf_button = QPushButton(self.tr("&Cetak PDF…"), self)
        self.pdf_button.setObjectName("pdfButton")
        self.pdf_button.clicked.connect(self.print_pdf)
        self.xlsx_button = QPushButton(self.tr("Simpan &Excel…"), self)
        self.xlsx_button.setObjectName("xlsxButton")
        self.xlsx_button.clicked.connect(self.save_xlsx)
        close = QPushButton(self.tr("&Tutup"), self)
        close.clicked.connect(self.reject)
        for button in (self.pdf_button, self.xlsx_button, close):
            button.setAutoDefault(False)
        top = QHBoxLayout()
        top.addWidget(self.period_label, 1)
        top.addWidget(per_label)
        top.addWidget(self.per)
        buttons = QHBoxLayout()
        buttons.addWidget(self.total_label, 1)
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.xlsx_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self.per.currentIndexChanged.connect(lambda _i: self.refresh())
        fit_to_screen(self, 640, 520)
        self.refresh()

    def per_value(self) -> reports.Per:
        return "bulan" if self.per.currentData() == "bulan" else "hari"

    def refresh(self) -> None:
        try:
            self.recap = self.ctx.query(reports.recap, self.start, self.end, self.per_value())
        except ServiceError as exc:
            dialogs.error(self, self.windowTitle(), str(exc))
            return
        r = self.recap
        self.tabs.setTabText(0, self.tr("Per hari") if r.per == "hari" else self.tr("Per bulan"))
        for key, lines in (
            ("periode", r.periods),
            ("keperluan", r.keperluan),
            ("tujuan", r.tujuan),
            ("instansi", r.instansi),
        ):
            self._fill(self.tables[key], lines)
        self.total_label.setText(
            self.tr("Jumlah: {0} kunjungan, {1} orang").format(
                format_number(r.total.kunjungan), format_number(r.total.orang)
            )
        )

    @staticmethod
    def _fill(table: QTableWidget, lines: tuple[RecapLine, ...]) -> None:
        table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            table.setItem(row, 0, QTableWidgetItem(line.label))
            for column, value in ((1, line.kunjungan), (2, line.orang)):
                item = QTableWidgetItem(format_number(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(row, column, item)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        if not is_expected(exc):
            report_bug(exc)
            return
        dialogs.error(self, self.windowTitle(), error_text(exc))

    def _stem(self) -> str:
        return f"rekap-tamu-{self.start}-{self.end}"

    def print_pdf(self) -> None:
        start, end, per = self.start, self.end, self.per_value()
        text = self.tr("Menyusun rekap…")

        def work(progress: Progress) -> bytes:
            try:
                with self.ctx.transaction() as session:
                    return reports.recap_pdf(
                        session,
                        self.ctx.actor,
                        start,
                        end,
                        per,
                        lambda done, total: progress.set(done, total, text),
                        lambda: progress.cancelled,
                    )
            except Cancelled:
                raise TaskCancelled from None

        def done(pdf: bytes) -> None:
            self.task = None
            self.preview = PrintPreviewDialog(
                pdf, self.windowTitle(), self, suggested_filename=f"{self._stem()}.pdf"
            )
            self.preview.open()

        self.task = run_task(self, self.windowTitle(), work, on_done=done, on_error=self._failed)  # type: ignore[arg-type]

    def save_xlsx(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan rekap"), start_dir(f"{self._stem()}.xlsx"), self.tr("Excel (*.xlsx)")
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        start, end, per = self.start, self.end, self.per_value()

        def work(progress: Progress) -> int:
            with self.ctx.transaction() as session:
                return reports.recap_xlsx(session, self.ctx.actor, start, end, target, per)

        def done(count: int) -> None:
            self.task = None
            remember_dir(target)
            dialogs.info(
                self,
                self.windowTitle(),
                self.tr("Rekap {0} kunjungan disimpan ke\n{1}").format(format_number(count), target),
            )

        self.task = run_task(  # type: ignore[assignment]
            self, self.tr("Menyimpan Excel…"), work, on_done=done, on_error=self._failed, cancellable=False
        )
