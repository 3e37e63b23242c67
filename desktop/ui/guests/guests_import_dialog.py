"""Impor of the Buku Tamu in the import wizard, with a hand-mapping step: an old buku tamu, or e-tamu
pre-registrations from an online form's export."""

from __future__ import annotations

import itertools
from collections import Counter
from html import escape
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget
from sqlalchemy.orm import Session

from desktop.core.money import format_number
from desktop.services import tabular
from desktop.services.guests import prereg_io, register_io
from desktop.services.tabular import Table
from desktop.ui.context import UiContext
from desktop.ui.widgets.import_wizard import Checker, Importer, ImportTexts, ImportWizard
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR
from desktop.ui.widgets.screen_fit import fit_to_screen

FILE_FILTER = "Buku tamu (*.xlsx *.csv);;Excel (*.xlsx);;CSV (*.csv *.txt);;Semua berkas (*)"
IGNORE = "(abaikan)"
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
)


class GuestsImportDialog(ImportWizard):
    """Berkas → Pemetaan kolom → Pemeriksaan → Selesai, over ``register_io`` (``BUKU_TAMU``) or ``prereg_io``
    (``PRA_REGISTRASI``); the two services share the shape (read_table, resolve_mapping, the column lists)."""

    BUKU_TAMU, PRA_REGISTRASI = "buku_tamu", "pra_registrasi"
    PAGE_FILE, PAGE_MAPPING, PAGE_CHECK, PAGE_DONE = range(4)
    STEPS = ("Berkas", "Pemetaan kolom", "Pemeriksaan", "Selesai")
    TEXTS = BOOK_TEXTS

    def __init__(self, ctx: UiContext, kind: str, parent: QWidget | None = None) -> None:
        self.kind = kind
        self.service: ModuleType = register_io if kind == self.BUKU_TAMU else prereg_io
        self.TEXTS = BOOK_TEXTS if kind == self.BUKU_TAMU else PREREG_TEXTS
        self.combos: dict[str, QComboBox] = {}
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
    def mapping_page(self) -> QWidget:
        page = QWidget(self)
        self.file_info = QLabel(page)
        self.file_info.setObjectName("fileInfo")
        self.file_info.setWordWrap(True)
        hint = muted(
            QLabel(
                self.tr(
                    "Pilih kolom impor untuk setiap judul kolom di berkas. Tebakan aplikasi sudah diisi; pilih "
                    "“(abaikan)” untuk kolom yang tidak diimpor. Kolom bertanda * wajib ada."
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
        self.mapping_widget = page
        return page

    def _column_text(self, column: str) -> str:
        label: str = self.service.LABELS.get(column, column)
        return label[:1].upper() + label[1:]

    def use_table(self, table: Table) -> None:
        previous = self.mapping() if self.table is not None else {}
        self.table = table
        self.plan = None
        suggested: dict[str, str | None] = self.service.resolve_mapping(table.headers)
        if set(previous) == set(table.headers):
            suggested = previous  # re-reading a fixed file keeps what the clerk chose
        required = set(self.service.REQUIRED)
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        bold = QFont(self.font())
        bold.setBold(True)
        for col, text in enumerate(
            (self.tr("Judul kolom di berkas"), self.tr("Diimpor sebagai"), self.tr("Contoh isi"))
        ):
            label = QLabel(text, grid_widget)
            label.setFont(bold)
            grid.addWidget(label, 0, col)
        examples: dict[str, str] = {}
        for _line, record in table.rows[:200]:
            for header in table.headers:
                if header not in examples and record.get(header, "").strip():
                    examples[header] = " ".join(record[header].split())
        self.combos = {}
        for row, header in enumerate(table.headers, start=1):
            name = QLabel(header, grid_widget)
            sample = muted(QLabel(grid_widget))
            shown = examples.get(header, "")
            sample.setText(
                sample.fontMetrics().elidedText(shown, Qt.TextElideMode.ElideRight, 360) if shown else "—"
            )
            sample.setToolTip(shown)
            combo = QComboBox(grid_widget)
            combo.setMinimumContentsLength(16)
            combo.setObjectName(f"map:{header}")
            combo.setAccessibleName(self.tr("Kolom impor untuk “{0}”").format(header))
            combo.addItem(self.tr(IGNORE), None)
            for column in self.service.IMPORT_COLUMNS:
                combo.addItem(self._column_text(column) + (" *" if column in required else ""), column)
            target = suggested.get(header)
            combo.setCurrentIndex(max(0, combo.findData(target)) if target else 0)
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            name.setBuddy(combo)
            grid.addWidget(name, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(sample, row, 2)
            self.combos[header] = combo
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(table.headers) + 1, 1)
        self.mapping_area.setWidget(grid_widget)
        combos = list(self.combos.values())
        for first, second in itertools.pairwise(combos):
            QWidget.setTabOrder(first, second)
        self.mapping_widget.setFocusProxy(combos[0] if combos else None)
        self.file_info.setText(
            self.tr("<b>{0}</b>: {1} baris, {2} kolom.").format(
                escape(table.source), format_number(len(table.rows)), len(table.headers)
            )
        )
        self._mapping_changed()

    def mapping(self) -> dict[str, str | None]:
        """File header → import column (None: ignored), as the combos stand."""
        return {header: combo.currentData() for header, combo in self.combos.items()}

    def unmapped_headers(self) -> list[str]:
        if self.table is None:
            return []
        known = self.service.HEADERS.known_unused
        return tabular.unmapped_columns(self.table, self.mapping(), known)

    def mapping_problems(self) -> list[str]:
        if self.table is None:
            return [self.tr("Belum ada berkas.")]
        chosen = self.mapping()
        problems: list[str] = []
        missing = [c for c in self.service.REQUIRED if c not in chosen.values()]
        if missing:
            problems.append(
                self.tr("Kolom wajib belum dipetakan: {0}.").format(
                    ", ".join(self._column_text(c) for c in missing)
                )
            )
        for column, count in Counter(c for c in chosen.values() if c).items():
            if count > 1:
                headers = ", ".join(f"“{h}”" for h, c in chosen.items() if c == column)
                problems.append(
                    self.tr("{0} dipilih untuk lebih dari satu kolom berkas ({1}); pilih satu saja.").format(
                        self._column_text(column), headers
                    )
                )
        return problems

    def _mapping_changed(self) -> None:
        self.plan = None
        chosen = set(self.mapping().values())
        marks = []
        for column in self.service.REQUIRED:
            ok = column in chosen
            color = SUCCESS_COLOR if ok else ERROR_COLOR
            marks.append(
                f"<span style='color:{color}'>{'✓' if ok else '✗'} {escape(self._column_text(column))}</span>"
            )
        self.required_label.setText(self.tr("Kolom wajib: {0}").format(" &nbsp; ".join(marks)))
        set_message(self.mapping_message, "\n".join(self.mapping_problems()), ERROR_COLOR)
        self.update_buttons()

    def mapping_failed(self, text: str) -> None:
        set_message(self.mapping_message, text, ERROR_COLOR)
        self.show_page(self.PAGE_MAPPING)
