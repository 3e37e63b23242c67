"""Impor buku agenda surat masuk (the import wizard with a column-mapping step), and its export."""

from __future__ import annotations

import itertools
from collections import Counter
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QFileDialog, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from desktop.core.money import format_number
from desktop.services.common.permissions import Perm
from desktop.services.letters import incoming_io
from desktop.services.letters.incoming_io import ImportPlan, ImportResult, PlannedRow
from desktop.services.tabular import Table
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.tasks import Progress, TaskHandle, run_task
from desktop.ui.widgets.failures import error_text, is_expected, report_bug
from desktop.ui.widgets.files import remember_dir, start_dir
from desktop.ui.widgets.import_wizard import Checker, Importer, ImportTexts, ImportWizard
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR
from desktop.ui.widgets.screen_fit import fit_to_screen

FILE_FILTER = "Agenda (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv *.txt);;Semua berkas (*)"
TEMPLATE_NAME = "templat-impor-agenda-surat-masuk.xlsx"
IGNORE = "(abaikan)"

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
    "diteruskan_kepada": "Diteruskan kepada",
    "pengolah": "Pengolah",
}
COLUMN_HINT = {
    "nomor_agenda": "Kosong = nomor berikutnya tahun itu; angka atau 15/2026 = nomor dari buku lama.",
    "tanggal_terima": "22-11-2026, 22/11/2026, 2026-11-22 atau 22 November 2026; boleh dengan jam (14.05).",
    "tanggal_surat": "Format sama dengan tanggal terima; tidak boleh sesudah tanggal terima.",
    "keamanan": "B, T, R, SR atau Biasa/Terbatas/Rahasia/Sangat Rahasia. Kosong = Biasa.",
    "urgensi": "Biasa, Segera atau Amat Segera. Kosong = Biasa.",
    "status": "Kosong = arsip (surat lama); isi “baru” bila surat masih perlu didisposisi.",
    "keterangan": "Teks bebas.",
    "diteruskan_kepada": "Disimpan di keterangan sebagai baris “Diteruskan kepada: …”.",
    "pengolah": "Disimpan di keterangan sebagai baris “Pengolah: …”.",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def _column_text(column: str) -> str:
    return _tr(COLUMN_TEXT.get(column, column.replace("_", " ")))


IMPORT_TEXTS = ImportTexts(
    title="Impor buku agenda surat masuk",
    intro=(
        "Pindahkan buku agenda surat masuk yang selama ini dicatat di Excel ke aplikasi. Berkas .xlsx "
        "atau .csv dibaca, judul kolomnya dipetakan, lalu <b>semua baris diperiksa dulu</b>: bila ada "
        "baris yang salah, tidak ada yang diimpor dan setiap baris yang salah disebutkan nomor baris dan "
        "alasannya — kecuali Anda memilih mengimpor baris yang valid saja."
    ),
    tips=(
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
    file_filter=FILE_FILTER,
    choose_title="Pilih berkas agenda surat masuk",
    placeholder="Pilih berkas .xlsx atau .csv…",
    recheck_tip="Sudah memperbaiki berkasnya di Excel? Baca lagi dan periksa dengan pemetaan yang sama.",
    no_rows="Berkas tidak berisi baris surat; tidak ada yang bisa diimpor.",
    warnings_title="P&eringatan ({0}) — tetap diimpor; periksa bila perlu",
    skip_consequence=(
        "dilewati dan TIDAK masuk agenda; catat sendiri bila surat-surat itu perlu diagendakan."
    ),
    import_title="Mengimpor agenda",
    importing="Mengimpor {0} surat masuk…",
    changed=(
        "Hasil pemeriksaan berubah sejak tadi (mungkin ada surat yang baru dicatat). Tidak ada "
        "yang diimpor; periksa daftar di bawah lalu impor lagi."
    ),
    template_name=TEMPLATE_NAME,
    template_title="Simpan templat impor",
    template_note=(
        "Templat .xlsx berisi judul kolom yang dikenali aplikasi, satu baris contoh (hapus sebelum "
        "impor) dan lembar “Petunjuk” yang menerangkan setiap kolom."
    ),
    again_question="{0}\n\nTetap impor lagi? Semua suratnya akan tercatat dua kali di agenda.",
)


class ImportDialog(ImportWizard):
    """Impor agenda surat masuk: the wizard, with a step that maps the file's headers to the import columns."""

    PAGE_FILE, PAGE_MAPPING, PAGE_CHECK, PAGE_DONE = range(4)
    STEPS = ("Berkas", "Pemetaan kolom", "Pemeriksaan", "Selesai")
    TEXTS = IMPORT_TEXTS

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("importDialog")
        fit_to_screen(self, 920, 640)

    # ------------------------------------------------------------------ reading, checking, importing
    @staticmethod
    def read_file(path: Path) -> Table:
        return incoming_io.read_table(path)

    @staticmethod
    def write_template(path: Path) -> None:
        incoming_io.write_incoming_template(path)

    def checker(self) -> Checker:
        actor, mapping = self.ctx.actor, self.mapping()

        def check(session: Session, table: Table) -> ImportPlan:
            return incoming_io.validate_incoming(session, actor, table, mapping)

        return check

    def importer(self, *, skip_invalid: bool, again: bool) -> Importer:
        actor = self.ctx.actor

        def write(session: Session, plan: ImportPlan) -> ImportResult:
            return incoming_io.import_incoming(session, actor, plan, skip_invalid=skip_invalid, again=again)

        return write

    @staticmethod
    def valid_rows(plan: ImportPlan) -> list[PlannedRow]:
        return plan.valid

    def all_valid_text(self, plan: ImportPlan) -> str:
        return self.tr("Semua {0} baris valid dan siap diimpor.").format(format_number(plan.rows_read))

    @property
    def years(self) -> list[int]:
        """The agenda years that received letters, once imported."""
        if self.outcome is None or not self.outcome.imported or self.plan is None:
            return []
        return sorted({r.tahun for r in self.plan.valid})

    def done_text(self, result: ImportResult) -> str:
        source = self.table.source if self.table is not None else ""
        text = self.tr("✓ {0} surat masuk diimpor dari {1}").format(
            f"<b>{format_number(result.imported)}</b>", escape(source)
        )
        if result.numbered:
            text += self.tr(" ({0} diberi nomor agenda baru)").format(format_number(result.numbered))
        return text

    def done_notes(self, result: ImportResult) -> list[str]:
        years = self.years
        return [self.tr("Tahun agenda: {0}.").format(", ".join(str(y) for y in years))] if years else []

    def announcement(self, result: ImportResult) -> list[int] | None:
        return self.years if result.imported else None

    # ------------------------------------------------------------------ the mapping step
    def mapping_page(self) -> QWidget:
        self.combos: dict[str, QComboBox] = {}
        self.header_labels: dict[str, QLabel] = {}
        page = self.mapping_widget = QWidget(self)
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

    def use_table(self, table: Table) -> None:
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
        self.mapping_widget.setFocusProxy(combos[0] if combos else None)  # the step opens on the first choice

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

    def unmapped_headers(self) -> list[str]:
        """The file's columns with data that the mapping as it stands leaves out (and no known layout lists as
        unused): the step names them; leaving them on "(abaikan)" is the clerk's choice."""
        if self.table is None:
            return []
        return incoming_io.unmapped_headers(self.table, self.mapping())

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
        self.update_buttons()

    def mapping_failed(self, text: str) -> None:
        set_message(self.mapping_message, text, ERROR_COLOR)
        self.show_page(self.PAGE_MAPPING)


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
