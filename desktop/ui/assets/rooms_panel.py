"""Ruangan & KIR: the rooms with their penanggung jawab, a room's items, moving items, printing its KIR."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.assets import documents, items, rooms
from desktop.services.assets.items import AssetFilter, AssetInfo
from desktop.services.assets.rooms import RoomInfo
from desktop.services.assets.settings import KIR_LAYOUTS, get_settings
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.common.printed import Delivery
from desktop.ui.assets.asset_model import AssetTableModel
from desktop.ui.assets.room_dialog import RoomDialog
from desktop.ui.context import UiContext
from desktop.ui.print_preview import PrintPreviewDialog, status_text
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR
from desktop.ui.widgets.tables import heading, set_widths, style_list

ROOM_COLUMNS = ("Kode", "Nama ruangan", "Penanggung jawab", "Barang", "KIR")
PAGE = 200
ROOM_ROLE = Qt.ItemDataRole.UserRole


class MoveDialog(QDialog):
    """The room the selected items go to."""

    def __init__(
        self, room_list: Sequence[RoomInfo], count: int, exclude: int | None, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName("moveDialog")
        self.setWindowTitle(self.tr("Pindahkan barang"))
        self.target = QComboBox(self)
        self.target.setObjectName("target")
        for room in room_list:
            if room.id != exclude:
                self.target.addItem(room.label, room.id)
        buttons = QDialogButtonBox(self)
        self.ok_button = buttons.addButton(self.tr("&Pindahkan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Pindahkan {0} barang ke ruangan:").format(count), self))
        layout.addWidget(self.target)
        layout.addWidget(buttons)
        self.resize(420, self.sizeHint().height())


class RoomsPanel(QWidget):
    """Rooms on the left (the mark says the KIR changed since it was printed), the chosen room's items on the
    right; several items may be selected and moved together."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("roomsPanel")
        self.can_write = ctx.actor.can(Perm.WRITE_ASSETS)
        self.room_list: list[RoomInfo] = []
        self.preview: PrintPreviewDialog | None = None

        self.rooms_table = QTableWidget(0, len(ROOM_COLUMNS), self)
        self.rooms_table.setObjectName("roomsTable")
        self.rooms_table.setHorizontalHeaderLabels([self.tr(c) for c in ROOM_COLUMNS])
        style_list(self.rooms_table, 1)
        set_widths(self.rooms_table, {0: 70, 2: 150, 3: 60, 4: 70})
        self.rooms_table.itemSelectionChanged.connect(self._room_chosen)
        self.rooms_table.doubleClicked.connect(lambda _i: self.edit_room())
        self.new_room_button = QPushButton(self.tr("Ruangan &baru…"), self)
        self.new_room_button.clicked.connect(lambda: self.edit_room(new=True))
        self.edit_room_button = QPushButton(self.tr("&Ubah…"), self)
        self.edit_room_button.clicked.connect(lambda: self.edit_room())
        for button in (self.new_room_button, self.edit_room_button):
            button.setVisible(self.can_write)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(heading(self.tr("Ruangan"), left))
        left_layout.addWidget(self.rooms_table, 1)
        room_buttons = QHBoxLayout()
        room_buttons.addWidget(self.new_room_button)
        room_buttons.addWidget(self.edit_room_button)
        room_buttons.addStretch(1)
        left_layout.addLayout(room_buttons)

        self.room_title = heading(self.tr("Barang di ruangan"), self)
        self.model = AssetTableModel(self._fetch)
        self.items_table = QTableView(self)
        self.items_table.setObjectName("roomItems")
        self.items_table.setModel(self.model)
        style_list(self.items_table, 2, several=True)
        set_widths(self.items_table, {0: 140, 1: 70, 3: 120, 4: 50, 5: 100, 6: 90})
        self.items_table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.layout_box = QComboBox(self)
        self.layout_box.setObjectName("kirLayout")
        for key, label in KIR_LAYOUTS.items():
            self.layout_box.addItem(label, key)
        self.move_button = QPushButton(self.tr("&Pindahkan ke ruangan lain…"), self)
        self.move_button.setObjectName("moveItems")
        self.move_button.clicked.connect(lambda: self.move_selected())
        self.move_button.setVisible(self.can_write)
        self.kir_button = QPushButton(self.tr("Cetak &KIR…"), self)
        self.kir_button.setObjectName("printKir")
        self.kir_button.clicked.connect(lambda: self.print_kir(posted=False))
        self.posted_button = QPushButton(self.tr("KIR untuk &ditempel…"), self)
        self.posted_button.setObjectName("printKirPosted")
        self.posted_button.clicked.connect(lambda: self.print_kir(posted=True))
        self.message = muted(QLabel(self))
        self.message.setObjectName("roomsMessage")
        self.message.setWordWrap(True)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.room_title)
        right_layout.addWidget(self.items_table, 1)
        actions = QHBoxLayout()
        actions.addWidget(self.move_button)
        actions.addStretch(1)
        actions.addWidget(self.layout_box)
        actions.addWidget(self.kir_button)
        actions.addWidget(self.posted_button)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.message)

        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([400, 600])  # the room's name and its penanggung jawab readable at 1024 px
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 6, 12, 8)
        layout.addWidget(splitter, 1)
        with ctx.read() as s:
            self.layout_box.setCurrentIndex(max(0, self.layout_box.findData(get_settings(s).kir_layout)))
        self.reload()

    # ------------------------------------------------------------------ rooms
    def reload(self, select_id: int | None = None) -> None:
        chosen = select_id if select_id is not None else self.room_id()
        self.room_list = self.ctx.query(rooms.list_rooms)
        table = self.rooms_table
        table.blockSignals(True)
        table.setRowCount(len(self.room_list))
        for r, room in enumerate(self.room_list):
            values = (room.kode, room.nama, room.pj_nama or "—", str(room.jumlah_barang),
                      self.tr("berubah") if room.kir_needs_print else "")  # fmt: skip
            for c, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setData(ROOM_ROLE, room.id)
                if c == 3:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if c == 4 and room.kir_needs_print:
                    cell.setToolTip(self.tr("KIR berubah sejak terakhir dicetak"))
                table.setItem(r, c, cell)
        table.blockSignals(False)
        row = next(
            (i for i, room in enumerate(self.room_list) if room.id == chosen), 0 if self.room_list else -1
        )
        if row >= 0:
            table.selectRow(row)
        self._room_chosen()

    def room_id(self) -> int | None:
        rows = self.rooms_table.selectionModel().selectedRows() if self.rooms_table.selectionModel() else []
        if not rows:
            return None
        item = self.rooms_table.item(rows[0].row(), 0)
        return int(item.data(ROOM_ROLE)) if item is not None else None

    def room(self) -> RoomInfo | None:
        wanted = self.room_id()
        return next((r for r in self.room_list if r.id == wanted), None)

    def select_room(self, ruang_id: int) -> None:
        for r, room in enumerate(self.room_list):
            if room.id == ruang_id:
                self.rooms_table.selectRow(r)
                return

    def _room_chosen(self) -> None:
        room = self.room()
        self.room_title.setText(
            self.tr("Barang di {0}").format(room.label) if room else self.tr("Barang di ruangan")
        )
        self.model.reload()
        self._update_buttons()

    def edit_room(self, *, new: bool = False) -> RoomInfo | None:
        if not self.can_write:
            return None
        dialog = RoomDialog(self.ctx, None if new else self.room(), self)
        if not dialog.exec() or dialog.saved is None:
            return None
        self.reload(select_id=dialog.saved.id)
        return dialog.saved

    # ------------------------------------------------------------------ items
    def _fetch(self, offset: int) -> tuple[list[AssetInfo], int]:
        ruang_id = self.room_id()
        if ruang_id is None:
            return [], 0
        return self.ctx.query(items.list_assets, AssetFilter(ruang_id=ruang_id), limit=PAGE, offset=offset)

    def selected_ids(self) -> list[int]:
        rows = sorted(i.row() for i in self.items_table.selectionModel().selectedRows())
        return [info.id for r in rows if (info := self.model.info(r)) is not None]

    def _update_buttons(self) -> None:
        has_room = self.room() is not None
        self.move_button.setEnabled(bool(self.selected_ids()))
        self.kir_button.setEnabled(has_room)
        self.posted_button.setEnabled(has_room)

    def ask_target(self, count: int) -> int | None:
        dialog = MoveDialog(self.room_list, count, self.room_id(), self)
        if not dialog.exec():
            return None
        return dialog.target.currentData()

    def move_selected(self, target: int | None = None) -> int:
        """The selected items to another room (asked when not given); returns how many moved."""
        ids = self.selected_ids()
        if not ids:
            return 0
        target = target if target is not None else self.ask_target(len(ids))
        if target is None:
            return 0
        try:
            moved = self.ctx.call(items.move_to_room, ids, target)
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return 0
        name = next((r.label for r in self.room_list if r.id == target), "")
        self.reload()
        set_message(self.message, self.tr("{0} barang dipindah ke {1}.").format(moved, name), SUCCESS_COLOR)
        return moved

    # ------------------------------------------------------------------ KIR
    def kir_pdf(self, *, posted: bool) -> bytes:
        ruang_id = self.room_id()
        assert ruang_id is not None
        return self.ctx.query(documents.kir_pdf, ruang_id, layout=self.layout(), posted=posted)

    def layout(self) -> str:
        return str(self.layout_box.currentData())

    def print_kir(self, *, posted: bool) -> PrintPreviewDialog | None:
        """The KIR in the layout chosen (or the copy to post in the room), previewed; printing it from the
        preview marks the room's KIR as printed."""
        room = self.room()
        if room is None:
            return None
        try:
            pdf = self.kir_pdf(posted=posted)
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return None
        title = self.tr("KIR {0}").format(room.nama) + (self.tr(" (ditempel)") if posted else "")
        self.preview = PrintPreviewDialog(pdf, title, self, suggested_filename=f"kir-{room.kode}.pdf")
        layout = self.layout()
        self.preview.delivered.connect(
            lambda delivery: self._kir_printed(room.id, layout, posted, title, delivery)
        )
        self.preview.open()
        return self.preview

    def _kir_printed(self, ruang_id: int, layout: str, posted: bool, title: str, delivery: Delivery) -> None:
        try:
            self.ctx.call(documents.record_kir_printed, ruang_id, delivery, layout=layout, posted=posted)
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return
        self.reload(select_id=ruang_id)
        set_message(self.message, status_text(delivery, title), SUCCESS_COLOR)
