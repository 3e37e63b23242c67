"""The history of one kartu tamu: added, handed out to which visit, returned, lost, found, withdrawn."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_datetime
from desktop.services.guests.cards import CardEvent
from desktop.ui.widgets.screen_fit import screen_room

COLUMNS = ("Waktu", "Kejadian", "Kunjungan", "Petugas", "Keterangan")


class CardHistoryDialog(QDialog):
    """A read-only table of the card's events, oldest first, times in office time."""

    def __init__(self, nomor: str, events: list[CardEvent], zone: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Riwayat kartu %1").replace("%1", nomor))
        title = QLabel(
            self.tr("Kartu tamu nomor %1: %2 kejadian").replace("%1", nomor).replace("%2", str(len(events)))
        )
        self.table = QTableWidget(len(events), len(COLUMNS))
        self.table.setObjectName("cardHistoryTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for row, event in enumerate(events):
            try:
                when = format_datetime(event.at, zone)
            except ValueError:
                when = format_datetime(event.at, "WIB")
            for column, text in enumerate(
                (when, event.aksi_label, event.kunjungan or "—", event.username, event.keterangan)
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("&Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setDefault(True)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        # Wide enough for the visit column whatever the window manager offers; never wider than the screen.
        room = screen_room(self)
        self.setMinimumSize(min(640, room.width()), min(300, room.height()))
        self.resize(min(760, room.width()), min(420, room.height()))

    def texts(self) -> list[tuple[str, ...]]:
        """The rows as shown: what a test or a screen reader reads."""
        return [
            tuple(self.table.item(r, c).text() for c in range(self.table.columnCount()))
            for r in range(self.table.rowCount())
        ]
