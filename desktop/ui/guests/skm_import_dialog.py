"""Impor jawaban SKM from an online form's export (the import wizard with a hand mapping of the columns)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from desktop.core.dates import format_date_numeric
from desktop.core.guests.ikm import UNSUR
from desktop.core.money import format_number
from desktop.services.guests import skm_import
from desktop.services.guests.skm_import import PlannedResponse, SkmImportPlan, SkmImportResult
from desktop.services.tabular import Table
from desktop.ui.context import UiContext
from desktop.ui.widgets.column_mapping import UNSETTLED, Guess, MappingLook, examples, mark
from desktop.ui.widgets.import_wizard import Checker, Importer, ImportTexts, ImportWizard
from desktop.ui.widgets.palette import WARNING_COLOR
from desktop.ui.widgets.screen_fit import fit_to_screen, screen_room

FILE_FILTER = "Ekspor formulir (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv *.txt);;Semua berkas (*)"

COLUMN_TEXT: dict[str, str] = {
    "waktu": "Tanggal/waktu pengisian",
    "jenis_kelamin": "Jenis kelamin",
    "usia": "Usia",
    "pendidikan": "Pendidikan",
    "pekerjaan": "Pekerjaan",
    "jenis_layanan": "Jenis layanan",
    "saran": "Saran/masukan",
    **{u.kode: f"{u.kode} {u.nama_lengkap}" for u in UNSUR},
}
PROFILE = ("jenis_kelamin", "usia", "pendidikan", "pekerjaan", "jenis_layanan", "saran")
CODES = tuple(u.kode for u in UNSUR)

IMPORT_TEXTS = ImportTexts(
    title="Impor jawaban SKM",
    intro=(
        "Masukkan jawaban survei kepuasan masyarakat dari ekspor formulir daring (mis. Google Forms), berkas "
        ".xlsx atau .csv dengan satu baris per responden. Judul kolomnya dikenali lalu bisa Anda petakan "
        "sendiri; <b>semua baris diperiksa dulu</b> dan baris yang salah disebutkan nomor dan alasannya."
    ),
    tips=(
        "<b>Yang perlu diketahui</b><ul>"
        "<li>Wajib ada kolom tanggal/waktu pengisian (Timestamp, Tanggal, Waktu …): 02/03/2026 09:15:30, "
        "2026-03-02 09:15:30 atau 2026/03/02 9:15:30 AM GMT+8.</li>"
        "<li>Kolom pertanyaan dikenali dari U1…U9, nama unsur, atau teks pertanyaan Permen PANRB 14/2017. "
        "Jawaban boleh 1–4, a–d, atau label jawabannya (Sangat sesuai, Cepat …). Jawaban kosong = unsur itu "
        "tidak dijawab.</li>"
        "<li>Survei tetap anonim: nama, email atau nomor HP di berkas tidak diimpor — pilih “(abaikan)”.</li>"
        "</ul>"
    ),
    file_filter=FILE_FILTER,
    choose_title="Pilih ekspor formulir SKM",
    placeholder="Pilih berkas .xlsx atau .csv…",
    recheck_tip="Sudah memperbaiki berkasnya? Baca lagi dan periksa dengan pemetaan yang sama.",
    no_rows="Berkas tidak berisi jawaban responden; tidak ada yang bisa diimpor.",
    warnings_title="P&eringatan ({0}) — tetap diimpor; periksa bila perlu",
    skip_consequence="dilewati dan TIDAK dihitung dalam IKM.",
    import_title="Mengimpor jawaban SKM",
    importing="Mengimpor {0} responden…",
    changed=(
        "Hasil pemeriksaan berubah sejak tadi. Tidak ada yang diimpor; periksa daftar di bawah lalu impor lagi."
    ),
    again_question="{0}\n\nTetap impor lagi? Semua respondennya akan terhitung dua kali dalam IKM.",
    mapping_hint=(
        "Pilih untuk setiap judul kolom: pertanyaan U1–U9, kolom profil, atau “(abaikan)”. Kolom yang dikenali "
        "sudah diisi; kolom bertanda “(pilih…)” tidak dikenali atau bisa berarti dua unsur — tentukan sendiri."
    ),
    rows_noun="responden",
)


def column_text(column: str) -> str:
    return COLUMN_TEXT.get(column, column.replace("_", " "))


class SkmImportDialog(ImportWizard):
    """Impor jawaban SKM: Berkas → Pemetaan kolom → Pemeriksaan → Selesai. A header the app does not know, or
    one that could be two unsur, starts as "(pilih…)" and must be decided by the clerk (a question, a profile
    field or "(abaikan)") before the rows are checked: nothing in the file is dropped without their word."""

    PAGE_FILE, PAGE_MAPPING, PAGE_CHECK, PAGE_DONE = range(4)
    STEPS = ("Berkas", "Pemetaan kolom", "Pemeriksaan", "Selesai")
    TEXTS = IMPORT_TEXTS
    MAPPING_LOOK = MappingLook(choice_chars=22, sample_width=380, header_width=360)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("skmImportDialog")
        fit_to_screen(self, 920, 640)

    def sizeHint(self) -> QSize:
        # Room for a dozen header rows of the mapping at once; ``fit_to_screen`` bounds it on a small screen.
        return QSize(920, 640).boundedTo(screen_room(self))

    # ------------------------------------------------------------------ reading, checking, importing
    @staticmethod
    def read_file(path: Path) -> Table:
        return skm_import.read_table(path)

    def checker(self) -> Checker:
        actor, mapping = self.ctx.actor, self.mapping()

        def check(session: Session, table: Table) -> SkmImportPlan:
            return skm_import.validate_responses(session, actor, table, mapping)

        return check

    def importer(self, *, skip_invalid: bool, again: bool) -> Importer:
        actor = self.ctx.actor

        def write(session: Session, plan: SkmImportPlan) -> SkmImportResult:
            return skm_import.import_responses(session, actor, plan, skip_invalid=skip_invalid, again=again)

        return write

    @staticmethod
    def valid_rows(plan: SkmImportPlan) -> list[PlannedResponse]:
        return plan.valid

    def all_valid_text(self, plan: SkmImportPlan) -> str:
        return self.tr("Semua {0} responden valid dan siap diimpor.").format(format_number(plan.rows_read))

    def plan_details(self, plan: SkmImportPlan) -> str:
        days = sorted({r.tanggal for r in plan.valid})
        if not days:
            return ""
        return self.tr(
            "Tanggal pengisian {0} s.d. {1}: jawaban masuk ke periode laporan tanggal itu."
        ).format(format_date_numeric(days[0]), format_date_numeric(days[-1]))

    def done_text(self, result: SkmImportResult) -> str:
        source = self.table.source if self.table is not None else ""
        return self.tr("✓ {0} responden SKM diimpor dari {1}").format(
            f"<b>{format_number(result.imported)}</b>", escape(source)
        )

    def announcement(self, result: SkmImportResult) -> SkmImportResult | None:
        return result if result.imported else None

    # ------------------------------------------------------------------ the mapping step
    def mapping_columns(self) -> tuple[str, ...]:
        return tuple(skm_import.COLUMNS)

    def required_columns(self) -> tuple[str, ...]:
        return ("waktu",)  # marked *; at least one question column is required too (``mapping_problems``)

    def column_text(self, column: str) -> str:
        return column_text(column)

    def guess_mapping(self, table: Table) -> Guess:
        """The service's guess; a header it could not place (unknown with data, or claimed by two unsur or
        alongside another header) is ``UNSETTLED``, with the reason beside its example."""
        suggested, ambiguous = skm_import.suggest_mapping(table.headers)
        reasons: dict[str, str] = {}
        for key, names in ambiguous.items():
            if key.startswith("="):
                for header in names:
                    others = ", ".join(f"“{h}”" for h in names if h != header)
                    reasons[header] = self.tr("sama-sama tampak sebagai {0} dengan {1}").format(
                        key[1:], others
                    )
            else:
                reasons[key] = self.tr("cocok dengan lebih dari satu unsur: {0}").format(", ".join(names))
        found = examples(table)
        columns = {
            h: UNSETTLED if suggested.get(h) is None and (h in reasons or h in found) else suggested.get(h)
            for h in table.headers
        }
        return Guess(columns, reasons)

    def recognised(self) -> list[str]:
        """The import columns the mapping fills, in the import's order (waktu, profile, U1…U9)."""
        chosen = self.mapping_step.chosen() if self.mapping_step is not None else set()
        return [c for c in skm_import.COLUMNS if c in chosen]

    def unmapped_headers(self) -> list[str]:
        """The file's columns with data that the mapping leaves out or has not decided."""
        if self.table is None:
            return []
        found = examples(self.table)
        return [h for h, c in self.mapping().items() if c in (None, UNSETTLED) and h in found]

    def mapping_problems(self) -> list[str]:
        """Why the rows can't be checked yet: a header not decided, no date-time or no question column, a column
        chosen twice."""
        step = self.mapping_step
        if self.table is None or step is None:
            return [self.tr("Belum ada berkas.")]
        problems: list[str] = []
        open_headers = [f"“{h}”" for h in step.undecided()]
        if open_headers:
            problems.append(
                self.tr("Tentukan kolom {0}: pilih unsur atau kolom profil, atau “(abaikan)”.").format(
                    ", ".join(open_headers)
                )
            )
        chosen = step.chosen()
        if "waktu" not in chosen:
            problems.append(self.tr("Kolom tanggal/waktu pengisian belum dipetakan."))
        if not chosen & set(CODES):
            problems.append(self.tr("Belum ada kolom pertanyaan U1–U9 yang dipetakan."))
        return problems + step.chosen_twice(column_text)

    def mapping_state(self) -> str:
        """What the mapping fills: the date-time, the questions (some only: a warning), the profile columns."""
        found = self.recognised()
        codes = [c for c in found if c in CODES]
        missing = [c for c in CODES if c not in codes]
        marks = [
            mark("waktu" in found, self.tr("tanggal/waktu")),
            mark(
                not missing,
                self.tr("U1–U9") if not missing else self.tr("U: {0}").format(" ".join(codes) or "—"),
                partly=bool(codes),  # some questions only: a warning, the import goes ahead
            ),
        ]
        profile = [column_text(c).lower() for c in found if c in PROFILE]
        text = self.tr("Dikenali: {0}").format(" &nbsp; ".join(marks))
        if profile:
            text += " &nbsp; " + self.tr("profil: {0}").format(escape(", ".join(profile)))
        undecided = self.mapping_step.undecided() if self.mapping_step is not None else []
        if missing and codes and not undecided:
            text += (
                "<br>"
                + f"<span style='color:{WARNING_COLOR}'>"
                + self.tr(
                    "Tanpa kolom {0}: unsur itu dihitung tidak terjawab untuk responden berkas ini."
                ).format(", ".join(missing))
                + "</span>"
            )
        return text
