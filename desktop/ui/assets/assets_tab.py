"""The Barang (BMD) tab: the Daftar Barang first, then the pages other parts of the module add."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.ui.assets.asset_list_panel import AssetListPanel
from desktop.ui.assets.bast_panel import BastPanel
from desktop.ui.assets.inventory_panel import InventoryPanel
from desktop.ui.assets.labels_panel import LabelsPanel
from desktop.ui.assets.rooms_panel import RoomsPanel
from desktop.ui.context import UiContext


class AssetsTab(QWidget):
    """Pages: Daftar Barang here; BAST, Ruangan & KIR, Label, Penyusutan and Inventarisasi are added with
    ``add_page`` by their own packages, in that order."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("assetsTab")
        self.list = AssetListPanel(ctx)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("assetsTabs")
        self.tabs.setDocumentMode(True)
        self.add_page(self.list, self.tr("Daftar Barang"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.bast = BastPanel(ctx)
        self.add_page(self.bast, self.tr("BAST"))
        self.rooms = RoomsPanel(ctx)
        self.add_page(self.rooms, self.tr("Ruangan && KIR"))
        self.labels = LabelsPanel(ctx)
        self.add_page(self.labels, self.tr("Label"))
        self.inventory = InventoryPanel(ctx)
        self.add_page(self.inventory, self.tr("Inventarisasi"))

    def add_page(self, widget: QWidget, title: str) -> int:
        """Add a page of the module (its title already translated); returns its index."""
        return self.tabs.addTab(widget, title)

    def show_list(self) -> None:
        self.tabs.setCurrentWidget(self.list)
