"""The riwayat of one pegawai: a tab per kind listing every entry (corrected and cancelled ones greyed with the
reason), and the entry dialog. Riwayat is append-only: "Koreksi…" records a new entry with a reason, "Batalkan…"
a voiding entry; nothing is edited in place."""

from __future__ import annotations

import dataclasses
import html
import itertools
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date_numeric
from desktop.core.money import format_rupiah, parse_rupiah
from desktop.core.staff.cuti import CutiJenis
from desktop.core.staff.kgb import gaji_pokok
from desktop.core.staff.months import MasaKerja
from desktop.services.common import office
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.common.permissions import Perm
from desktop.services.staff import printouts, records
from desktop.services.staff.records import (
    JENIS_PANGKAT,
    JENJANG_FUNGSIONAL,
    KEPUTUSAN_CUTI,
    TINGKAT_HUKDIS,
    CutiEntry,
    HukdisEntry,
    JabatanEntry,
    JenisJabatan,
    KgbEntry,
    PangkatEntry,
    PegawaiDetail,
    PegawaiInfo,
    PendidikanEntry,
    PenundaanKgbEntry,
    RiwayatEntry,
    RiwayatInfo,
    RiwayatKind,
    StatusPegawai,
)
from desktop.ui import dialogs
from desktop.ui.letters.common import ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR, muted, sequence, set_message
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.staff.fields import DateField, EnterWalker, FieldRows, form_layout, open_preview
from desktop.ui.staff.pegawai_form import PENDIDIKAN

SAVE_KEY = sequence("Ctrl+S")
ADD_KEY = sequence("Ctrl+N")
INFO_ROLE = Qt.ItemDataRole.UserRole
GREY = QColor("#7a7a7a")

ENTRY_CLASSES: Mapping[RiwayatKind, Any] = {
    RiwayatKind.PANGKAT: PangkatEntry,
    RiwayatKind.KGB: KgbEntry,
    RiwayatKind.JABATAN: JabatanEntry,
    RiwayatKind.PENDIDIKAN: PendidikanEntry,
    RiwayatKind.HUKDIS: HukdisEntry,
    RiwayatKind.PENUNDAAN_KGB: PenundaanKgbEntry,
    RiwayatKind.CUTI: CutiEntry,
}
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
        self.resize(1060, 560)
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
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Batalkan entri #{0}").format(info.id))
        dialog.setLabelText(self.tr("Alasan pembatalan {0} #{1}:").format(info.kind.label.lower(), info.id))
        dialog.setOkButtonText(self.tr("Lanjut"))
        dialog.setCancelButtonText(self.tr("Kembali"))
        dialog.resize(460, dialog.sizeHint().height())
        if not dialog.exec():
            return None
        return dialog.textValue().strip() or None

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


class RiwayatEntryDialog(QDialog):
    """A new riwayat entry (``base`` None) or the correction of ``base`` (prefilled, with a required reason)."""

    def __init__(
        self,
        ctx: Any,
        pegawai: PegawaiInfo,
        kind: RiwayatKind,
        base: RiwayatInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.pegawai = pegawai
        self.kind = kind
        self.base = base
        self.ref = records.reference()
        self.result_saved: records.Saved[RiwayatInfo] | None = None
        self.setObjectName("riwayatEntryDialog")
        self.setWindowTitle(
            self.tr("Koreksi {0} #{1} — {2}").format(kind.label.lower(), base.id, pegawai.nama_lengkap)
            if base is not None
            else self.tr("Tambah {0} — {1}").format(kind.label.lower(), pegawai.nama_lengkap)
        )
        self.widgets: dict[str, QWidget] = {}
        form = form_layout()
        self.rows = FieldRows(self, form)
        self.gaji_info = muted(QLabel(self), smaller=True)
        self.gaji_info.setObjectName("gajiInfo")
        self._build(kind)
        self.alasan = QLineEdit(self)
        self.alasan.setObjectName("alasan")
        self.alasan.setPlaceholderText(self.tr("mengapa entri lama salah, mis. salah ketik TMT"))
        if base is not None:
            self.rows.add(self.tr("&Alasan koreksi *"), "alasan", self.alasan)
            self._load(base.data)
        else:
            self._defaults(ENTRY_CLASSES[kind])

        intro = QLabel(self)
        intro.setWordWrap(True)
        if base is not None:
            intro.setText(
                self.tr(
                    "Entri #{0} tidak diubah: yang dicatat adalah entri baru yang menggantikannya, dengan alasan "
                    "koreksi. Entri lama tetap terlihat sebagai “dikoreksi”."
                ).format(base.id)
            )
        else:
            intro.setText(
                self.tr("{0} untuk {1} ({2}).").format(kind.label, pegawai.nama_lengkap, pegawai.nip_format)
            )
        muted(intro, smaller=True)
        self.message = QLabel(self)
        self.message.setObjectName("entryMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.save_button = QPushButton(self.tr("&Simpan (Ctrl+S)"), self)
        self.save_button.setObjectName("saveEntryButton")
        self.save_button.clicked.connect(self.save)
        close = QPushButton(self.tr("Batal"), self)
        close.clicked.connect(self.reject)
        for button in (self.save_button, close):
            button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(muted(QLabel(self.tr("Enter: isian berikutnya · Ctrl+S simpan"), self), True))
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)

        chain = [w for w in self.widgets.values()]
        if base is not None:
            chain.append(self.alasan)
        chain.append(self.save_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.walker = EnterWalker(self, chain, {SAVE_KEY: self.save})
        self._update_gaji()
        self.resize(620, self.sizeHint().height())
        chain[0].setFocus()

    # ------------------------------------------------------------------ building
    def _text(self, name: str, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        self._add(name, label, edit)
        return edit

    def _date(self, name: str, label: str, placeholder: str = "") -> DateField:
        field = DateField(self, placeholder)
        field.setObjectName(name)
        self._add(name, label, field)
        return field

    def _choice(self, name: str, label: str, items: Mapping[str, str], *, blank: str = "") -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        if blank:
            combo.addItem(blank, "")
        for key, text in items.items():
            combo.addItem(text, key)
        self._add(name, label, combo)
        return combo

    def _spin(self, name: str, label: str, low: int, high: int, suffix: str = "") -> QSpinBox:
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setSuffix(suffix)
        self._add(name, label, spin)
        return spin

    def _add(self, name: str, label: str, widget: QWidget, extra: list[QWidget] | None = None) -> None:
        self.widgets[name] = widget
        self.rows.add(label, name, widget, extra=extra)

    def _golongan_items(self) -> dict[str, str]:
        if self.pegawai.status is StatusPegawai.PPPK:
            return {g: self.tr("Golongan {0}").format(g) for g in records.pppk_golongan(self.ref)}
        return {p.golongan_ruang: f"{p.golongan_ruang} — {p.nama}" for p in self.ref.pangkat}

    def _sk(self, nomor_label: str = "Nomor SK", tanggal_label: str = "Tanggal SK") -> None:
        self._text("nomor_sk", self.tr(nomor_label))
        self._date("tanggal_sk", self.tr(tanggal_label))
        self._text("keterangan", self.tr("Keterangan"))

    def _build(self, kind: RiwayatKind) -> None:
        p = self.pegawai
        if kind in (RiwayatKind.PANGKAT, RiwayatKind.KGB):
            self._date("tmt", self.tr("&TMT *"))
            gol = self._choice(
                "golongan_ruang", self.tr("&Golongan ruang *"), self._golongan_items(), blank=""
            )
            gol.setCurrentIndex(max(0, gol.findData(p.golongan_ruang)))
            self._spin("mkg_tahun", self.tr("MKG &tahun"), 0, 50, self.tr(" thn"))
            self._spin("mkg_bulan", self.tr("MKG &bulan"), 0, 11, self.tr(" bln"))
            if kind is RiwayatKind.PANGKAT:
                self._choice("jenis", self.tr("&Jenis"), JENIS_PANGKAT)
            else:
                edit = QLineEdit(self)
                edit.setObjectName("gaji_pokok")
                edit.setPlaceholderText(self.tr("kosong: dari tabel gaji"))
                self.widgets["gaji_pokok"] = edit
                self.rows.add(self.tr("Gaji &pokok"), "gaji_pokok", edit, extra=[self.gaji_info])
                for name in ("tmt", "mkg_tahun", "mkg_bulan", "golongan_ruang"):
                    widget = self.widgets[name]
                    if isinstance(widget, QLineEdit):
                        widget.textChanged.connect(self._update_gaji)
                    elif isinstance(widget, QSpinBox):
                        widget.valueChanged.connect(self._update_gaji)
                    elif isinstance(widget, QComboBox):
                        widget.currentIndexChanged.connect(self._update_gaji)
            self._sk()
        elif kind is RiwayatKind.JABATAN:
            self._date("tmt", self.tr("&TMT *"))
            self._choice(
                "jenis_jabatan", self.tr("&Jenis jabatan *"), {j.value: j.label for j in JenisJabatan}
            )
            self._choice(
                "jenjang", self.tr("Jen&jang (JF)"), dict(JENJANG_FUNGSIONAL), blank=self.tr("(tidak ada)")
            )
            self._text("jabatan", self.tr("&Nama jabatan *"))
            with self.ctx.read() as s:
                units = {str(u.id): u.nama for u in office.list_units(s)}
            self._choice("unit_id", self.tr("&Unit kerja"), units, blank=self.tr("(belum dipilih)"))
            self._text("unor", self.tr("Unit di SIASN"))
            self._sk()
        elif kind is RiwayatKind.PENDIDIKAN:
            combo = QComboBox(self)
            combo.setObjectName("tingkat")
            combo.setEditable(True)
            combo.addItems(["", *PENDIDIKAN])
            combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
            self._add("tingkat", self.tr("&Tingkat *"), combo)
            self._text("jurusan", self.tr("&Jurusan"))
            self._text("nama_sekolah", self.tr("Nama &sekolah"))
            self._date("tmt", self.tr("Tanggal &lulus"))
            spin = self._spin("tahun_lulus", self.tr("Tahun l&ulus"), 0, 2200)
            spin.setSpecialValueText(self.tr("—"))
            self._sk(self.tr("Nomor ijazah"), self.tr("Tanggal ijazah"))
        elif kind is RiwayatKind.HUKDIS:
            self._date("tmt", self.tr("&TMT *"))
            self._choice("tingkat", self.tr("T&ingkat *"), TINGKAT_HUKDIS)
            self._text("jenis", self.tr("&Jenis hukuman *"), self.tr("mis. teguran lisan"))
            self._date("selesai", self.tr("&Selesai"))
            self._sk()
        elif kind is RiwayatKind.PENUNDAAN_KGB:
            self._date("tmt", self.tr("&TMT KGB yang ditunda *"), self.tr("tanggal 1, mis. 01-03-2027"))
            self._spin("bulan", self.tr("&Lama penundaan"), 1, 12, self.tr(" bulan"))
            self._sk()
        elif kind is RiwayatKind.CUTI:
            self._date("tmt", self.tr("&Mulai *"))
            self._date("selesai", self.tr("&Selesai *"))
            jenis = {j.value: j.label for j in CutiJenis}
            self._choice("jenis", self.tr("&Jenis cuti *"), jenis)
            self._choice("keputusan", self.tr("&Keputusan"), KEPUTUSAN_CUTI)
            hk = self._text(
                "hari_kerja", self.tr("&Hari kerja"), self.tr("kosong: dihitung dari kalender kerja")
            )
            hk.setMaxLength(4)
            self._text("referensi", self.tr("&Referensi"), self.tr("mis. nomor si-Pecut"))
            self._text("nomor_sk", self.tr("Nomor surat izin"))
            self._date("tanggal_sk", self.tr("Tanggal surat izin"))
            self._text("keterangan", self.tr("Alasan / keterangan"))

    def _defaults(self, cls: Any) -> None:
        """The entry's own defaults for its choices (a new pangkat entry is a KP reguler)."""
        for f in dataclasses.fields(cls):
            widget = self.widgets.get(f.name)
            if isinstance(widget, QComboBox) and isinstance(f.default, str) and f.default:
                index = widget.findData(f.default)
                if index >= 0:
                    widget.setCurrentIndex(index)

    def _load(self, data: RiwayatEntry) -> None:
        for f in dataclasses.fields(data):
            widget = self.widgets.get(f.name)
            value = getattr(data, f.name)
            if widget is None:
                continue
            if isinstance(widget, DateField):
                widget.set_value(value)
            elif isinstance(widget, QSpinBox):
                widget.setValue(int(value or 0))
            elif isinstance(widget, QComboBox):
                key = "" if value is None else str(value.value if hasattr(value, "value") else value)
                index = widget.findData(key)
                if index >= 0:
                    widget.setCurrentIndex(index)
                elif widget.isEditable():
                    widget.setCurrentText(key)
            elif isinstance(widget, QLineEdit):
                if f.name == "gaji_pokok":
                    widget.setText(format_rupiah(value) if value is not None else "")
                else:
                    widget.setText("" if value is None else str(value))

    # ------------------------------------------------------------------ values
    def _value(self, name: str) -> Any:
        widget = self.widgets[name]
        if isinstance(widget, DateField):
            try:
                return widget.value()
            except ValueError as exc:
                raise ValidationError(str(exc), name) from None
        if isinstance(widget, QSpinBox):
            return widget.value()
        if isinstance(widget, QComboBox):
            return widget.currentText() if widget.isEditable() else widget.currentData()
        assert isinstance(widget, QLineEdit)
        return widget.text()

    def entry(self) -> RiwayatEntry:
        """The form as the service's entry; ValidationError (with the field) for what cannot even be built."""
        cls = ENTRY_CLASSES[self.kind]
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in self.widgets:
                continue
            values[f.name] = self._value(f.name)
        if "tmt" in values and values["tmt"] is None and self.kind is not RiwayatKind.PENDIDIKAN:
            raise ValidationError(
                self.tr("TMT wajib diisi.")
                if self.kind is not RiwayatKind.CUTI
                else self.tr("Tanggal mulai cuti wajib diisi."),
                "tmt",
            )
        if self.kind is RiwayatKind.CUTI:
            if values["selesai"] is None:
                raise ValidationError(self.tr("Tanggal selesai cuti wajib diisi."), "selesai")
            text = values["hari_kerja"].strip()
            if text and not text.isdigit():
                raise ValidationError(self.tr("Hari kerja harus angka (kosong: dihitung)."), "hari_kerja")
            values["hari_kerja"] = int(text) if text else None
        if self.kind is RiwayatKind.KGB:
            text = values["gaji_pokok"].strip()
            try:
                values["gaji_pokok"] = parse_rupiah(text) if text else None
            except ValueError as exc:
                raise ValidationError(str(exc), "gaji_pokok") from None
        if self.kind is RiwayatKind.PENDIDIKAN:
            values["tahun_lulus"] = values["tahun_lulus"] or None
        if self.kind is RiwayatKind.JABATAN:
            values["unit_id"] = int(values["unit_id"]) if values["unit_id"] else None
        entry: RiwayatEntry = cls(**values)
        return entry

    def _update_gaji(self, *_args: object) -> None:
        if self.kind is not RiwayatKind.KGB:
            self.gaji_info.hide()
            return
        self.gaji_info.show()
        try:
            tmt = self.widgets["tmt"].value()  # type: ignore[attr-defined]
        except ValueError:
            tmt = None
        gol = self.widgets["golongan_ruang"].currentData()  # type: ignore[attr-defined]
        if tmt is None or not gol or self.pegawai.status is StatusPegawai.PPPK:
            self.gaji_info.setText(
                self.tr("Gaji pokok PPPK diisi sendiri (tabel gaji PNS tidak berlaku).")
                if self.pegawai.status is StatusPegawai.PPPK
                else self.tr("Isi TMT dan golongan: gaji pokok diambil dari tabel gaji.")
            )
            return
        mkg = MasaKerja(self.widgets["mkg_tahun"].value(), self.widgets["mkg_bulan"].value())  # type: ignore[attr-defined]
        try:
            found = gaji_pokok(self.ref.gaji, gol, mkg, on=tmt)
            table = self.ref.gaji.for_date(tmt).label
        except ValueError as exc:
            self.gaji_info.setText(str(exc))
            return
        self.gaji_info.setText(
            self.tr("Dari tabel gaji ({0}): {1}").format(table, format_rupiah(found.value))
        )

    def gaji_text(self) -> str:
        return self.gaji_info.text()

    # ------------------------------------------------------------------ saving
    def save(self) -> records.Saved[RiwayatInfo] | None:
        self.rows.clear_errors()
        set_message(self.message, "", ERROR_COLOR)
        try:
            entry = self.entry()
            with self.ctx.transaction() as s:
                if self.base is None:
                    saved = records.add_riwayat(s, self.ctx.actor, self.pegawai.id, entry)
                else:
                    saved = records.correct_riwayat(
                        s, self.ctx.actor, self.kind, self.base.id, entry, self.alasan.text()
                    )
        except ValidationError as exc:
            if not self.rows.show_error(exc.field, str(exc)):
                set_message(self.message, str(exc), ERROR_COLOR)
            return None
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return None
        self.result_saved = saved
        self.accept()
        return saved
