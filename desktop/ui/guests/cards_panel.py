"""The kartu tamu stock (R17): every card with its status and holder, and adding, losing, finding, withdrawing."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.guests import cards, visits
from desktop.services.guests.cards import CardView
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.guests.add_cards_dialog import AddCardsDialog
from desktop.ui.guests.card_history_dialog import CardHistoryDialog
from desktop.ui.widgets.flow import FlowRow
from desktop.ui.widgets.messages import set_message
from desktop.ui.widgets.palette import DIMMED_COLOR, ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR
from desktop.ui.widgets.reason import ask_reason
from desktop.ui.widgets.tables import heading, keep_columns_on_screen, style_list

COLUMNS = ("Nomor", "Status", "Dipakai oleh", "Keterangan")
COL_NOMOR, COL_STATUS, COL_HOLDER, COL_NOTE = range(4)


def exec_dialog(dialog: QDialog) -> int:
    """Run a modal dialog; the panel calls it through ``self.exec_dialog`` so a test can drive the dialog."""
    return dialog.exec()


class CardsPanel(QWidget):
    """Stok kartu tamu: the table with the counts, and the petugas tamu's actions on the selected card.

    Losing, withdrawing and marking a card in use as lost are confirmed first; nothing is ever deleted, so the
    card's history (Riwayat kartu) always reads whole. Without ``Perm.WRITE_GUESTS`` only the history opens.
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardsPanel")
        self.ctx = ctx
        self.exec_dialog = exec_dialog
        self.can_write = ctx.actor.can(Perm.WRITE_GUESTS)
        self.cards: list[CardView] = []
        self.zone = "WIB"

        self.counts = QLabel()
        self.counts.setObjectName("cardCounts")
        self.counts.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel()
        self.message.setObjectName("cardMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("cardTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        style_list(self.table, COL_NOTE)
        for column, width in ((COL_NOMOR, 90), (COL_STATUS, 100), (COL_HOLDER, 280)):
            self.table.setColumnWidth(column, width)
        keep_columns_on_screen(self.table, (COL_HOLDER,))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _index: self.show_history())

        self.add_button = QPushButton(self.tr("&Tambah kartu…"))
        self.add_button.setObjectName("addCards")
        self.add_button.clicked.connect(self.add_cards)
        self.lost_button = QPushButton(self.tr("&Hilang…"))
        self.lost_button.setObjectName("cardLost")
        self.lost_button.clicked.connect(self.mark_lost)
        self.found_button = QPushButton(self.tr("&Ditemukan"))
        self.found_button.setObjectName("cardFound")
        self.found_button.clicked.connect(self.mark_found)
        self.withdraw_button = QPushButton(self.tr("Ta&rik dari pemakaian…"))
        self.withdraw_button.setObjectName("cardWithdraw")
        self.withdraw_button.clicked.connect(self.withdraw)
        self.history_button = QPushButton(self.tr("Ri&wayat kartu…"))
        self.history_button.setObjectName("cardHistory")
        self.history_button.clicked.connect(self.show_history)
        self.refresh_button = QPushButton(self.tr("&Muat ulang"))
        self.refresh_button.clicked.connect(self.refresh)
        actions = FlowRow()
        actions.add(heading(self.tr("Kartu tamu"), self))
        actions.add(self.counts)
        row = FlowRow()
        for button in (
            self.add_button,
            self.lost_button,
            self.found_button,
            self.withdraw_button,
            self.history_button,
            self.refresh_button,
        ):
            row.add(button)
        if not self.can_write:
            for button in (self.add_button, self.lost_button, self.found_button, self.withdraw_button):
                button.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)

        for keys, slot in ((QKeySequence.StandardKey.New, self.add_cards), ("Ctrl+H", self.show_history)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    # ------------------------------------------------------------------ data
    def refresh(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self._selected_id()
        try:
            with self.ctx.read() as session:
                self.cards = cards.list_cards(session, self.ctx.actor)
                self.zone = visits.zone(session)
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return
        self._fill(keep)

    def _fill(self, keep: int | None) -> None:
        active = [c for c in self.cards if c.aktif]
        tally = Counter(c.status for c in active)
        withdrawn = len(self.cards) - len(active)
        text = (
            self.tr("tersedia <b>%1</b> · dipakai <b>%2</b> · hilang <b>%3</b>")
            .replace("%1", str(tally["tersedia"]))
            .replace("%2", str(tally["dipakai"]))
            .replace("%3", str(tally["hilang"]))
        )
        if withdrawn:
            text += self.tr(" · ditarik %1").replace("%1", str(withdrawn))
        self.counts.setText(text)
        table = self.table
        table.setRowCount(len(self.cards))
        for row, card in enumerate(self.cards):
            values = (card.nomor, card.status_label, card.dipakai_oleh or "—", card.keterangan)
            color = DIMMED_COLOR if not card.aktif else WARNING_COLOR if card.status == "hilang" else None
            for column, text_value in enumerate(values):
                item = QTableWidgetItem(text_value)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, card.id)
                if color is not None:
                    item.setForeground(QBrush(QColor(color)))
                table.setItem(row, column, item)
        rows = [row for row, card in enumerate(self.cards) if card.id == keep]
        if rows or table.rowCount():
            table.selectRow(rows[0] if rows else 0)  # the keys work at once on a card
        self._update_buttons()

    def _selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def selected(self) -> CardView | None:
        card_id = self._selected_id()
        return next((c for c in self.cards if c.id == card_id), None)

    def select_number(self, nomor: str) -> bool:
        for row, card in enumerate(self.cards):
            if card.nomor == nomor:
                self.table.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        card = self.selected()
        self.lost_button.setEnabled(card is not None and card.aktif and card.status != "hilang")
        self.found_button.setEnabled(card is not None and card.aktif and card.status == "hilang")
        self.withdraw_button.setEnabled(card is not None and card.aktif and card.status != "dipakai")
        self.history_button.setEnabled(card is not None)

    # ------------------------------------------------------------------ actions
    def _run(self, fn, *args: object) -> CardView | None:  # type: ignore[no-untyped-def]
        try:
            result: CardView = self.ctx.call(fn, *args)
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return None
        self.refresh(result.id)
        return result

    def add_cards(self) -> None:
        if not self.can_write:
            return
        dialog = AddCardsDialog(self.ctx, [c.nomor for c in self.cards], self)
        if self.exec_dialog(dialog) and dialog.added:
            self.refresh()
            self.select_number(dialog.added[0])
            set_message(
                self.message,
                self.tr("%1 kartu ditambahkan.").replace("%1", str(len(dialog.added))),
                SUCCESS_COLOR,
            )
            self.table.setFocus()

    def mark_lost(self) -> None:
        card = self.selected()
        if not self.can_write or card is None or card.status == "hilang":
            return
        informative = self.tr("Kartu keluar dari stok sampai ditemukan; riwayatnya tetap tersimpan.")
        if card.dipakai_oleh:
            informative = (
                self.tr("Kartu ini sedang dipakai %1. ").replace("%1", card.dipakai_oleh) + informative
            )
        if not dialogs.confirm(
            self,
            self.tr("Kartu hilang"),
            self.tr("Catat kartu %1 hilang?").replace("%1", card.nomor),
            yes=self.tr("Catat &hilang"),
            danger=True,
            informative=informative,
        ):
            return
        if self._run(cards.mark_lost, card.id) is not None:
            set_message(
                self.message, self.tr("Kartu %1 dicatat hilang.").replace("%1", card.nomor), WARNING_COLOR
            )

    def mark_found(self) -> None:
        card = self.selected()
        if not self.can_write or card is None or card.status != "hilang":
            return
        if self._run(cards.mark_found, card.id) is not None:
            set_message(
                self.message, self.tr("Kartu %1 kembali tersedia.").replace("%1", card.nomor), SUCCESS_COLOR
            )

    def withdraw(self) -> None:
        card = self.selected()
        if not self.can_write or card is None or not card.aktif:
            return
        reason = ask_reason(
            self,
            self.tr("Tarik kartu dari pemakaian"),
            self.tr("Mengapa kartu %1 ditarik (mis. rusak, patah)?").replace("%1", card.nomor),
            cancel=self.tr("Batal"),
            width=440,
            empty=self.tr("Alasan penarikan kartu wajib diisi."),
        )
        if reason is None:
            return
        if not dialogs.confirm(
            self,
            self.tr("Tarik kartu"),
            self.tr("Tarik kartu %1 dari pemakaian?").replace("%1", card.nomor),
            yes=self.tr("&Tarik"),
            danger=True,
            informative=self.tr("Kartu tidak diberikan lagi kepada tamu; riwayatnya tetap tersimpan."),
        ):
            return
        if self._run(cards.withdraw, card.id, reason) is not None:
            set_message(self.message, self.tr("Kartu %1 ditarik.").replace("%1", card.nomor), WARNING_COLOR)

    def show_history(self) -> None:
        card = self.selected()
        if card is None:
            return
        try:
            with self.ctx.read() as session:
                events = cards.history(session, self.ctx.actor, card.id)
        except ServiceError as exc:
            set_message(self.message, str(exc), ERROR_COLOR)
            return
        self.exec_dialog(CardHistoryDialog(card.nomor, events, self.zone, self))
