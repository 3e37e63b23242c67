"""Cetak KIB: the golongan, intra/ekstra/gabungan, nilai in ribuan and the date signed; built off the GUI thread."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.assets.kode import GOLONGAN
from desktop.printing.assets.kib import Cancelled
from desktop.services.assets import documents, kib_io
from desktop.services.assets.documents import KIB_JENIS
from desktop.services.assets.settings import get_settings
from desktop.services.common.errors import ServiceError
from desktop.services.common.printed import Delivery
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog, status_text
from desktop.ui.tasks import Progress, TaskCancelled, TaskHandle, run_task
from desktop.ui.widgets.dates import DateField
from desktop.ui.widgets.forms import form_layout
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR

# The order the clerk reads them in; the combined card is what most offices print.
JENIS_ORDER = ("intra", "ekstra", "gabungan")
HINT = "Barang aktif menurut kode dan register, ditandatangani Kepala SKPD dan pengurus barang; F4 mendatar."
JENIS_KEYS = {"intra": "&Intrakomptabel", "ekstra": "&Ekstrakomptabel", "gabungan": "&Gabungan"}


class KibPrintDialog(QDialog):
    """Choose what the KIB shows, then "Pratinjau" builds it with a progress bar and Batal (a KIB B of tens of
    thousands of units takes seconds) and opens the preview, where it is printed or saved as PDF. The dialog
    stays open behind the preview so another golongan can follow. "Ekspor Excel…" writes the golongan's
    workbook (all units, intra and ekstra)."""

    def __init__(self, ctx: UiContext, golongan: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("kibPrintDialog")
        self.setWindowTitle(self.tr("Cetak KIB"))
        self.preview: PrintPreviewDialog | None = None
        self.task: TaskHandle[Any] | None = None
        today = ctx.office_today()
        with ctx.read() as s:
            settings = get_settings(s)

        self.golongan = QComboBox(self)
        self.golongan.setObjectName("kibGolongan")
        for code, name in GOLONGAN.items():
            if code:
                self.golongan.addItem(f"KIB {code} · {name}", code)
        # The list's golongan; "Semua" has no card of its own: KIB B holds most of an office's items.
        self.golongan.setCurrentIndex(max(0, self.golongan.findData(golongan or "B")))

        self.jenis_group = QButtonGroup(self)
        self.jenis: dict[str, QRadioButton] = {}
        jenis_row = QHBoxLayout()
        for key in JENIS_ORDER:
            radio = QRadioButton(self.tr(JENIS_KEYS[key]), self)
            radio.setObjectName(f"jenis_{key}")
            self.jenis_group.addButton(radio)
            self.jenis[key] = radio
            jenis_row.addWidget(radio)
        jenis_row.addStretch(1)
        self.jenis["gabungan"].setChecked(True)

        self.ribuan = QCheckBox(self.tr("Nilai dalam &ribuan Rupiah (formulir lama)"), self)
        self.ribuan.setObjectName("kibRibuan")
        self.ribuan.setChecked(settings.harga_ribuan)
        self.tanggal = DateField(self, today, required=True, today=today)
        self.tanggal.setObjectName("kibTanggal")
        self.tanggal.setAccessibleName(self.tr("Tanggal tanda tangan"))

        form = form_layout()
        golongan_label = QLabel(self.tr("&Golongan:"), self)
        golongan_label.setBuddy(self.golongan)
        form.addRow(golongan_label, self.golongan)
        form.addRow(self.tr("Barang:"), jenis_row)
        form.addRow("", self.ribuan)
        tanggal_label = QLabel(self.tr("&Tanggal:"), self)
        tanggal_label.setBuddy(self.tanggal)
        form.addRow(tanggal_label, self.tanggal.boxed())
        hint = muted(QLabel(self.tr(HINT), self), True)
        hint.setWordWrap(True)

        self.message = QLabel(self)
        self.message.setObjectName("kibMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.preview_button = QPushButton(self.tr("&Pratinjau && cetak"), self)
        self.preview_button.setObjectName("kibPreview")
        self.preview_button.setDefault(True)
        self.preview_button.clicked.connect(self.build)
        self.xlsx_button = QPushButton(self.tr("Ekspor E&xcel…"), self)
        self.xlsx_button.setObjectName("kibXlsx")
        self.xlsx_button.setAutoDefault(False)
        self.xlsx_button.setToolTip(self.tr("Semua barang golongan ini (intra dan ekstra) ke berkas .xlsx"))
        self.xlsx_button.clicked.connect(lambda: self.export_xlsx())
        close = QPushButton(self.tr("Tutup"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.xlsx_button)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)

    # ------------------------------------------------------------------ choices
    def golongan_code(self) -> str:
        return str(self.golongan.currentData())

    def jenis_key(self) -> str:
        return next(key for key, radio in self.jenis.items() if radio.isChecked())

    def set_jenis(self, key: str) -> None:
        self.jenis[key].setChecked(True)

    def title(self) -> str:
        return self.tr("KIB {0} {1}").format(self.golongan_code(), KIB_JENIS[self.jenis_key()].lower())

    def _tanggal(self) -> date | None:
        found = self.tanggal.date()
        if found is None:
            set_message(self.message, self.tr("Tanggal: {0}").format(self.tanggal.error()), ERROR_COLOR)
            self.tanggal.setFocus()
        return found

    def _busy(self, busy: bool) -> None:
        self.preview_button.setEnabled(not busy)
        self.xlsx_button.setEnabled(not busy)

    def _started(self, handle: TaskHandle[Any]) -> None:
        self.task = handle
        self._busy(True)
        handle.finished.connect(self._ended)

    def _ended(self) -> None:
        self.task = None
        self._busy(False)

    # ------------------------------------------------------------------ building
    def build(self) -> TaskHandle[bytes] | None:
        """Build the KIB on a worker thread; the preview opens when it is ready (Batal stops it)."""
        tanggal = self._tanggal()
        if tanggal is None or self.task is not None:
            return None
        golongan, jenis, ribuan, title = self.golongan_code(), self.jenis_key(), self.ribuan.isChecked(), self.title()  # fmt: skip
        text = self.tr("Menyusun {0}…").format(title)
        self.message.hide()

        def work(progress: Progress) -> bytes:
            try:
                # Building writes nothing (the print is recorded on delivery): no write lock is taken.
                with self.ctx.read() as session:
                    return documents.kib_pdf(
                        session, self.ctx.actor, golongan, jenis=jenis, ribuan=ribuan, tanggal=tanggal,
                        progress=lambda done, total: progress.set(done, total, text),
                        cancelled=lambda: progress.cancelled,
                    )  # fmt: skip
            except Cancelled:
                raise TaskCancelled from None

        handle = run_task(
            self, title, work,
            on_done=lambda pdf: self._show(pdf, title, golongan, jenis),
            on_error=self._failed,
        )  # fmt: skip
        self._started(handle)
        return handle

    def _show(self, pdf: bytes, title: str, golongan: str, jenis: str) -> None:
        self.preview = PrintPreviewDialog(
            pdf, title, self, suggested_filename=f"kib-{golongan.lower()}-{jenis}.pdf"
        )
        # Looking is not printing: only a job a printer took, or the PDF saved, is recorded.
        self.preview.delivered.connect(lambda delivery: self._printed(golongan, jenis, title, delivery))
        self.preview.open()

    def _printed(self, golongan: str, jenis: str, title: str, delivery: Delivery) -> None:
        try:
            self.ctx.call(documents.record_kib_printed, golongan, delivery, jenis=jenis)
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return
        set_message(self.message, status_text(delivery, title), SUCCESS_COLOR)

    def export_xlsx(self, path: Path | None = None) -> TaskHandle[int] | None:
        """The golongan's workbook; ``path`` None asks where to save it."""
        if self.task is not None:
            return None
        golongan = self.golongan_code()
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Ekspor KIB {0}").format(golongan), f"kib-{golongan.lower()}.xlsx",
                self.tr("Excel (*.xlsx)"),
            )  # fmt: skip
            if not chosen:
                return None
            path = Path(chosen)
        target = path

        def work(_progress: Progress) -> int:
            with self.ctx.transaction() as session:
                return kib_io.export_xlsx(session, self.ctx.actor, golongan, target)

        def done(count: int) -> None:
            set_message(self.message, self.tr("{0} barang KIB {1} disimpan ke {2}").format(count, golongan, target),
                        SUCCESS_COLOR)  # fmt: skip

        handle = run_task(
            self, self.tr("Menyimpan Excel…"), work, on_done=done, on_error=self._failed, cancellable=False
        )
        self._started(handle)
        return handle

    def _failed(self, exc: BaseException) -> None:
        set_message(self.message, str(exc), ERROR_COLOR)
