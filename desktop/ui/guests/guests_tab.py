"""The Buku Tamu tab: the front desk, the counters' queue, the register with its reports, the SKM and the
kartu tamu stock."""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from desktop.ui.context import UiContext
from desktop.ui.guests.cards_panel import CardsPanel
from desktop.ui.guests.desk_panel import DeskPanel
from desktop.ui.guests.queue_panel import QueuePanel
from desktop.ui.guests.register_panel import RegisterPanel
from desktop.ui.guests.skm_panel import SkmPanel


class GuestsTab(QWidget):
    """Meja Depan first: it is the screen the petugas works from all day."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("guestsTab")
        self.desk = DeskPanel(ctx)
        self.queue = QueuePanel(ctx)
        self.register = RegisterPanel(ctx)
        self.skm = SkmPanel(ctx)
        self.cards = CardsPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("guestsTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.desk, self.tr("Meja Depan"))
        self.tabs.addTab(self.queue, self.tr("Antrian"))
        self.tabs.addTab(self.register, self.tr("Buku Tamu"))
        self.tabs.addTab(self.skm, self.tr("SKM"))
        self.tabs.addTab(self.cards, self.tr("Kartu Tamu"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def show_desk(self) -> None:
        self.tabs.setCurrentWidget(self.desk)
