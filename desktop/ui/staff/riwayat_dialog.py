"""The riwayat of one pegawai: a tab per kind listing every entry (corrected and cancelled ones greyed with the
reason). Riwayat is append-only: "Koreksi…" records a new entry with a reason, "Batalkan…" a voiding entry;
nothing is edited in place."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date_numeric
from desktop.core.money import format_rupiah
from desktop.core.staff.cuti import CutiJenis
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.staff import printouts, records
from desktop.services.staff.records import (
    JENIS_PANGKAT,
    JENJANG_FUNGSIONAL,
    KEPUTUSAN_CUTI,
    TINGKAT_HUKDIS,
    JenisJabatan,
    PegawaiDetail,
    RiwayatInfo,
    RiwayatKind,
)
from desktop.ui import dialogs
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.staff.fields import EnterWalker, open_preview
from desktop.ui.staff.riwayat_entry_dialog import RiwayatEntryDialog
from desktop.ui.widgets.keys import sequence
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import DIMMED_COLOR, ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR
from desktop.ui.widgets.screen_fit import fit_to_screen
from desktop.ui.widgets.tables import ask_reason

ADD_KEY = sequence("Ctrl+N")
INFO_ROLE = Qt.ItemDataRole.UserRole
GREY = QColor(DIMMED_COLOR)

TAB_TITLES = {
    RiwayatKind.PANGKAT: "Pangkat",
    RiwayatKind.KGB: "KGB",
    RiwayatKind.JABATAN: "Jabatan",
    RiwayatKind.PENDIDIKAN: "Pendidikan",
    RiwayatKind.HUKDIS: "Hukuman disiplin",
    RiwayatKind.PENUNDAAN_KGB: "Penundaan KGB",
    RiwayatKind.CUTI: "Cuti",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("RiwayatDialog", text)


def _d(value: date | None) -> str:
    return format_date_numeric(value) if value is not None else ""


def _mkg(data: Any) -> str:
    return f"{data.mkg_tahun} th {data.mkg_bulan} bl"


def _jenis_jabatan(data: Any) -> str:
    jenis = JenisJabatan(data.jenis_jabatan).label if data.jenis_jabatan else ""
    jenjang = JENJANG_FUNGSIONAL.get(data.jenjang, "")
    return f"{jenis} ({jenjang})" if jenjang else jenis


Column = tuple[str, Callable[[Any], str]]
COLUMNS: Mapping[RiwayatKind, tuple[Column, ...]] = {
    RiwayatKind.PANGKAT: (
        ("TMT", lambda d: _d(d.tmt)),
        ("Gol. ruang", lambda d: d.golongan_ruang),
        ("MKG", _mkg),
        ("Jenis", lambda d: JENIS_PANGKAT.get(d.jenis, d.jenis)),
    ),
    RiwayatKind.KGB: (
        ("TMT", lambda d: _d(d.tmt)),
        ("Gol. ruang", lambda d: d.golongan_ruang),
        ("MKG", _mkg),
        ("Gaji pokok", lambda d: format_rupiah(d.gaji_pokok) if d.gaji_pokok is not None else ""),
    ),
    RiwayatKind.JABATAN: (
        ("TMT", lambda d: _d(d.tmt)),
        ("Jenis", _jenis_jabatan),
        ("Jabatan", lambda d: d.jabatan),
        ("Unit", lambda d: d.unor),
    ),
    RiwayatKind.PENDIDIKAN: (
        ("Tingkat", lambda d: d.tingkat),
        ("Lulus", lambda d: _d(d.tmt) or (str(d.tahun_lulus) if d.tahun_lulus else "")),
        ("Jurusan", lambda d: d.jurusan),
        ("Sekolah", lambda d: d.nama_sekolah),
    ),
    RiwayatKind.HUKDIS: (
        ("TMT", lambda d: _d(d.tmt)),
        ("Tingkat", lambda d: TINGKAT_HUKDIS.get(d.tingkat, d.tingkat)),
        ("Jenis hukuman", lambda d: d.jenis),
        ("Selesai", lambda d: _d(d.selesai)),
    ),
    RiwayatKind.PENUNDAAN_KGB: (
        ("TMT KGB", lambda d: _d(d.tmt)),
        ("Ditunda", lambda d: _tr("{0} bulan").format(d.bulan)),
    ),
    RiwayatKind.CUTI: (
        ("Mulai", lambda d: _d(d.tmt)),
        ("Selesai", lambda d: _d(d.selesai)),
        ("Jenis", lambda d: CutiJenis(str(d.jenis)).label),
        ("Hari kerja", lambda d: "" if d.hari_kerja is None else str(d.hari_kerja)),
        ("Keputusan", lambda d: KEPUTUSAN_CUTI.get(d.keputusan, d.keputusan)),
        ("Referensi", lambda d: d.referensi),
    ),
}
SK_COLUMNS: tuple[Column, ...] = (
    ("Nomor SK", lambda d: d.nomor_sk),
    ("Tanggal SK", lambda d: _d(d.tanggal_sk)),
)


def status_text(info: RiwayatInfo, by_id: Mapping[int, RiwayatInfo]) -> str:
    """``Berlaku``; ``Dikoreksi oleh #12: alasan``; ``Dibatalkan (#13): alasan``; ``Koreksi atas #5: alasan``."""
    if info.batal:
        return _tr("Pembatalan entri #{0}: {1}").format(info.koreksi_atas_id, info.alasan_koreksi)
    if info.dikoreksi_oleh_id is not None:
        newer = by_id.get(info.dikoreksi_oleh_id)
        reason = newer.alasan_koreksi if newer is not None else ""
        if newer is not None and newer.batal:
            return _tr("Dibatalkan (#{0}): {1}").format(newer.id, reason)
        return _tr("Dikoreksi oleh #{0}: {1}").format(info.dikoreksi_oleh_id, reason)
    if info.koreksi_atas_id is not None:
        return _tr("Berlaku — koreksi atas #{0}: {1}").format(info.koreksi_atas_id, info.alasan_koreksi)
    return _tr("Berlaku")


class RiwayatDialog(QDialog):
    """Every riwayat entry of one pegawai; Tambah / Koreksi / Batalkan for Perm.WRITE_STAFF, read-only for others.

    ``changed`` fires after each entry saved (the pegawai id), so the list and the Jadwal can read again."""

    changed = Signal(int)

    def __init__(
        self, ctx: Any, pegawai_id: int, parent: QWidget | None = None, kind: RiwayatKind | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pegawai_id = pegawai_id
        self.setObjectName("riwayatDialog")
        self.can_write = ctx.actor.can(Perm.WRITE_STAFF)
        self.detail: PegawaiDetail | None = None
        self.entry_dialog: RiwayatEntryDialog | None = None
        self.preview: PrintPreviewDialog | None = None

        self.header = QLabel(self)
        self.header.setObjectName("riwayatHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.warning_label = QLabel(self)
        self.warning_label.setObjectName("riwayatWarnings")
        self.warning_label.setWordWrap(True)
        self.warning_label.hide()
        self.message = QLabel(self)
        self.message.setObjectName("riwayatMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.hide()

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("riwayatTabs")
        self.tabs.setUsesScrollButtons(False)  # all seven kinds in view, also on a 1024 px screen
        self.tables: dict[RiwayatKind, QTableWidget] = {}
        for k in RiwayatKind:
            table = self._table(k)
            self.tables[k] = table
            self.tabs.addTab(table, self.tr(TAB_TITLES[k]))
        self.tabs.currentChanged.connect(lambda _i: self._update_buttons())

        self.add_button = QPushButton(self.tr("&Tambah… (Ctrl+N)"), self)
        self.add_button.setObjectName("addButton")
        self.add_button.clicked.connect(self.add_entry)
        self.correct_button = QPushButton(self.tr("&Koreksi…"), self)
        self.correct_button.setObjectName("correctButton")
        self.correct_button.setToolTip(
            self.tr("Catat entri pengganti dengan alasannya; entri lama tetap tersimpan sebagai dikoreksi")
        )
        self.correct_button.clicked.connect(self.correct_entry)
        self.cancel_button = QPushButton(self.tr("&Batalkan…"), self)
        self.cancel_button.setObjectName("cancelEntryButton")
        self.cancel_button.setToolTip(
            self.tr("Tandai entri yang salah catat sebagai batal, dengan alasannya")
        )
        self.cancel_button.clicked.connect(self.cancel_entry)
        self.form_button = QPushButton(self.tr("&Formulir cuti"), self)
        self.form_button.setObjectName("cutiFormButton")
        self.form_button.clicked.connect(self.print_cuti_form)
        self.close_button = QPushButton(self.tr("T&utup"), self)
        self.close_button.clicked.connect(self.accept)
        for button in (self.add_button, self.correct_button, self.cancel_button, self.form_button):
            button.setAutoDefault(False)
            button.setVisible(self.can_write or button is self.form_button)
        note = muted(
            QLabel(
                self.tr(
                    "Riwayat tidak pernah diubah atau dihapus: koreksi dan pembatalan dicatat sebagai entri baru."
                ),
                self,
            ),
            smaller=True,
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.correct_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.form_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.warning_label)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.walker = EnterWalker(self, [], {ADD_KEY: self.add_entry})
        for table in self.tables.values():
            self.walker.watch(table)
        fit_to_screen(self, 1060, 560)
        self.reload()
        if kind is not None:
            self.show_kind(kind)

    # ------------------------------------------------------------------ table
    def _table(self, kind: RiwayatKind) -> QTableWidget:
        titles = ["#", *(t for t, _ in COLUMNS[kind]), *(t for t, _ in SK_COLUMNS), "Status"]
        table = QTableWidget(0, len(titles), self)
        table.setObjectName(f"table_{kind.value}")
        table.setHorizontalHeaderLabels([self.tr(t) for t in titles])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(titles) - 1, QHeaderView.ResizeMode.Stretch)
        table.itemSelectionChanged.connect(self._update_buttons)
        table.doubleClicked.connect(lambda _i: self.correct_entry())
        return table

    def reload(self) -> None:
        try:
            detail = self.ctx.query(records.get_pegawai, self.pegawai_id)
        except ServiceError as exc:
            set_message(self.message, html.escape(str(exc)), ERROR_COLOR)
            return
        self.detail = detail
        p = detail.pegawai
        self.setWindowTitle(self.tr("Riwayat — {0}").format(p.nama_lengkap))
        facts = [p.nip_format, p.status.label]
        if p.pangkat_golongan:
            facts.append(p.pangkat_golongan)
        if p.jabatan:
            facts.append(p.jabatan)
        if p.unit_nama:
            facts.append(p.unit_nama)
        self.header.setText(
            f"<span style='font-size:13pt'><b>{html.escape(p.nama_lengkap)}</b></span><br>"
            + html.escape(" · ".join(facts))
            + ("" if p.aktif else " · <b>" + html.escape(self.tr("nonaktif")) + "</b>")
        )
        for index, k in enumerate(RiwayatKind):
            entries = detail.riwayat.get(k, ())
            self._fill(k, entries)
            count = sum(1 for e in entries if e.berlaku)
            self.tabs.setTabText(
                index, f"{self.tr(TAB_TITLES[k])} ({count})" if entries else self.tr(TAB_TITLES[k])
            )
        self._update_buttons()

    def _fill(self, kind: RiwayatKind, entries: tuple[RiwayatInfo, ...]) -> None:
        table = self.tables[kind]
        keep = self.selected_info(kind)
        table.setRowCount(len(entries))
        by_id = {e.id: e for e in entries}
        columns = (*COLUMNS[kind], *SK_COLUMNS)
        italic = QFont(table.font())
        italic.setItalic(True)
        for row, info in enumerate(entries):
            texts = [str(info.id), *(fn(info.data) for _, fn in columns), status_text(info, by_id)]
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(INFO_ROLE, info)
                if not info.berlaku:
                    item.setForeground(QBrush(GREY))
                    item.setFont(italic)
                if col == len(texts) - 1:
                    who = self.tr("dicatat oleh {0}").format(info.created_by) if info.created_by else ""
                    item.setToolTip(
                        "\n".join(x for x in (text, who, getattr(info.data, "keterangan", "")) if x)
                    )
                table.setItem(row, col, item)
        if (keep is None or not self.select_entry(kind, keep.id)) and entries:
            table.selectRow(0)  # Koreksi and Batalkan act on something sensible from the keyboard

    def show_kind(self, kind: RiwayatKind) -> None:
        self.tabs.setCurrentIndex(list(RiwayatKind).index(kind))

    def current_kind(self) -> RiwayatKind:
        return list(RiwayatKind)[max(0, self.tabs.currentIndex())]

    def selected_info(self, kind: RiwayatKind | None = None) -> RiwayatInfo | None:
        table = self.tables[kind or self.current_kind()]
        rows = table.selectionModel().selectedRows()
        if not rows:
            return None
        item = table.item(rows[0].row(), 0)
        return item.data(INFO_ROLE) if item is not None else None

    def select_entry(self, kind: RiwayatKind, riwayat_id: int) -> bool:
        table = self.tables[kind]
        for row in range(table.rowCount()):
            item = table.item(row, 0)
            if item is not None and item.data(INFO_ROLE).id == riwayat_id:
                table.selectRow(row)
                return True
        return False

    def row_texts(self, kind: RiwayatKind) -> list[list[str]]:
        """What the tab shows, row by row (for tests and screen readers)."""
        table = self.tables[kind]
        return [
            [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())
        ]

    def is_greyed(self, kind: RiwayatKind, row: int) -> bool:
        item = self.tables[kind].item(row, 1)
        return item is not None and item.foreground().color() == GREY

    def _update_buttons(self) -> None:
        info = self.selected_info()
        open_entry = info is not None and info.berlaku
        self.correct_button.setEnabled(self.can_write and open_entry)
        self.cancel_button.setEnabled(self.can_write and open_entry)
        cuti = self.current_kind() is RiwayatKind.CUTI
        self.form_button.setVisible(cuti and self.ctx.actor.can(Perm.PRINT))
        self.form_button.setEnabled(cuti and open_entry)

    # ------------------------------------------------------------------ actions
    def add_entry(self) -> RiwayatEntryDialog | None:
        return self._open_entry(None)

    def correct_entry(self) -> RiwayatEntryDialog | None:
        info = self.selected_info()
        if info is None or not info.berlaku:
            return None
        return self._open_entry(info)

    def _open_entry(self, base: RiwayatInfo | None) -> RiwayatEntryDialog | None:
        if not self.can_write or self.detail is None:
            return None
        dialog = RiwayatEntryDialog(self.ctx, self.detail.pegawai, self.current_kind(), base, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result, d=dialog: self._entry_closed(d, result))
        self.entry_dialog = dialog
        dialog.open()
        return dialog

    def _entry_closed(self, dialog: RiwayatEntryDialog, result: int) -> None:
        self.entry_dialog = None
        saved = dialog.result_saved
        if result != QDialog.DialogCode.Accepted or saved is None:
            return
        self.reload()
        self.select_entry(saved.value.kind, saved.value.id)
        verb = self.tr("Koreksi dicatat") if saved.value.koreksi_atas_id else self.tr("Entri dicatat")
        text = f"✔ {verb}: #{saved.value.id}."
        if saved.warnings:
            text += "<br>" + "<br>".join("⚠ " + html.escape(w) for w in saved.warnings)
        set_message(self.message, text, WARNING_COLOR if saved.warnings else SUCCESS_COLOR)
        self.changed.emit(self.pegawai_id)
        self.tables[self.current_kind()].setFocus()

    def ask_reason(self, info: RiwayatInfo) -> str | None:
        return ask_reason(
            self,
            self.tr("Batalkan entri #{0}").format(info.id),
            self.tr("Alasan pembatalan {0} #{1}:").format(info.kind.label.lower(), info.id),
            cancel=self.tr("Kembali"),
            width=460,
        )

    def cancel_entry(self) -> bool:
        info = self.selected_info()
        if info is None or not info.berlaku or not self.can_write:
            return False
        reason = self.ask_reason(info)
        if reason is None:
            return False
        if not dialogs.confirm(
            self,
            self.tr("Batalkan entri riwayat"),
            self.tr(
                "{0} #{1} akan ditandai BATAL dengan alasan:\n“{2}”\n\nEntrinya tetap tersimpan sebagai batal. "
                "Lanjutkan?"
            ).format(info.kind.label, info.id, reason),
            yes=self.tr("Batalkan entri"),
            no=self.tr("Kembali"),
            danger=True,
        ):
            return False
        try:
            self.ctx.call(records.cancel_riwayat, info.kind, info.id, reason)
        except ServiceError as exc:
            set_message(self.message, html.escape(str(exc)), ERROR_COLOR)
            return False
        self.reload()
        set_message(self.message, self.tr("✔ Entri #{0} dibatalkan.").format(info.id), SUCCESS_COLOR)
        self.changed.emit(self.pegawai_id)
        return True

    def print_cuti_form(self) -> PrintPreviewDialog | None:
        info = self.selected_info(RiwayatKind.CUTI)
        if info is None or not info.berlaku:
            return None
        try:
            printout = self.ctx.query(printouts.cuti_form_pdf, info.id)
        except ServiceError as exc:
            set_message(self.message, html.escape(str(exc)), ERROR_COLOR)
            return None
        self.preview = open_preview(self, printout)
        return self.preview
