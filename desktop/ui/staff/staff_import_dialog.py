"""Impor data pegawai from the SIASN "Export Data ASN" (.csv) or the app's xlsx template: choose the file, every
row checked off the GUI thread, the bad rows listed with line and reason, then import all (only when none is bad)
or the valid rows only after a confirmation. The rules live in ``services/staff/records_io``."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.money import format_number
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.staff import records_io
from desktop.services.staff.records_io import StaffImportPlan, StaffImportResult, StaffTable
from desktop.services.tabular import RowError
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters.common import ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR, muted, set_message
from desktop.ui.tasks import Progress, TaskHandle, run_task
from desktop.ui.widgets.failures import error_text, is_expected, report_bug
from desktop.ui.widgets.files import remember_dir, start_dir

FILE_FILTER = "Data pegawai (*.csv *.xlsx);;CSV (*.csv *.txt);;Excel (*.xlsx);;Semua berkas (*)"
TEMPLATE_NAME = "templat-impor-pegawai.xlsx"
SHOWN_LINES = 10


class StaffImportDialog(QDialog):
    """Impor SIASN: Berkas → Pemeriksaan → Selesai; the import is one transaction through the service."""

    imported = Signal(object)  # StaffImportResult, after a successful import

    PAGE_FILE, PAGE_CHECK, PAGE_DONE = range(3)
    STEPS = ("Berkas", "Pemeriksaan", "Selesai")

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("staffImportDialog")
        self.setWindowTitle(self.tr("Impor data pegawai (SIASN)"))
        self.resize(900, 600)
        self.table: StaffTable | None = None
        self.plan: StaffImportPlan | None = None
        self.outcome: StaffImportResult | None = None
        self.task: TaskHandle | None = None

        self.steps = QLabel(self)
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._file_page())
        self.pages.addWidget(self._check_page())
        self.pages.addWidget(self._done_page())

        self.back_button = QPushButton(self.tr("&Kembali"), self)
        self.back_button.clicked.connect(lambda: self._show_page(self.PAGE_FILE))
        self.recheck_button = QPushButton(self.tr("Baca &ulang berkas"), self)
        self.recheck_button.setToolTip(self.tr("Sudah memperbaiki berkasnya? Baca dan periksa lagi."))
        self.recheck_button.clicked.connect(self.load_from_field)
        self.check_button = QPushButton(self.tr("&Periksa semua baris"), self)
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(self.load_from_field)
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
                "Ambil data pegawai dari berkas <b>Export Data ASN</b> SIASN (.csv) apa adanya, atau dari templat "
                ".xlsx aplikasi. <b>Semua baris diperiksa dulu</b>: bila ada baris yang salah, tidak ada yang "
                "diimpor dan setiap baris yang salah disebutkan nomor baris dan alasannya — kecuali Anda memilih "
                "mengimpor baris yang valid saja. Impor ulang memperbarui pegawai ber-NIP sama, tidak "
                "menggandakannya."
            ),
            page,
        )
        intro.setWordWrap(True)
        self.path_edit = QLineEdit(page)
        self.path_edit.setObjectName("pathEdit")
        self.path_edit.setPlaceholderText(self.tr("Pilih berkas .csv atau .xlsx…"))
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
                    "Templat .xlsx berisi judul kolom yang dikenali, satu baris contoh (hapus sebelum impor) dan "
                    "lembar “Petunjuk” untuk setiap kolom."
                ),
                page,
            )
        )
        template_note.setWordWrap(True)
        self.template_message = QLabel(page)
        self.template_message.setObjectName("templateMessage")
        self.template_message.setWordWrap(True)
        set_message(self.template_message, "", SUCCESS_COLOR)
        tips = muted(
            QLabel(
                self.tr(
                    "<b>Yang perlu diketahui</b><ul>"
                    "<li>Kolom wajib: NIP BARU (atau NIP) dan NAMA. Kolom lain boleh tidak ada; kolom yang tidak "
                    "dikenal diabaikan.</li>"
                    "<li>Tanggal 14-03-1973, 14/03/1973 atau 1973-03-14. Tanggal lahir dan jenis kelamin yang "
                    "kosong diambil dari NIP.</li>"
                    "<li>NIP yang tersimpan sebagai angka di Excel (1,97303E+17) sudah kehilangan angka "
                    "terakhirnya: barisnya ditolak; format kolom NIP sebagai Teks.</li>"
                    "<li>Pangkat, jabatan atau pendidikan yang berubah dicatat sebagai entri riwayat baru.</li>"
                    "</ul>"
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

    def _check_page(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.summary.setFont(font)
        self.columns_label = muted(QLabel(page), smaller=True)
        self.columns_label.setObjectName("columnsLabel")
        self.columns_label.setWordWrap(True)
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
        layout.addWidget(self.columns_label)
        layout.addWidget(self.check_message)
        layout.addWidget(self.errors_box, 3)
        layout.addWidget(self.warnings_box, 2)
        self.check_stretch = QWidget(page)
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
        table.setWordWrap(True)
        table.verticalHeader().hide()
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
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
        elif index == self.PAGE_CHECK:
            if self.import_button.isEnabled():
                self.import_button.setFocus()
            elif self.error_table.rowCount():
                self.error_table.setFocus()
        else:
            self.close_button.setFocus()

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        busy = self.busy
        plan = self.plan
        errors = len(plan.errors) if plan is not None else 0
        valid = len(plan.rows) if plan is not None else 0
        self.back_button.setVisible(page == self.PAGE_CHECK)
        self.recheck_button.setVisible(page == self.PAGE_CHECK)
        self.check_button.setVisible(page == self.PAGE_FILE)
        self.import_button.setVisible(page == self.PAGE_CHECK)
        self.skip_button.setVisible(page == self.PAGE_CHECK and errors > 0)
        self.skip_button.setText(
            self.tr("Impor baris yang &valid saja (lewati {0} baris)").format(format_number(errors))
        )
        self.cancel_button.setVisible(page != self.PAGE_DONE)
        self.close_button.setVisible(page == self.PAGE_DONE)
        self.check_button.setEnabled(not busy and bool(self.path_edit.text().strip()))
        self.import_button.setEnabled(not busy and plan is not None and not errors and valid > 0)
        self.skip_button.setEnabled(not busy and plan is not None and errors > 0 and valid > 0)
        self.back_button.setEnabled(not busy)
        self.recheck_button.setEnabled(not busy)
        self.browse_button.setEnabled(not busy)
        for button in (self.check_button, self.import_button, self.close_button):
            button.setDefault(False)
            button.setAutoDefault(False)
        default = {
            self.PAGE_FILE: self.check_button,
            self.PAGE_CHECK: self.import_button if self.import_button.isEnabled() else None,
            self.PAGE_DONE: self.close_button,
        }.get(page)
        if default is not None:
            default.setDefault(True)
        for button in (self.back_button, self.recheck_button, self.skip_button, self.cancel_button):
            button.setAutoDefault(False)

    def reject(self) -> None:
        if self.busy:
            return  # the progress dialog's own "Batal" stops the work first
        super().reject()

    # ------------------------------------------------------------------ step 1: file and check
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Pilih berkas data pegawai"), start_dir(), self.tr(FILE_FILTER)
        )
        if path:
            self.path_edit.setText(path)
            self.load_file(Path(path))

    def load_from_field(self) -> None:
        text = self.path_edit.text().strip().strip('"')
        if text and not self.busy:
            self.load_file(Path(text).expanduser())

    def load_file(self, path: Path) -> None:
        """Read ``path`` and check every row, off the GUI thread; nothing is written."""
        if self.busy:
            return
        set_message(self.file_message, "", ERROR_COLOR)
        if self.path_edit.text().strip() != str(path):
            self.path_edit.setText(str(path))
        ctx = self.ctx
        reading = self.tr("Membaca {0}…").format(path.name)
        checking = self.tr("Memeriksa semua baris {0}…").format(path.name)

        def work(progress: Progress) -> tuple[StaffTable, StaffImportPlan]:
            progress.set(0, 0, reading)
            table = records_io.read_siasn(path)
            progress.check()
            progress.set(0, 0, checking)
            with ctx.read() as session:
                plan = records_io.validate_siasn(session, ctx.actor, table)
            progress.check()
            return table, plan

        def done(found: tuple[StaffTable, StaffImportPlan]) -> None:
            self.task = None
            remember_dir(path)
            self.table = found[0]
            self._show_plan(found[1])

        def failed(exc: BaseException) -> None:
            self.task = None
            self._update_buttons()
            if not is_expected(exc):
                report_bug(exc)
                return
            set_message(self.file_message, error_text(exc), ERROR_COLOR)
            self._show_page(self.PAGE_FILE)

        self.task = run_task(
            self,
            self.tr("Memeriksa berkas"),
            work,
            on_done=done,
            on_error=failed,
            on_cancel=self._task_cancelled,
        )
        self._update_buttons()

    def _task_cancelled(self) -> None:
        self.task = None
        self._update_buttons()

    def _show_plan(self, plan: StaffImportPlan, note: str = "") -> None:
        self.plan = plan
        valid, errors, warnings = len(plan.rows), len(plan.errors), len(plan.warnings)
        new = plan.new
        read = format_number(plan.rows_read)
        if plan.rows_read == 0:
            text, color = (
                self.tr("Berkas tidak berisi baris pegawai; tidak ada yang bisa diimpor."),
                WARNING_COLOR,
            )
        elif not errors:
            text = self.tr(
                "Semua {0} baris valid: {1} pegawai baru, {2} sudah terdaftar (diperbarui bila berbeda)."
            )
            text, color = text.format(read, format_number(new), format_number(valid - new)), SUCCESS_COLOR
        elif valid:
            text = self.tr(
                "<b>{0} baris tidak valid</b> dari {1} baris; {2} baris valid. Tidak ada yang diimpor sampai "
                "berkasnya diperbaiki — atau impor baris yang valid saja."
            ).format(format_number(errors), read, format_number(valid))
            color = ERROR_COLOR
        else:
            text = self.tr("<b>Tidak ada baris yang valid</b> ({0} baris tidak valid). Perbaiki berkasnya.")
            text, color = text.format(format_number(errors)), ERROR_COLOR
        if warnings:
            text += " " + self.tr("{0} peringatan tidak menghalangi impor.").format(format_number(warnings))
        self.summary.setText(f"<span style='color:{color}'>{text}</span>")
        used = ", ".join(plan.columns.values())
        ignored = ", ".join(plan.ignored)
        self.columns_label.setText(
            self.tr("Kolom dipakai: {0}.").format(used)
            + (self.tr(" Diabaikan: {0}.").format(ignored) if ignored else "")
        )
        set_message(self.check_message, note, WARNING_COLOR)
        self._fill(self.error_table, plan.errors)
        self.errors_label.setText(self.tr("&Baris yang salah ({0})").format(format_number(errors)))
        self.errors_box.setVisible(bool(errors))
        self._fill(self.warning_table, plan.warnings)
        self.warnings_label.setText(
            self.tr("P&eringatan ({0}) — tetap diimpor").format(format_number(warnings))
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
            table.setItem(index, 0, line)
            table.setItem(index, 1, reason)
        table.setUpdatesEnabled(True)
        table.scrollToTop()

    def error_rows(self) -> list[tuple[int, str]]:
        """The bad rows as listed: (line, reason)."""
        return [
            (int(self.error_table.item(r, 0).text()), self.error_table.item(r, 1).text())
            for r in range(self.error_table.rowCount())
        ]

    def copy_errors(self) -> str:
        if self.plan is None:
            return ""
        text = "\n".join(str(e) for e in self.plan.errors)
        QGuiApplication.clipboard().setText(text)
        return text

    def save_template(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan templat impor pegawai"),
            start_dir(TEMPLATE_NAME),
            self.tr("Excel (*.xlsx)"),
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        try:
            records_io.write_staff_template(target)
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

    # ------------------------------------------------------------------ step 2: the import
    def import_all(self) -> None:
        plan = self.plan
        if plan is not None and not plan.errors and plan.rows:
            self._import(skip_invalid=False)

    def import_valid_only(self) -> None:
        plan = self.plan
        if plan is None or not plan.errors or not plan.rows:
            return
        lines = ", ".join(str(e.line) for e in plan.errors[:SHOWN_LINES])
        more = (
            self.tr(" dan {0} lainnya").format(format_number(len(plan.errors) - SHOWN_LINES))
            if len(plan.errors) > SHOWN_LINES
            else ""
        )
        if not dialogs.confirm(
            self,
            self.tr("Impor baris yang valid saja"),
            self.tr(
                "{0} baris yang valid akan diimpor.\n\n{1} baris tidak valid (baris {2}{3}) dilewati dan TIDAK "
                "diimpor; perbaiki dan impor lagi bila pegawainya perlu dicatat.\n\nLanjutkan?"
            ).format(format_number(len(plan.rows)), format_number(len(plan.errors)), lines, more),
            yes=self.tr("Impor {0} baris").format(format_number(len(plan.rows))),
            no=self.tr("Kembali"),
        ):
            return
        self._import(skip_invalid=True)

    def _import(self, *, skip_invalid: bool) -> None:
        table, shown = self.table, self.plan
        if table is None or shown is None or self.busy:
            return
        ctx = self.ctx
        text = self.tr("Mengimpor {0} pegawai…").format(format_number(len(shown.rows)))

        def work(progress: Progress) -> StaffImportResult | StaffImportPlan:
            progress.set(0, 0, text)
            # Checked again in the import's own transaction: another workstation may have registered a NIP.
            with ctx.transaction() as session:
                plan = records_io.validate_siasn(session, ctx.actor, table)
                if [e.line for e in plan.errors] != [e.line for e in shown.errors]:
                    return plan
                progress.check()
                result = records_io.import_staff(session, ctx.actor, plan, skip_invalid=skip_invalid)
                progress.check()  # cancelled at the last moment: leaving the block rolls everything back
                return result

        def done(outcome: StaffImportResult | StaffImportPlan) -> None:
            self.task = None
            if isinstance(outcome, StaffImportPlan):
                self._show_plan(
                    outcome,
                    self.tr(
                        "Hasil pemeriksaan berubah sejak tadi. Tidak ada yang diimpor; periksa lalu impor lagi."
                    ),
                )
                return
            self._finished(outcome)

        def failed(exc: BaseException) -> None:
            self.task = None
            self._update_buttons()
            if not is_expected(exc):
                report_bug(exc)
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
            self, self.tr("Mengimpor data pegawai"), work, on_done=done, on_error=failed, on_cancel=cancelled
        )
        self._update_buttons()

    def _finished(self, result: StaffImportResult) -> None:
        self.outcome = result
        source = self.table.source if self.table is not None else ""
        text = self.tr(
            "✓ Impor dari {0} selesai: <b>{1}</b> pegawai baru, <b>{2}</b> diperbarui, {3} tetap"
        ).format(
            escape(source),
            format_number(result.created),
            format_number(result.updated),
            format_number(result.unchanged),
        )
        if result.riwayat:
            text += self.tr(", {0} entri riwayat").format(format_number(result.riwayat))
        if result.skipped:
            text += self.tr("; {0} baris tidak valid dilewati").format(format_number(result.skipped))
        self.done_label.setText(f"<span style='color:{SUCCESS_COLOR}'>{text}.</span>")
        self.done_note.setText(
            self.tr("Impor ini tercatat di log audit atas nama {0}.").format(
                self.ctx.actor.full_name or self.ctx.actor.username
            )
        )
        self._show_page(self.PAGE_DONE)
        self.imported.emit(result)


def can_import(ctx: UiContext) -> bool:
    return ctx.actor.can(Perm.WRITE_STAFF)
