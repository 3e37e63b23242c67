"""The BAST editor: jenis, parties, tujuan, dasar, items or new goods; draft, preview, print, final, cancel."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.assets.kondisi import KONDISI
from desktop.core.money import format_number
from desktop.printing import spool
from desktop.services.assets import bast, items, rooms
from desktop.services.assets.bast import BastInfo, BastInput, NewGoodsLine
from desktop.services.assets.items import KONDISI_TEXT, AssetFilter, AssetInfo
from desktop.services.assets.settings import get_settings
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.common.printed import Delivery
from desktop.ui import dialogs
from desktop.ui.assets.attachments_box import AttachmentsBox
from desktop.ui.assets.fields import RupiahEdit
from desktop.ui.assets.kode_picker import KodePicker
from desktop.ui.assets.staff_picker import StaffPicker
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog
from desktop.ui.widgets.dates import DateField
from desktop.ui.widgets.forms import FormRows, form_layout, hbox
from desktop.ui.widgets.keys import is_enter
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR
from desktop.ui.widgets.reason import ask_reason
from desktop.ui.widgets.screen_fit import screen_room

PRINTER_STATE_KEY = "barang/printer_bast"  # per workstation: the printer next to the pengurus barang
DASAR_JENIS = ("", "SPPB", "Kontrak", "SK", "SP2D", "BA Pemeriksaan")
KELENGKAPAN = (
    ("nopol", "Nomor Polisi"),
    ("rangka", "Nomor Rangka"),
    ("mesin", "Nomor Mesin"),
    ("bpkb", "BPKB"),
    ("stnk", "STNK"),
    ("kunci", "Kunci"),
)
LINE_COLUMNS = ("Kode Barang", "Register", "Nama Barang", "Merk/Tipe", "Tahun", "Jumlah", "Satuan", "Nilai (Rp)",
                "Kondisi")  # fmt: skip
MATCH_LIMIT = 20


@dataclass(frozen=True)
class ShownLine:
    """A row of the editor's item table, whichever its source (an item picked, a new-goods line, a stored line)."""

    kode_barang: str
    register_text: str
    nama: str
    merk_tipe: str
    tahun: int | None
    jumlah: int
    satuan: str
    nilai: int
    kondisi: int


def _from_asset(a: AssetInfo) -> ShownLine:
    return ShownLine(
        a.kode_barang, a.register_text, a.nama, a.merk_tipe, a.tahun, 1, a.satuan, a.harga, a.kondisi
    )


def _from_new(line: NewGoodsLine) -> ShownLine:
    return ShownLine(line.kode_barang, "(baru)", line.nama, line.merk_tipe, line.tahun, line.jumlah, line.satuan,
                     line.harga_satuan * line.jumlah, line.kondisi)  # fmt: skip


# ---------------------------------------------------------------------------------------------- printer


def remembered_printer(ctx: UiContext) -> str:
    state = ctx.state
    return str(state.value(PRINTER_STATE_KEY, "")) if state is not None and hasattr(state, "value") else ""


def remember_printer(ctx: UiContext, name: str) -> None:
    state = ctx.state
    if state is not None and hasattr(state, "set_value"):
        state.set_value(PRINTER_STATE_KEY, name)


class PrinterDialog(QDialog):
    """The printer (the print service's queues, the last one used first) and the number of copies (the
    document's rangkap); the job goes straight to the spooler on the document's own paper."""

    def __init__(
        self, parent: QWidget | None, title: str, printers: Sequence[str], chosen: str, copies: int
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("printerDialog")
        self.printer = QComboBox(self)
        self.printer.setObjectName("printer")
        self.printer.addItems(list(printers))
        if chosen in printers:
            self.printer.setCurrentText(chosen)
        self.copies = QSpinBox(self)
        self.copies.setObjectName("copies")
        self.copies.setRange(1, 10)
        self.copies.setValue(max(1, min(copies, 10)))
        self.copies.setSuffix(self.tr(" rangkap"))
        form = form_layout()
        form.addRow(self.tr("&Printer:"), self.printer)
        form.addRow(self.tr("&Jumlah:"), self.copies)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("&Cetak"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())


def choose_printer(parent: QWidget, ctx: UiContext, title: str, copies: int) -> tuple[str, int] | None:
    """(printer, copies) chosen by the clerk; None when backed out or when this computer has no printer."""
    try:
        printers = spool.list_printers()
        default = spool.default_printer() or ""
    except spool.PrinterError as exc:
        dialogs.error(parent, title, exc.message)
        return None
    if not printers:
        dialogs.error(parent, title, "Belum ada printer di komputer ini. Pasang printer lebih dahulu.")
        return None
    dialog = PrinterDialog(parent, title, printers, remembered_printer(ctx) or default, copies)
    if not dialog.exec():
        return None
    name = dialog.printer.currentText()
    remember_printer(ctx, name)
    return name, dialog.copies.value()


# ---------------------------------------------------------------------------------------------- editor


class BastEditor(QDialog):
    """One BAST. A new one starts as a draft; the first Cetak takes its number, Final moves the goods. A final
    or cancelled BAST opens read-only with Cetak ulang (a correction is a new BAST)."""

    changed = Signal(int)  # the BAST id, after anything was saved, printed, finalised or cancelled

    def __init__(self, ctx: UiContext, bast_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("bastEditor")
        self.bast_id = bast_id
        self.info: BastInfo | None = None
        self.assets: list[AssetInfo] = []
        self.new_lines: list[NewGoodsLine] = []
        self.dirty = False
        self._loading = True
        self.today = ctx.office_today()
        with ctx.read() as s:
            self.settings = get_settings(s)
        self.rooms = ctx.query(rooms.list_rooms)

        # --- header fields, in two columns
        self.jenis = QComboBox(self)
        self.jenis.setObjectName("jenis")
        for key, label in bast.JENIS.items():
            self.jenis.addItem(self.tr(label), key)
        self.tanggal = DateField(self, self.today, required=True, today=self.today)
        self.tanggal.setObjectName("tanggal")
        self.pihak1 = StaffPicker(ctx, "pihak1", outside=True, parent=self)
        self.pihak2 = StaffPicker(ctx, "pihak2", outside=True, parent=self)
        self.tujuan_ruang = QComboBox(self)
        self.tujuan_ruang.setObjectName("tujuan_ruang_id")
        self.tujuan_ruang.addItem(self.tr("— tidak ada —"), None)
        for room in self.rooms:
            self.tujuan_ruang.addItem(room.label, room.id)
        self.tujuan_unit = QLineEdit(self)
        self.tujuan_unit.setObjectName("tujuan_unit")
        self.tujuan_unit.setMaxLength(200)
        self.tujuan_unit.setPlaceholderText(self.tr("unit kerja / bidang"))
        self.dasar_jenis = QComboBox(self)
        self.dasar_jenis.setObjectName("dasar_jenis")
        self.dasar_jenis.setEditable(True)
        self.dasar_jenis.addItems(list(DASAR_JENIS))
        self.dasar_jenis.setMinimumContentsLength(8)
        self.dasar_nomor = QLineEdit(self)
        self.dasar_nomor.setObjectName("dasar_nomor")
        self.dasar_nomor.setMaxLength(200)
        self.dasar_nomor.setPlaceholderText(self.tr("nomor"))
        self.dasar_tanggal = DateField(self, None, today=self.today, placeholder=self.tr("tanggal"))
        self.dasar_tanggal.setObjectName("dasar_tanggal")
        self.penyedia = QLineEdit(self)
        self.penyedia.setObjectName("penyedia")
        self.penyedia.setMaxLength(200)
        self.penyedia.setPlaceholderText(self.tr("nama penyedia / CV / PT"))
        self.rangkap = QSpinBox(self)
        self.rangkap.setObjectName("rangkap")
        self.rangkap.setRange(1, 10)
        self.rangkap.setValue(self.settings.bast_rangkap)
        self.kertas = QComboBox(self)
        self.kertas.setObjectName("kertas")
        self.kertas.addItems(["A4", "F4"])
        self.kertas.setCurrentText(self.settings.bast_kertas)
        self.keterangan = QLineEdit(self)
        self.keterangan.setObjectName("keterangan")
        self.keterangan.setMaxLength(400)

        left = form_layout()
        right = form_layout()
        self.rows = FormRows(self, left)
        self.rows.add(self.tr("&Jenis:"), "jenis", self.jenis)
        self.rows.add(self.tr("&Tanggal:"), "tanggal", self.tanggal.boxed())
        self.rows.fields["tanggal"] = self.tanggal
        self.rows.add(self.tr("Pihak &pertama:"), "pihak1", self.pihak1)
        self.rows.add(self.tr("Pihak &kedua:"), "pihak2", self.pihak2)
        self.rows.add(self.tr("Ruang t&ujuan:"), "tujuan_ruang_id", self.tujuan_ruang, form=right)
        self.rows.add(self.tr("U&nit tujuan:"), "tujuan_unit", self.tujuan_unit, form=right)
        dasar = hbox(self.dasar_jenis, (self.dasar_nomor, 2), (self.dasar_tanggal, 1))
        self.rows.add(
            self.tr("&Dasar:"), "dasar_nomor", dasar, also=("dasar_jenis", "dasar_tanggal"), form=right
        )
        self.penyedia_label = self.rows.add(self.tr("Pen&yedia:"), "penyedia", self.penyedia, form=right)
        self.rows.add(self.tr("&Rangkap / kertas:"), "rangkap", hbox(self.rangkap, self.kertas, 1),
                      also=("kertas",), form=right)  # fmt: skip
        self.rows.add(self.tr("Keterangan:"), "keterangan", self.keterangan, form=right)

        # --- kelengkapan (pengamanan: vehicles and laptops held by an employee)
        self.kelengkapan: dict[str, QLineEdit] = {}
        self.kelengkapan_box = QGroupBox(self.tr("Kelengkapan"), self)
        grid = QGridLayout(self.kelengkapan_box)
        grid.setContentsMargins(8, 4, 8, 4)
        for i, (key, label) in enumerate(KELENGKAPAN):
            edit = QLineEdit(self.kelengkapan_box)
            edit.setObjectName(f"kelengkapan_{key}")
            edit.setMaxLength(300)
            grid.addWidget(QLabel(self.tr(label) + ":", self.kelengkapan_box), i // 3, (i % 3) * 2)
            grid.addWidget(edit, i // 3, (i % 3) * 2 + 1)
            self.kelengkapan[key] = edit
        self.kelengkapan_error = QLabel(self.kelengkapan_box)
        self.kelengkapan_error.setObjectName("error_kelengkapan")
        self.kelengkapan_error.hide()
        grid.addWidget(self.kelengkapan_error, 2, 0, 1, 6)

        # --- items: scanned or searched (penyerahan, pengembalian, pengamanan)
        self.scan = QLineEdit(self)
        self.scan.setObjectName("scan")
        self.scan.setPlaceholderText(
            self.tr("pindai label atau ketik kode, register, NIBAR, nama lalu Enter")
        )
        self.scan.installEventFilter(self)
        self.matches = QListWidget(self)
        self.matches.setObjectName("matches")
        self.matches.setMaximumHeight(110)
        self.matches.hide()
        self.matches.itemActivated.connect(self._match_chosen)
        self.scan_box = QWidget(self)
        scan_layout = QVBoxLayout(self.scan_box)
        scan_layout.setContentsMargins(0, 0, 0, 0)
        scan_layout.setSpacing(2)
        scan_layout.addWidget(self.scan)
        scan_layout.addWidget(self.matches)

        # --- new goods (penerimaan)
        self.new_kode = KodePicker(ctx, self)
        self.new_nama = QLineEdit(self)
        self.new_nama.setObjectName("new_nama")
        self.new_nama.setPlaceholderText(self.tr("nama barang"))
        self.new_nama.setMaxLength(300)
        self.new_kode.chosen.connect(
            lambda _k, uraian, _g: self.new_nama.setText(self.new_nama.text() or uraian)
        )
        self.new_merk = QLineEdit(self)
        self.new_merk.setObjectName("new_merk")
        self.new_merk.setPlaceholderText(self.tr("merk/tipe"))
        self.new_merk.setMaxLength(200)
        self.new_tahun = QSpinBox(self)
        self.new_tahun.setObjectName("new_tahun")
        self.new_tahun.setRange(1900, self.today.year + 1)
        self.new_tahun.setValue(self.today.year)
        self.new_tahun.setGroupSeparatorShown(False)
        self.new_jumlah = QSpinBox(self)
        self.new_jumlah.setObjectName("new_jumlah")
        self.new_jumlah.setRange(1, items.MAX_BATCH)
        self.new_satuan = QLineEdit("Unit", self)
        self.new_satuan.setObjectName("new_satuan")
        self.new_satuan.setMaxLength(30)
        self.new_satuan.setMaximumWidth(80)
        self.new_harga = RupiahEdit(self, placeholder=self.tr("harga satuan"))
        self.new_harga.setObjectName("new_harga")
        self.new_kondisi = QComboBox(self)
        self.new_kondisi.setObjectName("new_kondisi")
        for code in KONDISI:
            self.new_kondisi.addItem(KONDISI_TEXT[code], code)
        self.add_line_button = QPushButton(self.tr("&Tambah baris"), self)
        self.add_line_button.setObjectName("addLine")
        self.add_line_button.clicked.connect(self.add_new_line)
        self.new_box = QWidget(self)
        new_form = QFormLayout(self.new_box)
        new_form.setContentsMargins(0, 0, 0, 0)
        new_form.addRow(self.tr("Kode:"), hbox((self.new_kode, 2), (self.new_nama, 2), (self.new_merk, 1)))
        new_form.addRow(
            self.tr("Rincian:"),
            hbox(QLabel(self.tr("Tahun")), self.new_tahun, QLabel(self.tr("Jumlah")), self.new_jumlah,
                 self.new_satuan, (self.new_harga, 1), self.new_kondisi, self.add_line_button),
        )  # fmt: skip

        self.table = QTableWidget(0, len(LINE_COLUMNS), self)
        self.table.setObjectName("bastLines")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in LINE_COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for column, width in {0: 150, 1: 90, 3: 140, 4: 50, 5: 55, 6: 60, 7: 110, 8: 90}.items():
            self.table.setColumnWidth(column, width)
        self.table.setMinimumHeight(120)
        self.remove_button = QPushButton(self.tr("&Hapus baris"), self)
        self.remove_button.setObjectName("removeLine")
        self.remove_button.clicked.connect(self.remove_selected)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("bastTotal")
        self.lines_error = QLabel(self)
        self.lines_error.setObjectName("error_barang")
        self.lines_error.setWordWrap(True)
        self.lines_error.hide()
        for name in ("barang", "barang_baru"):
            self.rows.errors[name] = self.lines_error
            self.rows.fields[name] = self.scan
        self.rows.errors["kelengkapan"] = self.kelengkapan_error

        items_box = QGroupBox(self.tr("Barang"), self)
        items_layout = QVBoxLayout(items_box)
        items_layout.setContentsMargins(8, 4, 8, 4)
        items_layout.addWidget(self.scan_box)
        items_layout.addWidget(self.new_box)
        items_layout.addWidget(self.table, 1)
        items_layout.addWidget(self.lines_error)
        footer = QHBoxLayout()
        footer.addWidget(self.remove_button)
        footer.addStretch(1)
        footer.addWidget(self.total_label)
        items_layout.addLayout(footer)

        # --- files: the supplier's BA, the signed scan (added after the BAST is final, never removed then)
        self.files_group = QGroupBox(self.tr("Berkas: BA penyedia, pindaian BAST bertanda tangan"), self)
        self.files_group.setObjectName("bastFiles")
        self.files_layout = QVBoxLayout(self.files_group)
        self.files_layout.setContentsMargins(8, 4, 8, 4)
        self.files_note = muted(
            QLabel(self.tr("Simpan draf lebih dahulu untuk melampirkan berkas."), self), True
        )
        self.files_layout.addWidget(self.files_note)
        self.files_box: AttachmentsBox | None = None

        # --- state and actions
        self.state_label = QLabel(self)
        self.state_label.setObjectName("bastState")
        font = self.state_label.font()
        font.setBold(True)
        self.state_label.setFont(font)
        self.summary = QLabel(self)
        self.summary.setObjectName("bastSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.save_button = QPushButton(self.tr("&Simpan draf"), self)
        self.save_button.setObjectName("saveDraft")
        self.save_button.setToolTip(self.tr("Simpan sebagai draf (Ctrl+S)"))
        self.save_button.clicked.connect(self.save_draft)
        self.preview_button = QPushButton(self.tr("&Pratinjau"), self)
        self.preview_button.setObjectName("previewBast")
        self.preview_button.clicked.connect(self.preview)
        self.print_button = QPushButton(self.tr("&Cetak…"), self)
        self.print_button.setObjectName("printBast")
        self.print_button.setToolTip(self.tr("Cetakan pertama mengambil nomor BAST"))
        self.print_button.clicked.connect(self.print_bast)
        self.final_button = QPushButton(self.tr("&Final"), self)
        self.final_button.setObjectName("finalBast")
        self.final_button.clicked.connect(self.finalise)
        self.cancel_bast_button = QPushButton(self.tr("Batalkan &BAST…"), self)
        self.cancel_bast_button.setObjectName("cancelBast")
        self.cancel_bast_button.clicked.connect(self.cancel_bast)
        self.close_button = QPushButton(self.tr("Tutup"), self)
        self.close_button.clicked.connect(self.reject)
        for button in (self.save_button, self.preview_button, self.print_button, self.final_button,
                       self.cancel_bast_button, self.close_button):  # fmt: skip
            button.setAutoDefault(False)
        actions = QHBoxLayout()
        for button in (self.save_button, self.preview_button, self.print_button, self.final_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.cancel_bast_button)
        actions.addWidget(self.close_button)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(12)
        columns.addLayout(right, 1)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addLayout(columns)
        body_layout.addWidget(self.kelengkapan_box)
        body_layout.addWidget(items_box, 1)
        body_layout.addWidget(self.files_group)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.state_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        layout.addLayout(actions)

        save_key = QShortcut(QKeySequence.StandardKey.Save, self)
        save_key.activated.connect(self.save_draft)
        self.jenis.currentIndexChanged.connect(self._jenis_changed)
        for widget in (self.tujuan_unit, self.dasar_nomor, self.penyedia, self.keterangan, self.dasar_tanggal,
                       *self.kelengkapan.values()):  # fmt: skip
            widget.textEdited.connect(self._edited)
        for combo in (self.tujuan_ruang, self.kertas):
            combo.currentIndexChanged.connect(self._edited)
        self.dasar_jenis.editTextChanged.connect(self._edited)
        self.rangkap.valueChanged.connect(self._edited)
        self.tanggal.dateChanged.connect(self._edited)
        self.pihak1.changed.connect(self._edited)
        self.pihak2.changed.connect(self._edited)
        self.rows.clear_on_edit()

        room = screen_room(self)
        self.resize(min(1180, room.width()), min(760, room.height()))
        if bast_id is not None:
            self.load(self.ctx.query(bast.get_bast, bast_id))
        else:
            self._jenis_changed()
            self._show_state()
        self._loading = False
        self.dirty = False

    # ------------------------------------------------------------------ state
    def jenis_key(self) -> str:
        return str(self.jenis.currentData())

    def editable(self) -> bool:
        return self.info is None or self.info.editable

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self.dirty = True

    def _jenis_changed(self, *_args: object) -> None:
        jenis = self.jenis_key()
        receiving = jenis == "penerimaan"
        self.scan_box.setVisible(not receiving)
        self.new_box.setVisible(receiving)
        self.penyedia.setVisible(receiving)
        self.penyedia_label.setVisible(receiving)
        self.kelengkapan_box.setVisible(jenis == "pengamanan")
        if not self._loading and (self.assets if receiving else self.new_lines):
            # The lines of the other kind do not belong to this jenis.
            self.assets, self.new_lines = [], []
        self._edited()
        self._fill_table()

    def _show_state(self) -> None:
        info = self.info
        if info is None:
            self.setWindowTitle(self.tr("BAST baru"))
            self.state_label.setText(self.tr("BAST baru · draf"))
        else:
            nomor = info.nomor or self.tr("(belum bernomor)")
            self.setWindowTitle(self.tr("BAST {0}").format(info.nomor or self.tr("draf")))
            text = f"{info.jenis_label} · {nomor} · {info.status_label}"
            if info.status == "batal" and info.batal_alasan:
                text += f" ({info.batal_alasan})"
            self.state_label.setText(text)
        editable = self.editable()
        status = info.status if info is not None else "draft"
        for widget in (self.tanggal, self.tujuan_ruang, self.tujuan_unit, self.dasar_jenis, self.dasar_nomor,
                       self.dasar_tanggal, self.penyedia, self.rangkap, self.kertas, self.keterangan,
                       self.scan_box, self.new_box, self.remove_button, *self.kelengkapan.values()):  # fmt: skip
            widget.setEnabled(editable)
        # A numbered BAST keeps its jenis: the number was taken for it.
        self.jenis.setEnabled(editable and not (info is not None and info.nomor))
        self.pihak1.set_read_only(not editable)
        self.pihak2.set_read_only(not editable)
        self.save_button.setVisible(editable)
        self.final_button.setVisible(status == "dicetak")
        self.cancel_bast_button.setVisible(editable and info is not None)
        self.print_button.setVisible(status != "batal")
        self.print_button.setText(self.tr("&Cetak…") if status == "draft" else self.tr("&Cetak ulang…"))
        self.preview_button.setVisible(True)
        self._show_files()

    def _show_files(self) -> None:
        """The saved BAST's files; a final one still takes its signed scan (its files' Hapus is disabled)."""
        info = self.info
        self.files_note.setVisible(info is None)
        if info is None:
            return
        open_for_files = info.status != "batal"
        if self.files_box is not None and self.files_box.dokumen_id == info.id:
            stale = self.files_box.can_write and not open_for_files  # just cancelled: Tambah must go
            if not stale:
                self.files_box.reload()  # after Final the files lose their Hapus
                return
        if self.files_box is not None:
            self.files_box.deleteLater()
        self.files_box = AttachmentsBox(
            self.ctx,
            dokumen_id=info.id,
            editable=open_for_files,
            mnemonics=False,
            parent=self.files_group,
        )
        self.files_box.setMaximumHeight(170)
        self.files_layout.addWidget(self.files_box)

    # ------------------------------------------------------------------ loading
    def load(self, info: BastInfo) -> None:
        self._loading = True
        self.info = info
        self.bast_id = info.id
        self.jenis.setCurrentIndex(max(0, self.jenis.findData(info.jenis)))
        self.tanggal.setDate(info.tanggal)
        self.pihak1.set_party(info.pihak1)
        self.pihak2.set_party(info.pihak2)
        self.tujuan_ruang.setCurrentIndex(max(0, self.tujuan_ruang.findData(info.tujuan_ruang_id)))
        self.tujuan_unit.setText(info.tujuan_unit)
        self.dasar_jenis.setEditText(info.dasar_jenis)
        self.dasar_nomor.setText(info.dasar_nomor)
        self.dasar_tanggal.setDate(info.dasar_tanggal)
        self.penyedia.setText(info.penyedia)
        self.rangkap.setValue(info.rangkap)
        self.kertas.setCurrentText(info.kertas)
        self.keterangan.setText(info.keterangan)
        stored = dict(info.kelengkapan)
        for key, label in KELENGKAPAN:
            self.kelengkapan[key].setText(stored.get(label, ""))
        if info.jenis == "penerimaan":
            self.assets = []
            self.new_lines = [
                NewGoodsLine(kode_barang=b.kode_barang, nama=b.nama, tahun=b.tahun or info.tanggal.year,
                             jumlah=b.jumlah, satuan=b.satuan, harga_satuan=b.harga_satuan, merk_tipe=b.merk_tipe,
                             spesifikasi=b.spesifikasi, kondisi=b.kondisi, keterangan=b.keterangan)
                for b in info.lines
            ]  # fmt: skip
        else:
            ids = [b.aset_id for b in info.lines if b.aset_id is not None]
            self.assets = self.ctx.query(items.get_assets, ids) if ids else []
            self.new_lines = []
        self._jenis_changed()
        self._show_state()
        self._loading = False
        self.dirty = False

    def _shown_lines(self) -> list[ShownLine]:
        info = self.info
        if info is not None and not info.editable:
            # What the BAST says, as it was signed: the items may have changed since.
            return [ShownLine(b.kode_barang, b.register_text, b.nama, b.merk_tipe, b.tahun, b.jumlah, b.satuan,
                              b.nilai, b.kondisi) for b in info.lines]  # fmt: skip
        if self.jenis_key() == "penerimaan":
            return [_from_new(line) for line in self.new_lines]
        return [_from_asset(a) for a in self.assets]

    def _fill_table(self) -> None:
        lines = self._shown_lines()
        self.table.setRowCount(len(lines))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for r, line in enumerate(lines):
            values = (line.kode_barang, line.register_text, line.nama, line.merk_tipe,
                      "" if line.tahun is None else str(line.tahun), str(line.jumlah), line.satuan,
                      format_number(line.nilai), KONDISI_TEXT.get(line.kondisi, str(line.kondisi)))  # fmt: skip
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if c in (4, 5, 7):
                    cell.setTextAlignment(right)
                self.table.setItem(r, c, cell)
        count = sum(line.jumlah for line in lines)
        total = sum(line.nilai for line in lines)
        self.total_label.setText(
            self.tr("{0} barang · jumlah nilai Rp {1}").format(count, format_number(total))
        )

    # ------------------------------------------------------------------ lines
    def eventFilter(self, watched: object, event: object) -> bool:
        if watched is self.scan and isinstance(event, QKeyEvent) and event.type() == QKeyEvent.Type.KeyPress:
            if is_enter(event):
                self.add_scanned(self.scan.text())
                return True
            if event.key() == Qt.Key.Key_Down and self.matches.isVisible() and self.matches.count():
                self.matches.setFocus()
                self.matches.setCurrentRow(0)
                return True
        return super().eventFilter(watched, event)  # type: ignore[arg-type]

    def _line_message(self, text: str, ok: bool = False) -> None:
        set_message(self.lines_error, text, SUCCESS_COLOR if ok else ERROR_COLOR)

    def add_scanned(self, text: str) -> bool:
        """The item a scanner typed (the label's ID, kode.register or NIBAR), else the one item the words
        find; several found are listed to choose from. True when an item was added."""
        text = text.strip()
        self.matches.hide()
        if not text:
            return False
        try:
            found = self.ctx.query(items.find_by_scan, text)
            if found is None:
                rows, total = self.ctx.query(items.list_assets, AssetFilter(text=text), limit=MATCH_LIMIT)
                if total == 1:
                    found = rows[0]
                elif total == 0:
                    self._line_message(self.tr("Tidak ada barang yang cocok dengan “{0}”.").format(text))
                    return False
                else:
                    self.matches.clear()
                    for a in rows:
                        item = QListWidgetItem(
                            f"{a.kode_register}  {a.nama}  {a.merk_tipe}  ({a.ruang_nama or '—'})"
                        )
                        item.setData(Qt.ItemDataRole.UserRole, a)
                        self.matches.addItem(item)
                    self.matches.show()
                    more = (
                        self.tr(" (ditampilkan {0} pertama)").format(len(rows)) if total > len(rows) else ""
                    )
                    how_many = (
                        self.tr("Lebih dari {0}").format(format_number(items.SEARCH_COUNT_CAP))
                        if total > items.SEARCH_COUNT_CAP
                        else format_number(total)
                    )
                    self._line_message(
                        self.tr("{0} barang cocok{1}: pilih dengan ↓ lalu Enter.").format(how_many, more),
                        ok=True,
                    )
                    return False
        except ServiceError as exc:
            self._line_message(str(exc))
            return False
        return self.add_asset(found)

    def _match_chosen(self, item: QListWidgetItem) -> None:
        self.matches.hide()
        self.add_asset(item.data(Qt.ItemDataRole.UserRole))
        self.scan.setFocus()

    def add_asset(self, info: AssetInfo) -> bool:
        if any(a.id == info.id for a in self.assets):
            self._line_message(self.tr("{0} {1} sudah tercantum.").format(info.kode_register, info.nama))
            return False
        if info.status != "aktif":
            self._line_message(self.tr("{0} {1} sudah dihapus dari daftar barang.").format(info.kode_register,
                                                                                          info.nama))  # fmt: skip
            return False
        self.assets.append(info)
        self.scan.clear()
        self._line_message(self.tr("Ditambahkan: {0} {1}.").format(info.kode_register, info.nama), ok=True)
        self._edited()
        self._fill_table()
        return True

    def add_assets(self, ids: Sequence[int]) -> None:
        """Items chosen elsewhere (the Daftar Barang's selection) put on the BAST."""
        for info in self.ctx.query(items.get_assets, list(ids)):
            self.add_asset(info)

    def add_new_line(self) -> bool:
        """The new-goods line typed in the row above the table, added; its mistakes said under the table."""
        try:
            harga = self.new_harga.amount("barang_baru")
        except ValidationError as exc:
            self._line_message(str(exc))
            self.new_harga.setFocus()
            return False
        kode = self.new_kode.kode()
        nama = " ".join(self.new_nama.text().split())
        if not kode:
            self._line_message(self.tr("Pilih kode barang baris ini."))
            self.new_kode.setFocus()
            return False
        if not nama:
            self._line_message(self.tr("Nama barang wajib diisi."))
            self.new_nama.setFocus()
            return False
        if harga is None:
            self._line_message(self.tr("Harga satuan wajib diisi (Rupiah penuh)."))
            self.new_harga.setFocus()
            return False
        self.new_lines.append(
            NewGoodsLine(kode_barang=kode, nama=nama, tahun=self.new_tahun.value(), jumlah=self.new_jumlah.value(),
                         satuan=self.new_satuan.text().strip() or "Unit", harga_satuan=harga,
                         merk_tipe=self.new_merk.text().strip(), kondisi=int(self.new_kondisi.currentData()))
        )  # fmt: skip
        for edit in (self.new_nama, self.new_merk, self.new_harga):
            edit.clear()
        self.new_kode.set_kode("")
        self.new_jumlah.setValue(1)
        self._line_message("")
        self._edited()
        self._fill_table()
        self.new_kode.setFocus()
        return True

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()}, reverse=True)
        target = self.new_lines if self.jenis_key() == "penerimaan" else self.assets
        for r in rows:
            if 0 <= r < len(target):
                del target[r]
        if rows:
            self._edited()
            self._fill_table()

    # ------------------------------------------------------------------ saving
    def input_data(self) -> BastInput:
        """What is on the screen, as the service takes it; a ValidationError for what cannot even be read."""
        try:
            tanggal = self.tanggal.value()
        except ValueError as exc:
            raise ValidationError(str(exc), "tanggal") from None
        try:
            dasar_tanggal = self.dasar_tanggal.value()
        except ValueError as exc:
            raise ValidationError(str(exc), "dasar_nomor") from None
        assert tanggal is not None
        p1 = self.pihak1.values()
        p2 = self.pihak2.values()
        jenis = self.jenis_key()
        kelengkapan: tuple[tuple[str, str], ...] = ()
        if jenis == "pengamanan":
            kelengkapan = tuple((label, self.kelengkapan[key].text()) for key, label in KELENGKAPAN
                                if self.kelengkapan[key].text().strip())  # fmt: skip
        return BastInput(
            jenis=jenis, tanggal=tanggal,
            pihak1_pegawai_id=p1[0], pihak1_nama=p1[1], pihak1_nip=p1[2], pihak1_jabatan=p1[3],
            pihak2_pegawai_id=p2[0], pihak2_nama=p2[1], pihak2_nip=p2[2], pihak2_jabatan=p2[3],
            tujuan_ruang_id=self.tujuan_ruang.currentData(), tujuan_unit=self.tujuan_unit.text(),
            dasar_jenis=self.dasar_jenis.currentText(), dasar_nomor=self.dasar_nomor.text(),
            dasar_tanggal=dasar_tanggal, penyedia=self.penyedia.text() if jenis == "penerimaan" else "",
            kelengkapan=kelengkapan, rangkap=self.rangkap.value(), kertas=self.kertas.currentText(),
            keterangan=self.keterangan.text(),
            aset_ids=tuple(a.id for a in self.assets) if jenis != "penerimaan" else (),
            barang_baru=tuple(self.new_lines) if jenis == "penerimaan" else (),
        )  # fmt: skip

    def show_error(self, field: str | None, message: str) -> None:
        self.rows.clear_errors()
        if field == "kelengkapan" and not self.kelengkapan_box.isVisible():
            field = None
        if not self.rows.show_error(field, message):
            set_message(self.summary, message, ERROR_COLOR)
        else:
            set_message(self.summary, "", ERROR_COLOR)

    def save_draft(self) -> bool:
        """Save what is typed as a draft (a numbered BAST stays numbered); True when saved."""
        if not self.editable():
            return True
        try:
            data = self.input_data()
            with self.ctx.transaction() as s:
                info = bast.save_draft(s, self.ctx.actor, data, self.bast_id, today=self.today)
        except ValidationError as exc:
            self.show_error(exc.field, str(exc))
            return False
        except ServiceError as exc:
            self.show_error(None, str(exc))
            return False
        self.rows.clear_errors()
        self.load(info)
        set_message(self.summary, self.tr("Draf tersimpan."), SUCCESS_COLOR)
        self.changed.emit(info.id)
        return True

    def _saved_for_action(self) -> bool:
        """Before a preview, print or final: what is typed is saved first (a draft that was never saved too)."""
        if self.bast_id is None or (self.dirty and self.editable()):
            return self.save_draft()
        return True

    # ------------------------------------------------------------------ printing
    def preview(self) -> None:
        """The BAST as it will print; a draft shows DRAF and no number, and nothing is recorded."""
        if not self._saved_for_action() or self.bast_id is None:
            return
        try:
            pdf = self.ctx.query(bast.render_pdf, self.bast_id, mark_printed=False)
        except ServiceError as exc:
            self.show_error(None, str(exc))
            return
        title = self.tr("BAST {0}").format(
            self.info.nomor if self.info and self.info.nomor else self.tr("(draf)")
        )
        self.preview_dialog = PrintPreviewDialog(
            pdf, title, self, suggested_filename=f"bast-{self.bast_id}.pdf"
        )
        # A print from the preview is not the numbered, recorded print: Cetak here does that.
        self.preview_dialog.print_button.hide()
        self.preview_dialog.print_default_button.hide()
        # Saving the PDF is recorded (without a number); looking is not.
        bast_id = self.bast_id
        self.preview_dialog.delivered.connect(lambda delivery: self._copy_delivered(bast_id, delivery))
        self.preview_dialog.open()

    def _copy_delivered(self, bast_id: int, delivery: Delivery) -> None:
        try:
            self.ctx.call(bast.record_preview_copy, bast_id, delivery)
        except ServiceError as exc:
            self.show_error(None, str(exc))
            return
        set_message(self.summary, delivery.describe(), SUCCESS_COLOR)

    def print_bast(self) -> bool:
        """Straight to the printer chosen, in rangkap copies; the first print takes the number. A job the
        printer refuses leaves the BAST as it was (the number goes back)."""
        if not self._saved_for_action() or self.bast_id is None or self.info is None:
            return False
        first = self.info.status == "draft"
        if first and not dialogs.confirm(
            self, self.tr("Cetak BAST"),
            self.tr("Cetakan pertama mengambil nomor BAST dari seri nomor surat keluar. Lanjutkan?"),
            yes=self.tr("Cetak"),
        ):  # fmt: skip
            return False
        chosen = choose_printer(self, self.ctx, self.tr("Cetak BAST"), self.info.rangkap)
        if chosen is None:
            return False
        printer, copies = chosen
        try:
            with self.ctx.transaction() as s:
                job = bast.send_to_printer(s, self.ctx.actor, self.bast_id, printer)
                # Inside the transaction: a job the printer refuses rolls the number back.
                spool.send_pdf(job.pdf, job.printer, title=job.title, copies=copies, media=job.media)
                info = bast.get_bast(s, self.ctx.actor, self.bast_id)
        except spool.PrinterError as exc:
            self.show_error(None, exc.message)
            return False
        except ServiceError as exc:
            self.show_error(getattr(exc, "field", None), str(exc))
            return False
        self.load(info)
        set_message(
            self.summary,
            self.tr("BAST {0} dikirim ke printer {1} ({2} rangkap).").format(info.nomor, printer, copies),
            SUCCESS_COLOR,
        )
        self.changed.emit(info.id)
        return True

    # ------------------------------------------------------------------ final and cancel
    def _destination(self, info: BastInfo) -> str:
        if info.jenis == "pengembalian":
            return info.tujuan_ruang_nama or self.tr("gudang (tanpa ruangan)")
        if info.jenis == "penerimaan":
            return info.tujuan_ruang_nama or self.tr("daftar barang")
        where = [x for x in (info.pihak2.nama, info.tujuan_ruang_nama, info.tujuan_unit) if x]
        return " / ".join(where)

    def finalise(self) -> bool:
        if self.bast_id is None or self.info is None or not self._saved_for_action():
            return False
        info = self.info
        text = self.tr("Barang akan berpindah ke {0}. Lanjutkan?").format(self._destination(info))
        if info.jenis == "penerimaan":
            text = self.tr("Barang baru akan dicatat dan ditempatkan di {0}. Lanjutkan?").format(
                self._destination(info)
            )
        if not dialogs.confirm(
            self, self.tr("Finalkan BAST {0}").format(info.nomor), text, yes=self.tr("Finalkan"),
            informative=self.tr("BAST final tidak dapat diubah; koreksi dibuat dengan BAST baru."),
        ):  # fmt: skip
            return False
        try:
            done = self.ctx.call(bast.finalise, self.bast_id, today=self.ctx.office_today())
        except ServiceError as exc:
            self.show_error(getattr(exc, "field", None), str(exc))
            return False
        self.load(done)
        set_message(self.summary, self.tr("BAST {0} final; barang sudah berpindah.").format(done.nomor),
                    SUCCESS_COLOR)  # fmt: skip
        self.changed.emit(done.id)
        return True

    def cancel_bast(self) -> bool:
        if self.bast_id is None or self.info is None:
            return False
        name = self.info.nomor or self.tr("draf ini")
        alasan = ask_reason(
            self, self.tr("Batalkan BAST"), self.tr("Alasan pembatalan BAST {0}:").format(name),
            ok=self.tr("Batalkan BAST"), cancel=self.tr("Kembali"), width=460,
        )  # fmt: skip
        if alasan is None:
            return False
        try:
            done = self.ctx.call(bast.cancel, self.bast_id, alasan)
        except ServiceError as exc:
            self.show_error(None, str(exc))
            return False
        self.load(done)
        set_message(self.summary, self.tr("BAST dibatalkan."), SUCCESS_COLOR)
        self.changed.emit(done.id)
        return True

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        """Tutup, Esc and the window's ✕: unsaved changes are asked about first."""
        if self.dirty and self.editable() and not dialogs.confirm(
            self, self.tr("BAST belum disimpan"),
            self.tr("Perubahan pada BAST ini belum disimpan. Tutup tanpa menyimpan?"),
            yes=self.tr("Tutup tanpa menyimpan"), no=self.tr("Kembali"), danger=True,
        ):  # fmt: skip
            return
        super().reject()

    def show_summary(self, text: str) -> None:
        set_message(self.summary, text, SUCCESS_COLOR)
