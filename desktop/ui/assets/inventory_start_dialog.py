"""Starting a census (R24): its name, the SK tim, the date and the scope (a room, a golongan or everything),
and the two small table helpers the census screens share."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.assets import inventory, rooms
from desktop.services.assets.inventory import CensusInfo
from desktop.services.common.errors import ValidationError
from desktop.ui.context import UiContext
from desktop.ui.widgets.dates import DateField
from desktop.ui.widgets.forms import FormRows, form_layout
from desktop.ui.widgets.messages import set_message
from desktop.ui.widgets.palette import ERROR_COLOR


def table_item(text: str, data: Any = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        item.setData(Qt.ItemDataRole.UserRole, data)
    return item


def plain_table(columns: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setHorizontalHeaderLabels(columns)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


class StartDialog(QDialog):
    """Mulai inventarisasi: name, scope (a room, a golongan or everything), the SK of the team, the date."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.census: CensusInfo | None = None
        self.setWindowTitle(self.tr("Mulai inventarisasi"))
        self.nama = QLineEdit(self)
        self.nama.setObjectName("inventoryNama")
        self.nama.setPlaceholderText(self.tr("mis. Inventarisasi Ruang Subbag Umum 2026"))
        self.cakupan = QComboBox(self)
        self.cakupan.setObjectName("inventoryCakupan")
        for key, label in inventory.CAKUPAN.items():
            self.cakupan.addItem(label, key)
        self.ruang = QComboBox(self)
        self.ruang.setObjectName("inventoryRuang")
        for room in ui.query(rooms.list_rooms):
            self.ruang.addItem(f"{room.nama} ({room.kode}) — {room.jumlah_barang} barang", room.id)
        self.golongan = QComboBox(self)
        for g in inventory.GOLONGAN:
            self.golongan.addItem(f"KIB {g}", g)
        self.golongan.setCurrentIndex(1)
        self.sk = QLineEdit(self)
        self.sk.setPlaceholderText(self.tr("Nomor SK Tim Inventarisasi"))
        self.tanggal = DateField(self)
        self.tanggal.setDate(ui.office_today())
        self.form = form_layout()
        rows = FormRows(self, self.form)
        rows.add(self.tr("&Nama"), "nama", self.nama)
        rows.add(self.tr("&Cakupan"), "cakupan", self.cakupan)
        rows.add(self.tr("&Ruangan"), "ruang_id", self.ruang)
        rows.add(self.tr("&Golongan"), "golongan", self.golongan)
        rows.add(self.tr("Nomor &SK tim"), "sk_nomor", self.sk)
        rows.add(self.tr("&Tanggal mulai"), "tanggal", self.tanggal)
        self.rows = rows
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.ok = buttons.addButton(self.tr("&Mulai"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("inventoryStartOk")
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.start)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.cakupan.currentIndexChanged.connect(self._scope_changed)
        self._scope_changed()

    def _scope_changed(self) -> None:
        key = self.cakupan.currentData()
        self.form.setRowVisible(self.rows.labels["ruang_id"], key == "ruang")
        self.form.setRowVisible(self.rows.labels["golongan"], key == "golongan")

    def start(self) -> None:
        self.rows.clear_errors()
        try:
            self.census = self.ui.call(
                inventory.start,
                self.nama.text(),
                self.cakupan.currentData(),
                ruang_id=self.ruang.currentData(),
                golongan=self.golongan.currentData() or "",
                sk_nomor=self.sk.text(),
                tanggal=self.tanggal.date(),
            )
        except ValidationError as exc:
            if not self.rows.show_error(exc.field or "", str(exc)):
                set_message(self.message, str(exc), ERROR_COLOR)
            return
        self.accept()
