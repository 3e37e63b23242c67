"""One item opened: its identity, every field, its history from the ledger, and the changes the clerk may make."""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date, format_date_numeric
from desktop.core.money import format_number, format_rupiah
from desktop.services.assets import documents, items, rooms
from desktop.services.assets import kode as kode_service
from desktop.services.assets.items import KONDISI_TEXT, AssetInfo
from desktop.services.assets.ledger import MutationInfo
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.common.printed import Delivery
from desktop.ui import dialogs
from desktop.ui.assets.action_dialogs import ActionDialog, ConditionDialog, MaintenanceDialog, MoveDialog
from desktop.ui.assets.asset_form import SPECIALS
from desktop.ui.assets.asset_model import intra_text
from desktop.ui.assets.attachments_box import AttachmentsBox
from desktop.ui.assets.correction_dialog import CorrectionDialog
from desktop.ui.assets.kode_picker import golongan_text
from desktop.ui.assets.write_off_dialog import WriteOffDialog
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.widgets.forms import form_layout
from desktop.ui.widgets.messages import muted
from desktop.ui.widgets.screen_fit import fit_to_screen, scroll_form
from desktop.ui.widgets.tables import style_list

HISTORY_COLUMNS = ("Tanggal", "Jenis", "Dokumen", "Perubahan", "Nilai (Rp)", "Petugas", "Keterangan")

# How the ledger's field names read in the history.
FIELD_NAMES = {
    "kode_barang": "kode",
    "register": "register",
    "golongan": "golongan",
    "nama": "nama",
    "merk_tipe": "merk/tipe",
    "spesifikasi": "spesifikasi",
    "ukuran": "ukuran",
    "bahan": "bahan",
    "satuan": "satuan",
    "tahun": "tahun",
    "tanggal_perolehan": "tgl perolehan",
    "harga": "harga",
    "kondisi": "kondisi",
    "intra": "intra/ekstra",
    "ruang_id": "ruang",
    "status": "status",
    "asal_usul": "asal usul",
    "dasar_jenis": "dasar",
    "dasar_nomor": "nomor dasar",
    "pemegang_nama": "pemegang",
    "pemegang_pegawai_id": "",
    "unit": "unit",
    "keterangan": "keterangan",
    "no_pabrik": "no. pabrik",
    "no_rangka": "no. rangka",
    "no_mesin": "no. mesin",
    "no_polisi": "no. polisi",
    "no_bpkb": "no. BPKB",
    "tanah_id": "kode tanah",
}


class AssetDetailDialog(QDialog):
    """The item as the KIB and the Kartu Barang know it. Users who may not change assets (pimpinan) see the
    same dialog without the action buttons enabled. ``changed`` is sent after each change, for the list;
    ``labels_requested`` (the item's id in a list) when the clerk sends it to the Label page."""

    changed = Signal(int)
    labels_requested = Signal(list)

    def __init__(self, ctx: UiContext, aset_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.aset_id = aset_id
        self.setObjectName("assetDetail")
        self.action: ActionDialog | None = None
        self.preview: PrintPreviewDialog | None = None
        self.room_names = {r.id: r.nama for r in ctx.query(rooms.list_rooms, include_inactive=True)}

        self.title = QLabel(self)
        self.title.setObjectName("detailTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.identity = QLabel(self)
        self.identity.setObjectName("identity")
        self.identity.setWordWrap(True)
        self.identity.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.fields_page = QWidget(self)
        self.fields_form = form_layout(vertical_spacing=3)
        self.fields_page.setLayout(self.fields_form)
        self.history = QTableWidget(0, len(HISTORY_COLUMNS), self)
        self.history.setObjectName("historyTable")
        self.history.setHorizontalHeaderLabels([self.tr(c) for c in HISTORY_COLUMNS])
        style_list(self.history, 3)
        for column, width in enumerate((86, 110, 150, 260, 100, 110, 160)):
            self.history.setColumnWidth(column, width)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("detailTabs")
        self.tabs.addTab(scroll_form(self.fields_page, self), self.tr("&Data barang"))
        self.tabs.addTab(self.history, self.tr("&Riwayat"))

        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text, cls in (
            ("pindah", self.tr("&Pindah ruang…"), MoveDialog),
            ("kondisi", self.tr("Ubah &kondisi…"), ConditionDialog),
            ("pemeliharaan", self.tr("Pe&meliharaan…"), MaintenanceDialog),
            ("koreksi", self.tr("K&oreksi…"), CorrectionDialog),
            ("hapus", self.tr("&Hapus…"), WriteOffDialog),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"{key}Button")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, k=cls: self.run_action(k))
            self.buttons[key] = button
            row.addWidget(button)
        row.addStretch(1)
        close = QPushButton(self.tr("Tutup"), self)
        close.setObjectName("closeButton")
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        row.addWidget(close)
        self.kartu_button = QPushButton(self.tr("Cetak Kartu &Barang"), self)
        self.kartu_button.setObjectName("kartuButton")
        self.kartu_button.setToolTip(self.tr("Identitas barang dan seluruh riwayatnya, untuk dicetak"))
        self.kartu_button.clicked.connect(self.print_kartu)
        self.kartu_button.setVisible(ctx.actor.can(Perm.PRINT))
        self.label_button = QPushButton(self.tr("Cetak &label"), self)
        self.label_button.setObjectName("labelButton")
        self.label_button.setToolTip(self.tr("Ke halaman Label dengan barang ini"))
        self.label_button.clicked.connect(self.request_label)
        self.label_button.setVisible(ctx.actor.can(Perm.WRITE_ASSETS))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        for button in (self.kartu_button, self.label_button):
            button.setAutoDefault(False)
            top.addWidget(button)
        self.read_only_note = muted(
            QLabel(self.tr("Hanya pengurus barang yang dapat mengubah data barang."), self), True
        )
        self.read_only_note.setObjectName("readOnlyNote")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.identity)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.read_only_note)
        layout.addLayout(row)
        self.load()
        # Photos and scans: a change there is not a mutation, so it neither reloads the item nor its history.
        self.files_box = AttachmentsBox(
            ctx, aset_id=aset_id, editable=self.info.status == "aktif", parent=self
        )
        self.files_box.changed.connect(self._files_counted)
        self.tabs.addTab(self.files_box, "")
        self._files_counted()
        fit_to_screen(self, 900, 640)

    # ------------------------------------------------------------------ showing
    def load(self) -> None:
        self.info: AssetInfo = self.ctx.query(items.get_asset, self.aset_id)
        self.mutations: list[MutationInfo] = self.ctx.query(items.history, self.aset_id)
        with self.ctx.read() as s:
            found = kode_service.get_kode(s, self.info.kode_barang)
        a = self.info
        path = found.path if found is not None and found.path else (found.uraian if found else "")
        self.setWindowTitle(self.tr("Barang: {0}").format(a.nama))
        self.title.setText(a.nama + ("" if a.status == "aktif" else self.tr("  (dihapus)")))
        self.identity.setText(
            f"<b>{self.tr('ID')}</b> {html.escape(a.full_id)} · <b>NIBAR</b> {html.escape(a.nibar)}<br>"
            f"<b>{self.tr('Kode')}</b> {html.escape(a.kode_barang)} · <b>{self.tr('Register')}</b> "
            f"{a.register_text} · {html.escape(golongan_text(a.golongan))}<br>"
            f"<span>{html.escape(path)}</span>"
        )
        self._fill_fields()
        self._fill_history()
        self.tabs.setTabText(1, self.tr("&Riwayat ({0})").format(len(self.mutations)))
        can = self.ctx.actor.can(Perm.WRITE_ASSETS) and a.status == "aktif"
        for button in self.buttons.values():
            button.setEnabled(can)
        self.label_button.setEnabled(can)  # a written-off item gets no new label (the service refuses it)
        self.read_only_note.setVisible(not self.ctx.actor.can(Perm.WRITE_ASSETS))

    def _files_counted(self) -> None:
        count = len(self.files_box.files_info)
        text = self.tr("&Foto && dokumen") + (f" ({count})" if count else "")
        self.tabs.setTabText(self.tabs.indexOf(self.files_box), text)

    def _fill_fields(self) -> None:
        while self.fields_form.rowCount():
            self.fields_form.removeRow(0)
        a = self.info
        rows: list[tuple[str, str]] = [
            (self.tr("Merk/tipe"), a.merk_tipe),
            (self.tr("Spesifikasi"), a.spesifikasi),
            (self.tr("Ukuran / bahan"), " / ".join(p for p in (a.ukuran, a.bahan) if p)),
            (
                self.tr("Tahun / tgl perolehan"),
                f"{a.tahun}" + (f" · {format_date(a.tanggal_perolehan)}" if a.tanggal_perolehan else ""),
            ),
            (
                self.tr("Harga"),
                format_rupiah(a.harga)
                + (
                    self.tr(" (perolehan {0})").format(format_rupiah(a.harga_perolehan))
                    if a.harga != a.harga_perolehan
                    else ""
                ),
            ),
            (self.tr("Kondisi"), a.kondisi_text),
            (
                self.tr("Intra/ekstra"),
                intra_text(a.intra)
                + (self.tr(" (manual: {0})").format(a.intra_catatan) if a.intra_manual else ""),
            ),
            (self.tr("Asal usul"), a.asal_usul),
            (
                self.tr("Dasar dokumen"),
                " ".join(p for p in (a.dasar_jenis, a.dasar_nomor) if p)
                + (f" tgl {format_date(a.dasar_tanggal)}" if a.dasar_tanggal else ""),
            ),
            (self.tr("Ruangan"), a.ruang_nama or self.tr("— belum di ruangan —")),
            (self.tr("Pemegang"), " · ".join(p for p in (a.pemegang_nama, a.unit) if p)),
            (self.tr("Satuan"), a.satuan),
            (self.tr("Status"), self.tr("Aktif") if a.status == "aktif" else self.tr("Dihapus")),
            (self.tr("Keterangan"), a.keterangan),
        ]
        own = {
            "no_pabrik": a.no_pabrik,
            "no_rangka": a.no_rangka,
            "no_mesin": a.no_mesin,
            "no_polisi": a.no_polisi,
            "no_bpkb": a.no_bpkb,
        }
        for spec in SPECIALS:
            if a.golongan not in spec.labels:
                continue
            label = spec.labels[a.golongan].replace("&", "")
            if spec.name in own:
                value = own[spec.name]
            elif spec.name == "tanah_id":
                value = a.tanah_text
            elif spec.name == "bertingkat":
                value = ", ".join(
                    t
                    for t, on in (
                        (self.tr("bertingkat"), a.rincian.get("bertingkat")),
                        (self.tr("beton"), a.rincian.get("beton")),
                    )
                    if on
                )
            elif spec.name in ("sertifikat_tanggal", "dokumen_tanggal"):
                nomor = a.rincian.get(spec.name.replace("tanggal", "nomor"), "")
                when = a.rincian.get(spec.name)
                value = " ".join(p for p in (nomor, f"tgl {format_date(when)}" if when else "") if p)
            else:
                value = _readable(a.rincian.get(spec.name))
            rows.append((label, value))
        for label, value in rows:
            text = QLabel(value or "–", self.fields_page)
            text.setWordWrap(True)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields_form.addRow(muted(QLabel(label, self.fields_page)), text)

    def change_text(self, m: MutationInfo) -> str:
        """``ruang: R. Umum → R. Kabid`` for each value that changed; a perolehan lists what was recorded."""
        parts = []
        keys = list(dict.fromkeys([*m.sebelum, *m.sesudah]))
        for key in keys:
            name = FIELD_NAMES.get(key, key.replace("_", " "))
            if not name:
                continue
            after = self.value_text(key, m.sesudah.get(key))
            if m.jenis == "perolehan":
                if key in ("ruang_id", "kondisi", "harga", "intra"):
                    parts.append(f"{name} {after}")
                continue
            before = self.value_text(key, m.sebelum.get(key))
            parts.append(f"{name}: {before} → {after}")
        return "; ".join(parts)

    def value_text(self, key: str, value: Any) -> str:
        if value is None or value == "":
            return "–"
        if key == "ruang_id":
            return self.room_names.get(int(value), f"#{value}")
        if key == "kondisi":
            return KONDISI_TEXT.get(int(value), str(value))
        if key in ("harga", "nilai_kontrak"):
            return format_rupiah(int(value))
        if key == "intra":
            return intra_text(bool(value))
        return _readable(value)

    def _fill_history(self) -> None:
        self.history.setRowCount(len(self.mutations))
        for r, m in enumerate(self.mutations):
            doc = m.dokumen_text + (f" tgl {format_date(m.dokumen_tanggal)}" if m.dokumen_tanggal else "")
            values = (
                format_date_numeric(m.tanggal),
                m.jenis_label,
                doc,
                self.change_text(m),
                format_number(m.nilai) if m.nilai else "",
                m.username,
                m.keterangan,
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if c == 4:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.history.setItem(r, c, item)

    def history_rows(self) -> list[list[str]]:
        """The history as shown (what a test reads)."""
        return [
            [self.history.item(r, c).text() for c in range(self.history.columnCount())]
            for r in range(self.history.rowCount())
        ]

    # ------------------------------------------------------------------ printing
    def print_kartu(self) -> PrintPreviewDialog | None:
        """The Kartu Barang in the preview (one item: built at once, no progress needed); printing or saving
        it from there is recorded, looking is not."""
        try:
            pdf = self.ctx.query(documents.kartu_barang_pdf, self.aset_id)
        except ServiceError as exc:
            dialogs.error(self, self.tr("Kartu Barang"), str(exc))
            return None
        name = self.info.kode_register.replace(".", "-").replace(" ", "")
        self.preview = PrintPreviewDialog(
            pdf, self.tr("Kartu Barang {0}").format(self.info.kode_register), self,
            suggested_filename=f"kartu-barang-{name}.pdf",
        )  # fmt: skip
        # Looking is not printing: only a job a printer took, or the PDF saved, is recorded.
        aset_id = self.aset_id
        self.preview.delivered.connect(lambda delivery: self._kartu_printed(aset_id, delivery))
        self.preview.open()
        return self.preview

    def _kartu_printed(self, aset_id: int, delivery: Delivery) -> None:
        try:
            self.ctx.call(documents.record_kartu_barang_printed, aset_id, delivery)
        except ServiceError as exc:
            dialogs.error(self, self.tr("Kartu Barang"), str(exc))

    def request_label(self) -> None:
        """To the Label page with this item; the dialog closes so the page is seen."""
        self.labels_requested.emit([self.aset_id])
        self.accept()

    # ------------------------------------------------------------------ acting
    def run_action(self, cls: type[ActionDialog]) -> bool:
        """Open one change's dialog; after a save the item and its history are read again."""
        try:
            self.action = cls(self.ctx, self.info, self)
        except ServiceError as exc:
            dialogs.error(self, self.tr("Barang"), str(exc))
            return False
        done = self.action.exec() == QDialog.DialogCode.Accepted
        self.action.deleteLater()  # not kept as a hidden child of this dialog until it closes
        self.action = None
        if done:
            self.load()
            self.changed.emit(self.aset_id)
        return done


def _readable(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, date):
        return format_date(value)
    if isinstance(value, str) and len(value) == 10 and value[4:5] == "-" and value[7:8] == "-":
        try:
            return format_date(date.fromisoformat(value))
        except ValueError:
            return value
    return str(value)
