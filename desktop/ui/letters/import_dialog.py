"""Impor buku agenda surat masuk from .xlsx/.csv (file → column mapping → every row checked → import), and export.

The rules live in ``services/letters/incoming_io``; this module only asks, shows and runs the work off the GUI thread.
"""

from __future__ import annotations

import itertools
from collections import Counter
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.money import format_number
from desktop.services.common.errors import ServiceError
from desktop.services.common.import_log import AlreadyImported
from desktop.services.common.permissions import Perm
from desktop.services.letters import incoming_io
from desktop.services.letters.incoming_io import ImportPlan, ImportResult, RowError, Table
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters.common import ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR, muted, set_message
from desktop.ui.tasks import Progress, TaskHandle, run_task
from desktop.ui.widgets.failures import error_text, is_expected, report_bug
from desktop.ui.widgets.files import remember_dir, start_dir

FILE_FILTER = "Agenda (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv *.txt);;Semua berkas (*)"
TEMPLATE_NAME = "templat-impor-agenda-surat-masuk.xlsx"
IGNORE = "(abaikan)"
# Above this many rows the error and warning lists stay one line per row (full text in the tooltip):
# fitting every row's height to wrapped text gets slow.
WRAP_LIMIT = 1000

# Labels for the import columns; a column the service adds later shows its own name until it gets one here.
COLUMN_TEXT = {
    "nomor_agenda": "Nomor agenda",
    "tanggal_terima": "Tanggal terima",
    "asal": "Asal surat",
    "nomor_surat": "Nomor surat",
    "tanggal_surat": "Tanggal surat",
    "perihal": "Perihal",
    "kode_klasifikasi": "Kode klasifikasi",
    "keamanan": "Keamanan",
    "urgensi": "Urgensi",
    "status": "Status",
    "ditujukan_kepada": "Ditujukan kepada",
    "lampiran": "Lampiran",
    "keterangan": "Keterangan",
}
COLUMN_HINT = {
    "nomor_agenda": "Kosong = nomor berikutnya tahun itu; angka atau 15/2026 = nomor dari buku lama.",
    "tanggal_terima": "22-11-2026, 22/11/2026, 2026-11-22 atau 22 November 2026; boleh dengan jam (14.05).",
    "tanggal_surat": "Format sama dengan tanggal terima; tidak boleh sesudah tanggal terima.",
    "keamanan": "B, T, R, SR atau Biasa/Terbatas/Rahasia/Sangat Rahasia. Kosong = Biasa.",
    "urgensi": "Biasa, Segera atau Amat Segera. Kosong = Biasa.",
    "status": "Kosong = arsip (surat lama); isi “baru” bila surat masih perlu didisposisi.",
    "keterangan": "Teks bebas.",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def _column_text(column: str) -> str:
    return _tr(COLUMN_TEXT.get(column, column.replace("_", " ")))


class ImportDialog(QDialog):
    """Impor agenda surat masuk: four steps in one window; the import is one transaction through the service."""

    imported = Signal(list)  # the agenda years that received letters, after a successful import

    PAGE_FILE, PAGE_MAPPING, PAGE_CHECK, PAGE_DONE = range(4)
    STEPS = ("Berkas", "Pemetaan kolom", "Pemeriksaan", "Selesai")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Impor buku agenda surat masuk"))
        self.resize(920, 640)
        self.table: Table | None = None
        self.plan: ImportPlan | None = None
        self.outcome: ImportResult | None = None
        self.years: list[int] = []
        self.task: TaskHandle | None = None
        self.combos: dict[str, QComboBox] = {}
        self.header_labels: dict[str, QLabel] = {}

        self.steps = QLabel(self)
        self.steps.setObjectName("steps")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._mapping_page())
        self.pages.addWidget(self._check_page())
        self.pages.addWidget(self._done_page())

        self.back_button = QPushButton(self.tr("&Kembali"), self)
        self.back_button.clicked.connect(self.go_back)
        self.recheck_button = QPushButton(self.tr("Baca &ulang berkas"), self)
        self.recheck_button.setToolTip(
            self.tr("Sudah memperbaiki berkasnya di Excel? Baca lagi dan periksa dengan pemetaan yang sama.")
        )
        self.recheck_button.clicked.connect(self.reread)
        self.next_button = QPushButton(self.tr("&Lanjut"), self)
        self.next_button.clicked.connect(self.load_from_field)
        self.check_button = QPushButton(self.tr("&Periksa semua baris"), self)
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(self.validate)
        self.skip_button = QPushButton(self)
        self.skip_button.setObjectName("skipButton")
        self.skip_button.clicked.connect(self.import_valid_only)
        self.import_button = QPushButton(self.tr("&Impor"), self)
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.import_all)
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button = QPushButton(self.tr("&Tutup"), self)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.recheck_button)
        buttons.addStretch(1)
        for button in (
            self.next_button,
            self.check_button,
            self.skip_button,
            self.import_button,
            self.cancel_button,
            self.close_button,
        ):
            buttons.addWidget(button)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(line)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._show_page(self.PAGE_FILE)

    # ------------------------------------------------------------------ pages
    def _file_page(self) -> QWidget:
        page = QWidget(self)
        intro = QLabel(
            self.tr(
                "Pindahkan buku agenda surat masuk yang selama ini dicatat di Excel ke aplikasi. Berkas .xlsx "
                "atau .csv dibaca, judul kolomnya dipetakan, lalu <b>semua baris diperiksa dulu</b>: bila ada "
                "baris yang salah, tidak ada yang diimpor dan setiap baris yang salah disebutkan nomor baris dan "
                "alasannya — kecuali Anda memilih mengimpor baris yang valid saja."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit(page)
        self.path_edit.setObjectName("pathEdit")
        self.path_edit.setPlaceholderText(self.tr("Pilih berkas .xlsx atau .csv…"))
        self.path_edit.setClearButtonEnabled(True)
        self.path_edit.textChanged.connect(lambda _t: self._update_buttons())
        self.path_edit.returnPressed.connect(self.load_from_field)
        path_label = QLabel(self.tr("&Berkas:"), page)
        path_label.setBuddy(self.path_edit)
        self.browse_button = QPushButton(self.tr("&Pilih berkas…"), page)
        self.browse_button.setObjectName("browseButton")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.choose_file)
        self.file_message = QLabel(page)
        self.file_message.setObjectName("fileMessage")
        self.file_message.setWordWrap(True)
        self.file_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_message(self.file_message, "", ERROR_COLOR)

        self.template_button = QPushButton(self.tr("&Unduh templat…"), page)
        self.template_button.setObjectName("templateButton")
        self.template_button.setAutoDefault(False)
        self.template_button.clicked.connect(self.save_template)
        template_note = muted(
            QLabel(
                self.tr(
                    "Templat .xlsx berisi judul kolom yang dikenali aplikasi, satu baris contoh (hapus sebelum "
                    "impor) dan lembar “Petunjuk” yang menerangkan setiap kolom."
                ),
                page,
            )
        )
        template_note.setWordWrap(True)
        self.template_message = QLabel(page)
        self.template_message.setObjectName("templateMessage")
        self.template_message.setWordWrap(True)
        self.template_message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_message(self.template_message, "", SUCCESS_COLOR)

        tips = muted(
            QLabel(
                self.tr(
                    "<b>Yang perlu diketahui</b><ul>"
                    "<li>Kolom wajib: tanggal terima, asal surat, nomor surat, tanggal surat dan perihal. Judul "
                    "kolom boleh berbeda (mis. “Tgl Terima”, “Pengirim”, “Isi Ringkas”): kolomnya dipetakan di "
                    "langkah berikut.</li>"
                    "<li>Tanggal boleh ditulis 22-11-2026, 22/11/2026, 2026-11-22, 22 November 2026 atau "
                    "22 Nop 2026, boleh dengan jam terima (22/11/2026 14.05); tanpa jam dicatat pukul 08.00.</li>"
                    "<li>Nomor agenda yang kosong diberi nomor berikutnya tahun itu, urut tanggal terima. "
                    "Surat tanpa status dicatat sebagai arsip (tidak perlu disposisi lagi).</li>"
                    "<li>Berkas .csv boleh dipisah koma atau titik koma. Berkas .xls lama: simpan dulu sebagai "
                    ".xlsx.</li></ul>"
                ),
                page,
            )
        )
        tips.setWordWrap(True)
        tips.setTextFormat(Qt.TextFormat.RichText)

        row = QHBoxLayout()
        row.addWidget(path_label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_button)
        template_row.addWidget(template_note, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addWidget(self.file_message)
        layout.addSpacing(8)
        layout.addLayout(template_row)
        layout.addWidget(self.template_message)
        layout.addSpacing(8)
        layout.addWidget(tips)
        layout.addStretch(1)
        return page

    def _mapping_page(self) -> QWidget:
        page = QWidget(self)
        self.file_info = QLabel(page)
        self.file_info.setObjectName("fileInfo")
        self.file_info.setWordWrap(True)
        hint = muted(
            QLabel(
                self.tr(
                    "Pilih kolom impor untuk setiap judul kolom di berkas (Tab pindah ke pilihan berikutnya). "
                    "Tebakan aplikasi sudah diisi; pilih “(abaikan)” untuk kolom yang tidak diimpor. "
                    "Kolom bertanda * wajib ada."
                ),
                page,
            )
        )
        hint.setWordWrap(True)
        self.mapping_area = QScrollArea(page)
        self.mapping_area.setObjectName("mappingArea")
        self.mapping_area.setWidgetResizable(True)
        self.mapping_area.setWidget(QWidget())
        self.required_label = QLabel(page)
        self.required_label.setObjectName("requiredLabel")
        self.required_label.setWordWrap(True)
        self.required_label.setTextFormat(Qt.TextFormat.RichText)
        self.mapping_message = QLabel(page)
        self.mapping_message.setObjectName("mappingMessage")
        self.mapping_message.setWordWrap(True)
        set_message(self.mapping_message, "", ERROR_COLOR)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.file_info)
        layout.addWidget(hint)
        layout.addWidget(self.mapping_area, 1)
        layout.addWidget(self.required_label)
        layout.addWidget(self.mapping_message)
        return page

    def _check_page(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.summary.setFont(font)
        self.check_message = QLabel(page)
        self.check_message.setObjectName("checkMessage")
        self.check_message.setWordWrap(True)
        set_message(self.check_message, "", ERROR_COLOR)

        self.errors_label = QLabel(page)
        self.errors_label.setObjectName("errorsLabel")
        self.copy_button = QPushButton(self.tr("&Salin daftar"), page)
        self.copy_button.setToolTip(self.tr("Salin daftar baris yang salah (untuk memperbaiki berkasnya)"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_errors)
        self.error_table = self._row_table(page, "errorTable")
        self.errors_label.setBuddy(self.error_table)
        self.warnings_label = QLabel(page)
        self.warnings_label.setObjectName("warningsLabel")
        self.warning_table = self._row_table(page, "warningTable")
        self.warnings_label.setBuddy(self.warning_table)

        self.errors_box = QWidget(page)
        errors_layout = QVBoxLayout(self.errors_box)
        errors_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.errors_label, 1)
        head.addWidget(self.copy_button)
        errors_layout.addLayout(head)
        errors_layout.addWidget(self.error_table, 1)
        self.warnings_box = QWidget(page)
        warnings_layout = QVBoxLayout(self.warnings_box)
        warnings_layout.setContentsMargins(0, 0, 0, 0)
        warnings_layout.addWidget(self.warnings_label)
        warnings_layout.addWidget(self.warning_table, 1)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.check_message)
        layout.addWidget(self.errors_box, 3)
        layout.addWidget(self.warnings_box, 2)
        self.check_stretch = QWidget(page)  # keeps the summary at the top when there is no list to show
        layout.addWidget(self.check_stretch, 1)
        return page

    def _row_table(self, parent: QWidget, name: str) -> QTableWidget:
        table = QTableWidget(0, 2, parent)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels([self.tr("Baris"), self.tr("Alasan")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(0, table.fontMetrics().horizontalAdvance("888888") + 20)
        return table

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        self.done_label = QLabel(page)
        self.done_label.setObjectName("doneLabel")
        self.done_label.setWordWrap(True)
        self.done_label.setTextFormat(Qt.TextFormat.RichText)
        font = self.done_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.done_label.setFont(font)
        self.done_note = muted(QLabel(page))
        self.done_note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.addWidget(self.done_label)
        layout.addWidget(self.done_note)
        layout.addStretch(1)
        return page

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        parts = []
        for number, name in enumerate(self.STEPS):
            text = f"{number + 1}. {escape(self.tr(name))}"
            parts.append(
                f"<b>{text}</b>" if number == index else f"<span style='color:#8a8a8a'>{text}</span>"
            )
        self.steps.setText(" &nbsp;›&nbsp; ".join(parts))
        self._update_buttons()
        if index == self.PAGE_FILE:
            self.path_edit.setFocus()
        elif index == self.PAGE_MAPPING and self.combos:
            next(iter(self.combos.values())).setFocus()
        elif index == self.PAGE_CHECK:
            if self.import_button.isEnabled():
                self.import_button.setFocus()
            elif self.error_table.rowCount():
                self.error_table.setFocus()
        elif index == self.PAGE_DONE:
            self.close_button.setFocus()

    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        busy = self.busy
        plan = self.plan
        self.back_button.setVisible(page in (self.PAGE_MAPPING, self.PAGE_CHECK))
        self.recheck_button.setVisible(page == self.PAGE_CHECK)
        self.next_button.setVisible(page == self.PAGE_FILE)
        self.check_button.setVisible(page == self.PAGE_MAPPING)
        self.import_button.setVisible(page == self.PAGE_CHECK)
        self.cancel_button.setVisible(page != self.PAGE_DONE)
        self.close_button.setVisible(page == self.PAGE_DONE)
        errors = len(plan.errors) if plan is not None else 0
        valid = len(plan.valid) if plan is not None else 0
        self.skip_button.setVisible(page == self.PAGE_CHECK and errors > 0)
        self.skip_button.setText(
            self.tr("Impor baris yang &valid saja (lewati {0} baris)").format(format_number(errors))
        )
        self.next_button.setEnabled(not busy and bool(self.path_edit.text().strip()))
        self.check_button.setEnabled(not busy and page == self.PAGE_MAPPING and not self.mapping_problems())
        self.import_button.setEnabled(not busy and plan is not None and not errors and valid > 0)
        self.skip_button.setEnabled(not busy and plan is not None and errors > 0 and valid > 0)
        self.back_button.setEnabled(not busy)
        self.recheck_button.setEnabled(not busy and self.table is not None)
        self.browse_button.setEnabled(not busy)
        for button in (self.next_button, self.check_button, self.import_button, self.close_button):
            button.setDefault(False)
            button.setAutoDefault(False)
        default = {
            self.PAGE_FILE: self.next_button,
            self.PAGE_MAPPING: self.check_button,
            self.PAGE_CHECK: self.import_button if self.import_button.isEnabled() else None,
            self.PAGE_DONE: self.close_button,
        }.get(page)
        if default is not None:
            default.setDefault(True)
        for button in (self.back_button, self.recheck_button, self.skip_button, self.cancel_button):
            button.setAutoDefault(False)

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def go_back(self) -> None:
        page = self.pages.currentIndex()
        if page == self.PAGE_CHECK:
            self._show_page(self.PAGE_MAPPING)
        elif page == self.PAGE_MAPPING:
            self._show_page(self.PAGE_FILE)

    def reject(self) -> None:
        if self.busy:
            return  # the progress dialog's own "Batal" stops the work first
        super().reject()

    # ------------------------------------------------------------------ step 1: the file
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih berkas agenda surat masuk"), start_dir(), self.tr(FILE_FILTER)
        )
        if path:
            self.path_edit.setText(path)
            self.load_file(Path(path))

    def load_from_field(self) -> None:
        text = self.path_edit.text().strip().strip('"')
        if text and not self.busy:
            self.load_file(Path(text).expanduser())

    def load_file(self, path: Path, then_validate: bool = False) -> None:
        """Read ``path`` off the GUI thread; then the mapping step (or, re-reading, straight to the check)."""
        if self.busy:
            return
        set_message(self.file_message, "", ERROR_COLOR)
        if self.path_edit.text().strip() != str(path):
            self.path_edit.setText(str(path))
        text = self.tr("Membaca {0}…").format(path.name)

        def work(progress: Progress) -> Table:
            progress.set(0, 0, text)
            table = incoming_io.read_table(path)
            progress.check()
            return table

        def done(table: Table) -> None:
            self.task = None
            remember_dir(path)
            self._set_table(table)
            if then_validate and not self.mapping_problems():
                self.validate()
            else:
                self._show_page(self.PAGE_MAPPING)

        def failed(exc: BaseException) -> None:
            self.task = None
            self._update_buttons()
            if not is_expected(exc):
                report_bug(exc)
                return
            set_message(self.file_message, error_text(exc), ERROR_COLOR)
            self._show_page(self.PAGE_FILE)
            self.path_edit.setFocus()

        self.task = run_task(
            self,
            self.tr("Membaca berkas"),
            work,
            on_done=done,
            on_error=failed,
            on_cancel=self._task_cancelled,
        )
        self._update_buttons()

    def reread(self) -> None:
        """Read the same file again (fixed in Excel meanwhile) and check it with the mapping chosen before."""
        if self.table is not None:
            self.load_file(Path(self.path_edit.text().strip()), then_validate=True)

    def _task_cancelled(self) -> None:
        self.task = None
        self._update_buttons()

    def save_template(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Simpan templat impor"), start_dir(TEMPLATE_NAME), self.tr("Excel (*.xlsx)")
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        try:
            incoming_io.write_incoming_template(target)
        except (ServiceError, OSError) as exc:
            set_message(self.template_message, error_text(exc), ERROR_COLOR)
            return None
        remember_dir(target)
        set_message(
            self.template_message,
            self.tr("Templat tersimpan: {0}. Isi di Excel, simpan, lalu pilih berkasnya di atas.").format(
                target
            ),
            SUCCESS_COLOR,
        )
        return target

    # ------------------------------------------------------------------ step 2: the mapping
    def _set_table(self, table: Table) -> None:
        previous = self.mapping() if self.table is not None else {}
        self.table = table
        self.plan = None
        suggested = incoming_io.suggest_mapping(table.headers)
        if set(previous) == set(table.headers):
            suggested = previous  # re-reading a fixed file keeps what the clerk chose
        columns = list(incoming_io.INCOMING_COLUMNS) + list(incoming_io.INCOMING_OPTIONAL_COLUMNS)
        required = set(incoming_io.INCOMING_REQUIRED)

        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        bold = QFont(self.font())
        bold.setBold(True)
        for col, text in enumerate(
            (
                self.tr("Judul kolom di berkas"),
                self.tr("Diimpor sebagai"),
                self.tr("Contoh isi"),
            )
        ):
            label = QLabel(text, grid_widget)
            label.setFont(bold)
            grid.addWidget(label, 0, col)
        examples = self._examples(table)
        self.combos = {}
        self.header_labels = {}
        for row, header in enumerate(table.headers, start=1):
            name = QLabel(header, grid_widget)
            name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            sample = muted(QLabel(grid_widget))
            shown = examples.get(header, "")
            sample.setText(
                sample.fontMetrics().elidedText(shown, Qt.TextElideMode.ElideRight, 420) if shown else "—"
            )
            sample.setToolTip(shown)
            combo = QComboBox(grid_widget)
            combo.setMinimumContentsLength(18)
            combo.setObjectName(f"map:{header}")
            combo.setAccessibleName(self.tr("Kolom impor untuk “{0}”").format(header))
            combo.addItem(self.tr(IGNORE), None)
            for column in columns:
                text = _column_text(column) + (" *" if column in required else "")
                combo.addItem(text, column)
                hint = COLUMN_HINT.get(column)
                if hint:
                    combo.setItemData(combo.count() - 1, self.tr(hint), Qt.ItemDataRole.ToolTipRole)
            target = suggested.get(header)
            combo.setCurrentIndex(max(0, combo.findData(target)) if target else 0)
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            name.setBuddy(combo)
            grid.addWidget(name, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(sample, row, 2)
            self.combos[header] = combo
            self.header_labels[header] = name
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(table.headers) + 1, 1)
        self.mapping_area.setWidget(grid_widget)
        # Tab walks the choices top to bottom.
        combos = list(self.combos.values())
        for first, second in itertools.pairwise(combos):
            QWidget.setTabOrder(first, second)

        rows = format_number(len(table.rows))
        where = (
            self.tr(", judul kolom di baris {0}").format(table.header_line) if table.header_line != 1 else ""
        )
        self.file_info.setText(
            self.tr("<b>{0}</b>: {1} baris surat, {2} kolom{3}.").format(
                escape(table.source), rows, len(table.headers), where
            )
        )
        self._mapping_changed()

    @staticmethod
    def _examples(table: Table) -> dict[str, str]:
        found: dict[str, str] = {}
        for _line, record in table.rows[:200]:
            for header in table.headers:
                if header not in found and record.get(header, "").strip():
                    found[header] = " ".join(record[header].split())
            if len(found) == len(table.headers):
                break
        return found

    def mapping(self) -> dict[str, str | None]:
        """File header → import column (None: ignored), as the combos stand."""
        return {header: combo.currentData() for header, combo in self.combos.items()}

    def mapping_problems(self) -> list[str]:
        """Why the rows can't be checked yet: required columns not mapped, a column chosen twice."""
        if self.table is None:
            return [self.tr("Belum ada berkas.")]
        chosen = self.mapping()
        problems: list[str] = []
        missing = [c for c in incoming_io.INCOMING_REQUIRED if c not in chosen.values()]
        if missing:
            problems.append(
                self.tr("Kolom wajib belum dipetakan: {0}.").format(
                    ", ".join(_column_text(c) for c in missing)
                )
            )
        used = Counter(c for c in chosen.values() if c)
        for column, count in used.items():
            if count > 1:
                headers = [f"“{h}”" for h, c in chosen.items() if c == column]
                problems.append(
                    self.tr("{0} dipilih untuk lebih dari satu kolom berkas ({1}); pilih satu saja.").format(
                        _column_text(column), ", ".join(headers)
                    )
                )
        return problems

    def _mapping_changed(self) -> None:
        self.plan = None  # a new mapping needs a new check
        current = self.mapping()
        for header, label in self.header_labels.items():
            label.setEnabled(current.get(header) is not None)  # greyed: this column is not imported
        chosen = set(current.values())
        marks = []
        for column in incoming_io.INCOMING_REQUIRED:
            ok = column in chosen
            color = SUCCESS_COLOR if ok else ERROR_COLOR
            marks.append(
                f"<span style='color:{color}'>{'✓' if ok else '✗'} {escape(_column_text(column))}</span>"
            )
        self.required_label.setText(self.tr("Kolom wajib: {0}").format(" &nbsp; ".join(marks)))
        set_message(self.mapping_message, "\n".join(self.mapping_problems()), ERROR_COLOR)
        self._update_buttons()

    # ------------------------------------------------------------------ step 3: the check
    def validate(self) -> None:
        """Check every row with the chosen mapping, off the GUI thread; nothing is written."""
        table = self.table
        if table is None or self.busy or self.mapping_problems():
            return
        mapping = self.mapping()
        ctx = self.ctx
        text = self.tr("Memeriksa {0} baris…").format(format_number(len(table.rows)))

        def work(progress: Progress) -> ImportPlan:
            progress.set(0, 0, text)
            with ctx.read() as session:
                plan = incoming_io.validate_incoming(session, ctx.actor, table, mapping)
            progress.check()
            return plan

        def done(plan: ImportPlan) -> None:
            self.task = None
            self._show_plan(plan)

        def failed(exc: BaseException) -> None:
            self.task = None
            self._update_buttons()
            if not is_expected(exc):
                report_bug(exc)
                return
            set_message(self.mapping_message, error_text(exc), ERROR_COLOR)
            self._show_page(self.PAGE_MAPPING)

        self.task = run_task(
            self,
            self.tr("Memeriksa berkas"),
            work,
            on_done=done,
            on_error=failed,
            on_cancel=self._task_cancelled,
        )
        self._update_buttons()

    def _show_plan(self, plan: ImportPlan, note: str = "") -> None:
        self.plan = plan
        valid, errors, warnings = len(plan.valid), len(plan.errors), len(plan.warnings)
        read = format_number(plan.rows_read)
        if plan.rows_read == 0 and not errors:
            text = self.tr("Berkas tidak berisi baris surat; tidak ada yang bisa diimpor.")
            color = WARNING_COLOR
        elif not errors:
            text = self.tr("Semua {0} baris valid dan siap diimpor.").format(read)
            color = SUCCESS_COLOR
        elif valid:
            text = self.tr(
                "<b>{0} baris tidak valid</b> dari {1} baris; {2} baris valid. Tidak ada yang diimpor sampai "
                "berkasnya diperbaiki — atau impor baris yang valid saja."
            ).format(format_number(errors), read, format_number(valid))
            color = ERROR_COLOR
        else:
            text = self.tr(
                "<b>Tidak ada baris yang valid</b> ({0} baris tidak valid). Perbaiki berkasnya."
            ).format(format_number(errors))
            color = ERROR_COLOR
        if warnings:
            text += " " + self.tr("{0} peringatan tidak menghalangi impor.").format(format_number(warnings))
        self.summary.setText(f"<span style='color:{color}'>{text}</span>")
        set_message(self.check_message, note, WARNING_COLOR)

        self._fill(self.error_table, plan.errors)
        self.errors_label.setText(self.tr("&Baris yang salah ({0})").format(format_number(errors)))
        self.errors_box.setVisible(bool(errors))
        self._fill(self.warning_table, plan.warnings)
        self.warnings_label.setText(
            self.tr("P&eringatan ({0}) — tetap diimpor; periksa bila perlu").format(format_number(warnings))
        )
        self.warnings_box.setVisible(bool(warnings))
        self.check_stretch.setVisible(not errors and not warnings)
        self._show_page(self.PAGE_CHECK)

    def _fill(self, table: QTableWidget, rows: list[RowError]) -> None:
        table.setUpdatesEnabled(False)
        table.clearContents()
        table.setRowCount(len(rows))
        for index, problem in enumerate(rows):
            line = QTableWidgetItem(str(problem.line))
            line.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            reason = QTableWidgetItem(problem.reason)
            reason.setToolTip(problem.reason)
            reason.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            table.setItem(index, 0, line)
            table.setItem(index, 1, reason)
        wrap = len(rows) <= WRAP_LIMIT
        table.setWordWrap(wrap)
        table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if wrap else QHeaderView.ResizeMode.Fixed
        )
        table.setUpdatesEnabled(True)
        table.scrollToTop()

    def copy_errors(self) -> str:
        plan = self.plan
        if plan is None:
            return ""
        text = "\n".join(str(e) for e in plan.errors)
        QGuiApplication.clipboard().setText(text)
        return text

    # ------------------------------------------------------------------ step 4: the import
    def import_all(self) -> None:
        plan = self.plan
        if plan is not None and not plan.errors and plan.valid:
            self._import(skip_invalid=False)

    def import_valid_only(self) -> None:
        plan = self.plan
        if plan is None or not plan.errors or not plan.valid:
            return
        lines = ", ".join(str(e.line) for e in plan.errors[:10])
        more = (
            self.tr(" dan {0} lainnya").format(format_number(len(plan.errors) - 10))
            if len(plan.errors) > 10
            else ""
        )
        if not dialogs.confirm(
            self,
            self.tr("Impor baris yang valid saja"),
            self.tr(
                "{0} baris yang valid akan diimpor.\n\n{1} baris tidak valid (baris {2}{3}) dilewati dan TIDAK "
                "masuk agenda; catat sendiri bila surat-surat itu perlu diagendakan.\n\nLanjutkan?"
            ).format(format_number(len(plan.valid)), format_number(len(plan.errors)), lines, more),
            yes=self.tr("Impor {0} baris").format(format_number(len(plan.valid))),
            no=self.tr("Kembali"),
        ):
            return
        self._import(skip_invalid=True)

    def _import(self, *, skip_invalid: bool, again: bool = False) -> None:
        table, shown = self.table, self.plan
        if table is None or shown is None or self.busy:
            return
        mapping = self.mapping()
        ctx = self.ctx
        text = self.tr("Mengimpor {0} surat masuk…").format(format_number(len(shown.valid)))
        checking = self.tr("Memeriksa ulang {0} baris…").format(format_number(len(table.rows)))

        def work(progress: Progress) -> ImportResult | ImportPlan:
            progress.set(0, 0, checking)
            # Checked again in the import's own transaction, as the CLI does: a letter registered on another
            # workstation since the check may have taken a number or made a row a duplicate.
            with ctx.transaction() as session:
                plan = incoming_io.validate_incoming(session, ctx.actor, table, mapping)
                if [e.line for e in plan.errors] != [e.line for e in shown.errors] or len(plan.valid) != len(
                    shown.valid
                ):
                    return plan
                progress.check()
                progress.set(0, 0, text)
                result = incoming_io.import_incoming(
                    session, ctx.actor, plan, skip_invalid=skip_invalid, again=again
                )
                progress.check()  # cancelled at the last moment: leaving the block rolls everything back
                return result

        def done(outcome: ImportResult | ImportPlan) -> None:
            self.task = None
            if isinstance(outcome, ImportPlan):
                self._show_plan(
                    outcome,
                    self.tr(
                        "Hasil pemeriksaan berubah sejak tadi (mungkin ada surat yang baru dicatat). Tidak ada "
                        "yang diimpor; periksa daftar di bawah lalu impor lagi."
                    ),
                )
                return
            self._finished(outcome, sorted({r.tahun for r in shown.valid}))

        def failed(exc: BaseException) -> None:
            self.task = None
            self._update_buttons()
            if not is_expected(exc):
                report_bug(exc)
                return
            if isinstance(exc, AlreadyImported) and dialogs.confirm(
                self,
                self.tr("Berkas sudah pernah diimpor"),
                self.tr("{0}\n\nTetap impor lagi? Semua suratnya akan tercatat dua kali di agenda.").format(
                    exc
                ),
                yes=self.tr("Impor lagi"),
                no=self.tr("Batal"),
                danger=True,
            ):
                self._import(skip_invalid=skip_invalid, again=True)
                return
            set_message(
                self.check_message,
                self.tr("Impor gagal, tidak ada yang diimpor: {0}").format(error_text(exc)),
                ERROR_COLOR,
            )

        def cancelled() -> None:
            self._task_cancelled()
            set_message(
                self.check_message, self.tr("Impor dibatalkan; tidak ada yang diimpor."), WARNING_COLOR
            )

        self.task = run_task(
            self, self.tr("Mengimpor agenda"), work, on_done=done, on_error=failed, on_cancel=cancelled
        )
        self._update_buttons()

    def _finished(self, result: ImportResult, years: list[int]) -> None:
        self.outcome = result
        self.years = years if result.imported else []
        source = self.table.source if self.table is not None else ""
        text = self.tr("✓ {0} surat masuk diimpor dari {1}").format(
            f"<b>{format_number(result.imported)}</b>", escape(source)
        )
        if result.numbered:
            text += self.tr(" ({0} diberi nomor agenda baru)").format(format_number(result.numbered))
        if result.skipped:
            text += self.tr("; {0} baris tidak valid dilewati").format(format_number(result.skipped))
        self.done_label.setText(f"<span style='color:{SUCCESS_COLOR}'>{text}.</span>")
        notes = []
        if self.years:
            notes.append(self.tr("Tahun agenda: {0}.").format(", ".join(str(y) for y in self.years)))
        notes.append(
            self.tr("Impor ini tercatat di log audit atas nama {0}.").format(
                self.ctx.actor.full_name or self.ctx.actor.username
            )
        )
        self.done_note.setText(" ".join(notes))
        self._show_page(self.PAGE_DONE)
        if result.imported:
            self.imported.emit(self.years)


# ---------------------------------------------------------------------------------------------- export


def export_incoming(parent: QWidget, ctx: UiContext, year: int) -> TaskHandle | None:
    """Ask where to save the agenda surat masuk of ``year`` (.xlsx or .csv) and write it off the GUI thread."""
    if not ctx.actor.can(Perm.VIEW):
        return None
    title = _tr("Ekspor agenda surat masuk {0}").format(year)
    path, chosen = QFileDialog.getSaveFileName(
        parent, title, start_dir(f"agenda-surat-masuk-{year}.xlsx"), _tr("Excel (*.xlsx);;CSV (*.csv)")
    )
    if not path:
        return None
    target = Path(path)
    if target.suffix.lower() not in (".xlsx", ".csv"):
        target = target.with_name(target.name + (".csv" if "csv" in chosen.lower() else ".xlsx"))
    write = (
        incoming_io.export_incoming_csv
        if target.suffix.lower() == ".csv"
        else incoming_io.export_incoming_xlsx
    )

    def work(progress: Progress) -> int:
        progress.set(0, 0, _tr("Menulis {0}…").format(target.name))
        # Read without the write lock; only the audit row waits for another process's import (R10 keeps it).
        with ctx.read() as session:
            return write(session, ctx.actor, target, year, audit_in=ctx.app.db.transaction)

    def done(count: int) -> None:
        remember_dir(target)
        dialogs.info(
            parent,
            title,
            _tr("{0} surat masuk tahun {1} diekspor ke\n{2}").format(format_number(count), year, target),
        )

    def failed(exc: BaseException) -> None:
        if not is_expected(exc):
            report_bug(exc)
            return
        dialogs.error(parent, title, _tr("Ekspor gagal: {0}").format(error_text(exc)))

    return run_task(parent, title, work, on_done=done, on_error=failed, cancellable=False)
