"""The Daftar Barang: the items of a golongan searched as typed, filtered, opened; a label scanned opens its item."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.assets.kode import GOLONGAN
from desktop.core.money import format_number
from desktop.services.assets import items, rooms
from desktop.services.assets.items import KONDISI_TEXT, AssetFilter, AssetInfo
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.ui import dialogs
from desktop.ui.assets.asset_detail_dialog import AssetDetailDialog
from desktop.ui.assets.asset_form import AssetForm
from desktop.ui.assets.asset_model import (
    COL_MERK,
    COL_NAMA,
    COL_PEMEGANG,
    COL_RUANG,
    PAGE,
    AssetTableModel,
)
from desktop.ui.assets.kib_print_dialog import KibPrintDialog
from desktop.ui.context import UiContext
from desktop.ui.widgets.flow import FlowRow
from desktop.ui.widgets.keys import is_enter, sequence
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import SUCCESS_COLOR
from desktop.ui.widgets.tables import (
    focus_search,
    heading,
    keep_columns_on_screen,
    list_table,
    search_box,
    select_key,
    selected_row,
    set_widths,
    take_key,
)

# A scanner types a whole label in a few milliseconds: the list follows typing sooner than the agenda's search.
SEARCH_DELAY_MS = 150
NEW_KEY = sequence("Ctrl+N")
FIND_KEY = sequence("Ctrl+F")
RELOAD_KEY = sequence("F5")
KIB_KEY = sequence("Ctrl+P")
EMPTY_TEXT = "Belum ada barang. Tekan Ctrl+N untuk mencatat barang pertama."
NONE_FOUND_TEXT = "Tidak ada barang yang cocok dengan pencarian dan saringan ini."
SHORT_GOLONGAN = {
    "A": "Tanah",
    "B": "Peralatan & Mesin",
    "C": "Gedung",
    "D": "Jalan & Jaringan",
    "E": "Aset Tetap Lainnya",
    "F": "KDP",
}


class AssetListPanel(QWidget):
    """Golongan buttons (Alt+S, Alt+A … Alt+F), search as you type (Ctrl+F), filters, the paged table; Enter or
    a double click opens the item; Ctrl+N records new items (pengurus barang only). Ctrl+P prints a KIB;
    Shift/Ctrl pick several items for "Cetak label" and "Serahkan (BAST)", which the tab hands to those pages
    through ``labels_requested`` and ``bast_requested`` (the ids in list order)."""

    labels_requested = Signal(list)
    bast_requested = Signal(list)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("assetListPanel")
        self.can_write = ctx.actor.can(Perm.WRITE_ASSETS)
        self.form: AssetForm | None = None
        self.detail: AssetDetailDialog | None = None
        self.kib_dialog: KibPrintDialog | None = None
        self.can_print = ctx.actor.can(Perm.PRINT)

        self.title = heading(self.tr("Daftar Barang"), self)
        self.golongan_group = QButtonGroup(self)
        self.golongan_group.setExclusive(True)
        golongan_row = QWidget(self)
        golongan_flow = FlowRow(golongan_row)
        golongan_flow.add(self.title)
        for code, text in (
            ("", self.tr("&Semua")),
            *((g, f"&{g} {self.tr(SHORT_GOLONGAN[g]).replace('&', '&&')}") for g in GOLONGAN),
        ):
            button = QPushButton(text, golongan_row)
            button.setObjectName(f"golongan{code or 'Semua'}")
            button.setCheckable(True)
            button.setAutoDefault(False)
            button.setToolTip(f"KIB {code} {GOLONGAN[code]}" if code else self.tr("Semua golongan"))
            button.setProperty("golongan", code)
            self.golongan_group.addButton(button)
            golongan_flow.add(button)
        self.golongan_group.buttons()[0].setChecked(True)
        self.golongan_group.buttonClicked.connect(lambda _b: self.reload())

        self.search, self.search_timer = search_box(
            self,
            self.tr("Cari atau pindai label (Ctrl+F)"),
            self.reload,
        )
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search.setToolTip(
            self.tr(
                "Nama, merk, spesifikasi, awal kode barang, register, NIBAR, no. pabrik/rangka/polisi; "
                "label yang dipindai langsung membuka barangnya."
            )
        )
        self.search.setMinimumWidth(260)
        self.ruang = QComboBox(self)
        self.ruang.setObjectName("ruangFilter")
        self.ruang.addItem(self.tr("Semua ruangan"), None)
        self.ruang.addItem(self.tr("— tanpa ruangan —"), -1)
        for room in ctx.query(rooms.list_rooms):
            self.ruang.addItem(room.label, room.id)
        self.kondisi = QComboBox(self)
        self.kondisi.setObjectName("kondisiFilter")
        self.kondisi.addItem(self.tr("Semua kondisi"), None)
        for code, text in KONDISI_TEXT.items():
            self.kondisi.addItem(text, code)
        self.intra = QComboBox(self)
        self.intra.setObjectName("intraFilter")
        self.intra.addItem(self.tr("Intra & ekstra"), None)
        self.intra.addItem(self.tr("Intrakomptabel"), True)
        self.intra.addItem(self.tr("Ekstrakomptabel"), False)
        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("Aktif"), "aktif")
        self.status.addItem(self.tr("Dihapus"), "dihapus")
        self.status.addItem(self.tr("Aktif & dihapus"), "")
        for combo, name in (
            (self.ruang, "Ruangan"),
            (self.kondisi, "Kondisi"),
            (self.intra, "Intra/ekstra"),
            (self.status, "Status"),
        ):
            combo.setAccessibleName(self.tr(name))
            combo.currentIndexChanged.connect(lambda _i: self.reload())
        self.count_label = muted(QLabel(self))
        self.count_label.setObjectName("countLabel")
        filters = QWidget(self)
        flow = FlowRow(filters)
        flow.add(self.search, grow=True)
        for widget in (self.ruang, self.kondisi, self.intra, self.status, self.count_label):
            flow.add(widget)

        self.model = AssetTableModel(self._fetch)
        # The holder is the column most often empty: it takes what is left; nama gives way last.
        self.table = list_table(self, "assetTable", self.model, COL_PEMEGANG)
        # Several items at once for labels and a BAST; Enter and "Buka" open the first of them.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        set_widths(self.table, {0: 134, 1: 60, 2: 230, 3: 150, 4: 46, 5: 100, 6: 92, 7: 150, 9: 76})
        self.fitter = keep_columns_on_screen(self.table, (COL_NAMA, COL_MERK, COL_RUANG), minimum=90)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_actions())
        self.model.modelReset.connect(self.update_count)
        self.model.rowsInserted.connect(lambda *_a: self.update_count())
        self.empty = QLabel(self)
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.message = QLabel(self)
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()

        self.new_button = QPushButton(self.tr("Catat barang… (Ctrl+N)"), self)
        self.new_button.setObjectName("newButton")
        self.new_button.clicked.connect(self.new_assets)
        self.new_button.setVisible(self.can_write)
        self.open_button = QPushButton(self.tr("B&uka (Enter)"), self)
        self.open_button.setObjectName("openButton")
        self.open_button.clicked.connect(self.open_selected)
        self.kib_button = QPushButton(self.tr("Cetak &KIB… (Ctrl+P)"), self)
        self.kib_button.setObjectName("kibButton")
        self.kib_button.clicked.connect(self.print_kib)
        self.kib_button.setVisible(self.can_print)
        self.label_button = QPushButton(self.tr("Cetak &label…"), self)
        self.label_button.setObjectName("labelButton")
        self.label_button.setToolTip(
            self.tr("Barang yang dipilih (Shift/Ctrl untuk memilih beberapa) ke halaman Label")
        )
        self.label_button.clicked.connect(self.request_labels)
        self.bast_button = QPushButton(self.tr("Serahkan (BAS&T)…"), self)
        self.bast_button.setObjectName("bastButton")
        self.bast_button.setToolTip(self.tr("BAST baru dengan barang yang dipilih"))
        self.bast_button.clicked.connect(self.request_bast)
        for button in (self.label_button, self.bast_button):
            button.setVisible(self.can_write)
        actions = QWidget(self)
        actions_flow = FlowRow(actions)
        for button in (
            self.new_button,
            self.open_button,
            self.kib_button,
            self.label_button,
            self.bast_button,
        ):
            actions_flow.add(button)
            button.setAutoDefault(False)
        actions_flow.add(self.message, grow=True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 8)
        layout.setSpacing(6)
        layout.addWidget(golongan_row)
        layout.addWidget(filters)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(actions)

        self.keys = {
            NEW_KEY: self.new_assets,
            KIB_KEY: self.print_kib,
            FIND_KEY: lambda: focus_search(self.search),
            RELOAD_KEY: self.reload,
        }
        for widget in (self, *self.findChildren(QWidget)):
            widget.installEventFilter(self)
        self.reload()
        self.update_actions()

    # ------------------------------------------------------------------ data
    def current_filter(self) -> AssetFilter:
        checked = self.golongan_group.checkedButton()
        golongan = str(checked.property("golongan") or "") if checked is not None else ""
        ruang = self.ruang.currentData()
        return AssetFilter(
            golongan=golongan,
            text=self.search.text().strip(),
            ruang_id=ruang if isinstance(ruang, int) and ruang > 0 else None,
            tanpa_ruang=ruang == -1,
            kondisi=self.kondisi.currentData(),
            intra=self.intra.currentData(),
            status=str(self.status.currentData() or ""),
        )

    def _fetch(self, offset: int) -> tuple[list[AssetInfo], int]:
        try:
            return self.ctx.query(items.list_assets, self.current_filter(), limit=PAGE, offset=offset)
        except ServiceError as exc:
            dialogs.error(self, self.tr("Daftar Barang"), str(exc))
            return [], 0

    def reload(self) -> None:
        self.search_timer.stop()
        self.model.reload()

    def searching(self) -> bool:
        f = self.current_filter()
        return bool(
            f.text
            or f.golongan
            or f.ruang_id
            or f.tanpa_ruang
            or f.kondisi
            or f.intra is not None
            or f.status != "aktif"
        )

    def update_count(self) -> None:
        total = self.model.total
        if total > items.SEARCH_COUNT_CAP and self.current_filter().text.strip():
            text = self.tr("lebih dari {0} barang cocok — persempit pencarian").format(
                format_number(items.SEARCH_COUNT_CAP)
            )
        else:
            text = self.tr("{0} barang").format(format_number(total))
        self.count_label.setText(text)
        if total:
            self.empty.hide()
        else:
            self.empty.setText(self.tr(NONE_FOUND_TEXT) if self.searching() else self.tr(EMPTY_TEXT))
            self.empty.show()
        self.update_actions()

    def update_actions(self) -> None:
        chosen = self.selected() is not None
        for button in (self.open_button, self.label_button, self.bast_button):
            button.setEnabled(chosen)

    def selected(self) -> AssetInfo | None:
        return selected_row(self.table, self.model)

    def selected_ids(self) -> list[int]:
        """The ids of every selected row, in list order."""
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [info.id for info in (self.model.info(r) for r in rows) if info is not None]

    # ------------------------------------------------------------------ acting
    def new_assets(self) -> None:
        if not self.can_write:
            return
        self.form = AssetForm(self.ctx, self)
        accepted = self.form.exec() == AssetForm.DialogCode.Accepted
        form, self.form = self.form, None
        form.deleteLater()  # a closed dialog is not kept as a hidden child of the panel
        if not accepted or form.result is None:
            return
        set_message(self.message, form.summary(), SUCCESS_COLOR)
        self.reload()
        if form.result.assets:
            select_key(self.table, self.model, form.result.assets[0].id, fetch=True)
        self.table.setFocus()

    def print_kib(self) -> KibPrintDialog | None:
        """Cetak KIB of the golongan shown (the dialog stays until the clerk closes it)."""
        if not self.can_print:
            return None
        self.kib_dialog = KibPrintDialog(self.ctx, self.current_filter().golongan, self)
        self.kib_dialog.setModal(True)
        self.kib_dialog.finished.connect(self._kib_closed)
        self.kib_dialog.open()
        return self.kib_dialog

    def _kib_closed(self) -> None:
        dialog, self.kib_dialog = self.kib_dialog, None
        if dialog is not None:
            dialog.deleteLater()  # not kept as a hidden child of the panel

    def request_labels(self) -> None:
        ids = self.selected_ids()
        if ids and self.can_write:
            self.labels_requested.emit(ids)

    def request_bast(self) -> None:
        ids = self.selected_ids()
        if ids and self.can_write:
            self.bast_requested.emit(ids)

    def open_selected(self) -> None:
        info = self.selected()
        if info is not None:
            self.open_asset(info.id)

    def open_asset(self, aset_id: int) -> None:
        self.detail = AssetDetailDialog(self.ctx, aset_id, self)
        self.detail.changed.connect(lambda _id: self._after_change(aset_id))
        self.detail.labels_requested.connect(self.labels_requested.emit)
        self.detail.exec()
        self.detail.deleteLater()
        self.detail = None

    def _after_change(self, aset_id: int) -> None:
        self.reload()
        select_key(self.table, self.model, aset_id)

    def scan(self) -> bool:
        """Enter in the search box: a label's ID (or kode.register, or a NIBAR) typed by a USB scanner opens its
        item at once; any other text searches now. True when an item was opened."""
        text = self.search.text().strip()
        found = self.ctx.query(items.find_by_scan, text) if text else None
        if found is None:
            self.reload()
            return False
        self.search_timer.stop()
        self.search.selectAll()  # the next scan replaces this one
        self.open_asset(found.id)
        return True

    # ------------------------------------------------------------------ keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QKeyEvent):
            return False
        if take_key(event, self.keys):
            return True
        if event.type() != QEvent.Type.KeyPress or not is_enter(event):
            return False
        if watched is self.search:
            self.scan()
            return True
        if watched is self.table:
            self.open_selected()
            return True
        return False

    def focus_first(self) -> None:
        focus_search(self.search)
