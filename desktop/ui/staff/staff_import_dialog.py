"""Impor data pegawai from the SIASN "Export Data ASN" (.csv) or the app's xlsx template, in the import wizard."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core.money import format_number
from desktop.services.common.permissions import Perm
from desktop.services.staff import records_io
from desktop.services.staff.records_io import StaffImportPlan, StaffImportResult, StaffRow, StaffTable
from desktop.ui.context import UiContext
from desktop.ui.widgets.import_wizard import Checker, Importer, ImportTexts, ImportWizard
from desktop.ui.widgets.screen_fit import fit_to_screen

FILE_FILTER = "Data pegawai (*.csv *.xlsx);;CSV (*.csv *.txt);;Excel (*.xlsx);;Semua berkas (*)"
TEMPLATE_NAME = "templat-impor-pegawai.xlsx"

IMPORT_TEXTS = ImportTexts(
    title="Impor data pegawai (SIASN)",
    intro=(
        "Ambil data pegawai dari berkas <b>Export Data ASN</b> SIASN (.csv) apa adanya, atau dari templat "
        ".xlsx aplikasi. <b>Semua baris diperiksa dulu</b>: bila ada baris yang salah, tidak ada yang "
        "diimpor dan setiap baris yang salah disebutkan nomor baris dan alasannya — kecuali Anda memilih "
        "mengimpor baris yang valid saja. Impor ulang memperbarui pegawai ber-NIP sama, tidak "
        "menggandakannya."
    ),
    tips=(
        "<b>Yang perlu diketahui</b><ul>"
        "<li>Kolom wajib: NIP BARU (atau NIP) dan NAMA. Kolom lain boleh tidak ada. Kolom Export Data ASN "
        "yang tidak dipakai aplikasi dilewati; kolom lain yang berisi data disebutkan sebelum impor.</li>"
        "<li>Berkas CSV boleh dipisah koma, titik koma, garis tegak (|) atau tab.</li>"
        "<li>Tanggal 14-03-1973, 14/03/1973, 1973-03-14, 1973-03-14T00:00:00Z atau nomor hari Excel. "
        "Tanggal lahir dan jenis kelamin yang kosong diambil dari NIP.</li>"
        "<li>Golongan III/b, III-b, Penata Muda Tk. I atau Penata Muda Tingkat I (III/b); NIP boleh "
        "dengan spasi, titik atau tanda hubung.</li>"
        "<li>NIP yang tersimpan sebagai angka di Excel (1,97303E+17) sudah kehilangan angka "
        "terakhirnya: barisnya ditolak; format kolom NIP sebagai Teks.</li>"
        "<li>Pangkat, jabatan atau pendidikan yang berubah dicatat sebagai entri riwayat baru.</li>"
        "</ul>"
    ),
    file_filter=FILE_FILTER,
    choose_title="Pilih berkas data pegawai",
    placeholder="Pilih berkas .csv atau .xlsx…",
    recheck_tip="Sudah memperbaiki berkasnya? Baca dan periksa lagi.",
    no_rows="Berkas tidak berisi baris pegawai; tidak ada yang bisa diimpor.",
    warnings_title="P&eringatan ({0}) — tetap diimpor",
    skip_consequence="dilewati dan TIDAK diimpor; perbaiki dan impor lagi bila pegawainya perlu dicatat.",
    import_title="Mengimpor data pegawai",
    importing="Mengimpor {0} pegawai…",
    changed="Hasil pemeriksaan berubah sejak tadi. Tidak ada yang diimpor; periksa lalu impor lagi.",
    template_name=TEMPLATE_NAME,
    template_title="Simpan templat impor pegawai",
    template_note=(
        "Templat .xlsx berisi judul kolom yang dikenali, satu baris contoh (hapus sebelum impor) dan "
        "lembar “Petunjuk” untuk setiap kolom."
    ),
)


class StaffImportDialog(ImportWizard):
    """Impor SIASN: Berkas → Pemeriksaan → Selesai; a NIP already registered is updated, not doubled."""

    TEXTS = IMPORT_TEXTS

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("staffImportDialog")
        fit_to_screen(self, 900, 600)
        self._add_changes_box()

    def _add_changes_box(self) -> None:
        """Below the check's lists: the registered pegawai the import updates and what changes for each, so the
        clerk sees "golongan III/c → III/d" before importing rather than in the audit log after."""
        page = self.check_stretch.parentWidget()
        self.changes_box = QWidget(page)
        self.changes_label = QLabel(self.changes_box)
        self.changes_label.setObjectName("changesLabel")
        self.changes_table = QTableWidget(0, 3, self.changes_box)
        self.changes_table.setObjectName("changesTable")
        self.changes_table.setHorizontalHeaderLabels(
            [self.tr("Baris"), self.tr("Pegawai"), self.tr("Diperbarui")]
        )
        self.changes_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.changes_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.changes_table.setAlternatingRowColors(True)
        self.changes_table.setTabKeyNavigation(False)
        self.changes_table.setWordWrap(True)
        self.changes_table.verticalHeader().hide()
        self.changes_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.changes_table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.changes_label.setBuddy(self.changes_table)
        box = QVBoxLayout(self.changes_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.changes_label)
        box.addWidget(self.changes_table, 1)
        layout = page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.check_stretch), self.changes_box, 2)
        self.changes_box.hide()

    def show_page(self, index: int) -> None:
        super().show_page(index)
        if index == self.PAGE_CHECK:
            self._show_changes()

    def _show_changes(self) -> None:
        plan = self.plan
        rows = [r for r in plan.rows if r.changes] if isinstance(plan, StaffImportPlan) else []
        table = self.changes_table
        table.setUpdatesEnabled(False)
        table.clearContents()
        table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            line = QTableWidgetItem(str(row.line))
            line.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            who = QTableWidgetItem(row.values.nama)
            who.setToolTip(row.values.nip)
            what = QTableWidgetItem(row.changes_text)
            what.setToolTip("\n".join(f"{label}: {old} → {new}" for label, old, new in row.changes))
            for column, item in enumerate((line, who, what)):
                if column:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
                table.setItem(index, column, item)
        table.setUpdatesEnabled(True)
        table.scrollToTop()
        self.changes_label.setText(
            self.tr("Pegawai terdaftar yang &diperbarui ({0})").format(format_number(len(rows)))
        )
        self.changes_box.setVisible(bool(rows))
        if rows:
            self.check_stretch.hide()  # the list takes the room the empty stretch kept

    def changed_rows(self) -> list[tuple[int, str]]:
        """The updates as listed: (line, what changes)."""
        table = self.changes_table
        return [(int(table.item(r, 0).text()), table.item(r, 2).text()) for r in range(table.rowCount())]

    @staticmethod
    def read_file(path: Path) -> StaffTable:
        return records_io.read_siasn(path)

    @staticmethod
    def write_template(path: Path) -> None:
        records_io.write_staff_template(path)

    def checker(self) -> Checker:
        actor = self.ctx.actor

        def check(session: Session, table: StaffTable) -> StaffImportPlan:
            return records_io.validate_siasn(session, actor, table)

        return check

    def importer(self, *, skip_invalid: bool, again: bool) -> Importer:
        actor = self.ctx.actor  # ``again`` does not apply: a NIP imported twice is updated, not doubled

        def write(session: Session, plan: StaffImportPlan) -> StaffImportResult:
            return records_io.import_staff(session, actor, plan, skip_invalid=skip_invalid)

        return write

    @staticmethod
    def valid_rows(plan: StaffImportPlan) -> list[StaffRow]:
        return plan.rows

    def all_valid_text(self, plan: StaffImportPlan) -> str:
        valid, new = len(plan.rows), plan.new
        changed = sum(1 for r in plan.rows if r.changes)
        return self.tr(
            "Semua {0} baris valid: {1} pegawai baru, {2} sudah terdaftar ({3} diperbarui, {4} tetap)."
        ).format(
            format_number(plan.rows_read),
            format_number(new),
            format_number(valid - new),
            format_number(changed),
            format_number(valid - new - changed),
        )

    def plan_details(self, plan: StaffImportPlan) -> str:
        used = ", ".join(plan.columns.values())
        ignored = ", ".join(plan.ignored)
        return self.tr("Kolom dipakai: {0}.").format(used) + (
            self.tr(" Diabaikan: {0}.").format(ignored) if ignored else ""
        )

    def unmapped_headers(self) -> list[str]:
        # No mapping step here: the columns nobody reads are shown over the check step, before the import.
        plan = self.plan
        return list(plan.unmapped) if isinstance(plan, StaffImportPlan) else []

    def done_text(self, result: StaffImportResult) -> str:
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
        return text


def can_import(ctx: UiContext) -> bool:
    return ctx.actor.can(Perm.WRITE_STAFF)
