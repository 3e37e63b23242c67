"""Penyusutan page: accumulated depreciation and nilai buku of every item at a date, per item and per golongan."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.assets.kode import GOLONGAN
from desktop.core.dates import format_date
from desktop.core.money import format_number
from desktop.printing.assets.kib import Cancelled
from desktop.services.assets import depreciation, reports
from desktop.services.assets.depreciation import DepreciationReport, DepreciationRow
from desktop.services.common.errors import ServiceError
from desktop.services.common.printed import Delivery
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog, status_text
from desktop.ui.tasks import Progress, TaskCancelled, run_task
from desktop.ui.widgets.dates import DateField
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR
from desktop.ui.widgets.tables import heading

SHOWN = 500  # rows put in the table at once: a search narrows 50,000 items to the few wanted
ITEM_HEADINGS = ("Kode Barang", "Register", "Nama Barang", "Tahun", "Nilai Perolehan", "Masa Manfaat",
                 "Semester", "Akumulasi", "Nilai Buku")  # fmt: skip
REKAP_HEADINGS = ("Golongan", "Uraian", "Jumlah", "Nilai Perolehan", "Akumulasi", "Nilai Buku")
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _table(parent: QWidget, name: str, headings: tuple[str, ...], stretch: int) -> QTableWidget:
    table = QTableWidget(0, len(headings), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headings))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setAlternatingRowColors(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str | int, ...]]) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value if isinstance(value, str) else format_number(value))
            if not isinstance(value, str):
                item.setTextAlignment(_RIGHT)
            table.setItem(r, c, item)


def _matches(row: DepreciationRow, words: list[str]) -> bool:
    text = f"{row.kode_barang} {row.register_text} {row.nama} {row.tahun}".casefold()
    return all(w in text for w in words)


class DepreciationPanel(QWidget):
    """Pick the date (the end of the last semester at first), work the figures out off the GUI thread, then
    look through them by searching, save them as Excel or CSV (the CLI's columns) or print them."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("depreciationPanel")
        self.report: DepreciationReport | None = None
        self.preview: PrintPreviewDialog | None = None
        today = ctx.office_today()
        self.as_of = DateField(self, reports.last_semester_end(today), required=True, today=today)
        self.as_of.setObjectName("depreciationDate")
        self.as_of.setAccessibleName(self.tr("Per tanggal"))
        self.compute_button = QPushButton(self.tr("&Hitung"), self)
        self.compute_button.setObjectName("computeDepreciation")
        self.compute_button.clicked.connect(self.compute)
        self.as_of.returnPressed.connect(self.compute)
        self.search = QLineEdit(self)
        self.search.setObjectName("depreciationSearch")
        self.search.setPlaceholderText(self.tr("Cari kode, register, nama atau tahun…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._show_items())
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Per &tanggal:"), self, buddy=self.as_of))
        top.addWidget(self.as_of)
        top.addWidget(self.as_of.caption)
        top.addWidget(self.compute_button)
        top.addSpacing(16)
        top.addWidget(self.search, 1)

        self.items = _table(self, "depreciationItems", ITEM_HEADINGS, 2)
        self.rekap = _table(self, "depreciationRekap", REKAP_HEADINGS, 1)
        self.summary = muted(QLabel(self))
        self.summary.setObjectName("depreciationSummary")
        self.summary.setWordWrap(True)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(heading(self.tr("Rekap per golongan"), lower))
        lower_layout.addWidget(self.rekap)
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.items)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)

        self.xlsx_button = QPushButton(self.tr("Simpan &Excel…"), self)
        self.xlsx_button.setObjectName("depreciationXlsx")
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        self.csv_button = QPushButton(self.tr("Simpan &CSV…"), self)
        self.csv_button.setObjectName("depreciationCsv")
        self.csv_button.clicked.connect(lambda: self.save("csv"))
        self.print_rekap = QPushButton(self.tr("Cetak per &golongan…"), self)
        self.print_rekap.setObjectName("depreciationPdfGolongan")
        self.print_rekap.clicked.connect(lambda: self.print_pdf("golongan"))
        self.print_items = QPushButton(self.tr("Cetak per &barang…"), self)
        self.print_items.setObjectName("depreciationPdfBarang")
        self.print_items.clicked.connect(lambda: self.print_pdf("barang"))
        self.message = QLabel(self)
        self.message.setObjectName("depreciationMessage")
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.xlsx_button, self.csv_button, self.print_rekap, self.print_items):
            buttons.addWidget(button)
        buttons.addWidget(self.message, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._sync()

    def _sync(self) -> None:
        ready = self.report is not None
        for button in (self.xlsx_button, self.csv_button, self.print_rekap, self.print_items):
            button.setEnabled(ready)

    # ------------------------------------------------------------------ computing
    def compute(self) -> None:
        """Work out every item's figures at the date chosen, in the background."""
        as_of = self.as_of.date()
        if as_of is None:
            set_message(self.message, self.tr("Tanggal: {0}").format(self.as_of.error()), ERROR_COLOR)
            self.as_of.setFocus()
            return
        ctx = self.ctx

        def work(progress: Progress) -> DepreciationReport:
            progress.set(0, 0, self.tr("Menghitung penyusutan…"))
            with ctx.read() as session:
                return depreciation.depreciation_rows(session, ctx.actor, as_of)

        self.compute_button.setEnabled(False)
        run_task(self, self.tr("Penyusutan"), work, on_done=self.show_report, on_error=self._failed,
                 on_cancel=lambda: self.compute_button.setEnabled(True))  # fmt: skip

    def show_report(self, report: DepreciationReport) -> None:
        self.compute_button.setEnabled(True)
        self.report = report
        rekap = report.rekap("golongan")
        rows: list[tuple[str | int, ...]] = [
            (f"KIB {g.key}", GOLONGAN.get(g.key, ""), g.jumlah, g.harga, g.akumulasi, g.nilai_buku)
            for g in rekap
        ]
        if rekap:
            rows.append(("Jumlah", "", sum(g.jumlah for g in rekap), sum(g.harga for g in rekap),
                         sum(g.akumulasi for g in rekap), sum(g.nilai_buku for g in rekap)))  # fmt: skip
        _fill(self.rekap, rows)
        skipped = self.tr(" {0} barang tidak disusutkan karena masa manfaatnya belum diatur.").format(
            len(report.skipped)
        )
        self.summary.setText(
            self.tr("Penyusutan per {0}: {1} barang.{2}").format(
                format_date(report.as_of), format_number(len(report.rows)), skipped if report.skipped else ""
            )
        )
        set_message(self.message, "", SUCCESS_COLOR)
        self._show_items()
        self._sync()

    def _show_items(self) -> None:
        report = self.report
        if report is None:
            return
        words = self.search.text().casefold().split()
        found = [r for r in report.rows if _matches(r, words)] if words else report.rows
        shown = found[:SHOWN]
        _fill(self.items, [
            (r.kode_barang, r.register_text, r.nama, str(r.tahun), r.harga, str(r.masa_manfaat_tahun),
             str(r.semester_berjalan), r.akumulasi, r.nilai_buku) for r in shown
        ])  # fmt: skip
        if len(found) > len(shown):
            self.items.setToolTip(
                self.tr("Menampilkan {0} dari {1} barang; persempit dengan pencarian.").format(
                    len(shown), format_number(len(found))
                )
            )
        else:
            self.items.setToolTip("")

    def shown_rows(self) -> int:
        return self.items.rowCount()

    def cell(self, row: int, column: int) -> str:
        item = self.items.item(row, column)
        return item.text() if item is not None else ""

    # ------------------------------------------------------------------ files and printing
    def save(self, suffix: str, path: str | None = None) -> None:
        """The figures as Excel (per item, rekap per golongan and per kode) or as the CLI's CSV."""
        report = self.report
        if report is None:
            return
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, self.tr("Simpan penyusutan"), f"penyusutan-{report.as_of}.{suffix}",
                self.tr("Excel (*.xlsx)") if suffix == "xlsx" else self.tr("CSV (*.csv)"),
            )  # fmt: skip
            if not path:
                return
        out = Path(path)
        export = depreciation.export_xlsx if suffix == "xlsx" else depreciation.export_csv
        ctx = self.ctx

        def work(progress: Progress) -> int:
            progress.set(0, 0, self.tr("Menyimpan {0}…").format(out.name))
            with ctx.transaction() as session:
                return export(session, ctx.actor, out, report)

        run_task(self, self.tr("Simpan penyusutan"), work, on_error=self._failed, on_done=lambda n: set_message(
            self.message, self.tr("{0} barang disimpan ke {1}.").format(format_number(n), out.name), SUCCESS_COLOR
        ))  # fmt: skip

    def print_pdf(self, by: str, done: Callable[[PrintPreviewDialog], None] | None = None) -> None:
        report = self.report
        if report is None:
            return
        ctx = self.ctx
        text = self.tr("Menyusun daftar penyusutan…")

        def work(progress: Progress) -> bytes:
            try:
                # Building writes nothing (the print is recorded on delivery): no write lock is taken.
                with ctx.read() as session:
                    return reports.penyusutan_pdf(
                        session, ctx.actor, report, by,
                        progress=lambda d, t: progress.set(d, t, text), cancelled=lambda: progress.cancelled,
                    )  # fmt: skip
            except Cancelled:
                raise TaskCancelled from None

        def show(pdf: bytes) -> None:
            self.preview = PrintPreviewDialog(
                pdf, self.tr("Penyusutan"), self, suggested_filename=f"penyusutan-{by}-{report.as_of}.pdf"
            )
            self.preview.delivered.connect(lambda delivery: self._printed(report.as_of, by, delivery))
            self.preview.open()
            if done is not None:
                done(self.preview)

        run_task(self, self.tr("Cetak penyusutan"), work, on_done=show, on_error=self._failed)

    def _printed(self, as_of: date, by: str, delivery: Delivery) -> None:
        """A printer took the list or its PDF was saved: recorded once (the preview alone is not)."""
        try:
            self.ctx.call(reports.record_penyusutan_printed, as_of, by, delivery)
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return
        set_message(self.message, status_text(delivery, self.tr("Penyusutan")), SUCCESS_COLOR)

    def _failed(self, exc: BaseException) -> None:
        self.compute_button.setEnabled(True)
        if isinstance(exc, ServiceError | OSError):
            set_message(self.message, str(exc), ERROR_COLOR)
            return
        sys.excepthook(type(exc), exc, exc.__traceback__)  # a bug: to the crash dialog
