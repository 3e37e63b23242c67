"""The Inventarisasi page: censuses with their progress, the start dialog, the checking screen driven by a USB
scanner, and the follow-up list with the LKI / LHI / BA prints."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_date_numeric
from desktop.services.assets import inventory
from desktop.services.common.permissions import Perm
from desktop.ui.assets.inventory_checking import CheckingView
from desktop.ui.assets.inventory_start_dialog import StartDialog, plain_table, table_item
from desktop.ui.context import UiContext
from desktop.ui.widgets.messages import muted


class InventoryPanel(QWidget):
    """The Inventarisasi page: the censuses with their progress, and the checking screen of the one opened."""

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = ui
        self.setObjectName("inventoryPanel")
        self.stack = QStackedWidget(self)
        self.list_page = QWidget(self)
        self.censuses = plain_table(["Nama", "Cakupan", "SK Tim", "Mulai", "Status", "Kemajuan"])
        self.censuses.setObjectName("inventoryList")
        self.censuses.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.censuses.doubleClicked.connect(lambda _index: self.open_selected())
        self.start_button = QPushButton(self.tr("&Mulai inventarisasi…"), self)
        self.start_button.setObjectName("inventoryStart")
        self.start_button.clicked.connect(self.start_new)
        self.start_button.setEnabled(ui.actor.can(Perm.WRITE_ASSETS))
        self.open_button = QPushButton(self.tr("&Buka"), self)
        self.open_button.clicked.connect(self.open_selected)
        hint = muted(
            QLabel(
                self.tr(
                    "Sensus barang (R24): LKI dicetak lebih dulu, barang dicentang dengan memindai "
                    "labelnya, lalu LHI, Berita Acara dan tindak lanjut."
                ),
                self,
            )
        )
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        list_layout = QVBoxLayout(self.list_page)
        list_layout.addWidget(hint)
        list_layout.addLayout(buttons)
        list_layout.addWidget(self.censuses, 1)
        self.checking = CheckingView(ui, self.show_list, self)
        self.stack.addWidget(self.list_page)
        self.stack.addWidget(self.checking)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.reload()

    def reload(self) -> None:
        found = self.ui.query(inventory.list_censuses)
        self.censuses.setRowCount(len(found))
        for row, c in enumerate(found):
            percent = round(100 * c.dicek / c.total) if c.total else 100
            values = [
                c.nama,
                c.scope_text,
                c.sk_nomor,
                format_date_numeric(c.tanggal_mulai),
                "Selesai" if c.selesai else "Berjalan",
                f"{c.dicek}/{c.total} ({percent}%)",
            ]
            for column, text in enumerate(values):
                self.censuses.setItem(row, column, table_item(text, c.id if column == 0 else None))
        if found and self.censuses.currentRow() < 0:
            self.censuses.selectRow(0)

    def show_list(self) -> None:
        self.reload()
        self.stack.setCurrentWidget(self.list_page)

    def open_census(self, inv_id: int) -> None:
        self.checking.open_census(inv_id)
        self.stack.setCurrentWidget(self.checking)
        self.checking.scan.setFocus()

    def open_selected(self) -> None:
        row = self.censuses.currentRow()
        item = self.censuses.item(row, 0) if row >= 0 else None
        if item is not None:
            self.open_census(int(item.data(Qt.ItemDataRole.UserRole)))

    def start_new(self) -> None:
        dialog = StartDialog(self.ui, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.census is not None:
            self.reload()
            self.open_census(dialog.census.id)
