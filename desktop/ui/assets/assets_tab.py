"""The Barang (BMD) tab: the Daftar Barang first, then the pages other parts of the module add."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.ui.assets.asset_list_panel import AssetListPanel
from desktop.ui.assets.bast_panel import BastPanel
from desktop.ui.assets.depreciation_panel import DepreciationPanel
from desktop.ui.assets.inventory_panel import InventoryPanel
from desktop.ui.assets.labels_panel import LabelsPanel
from desktop.ui.assets.reports_panel import AssetReportsPanel
from desktop.ui.assets.rooms_panel import RoomsPanel
from desktop.ui.context import UiContext


class AssetsTab(QWidget):
    """Pages: Daftar Barang here; BAST, Ruangan & KIR, Label, Penyusutan, Inventarisasi and Laporan are
    added with ``add_page`` by their own packages, in that order."""

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
        self.depreciation = DepreciationPanel(ctx)
        self.add_page(self.depreciation, self.tr("Penyusutan"))
        self.inventory = InventoryPanel(ctx)
        self.add_page(self.inventory, self.tr("Inventarisasi"))
        self.reports = AssetReportsPanel(ctx)
        self.add_page(self.reports, self.tr("Laporan"))
        self.list.labels_requested.connect(self.print_labels)
        self.list.bast_requested.connect(self.new_bast)

    def add_page(self, widget: QWidget, title: str) -> int:
        """Add a page of the module (its title already translated); returns its index."""
        return self.tabs.addTab(widget, title)

    def show_list(self) -> None:
        self.tabs.setCurrentWidget(self.list)

    def print_labels(self, aset_ids: Sequence[int]) -> None:
        """The Label page with the items chosen in the list (or the item opened)."""
        self.labels.print_labels(aset_ids)
        self.tabs.setCurrentWidget(self.labels)

    def new_bast(self, aset_ids: Sequence[int]) -> None:
        """The BAST page, and a new BAST with the items chosen in the list."""
        self.tabs.setCurrentWidget(self.bast)
        self.bast.new_bast(aset_ids)
