"""Impor buku agenda surat masuk (the import wizard with a column-mapping step), and its export."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget
from sqlalchemy.orm import Session

from desktop.core.money import format_number
from desktop.services.common.permissions import Perm
from desktop.services.letters import incoming_io
from desktop.services.letters.incoming_io import ImportPlan, ImportResult, PlannedRow
from desktop.services.tabular import Table
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.tasks import Progress, TaskHandle, run_task
from desktop.ui.widgets.column_mapping import Guess
from desktop.ui.widgets.failures import error_text, is_expected, report_bug
from desktop.ui.widgets.files import remember_dir, start_dir
from desktop.ui.widgets.import_wizard import Checker, Importer, ImportTexts, ImportWizard
from desktop.ui.widgets.screen_fit import fit_to_screen

FILE_FILTER = "Agenda (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv *.txt);;Semua berkas (*)"
TEMPLATE_NAME = "templat-impor-agenda-surat-masuk.xlsx"

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
    mapping_hint=(
        "Pilih kolom impor untuk setiap judul kolom di berkas (Tab pindah ke pilihan berikutnya). Tebakan "
        "aplikasi sudah diisi; pilih “(abaikan)” untuk kolom yang tidak diimpor. Kolom bertanda * wajib ada."
    ),
    rows_noun="baris surat",
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
    def mapping_columns(self) -> list[str]:
        return list(incoming_io.INCOMING_COLUMNS) + list(incoming_io.INCOMING_OPTIONAL_COLUMNS)

    def required_columns(self) -> tuple[str, ...]:
        return tuple(incoming_io.INCOMING_REQUIRED)

    def column_text(self, column: str) -> str:
        return _column_text(column)

    def column_hint(self, column: str) -> str:
        hint = COLUMN_HINT.get(column)
        return self.tr(hint) if hint else ""

    def guess_mapping(self, table: Table) -> Guess:
        return Guess(incoming_io.suggest_mapping(table.headers))

    def unmapped_headers(self) -> list[str]:
        """The file's columns with data that the mapping as it stands leaves out (and no known layout lists as
        unused): the step names them; leaving them on "(abaikan)" is the clerk's choice."""
        if self.table is None:
            return []
        return incoming_io.unmapped_headers(self.table, self.mapping())


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
