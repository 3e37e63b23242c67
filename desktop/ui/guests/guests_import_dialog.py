"""Impor of the Buku Tamu in the import wizard, with a hand-mapping step: an old buku tamu, or e-tamu
pre-registrations from an online form's export."""

from __future__ import annotations

from html import escape
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from desktop.core.money import format_number
from desktop.services import tabular
from desktop.services.guests import prereg_io, register_io
from desktop.services.tabular import Table
from desktop.ui.context import UiContext
from desktop.ui.widgets.column_mapping import Guess, MappingLook
from desktop.ui.widgets.import_wizard import Checker, Importer, ImportTexts, ImportWizard
from desktop.ui.widgets.screen_fit import fit_to_screen

FILE_FILTER = "Buku tamu (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv *.txt);;Semua berkas (*)"
SHOWN_CODES = 12  # the codes made, listed on the last page; the rest are in the register

BOOK_TEXTS = ImportTexts(
    title="Impor buku tamu lama",
    intro=(
        "Pindahkan buku tamu yang selama ini dicatat di Excel ke aplikasi. Berkas .xlsx atau .csv dibaca, "
        "judul kolomnya dipetakan, lalu <b>semua baris diperiksa dulu</b>: bila ada baris yang salah, tidak "
        "ada yang diimpor dan setiap baris yang salah disebutkan nomor baris dan alasannya — kecuali Anda "
        "memilih mengimpor baris yang valid saja."
    ),
    tips=(
        "<b>Yang perlu diketahui</b><ul>"
        "<li>Kolom wajib: tanggal, nama dan keperluan. Judul kolom boleh berbeda (mis. “Tgl”, “Nama Tamu”, "
        "“Maksud”): kolomnya dipetakan di langkah berikut.</li>"
        "<li>Jam datang dan pulang ditulis 09:15 atau 09.15. Kunjungan lama dicatat selesai, tanpa tiket "
        "dan tanpa kartu; tidak ada tamu impor yang tercatat masih di kantor.</li>"
        "<li>Tujuan yang sama dengan nama atau singkatan unit kerja dihubungkan ke unit itu; yang lain "
        "disimpan seperti tertulis.</li></ul>"
    ),
    file_filter=FILE_FILTER,
    choose_title="Pilih berkas buku tamu",
    placeholder="Pilih berkas .xlsx atau .csv…",
    recheck_tip="Sudah memperbaiki berkasnya? Baca lagi dan periksa dengan pemetaan yang sama.",
    no_rows="Berkas tidak berisi baris tamu; tidak ada yang bisa diimpor.",
    warnings_title="P&eringatan ({0}) — tetap diimpor",
    skip_consequence="dilewati dan TIDAK masuk buku tamu.",
    import_title="Mengimpor buku tamu",
    importing="Mengimpor {0} kunjungan…",
    changed="Hasil pemeriksaan berubah sejak tadi. Tidak ada yang diimpor; periksa lalu impor lagi.",
    again_question="{0}\n\nTetap impor lagi? Semua kunjungannya akan tercatat dua kali.",
    mapping_hint=(
        "Pilih kolom impor untuk setiap judul kolom di berkas. Tebakan aplikasi sudah diisi; pilih “(abaikan)” "
        "untuk kolom yang tidak diimpor. Kolom bertanda * wajib ada."
    ),
)

PREREG_TEXTS = ImportTexts(
    title="Impor pra-registrasi (e-tamu)",
    intro=(
        "Ambil pendaftaran tamu dari ekspor formulir daring (mis. Google Forms) berformat .xlsx atau .csv. "
        "Setiap baris menjadi satu pra-registrasi dengan kode registrasinya; saat tamu datang, petugas "
        "mengetik atau memindai kode itu. <b>Semua baris diperiksa dulu</b>: bila ada baris yang salah, tidak "
        "ada yang diimpor — kecuali Anda memilih mengimpor baris yang valid saja."
    ),
    tips=(
        "<b>Yang perlu diketahui</b><ul>"
        "<li>Kolom wajib: nama, keperluan, tujuan (unit kerja atau pegawai) dan tanggal kunjungan. No. HP, "
        "instansi dan kode registrasi boleh ada. Kolom Timestamp formulir dilewati.</li>"
        "<li>Tujuan dicocokkan dengan nama atau singkatan unit kerja, atau nama pegawai; yang tidak cocok "
        "ditolak dengan menyebut tujuannya.</li>"
        "<li>Kode dari berkas dipakai bila 6–12 huruf/angka dan belum dipakai; baris tanpa kode diberi kode "
        "baru. Tanggal kunjungan yang sudah lewat ditolak.</li></ul>"
    ),
    file_filter=FILE_FILTER.replace("Buku tamu", "Pendaftaran e-tamu"),
    choose_title="Pilih berkas ekspor e-tamu",
    placeholder="Pilih berkas .xlsx atau .csv…",
    recheck_tip="Sudah memperbaiki berkasnya? Baca lagi dan periksa dengan pemetaan yang sama.",
    no_rows="Berkas tidak berisi baris pendaftaran; tidak ada yang bisa diimpor.",
    warnings_title="P&eringatan ({0}) — tetap diimpor",
    skip_consequence="dilewati dan TIDAK didaftarkan; tamu itu perlu didaftarkan sendiri.",
    import_title="Mengimpor pra-registrasi",
    importing="Mengimpor {0} pra-registrasi…",
    changed="Hasil pemeriksaan berubah sejak tadi. Tidak ada yang diimpor; periksa lalu impor lagi.",
    again_question="{0}\n\nTetap impor lagi? Setiap tamu akan terdaftar dua kali.",
    mapping_hint=(
        "Pilih kolom impor untuk setiap judul kolom di berkas. Tebakan aplikasi sudah diisi; pilih “(abaikan)” "
        "untuk kolom yang tidak diimpor. Kolom bertanda * wajib ada."
    ),
)


class GuestsImportDialog(ImportWizard):
    """Berkas → Pemetaan kolom → Pemeriksaan → Selesai, over ``register_io`` (``BUKU_TAMU``) or ``prereg_io``
    (``PRA_REGISTRASI``); the two services share the shape (read_table, resolve_mapping, the column lists)."""

    BUKU_TAMU, PRA_REGISTRASI = "buku_tamu", "pra_registrasi"
    PAGE_FILE, PAGE_MAPPING, PAGE_CHECK, PAGE_DONE = range(4)
    STEPS = ("Berkas", "Pemetaan kolom", "Pemeriksaan", "Selesai")
    TEXTS = BOOK_TEXTS
    MAPPING_LOOK = MappingLook(choice_chars=16, sample_width=360)

    def __init__(self, ctx: UiContext, kind: str, parent: QWidget | None = None) -> None:
        self.kind = kind
        self.service: ModuleType = register_io if kind == self.BUKU_TAMU else prereg_io
        self.TEXTS = BOOK_TEXTS if kind == self.BUKU_TAMU else PREREG_TEXTS
        super().__init__(ctx, parent)
        self.setObjectName("guestsImportDialog")
        fit_to_screen(self, 900, 620)

    # ------------------------------------------------------------------ reading, checking, importing
    def read_file(self, path: Path) -> Table:  # type: ignore[override]
        # An instance method: the wizard calls it as self.read_file(path), and the reader depends on the kind.
        return self.service.read_table(path)  # type: ignore[no-any-return]

    def checker(self) -> Checker:
        actor, mapping = self.ctx.actor, self.mapping()
        ignored = [h for h, c in mapping.items() if c is None]
        validate = register_io.validate_visits if self.kind == self.BUKU_TAMU else prereg_io.validate_preregs

        def check(session: Session, table: Table) -> Any:
            # "(abaikan)" is the clerk's choice; the wizard named those columns over the mapping step already.
            return validate(session, actor, table, mapping, ignore=ignored)

        return check

    def importer(self, *, skip_invalid: bool, again: bool) -> Importer:
        actor = self.ctx.actor
        write = register_io.import_visits if self.kind == self.BUKU_TAMU else prereg_io.import_preregs

        def run(session: Session, plan: Any) -> Any:
            return write(session, actor, plan, skip_invalid=skip_invalid, again=again)

        return run

    @staticmethod
    def valid_rows(plan: Any) -> list[Any]:
        return list(plan.valid)

    def all_valid_text(self, plan: Any) -> str:
        return self.tr("Semua {0} baris valid dan siap diimpor.").format(format_number(plan.rows_read))

    def done_text(self, result: Any) -> str:
        source = escape(self.table.source if self.table is not None else "")
        if self.kind == self.BUKU_TAMU:
            return self.tr("✓ {0} kunjungan diimpor dari {1} ({2} tamu baru)").format(
                f"<b>{format_number(result.imported)}</b>", source, format_number(result.guests_new)
            )
        return self.tr("✓ {0} pra-registrasi diimpor dari {1} ({2} kode dari berkas, {3} kode baru)").format(
            f"<b>{format_number(result.imported)}</b>",
            source,
            format_number(result.codes_kept),
            format_number(result.codes_new),
        )

    def done_notes(self, result: Any) -> list[str]:
        if self.kind != self.PRA_REGISTRASI or not result.codes:
            return []
        shown = ", ".join(f"baris {line}: {code}" for line, code in result.codes[:SHOWN_CODES])
        more = len(result.codes) - SHOWN_CODES
        tail = self.tr(" dan {0} lagi").format(more) if more > 0 else ""
        return [self.tr("Kode registrasi: {0}{1}.").format(shown, tail)]

    # ------------------------------------------------------------------ the mapping step
    def mapping_columns(self) -> tuple[str, ...]:
        return tuple(self.service.IMPORT_COLUMNS)

    def required_columns(self) -> tuple[str, ...]:
        return tuple(self.service.REQUIRED)

    def column_text(self, column: str) -> str:
        label: str = self.service.LABELS.get(column, column)
        return label[:1].upper() + label[1:]

    def guess_mapping(self, table: Table) -> Guess:
        return Guess(self.service.resolve_mapping(table.headers))

    def unmapped_headers(self) -> list[str]:
        if self.table is None:
            return []
        known = self.service.HEADERS.known_unused
        return tabular.unmapped_columns(self.table, self.mapping(), known)
