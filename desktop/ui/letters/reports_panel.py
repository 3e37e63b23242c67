"""Laporan: the clerk picks a report (buku agenda masuk or keluar, rekap bulanan, tindak lanjut disposisi) and a
period, then previews and prints it as PDF or saves it as Excel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
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
from sqlalchemy.orm import Session

from desktop.core.dates import month_name
from desktop.printing.register_report import Cancelled
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Actor
from desktop.services.common.printed import Delivery
from desktop.services.letters import reports
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.tasks import Progress, TaskCancelled, run_task
from desktop.ui.widgets.dates import DateField

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]


@dataclass(frozen=True)
class ReportKind:
    """One report of the list: how to build its PDF and its workbook for a period."""

    key: str
    title: str
    hint: str
    file_stem: str
    saved: str  # "{0} … disimpan ke {1}" after the Excel file is written
    pdf: Callable[[Session, Actor, date, date, ProgressFn, CancelledFn], bytes]
    xlsx: Callable[[Session, Actor, date, date, Path], int]
    printed: str  # its key in reports.PRINTED_REPORTS: recorded when really printed or saved as PDF
    monthly: bool = False  # the period is one calendar month


REPORTS = (
    ReportKind(
        key="agenda_masuk",
        title="Buku Agenda Surat Masuk",
        hint="Semua surat masuk menurut tanggal terima, dicetak di kertas F4 mendatar dengan kop surat, "
        "diketahui Kepala Sub Bagian Umum dan ditandatangani pengelola surat.",
        file_stem="buku-agenda-masuk",
        saved="{0} surat disimpan ke {1}",
        pdf=lambda s, a, start, end, progress, cancelled: reports.incoming_register_pdf(
            s, a, start, end, progress=progress, cancelled=cancelled
        ),
        xlsx=reports.incoming_register_xlsx,
        printed="buku_agenda_masuk",
    ),
    ReportKind(
        key="agenda_keluar",
        title="Buku Agenda Surat Keluar",
        hint="Semua nomor surat keluar menurut tanggal surat, termasuk nomor yang dibatalkan beserta "
        "alasannya; F4 mendatar dengan kop surat dan tanda tangan.",
        file_stem="buku-agenda-keluar",
        saved="{0} surat disimpan ke {1}",
        pdf=lambda s, a, start, end, progress, cancelled: reports.outgoing_register_pdf(
            s, a, start, end, progress=progress, cancelled=cancelled
        ),
        xlsx=reports.outgoing_register_xlsx,
        printed="buku_agenda_keluar",
    ),
    ReportKind(
        key="rekap_bulanan",
        title="Rekap Bulanan Surat",
        hint="Jumlah surat masuk dan surat keluar satu bulan menurut kode klasifikasi arsip (dua tingkat "
        "pertama) dan menurut unit kerja (surat masuk yang diteruskan ke unit, surat keluar yang diolah unit), "
        "dengan jumlah keseluruhan.",
        file_stem="rekap-surat",
        saved="{0} kode klasifikasi disimpan ke {1}",
        pdf=lambda s, a, start, _end, progress, cancelled: reports.monthly_recap_pdf(
            s, a, start.year, start.month, progress=progress, cancelled=cancelled
        ),
        xlsx=lambda s, a, start, _end, path: reports.monthly_recap_xlsx(s, a, start.year, start.month, path),
        printed="rekap_surat",
        monthly=True,
    ),
    ReportKind(
        key="tindak_lanjut",
        title="Laporan Tindak Lanjut Disposisi",
        hint="Surat yang diterima pada periode ini: per unit kerja jumlah disposisi yang diterima, selesai, "
        "diteruskan, belum selesai dan terlambat, lalu rincian disposisi yang belum selesai. Status "
        "tindak lanjut adalah keadaan hari ini.",
        file_stem="tindak-lanjut-disposisi",
        saved="{0} disposisi belum selesai disimpan ke {1}",
        pdf=lambda s, a, start, end, progress, cancelled: reports.follow_up_pdf(
            s, a, start, end, progress=progress, cancelled=cancelled
        ),
        xlsx=lambda s, a, start, end, path: reports.follow_up_xlsx(s, a, start, end, path),
        printed="tindak_lanjut_disposisi",
    ),
)


class ReportsPanel(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.preview: PrintPreviewDialog | None = None
        today = ctx.office_today()

        self.kind = QComboBox()
        self.kind.setObjectName("reportKind")
        for report in REPORTS:
            self.kind.addItem(self.tr(report.title), report.key)
        kind_label = QLabel(self.tr("&Laporan:"))
        kind_label.setBuddy(self.kind)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.kind.currentIndexChanged.connect(self._sync)

        self.by_year = QRadioButton(self.tr("Satu &tahun"))
        self.by_year.setChecked(True)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)

        self.by_month = QRadioButton(self.tr("Satu &bulan"))
        self.month = QComboBox()
        self.month.setObjectName("reportMonth")
        for number in range(1, 13):
            self.month.addItem(month_name(number), number)
        self.month.setCurrentIndex(today.month - 1)
        self.month_year = QSpinBox()
        self.month_year.setRange(2000, 2100)
        self.month_year.setValue(today.year)
        month_row = QHBoxLayout()
        month_row.addWidget(self.month)
        month_row.addWidget(self.month_year)
        month_row.addStretch(1)

        self.by_range = QRadioButton(self.tr("&Periode"))
        self.start = DateField(self, date(today.year, today.month, 1), required=True, today=today)
        self.start.setObjectName("reportStart")
        self.start.setAccessibleName(self.tr("Periode dari tanggal"))
        self.end = DateField(self, today, required=True, today=today)
        self.end.setObjectName("reportEnd")
        self.end.setAccessibleName(self.tr("Periode sampai tanggal"))
        for field in (self.start, self.end):
            # The longest weekday and month on one line; only a reason for a wrong date wraps.
            field.caption.setMinimumWidth(
                field.fontMetrics().horizontalAdvance("Selasa, 30 September 2026") + 8
            )
        range_row = QHBoxLayout()
        range_row.addWidget(self.start)
        range_row.addWidget(self.start.caption)
        range_row.addWidget(QLabel(self.tr("s.d.")))
        range_row.addWidget(self.end)
        range_row.addWidget(self.end.caption)
        range_row.addStretch(1)
        for radio in (self.by_year, self.by_month, self.by_range):
            radio.toggled.connect(self._sync)

        form = QFormLayout()
        form.addRow(kind_label, self.kind)
        form.addRow("", self.hint)
        year_row = QHBoxLayout()
        year_row.addWidget(self.year)
        year_row.addStretch(1)
        form.addRow(self.by_year, year_row)
        form.addRow(self.by_month, month_row)
        form.addRow(self.by_range, range_row)

        self.pdf_button = QPushButton(self.tr("Pratinjau && &cetak PDF"))
        self.pdf_button.setObjectName("reportPdf")
        self.pdf_button.clicked.connect(self.make_pdf)
        self.xlsx_button = QPushButton(self.tr("Simpan &Excel…"))
        self.xlsx_button.setObjectName("reportXlsx")
        self.xlsx_button.clicked.connect(self.make_xlsx)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.xlsx_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self._sync()

    def report(self) -> ReportKind:
        return REPORTS[max(self.kind.currentIndex(), 0)]

    def choose(self, key: str) -> None:
        """Select the report by its key (``agenda_masuk``, ``agenda_keluar``, ``rekap_bulanan``, ``tindak_lanjut``)."""
        self.kind.setCurrentIndex(self.kind.findData(key))

    def _sync(self) -> None:
        report = self.report()
        self.hint.setText(self.tr(report.hint))
        if report.monthly and not self.by_month.isChecked():
            # The recap counts one calendar month: the month of the year shown, unless one was picked.
            self.month_year.setValue(
                self.year.value() if self.by_year.isChecked() else self.month_year.value()
            )
            self.by_month.setChecked(True)  # toggles: _sync runs again
            return
        self.by_year.setEnabled(not report.monthly)
        self.by_range.setEnabled(not report.monthly)
        self.year.setEnabled(self.by_year.isChecked())
        self.month.setEnabled(self.by_month.isChecked())
        self.month_year.setEnabled(self.by_month.isChecked())
        for widget in (self.start, self.start.caption, self.end, self.end.caption):
            widget.setEnabled(self.by_range.isChecked())

    def period(self) -> tuple[date, date]:
        """The first and last day reported; ValueError (Indonesian) when a typed periode date is not a date."""
        if self.by_year.isChecked():
            return date(self.year.value(), 1, 1), date(self.year.value(), 12, 31)
        if self.by_month.isChecked():
            year, month = self.month_year.value(), int(self.month.currentData())
            first = QDate(year, month, 1)
            return first.toPython(), first.addMonths(1).addDays(-1).toPython()
        return self._typed(self.start, self.tr("awal")), self._typed(self.end, self.tr("akhir"))

    def _typed(self, field: DateField, which: str) -> date:
        found = field.date()  # required: None only with a reason
        if found is None:
            raise ValueError(self.tr("Tanggal {0} periode: {1}").format(which, field.error()))
        return found

    def _checked_period(self, title: str) -> tuple[date, date] | None:
        """The period, or None after saying which typed date is wrong and putting the cursor in it."""
        try:
            return self.period()
        except ValueError as exc:
            dialogs.error(self, title, str(exc))
            (self.start if self.start.error() else self.end).setFocus()
            return None

    def _file_name(self, report: ReportKind, start: date, end: date, suffix: str) -> str:
        if report.monthly:
            return f"{report.file_stem}-{start:%Y-%m}.{suffix}"
        return f"{report.file_stem}-{start}-{end}.{suffix}"

    def make_pdf(self) -> None:
        report = self.report()
        period = self._checked_period(self.tr(report.title))
        if period is None:
            return
        start, end = period
        text = self.tr("Menyusun {0}…").format(self.tr(report.title).lower())

        def work(progress: Progress) -> bytes:
            try:
                with self.ctx.transaction() as session:
                    return report.pdf(
                        session,
                        self.ctx.actor,
                        start,
                        end,
                        lambda done, total: progress.set(done, total, text),
                        lambda: progress.cancelled,
                    )
            except Cancelled:
                raise TaskCancelled from None

        run_task(
            self,
            self.tr(report.title),
            work,
            on_done=lambda pdf: self._show_pdf(pdf, report, start, end),
            on_error=self._failed,
        )

    def _show_pdf(self, pdf: bytes, report: ReportKind, start: date, end: date) -> None:
        self.preview = PrintPreviewDialog(
            pdf,
            self.tr(report.title),
            self,
            suggested_filename=self._file_name(report, start, end, "pdf"),
        )
        self.preview.delivered.connect(lambda delivery: self._record_printed(report, start, end, delivery))
        self.preview.open()

    def _record_printed(self, report: ReportKind, start: date, end: date, delivery: Delivery) -> None:
        try:
            self.ctx.call(reports.record_printed, report.printed, start, end, delivery)
        except ServiceError as exc:
            dialogs.error(self, self.tr(report.title), str(exc))

    def make_xlsx(self) -> None:
        report = self.report()
        period = self._checked_period(self.tr(report.title))
        if period is None:
            return
        start, end = period
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan {0}").format(self.tr(report.title).lower()),
            self._file_name(report, start, end, "xlsx"),
            self.tr("Excel (*.xlsx)"),
        )
        if not path:
            return
        target = Path(path)

        def work(progress: Progress) -> int:
            with self.ctx.transaction() as session:
                return report.xlsx(session, self.ctx.actor, start, end, target)

        def done(rows: int) -> None:
            dialogs.info(self, self.tr("Tersimpan"), self.tr(report.saved).format(rows, target))

        run_task(
            self, self.tr("Menyimpan Excel…"), work, on_done=done, on_error=self._failed, cancellable=False
        )

    def _failed(self, exc: BaseException) -> None:
        dialogs.error(self, self.tr("Laporan gagal"), str(exc))
