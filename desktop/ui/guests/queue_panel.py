"""Antrian at a counter (loket): who is at this loket now, who waits, and the day's called tickets with their times."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QHideEvent, QKeySequence, QMouseEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import office_tz
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.common.permissions import Perm
from desktop.services.guests import queue, visits
from desktop.services.guests import settings as guest_settings
from desktop.services.guests.queue import ServiceQueue
from desktop.services.guests.settings import GuestSettings
from desktop.services.guests.visits import Status, VisitView
from desktop.ui.context import UiContext
from desktop.ui.widgets.flow import FlowRow
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR
from desktop.ui.widgets.tables import heading, keep_columns_on_screen, style_list

STATE_LOKET = "tamu/loket"
STATE_SERVICE = "tamu/loket_layanan"
REFRESH_MS = 15_000
CARDS_PER_ROW = 4
NEXT_SHOWN = 3
DASH = "—"

# The counter's keys: F5 calls the next guest (the action done a hundred times a day), F6–F9 the rest.
KEYS = {"next": "F5", "recall": "F6", "serve": "F7", "finish": "F8", "skip": "F9"}

COLUMNS = ("Tiket", "Nama", "Layanan", "Loket", "Status", "Datang", "Menunggu", "Dilayani")
COL_TIKET, COL_NAMA, COL_LAYANAN, COL_LOKET, COL_STATUS, COL_DATANG, COL_TUNGGU, COL_LAYANI = range(8)
# Tickets that reached a counter: the day's list leaves out those still waiting (they are on the cards).
_CALLED = {Status.DIPANGGIL.value, Status.DILAYANI.value, Status.SELESAI.value}


def _hhmm(value: datetime | None, zone: str) -> str:
    if value is None:
        return DASH
    try:
        local = value.astimezone(office_tz(zone))
    except ValueError:  # an unfinished profile's zone: WIB, as everywhere else
        local = value.astimezone(office_tz("WIB"))
    return f"{local.hour:02d}.{local.minute:02d}"


def _stamp(value: datetime | None) -> float:
    return value.timestamp() if value is not None else 0.0


class _ServiceCard(QFrame):
    """One service: the ticket at this loket in large type, the waiting count, the next tickets, the buttons."""

    chosen = Signal(int)  # layanan_id: the clerk clicked into this card

    def __init__(self, layanan_id: int, can_write: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layanan_id = layanan_id
        self.setObjectName(f"queueCard_{layanan_id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.title = _line(QLabel())
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.ticket = QLabel(DASH)
        self.ticket.setObjectName("queueNow")
        big = self.ticket.font()
        big.setPointSizeF(big.pointSizeF() * 2.6)
        big.setWeight(QFont.Weight.Bold)
        self.ticket.setFont(big)
        self.ticket.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # One line each, never wrapped: a card keeps one height, whatever the names; the whole text is the tip.
        self.now_note = _line(muted(QLabel(), smaller=True))
        self.now_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.waiting = _line(QLabel())
        self.waiting.setObjectName("queueWaiting")
        self.upcoming = _line(QLabel())
        self.upcoming.setObjectName("queueNext")
        self.others = _line(muted(QLabel(), smaller=True))
        self.buttons: dict[str, QPushButton] = {}
        # Two fixed rows (call / recall, then serve / finish / skip): the card's height never depends on its width.
        grid = QGridLayout()
        grid.setContentsMargins(0, 2, 0, 0)
        grid.setSpacing(4)
        for key, text, row, column, span in (
            ("next", self.tr("Panggil berikutnya"), 0, 0, 2),
            ("recall", self.tr("Panggil ulang"), 0, 2, 1),
            ("serve", self.tr("Layani"), 1, 0, 1),
            ("finish", self.tr("Selesai"), 1, 1, 1),
            ("skip", self.tr("Lewati"), 1, 2, 1),
        ):
            button = QPushButton(text)
            button.setObjectName(f"queue_{key}_{layanan_id}")
            button.setToolTip(f"{text} ({KEYS[key]})")
            button.clicked.connect(lambda _=False: self.chosen.emit(self.layanan_id))
            self.buttons[key] = button
            grid.addWidget(button, row, column, 1, span)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(2)
        for widget in (self.title, self.ticket, self.now_note, self.waiting, self.upcoming, self.others):
            layout.addWidget(widget)
        if can_write:
            layout.addLayout(grid)
        else:
            for button in self.buttons.values():
                button.hide()
        self.current: VisitView | None = None

    def set_chosen(self, chosen: bool) -> None:
        # A thicker frame in the palette's highlight marks the card the F-keys act on.
        self.setStyleSheet(
            f"QFrame#{self.objectName()} {{ border: 2px solid palette(highlight); border-radius: 4px; }}"
            if chosen
            else ""
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.chosen.emit(self.layanan_id)
        super().mousePressEvent(event)

    def show_queue(self, q: ServiceQueue, loket: str, can_write: bool) -> None:
        _set(self.title, f"{q.prefix} · {q.nama}")
        # A counter sees its own ticket; a read-only viewer (pimpinan) has no loket and sees the latest call.
        here = [v for v in q.at_counters if v.loket == loket] if can_write else list(q.at_counters)
        mine = sorted(here if (loket or not can_write) else [], key=lambda v: _stamp(v.dipanggil_at))
        self.current = mine[-1] if mine else None
        if self.current is not None:
            self.ticket.setText(self.current.tiket)
            parts = [self.current.nama, self.current.status_label]
            if not can_write:
                parts.insert(0, self.current.loket or "?")
            _set(self.now_note, " · ".join(parts))
        elif not can_write:
            self.ticket.setText(DASH)
            _set(self.now_note, self.tr("Belum ada yang dipanggil"))
        else:
            self.ticket.setText(DASH)
            _set(
                self.now_note, self.tr("Belum ada tamu di loket ini") if loket else self.tr("Isi nama loket")
            )
        _set(
            self.waiting,
            self.tr("Menunggu: %1 · selesai hari ini: %2")
            .replace("%1", str(q.waiting))
            .replace("%2", str(q.served_today)),
        )
        shown = ", ".join(q.next_tickets[:NEXT_SHOWN]) + ("…" if len(q.next_tickets) > NEXT_SHOWN else "")
        _set(self.upcoming, self.tr("Berikutnya: %1").replace("%1", shown or DASH))
        elsewhere = [
            f"{v.loket or '?'} {v.tiket}"
            for v in q.at_counters
            if v is not self.current and (not can_write or v.loket != loket)
        ]
        caption = self.tr("Di loket lain: %1") if can_write else self.tr("Juga dipanggil: %1")
        _set(self.others, caption.replace("%1", ", ".join(elsewhere)) if elsewhere else "")
        status = self.current.status if self.current is not None else ""
        ready = bool(loket) and can_write
        self.buttons["next"].setEnabled(ready and q.waiting > 0)
        self.buttons["recall"].setEnabled(ready and status == Status.DIPANGGIL.value)
        self.buttons["serve"].setEnabled(ready and status == Status.DIPANGGIL.value)
        self.buttons["finish"].setEnabled(ready and status in (Status.DIPANGGIL.value, Status.DILAYANI.value))
        self.buttons["skip"].setEnabled(ready and status == Status.DIPANGGIL.value)


def _line(label: QLabel) -> QLabel:
    """A one-line label that gives way to the card's width instead of widening it (the tip holds the text)."""
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    label.setMinimumWidth(0)
    return label


def _set(label: QLabel, text: str) -> None:
    """Show ``text``; a long name runs to the card's edge, and the whole text stays in the tooltip."""
    label.setToolTip(text)
    label.setText(text)


class QueuePanel(QWidget):
    """The counters' screen: name this loket, then call, recall, serve, finish or skip per service (R2, R6).

    Reads the board again after every action and every 15 s while shown, so two counters see each other's calls.
    Without ``Perm.WRITE_GUESTS`` (pimpinan) it shows the board and the day's list only.
    """

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("queuePanel")
        self.ctx = ctx
        self.can_write = ctx.actor.can(Perm.WRITE_GUESTS)
        self.cards: dict[int, _ServiceCard] = {}
        self.board: list[ServiceQueue] = []
        self.day: list[VisitView] = []
        self.settings = GuestSettings()
        self.zone = "WIB"
        self.current_service: int | None = self._remembered(STATE_SERVICE, 0) or None

        # --- this loket
        self.loket = QLineEdit()
        self.loket.setObjectName("loketName")
        self.loket.setMaxLength(queue.MAX_LOKET)
        self.loket.setPlaceholderText(self.tr("mis. Loket 1"))
        self.loket.setMinimumWidth(160)
        self.loket.setText(str(self._remembered(STATE_LOKET, "")))
        self.loket.editingFinished.connect(self._loket_changed)
        loket_label = QLabel(self.tr("&Loket ini:"))
        loket_label.setBuddy(self.loket)
        self.refresh_button = QPushButton(self.tr("&Muat ulang"))
        self.refresh_button.clicked.connect(self.refresh)
        keys = muted(
            QLabel(self.tr("F5 panggil berikutnya · F6 panggil ulang · F7 layani · F8 selesai · F9 lewati")),
            smaller=True,
        )
        top = FlowRow()
        top.add(heading(self.tr("Antrian"), self))
        if self.can_write:
            top.add_labelled(loket_label, self.loket)
        else:
            loket_label.hide()
            self.loket.hide()
        top.add(self.refresh_button)
        if self.can_write:
            top.add(keys)
        else:
            keys.hide()
        self.message = QLabel()
        self.message.setObjectName("queueMessage")
        self.message.setWordWrap(True)
        self.message.hide()

        # --- the cards, side by side, a new row after every CARDS_PER_ROW services so the window never widens
        self.cards_box = QWidget()
        self.cards_box.setObjectName("queueCards")
        self.cards_grid = QGridLayout(self.cards_box)
        self.cards_grid.setContentsMargins(0, 0, 0, 0)
        self.cards_grid.setSpacing(6)
        self.cards_box.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self.empty = muted(QLabel(self.tr("Belum ada layanan antrian yang aktif (Pengaturan › Buku Tamu).")))
        self.empty.setWordWrap(True)
        self.empty.hide()

        # --- the day's called tickets with their R6 times
        self.day_title = QLabel()
        font = self.day_title.font()
        font.setBold(True)
        self.day_title.setFont(font)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("queueDayTable")
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        style_list(self.table, COL_NAMA)
        for column, width in (
            (COL_TIKET, 64),
            (COL_LAYANAN, 150),
            (COL_LOKET, 90),
            (COL_STATUS, 90),
            (COL_DATANG, 64),
            (COL_TUNGGU, 120),
            (COL_LAYANI, 120),
        ):
            self.table.setColumnWidth(column, width)
        # At 1024 px the service and loket names give way first; the ticket, status and times stay whole.
        keep_columns_on_screen(self.table, (COL_LAYANAN, COL_LOKET), minimum=60)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.cards_box)
        layout.addWidget(self.empty)
        layout.addWidget(self.day_title)
        layout.addWidget(self.table, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        if self.can_write:
            for key, slot in (
                ("next", self.call_next),
                ("recall", self.recall),
                ("serve", self.serve),
                ("finish", self.finish),
                ("skip", self.skip),
            ):
                shortcut = QShortcut(QKeySequence(KEYS[key]), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)

    # ------------------------------------------------------------------ remembered per workstation
    def _remembered(self, key: str, default: object) -> object:
        getter = getattr(self.ctx.state, "value", None)
        return getter(key, default) if getter is not None else default

    def _remember(self, key: str, value: object) -> None:
        setter = getattr(self.ctx.state, "set_value", None)
        if setter is not None:
            setter(key, value)

    def loket_name(self) -> str:
        return " ".join(self.loket.text().split())

    def _loket_changed(self) -> None:
        name = self.loket_name()
        if name != self.loket.text():
            self.loket.setText(name)
        self._remember(STATE_LOKET, name)
        self._show()

    # ------------------------------------------------------------------ timer
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self.timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        # Nobody looks at a hidden board: no reads every 15 s from a tab in the background.
        self.timer.stop()
        super().hideEvent(event)

    # ------------------------------------------------------------------ data
    def refresh(self) -> None:
        actor = self.ctx.actor
        try:
            with self.ctx.read() as session:
                self.board = queue.board(session, actor)
                today = visits.office_today(session)
                self.day = visits.list_day(session, actor, today)
                self.settings = guest_settings.get_settings(session)
                self.zone = visits.zone(session)
        except ServiceError as exc:
            self._say(str(exc), ERROR_COLOR)
            return
        self._show()

    def _show(self) -> None:
        ids = [q.layanan_id for q in self.board]
        if list(self.cards) != ids:
            self._rebuild_cards()
        if self.current_service not in self.cards:
            self.current_service = ids[0] if ids else None
        loket = self.loket_name()
        for q in self.board:
            card = self.cards[q.layanan_id]
            card.show_queue(q, loket, self.can_write)
            card.set_chosen(self.can_write and q.layanan_id == self.current_service)
        self.empty.setVisible(not self.board)
        self.cards_box.setVisible(bool(self.board))
        self._fill_day()

    def _rebuild_cards(self) -> None:
        for card in self.cards.values():
            self.cards_grid.removeWidget(card)
            card.deleteLater()
        self.cards = {}
        for index, q in enumerate(self.board):
            card = _ServiceCard(q.layanan_id, self.can_write, self.cards_box)
            card.chosen.connect(self._choose)
            for key, slot in (
                ("next", self.call_next),
                ("recall", self.recall),
                ("serve", self.serve),
                ("finish", self.finish),
                ("skip", self.skip),
            ):
                card.buttons[key].clicked.connect(lambda _=False, s=slot: s())
            self.cards[q.layanan_id] = card
            self.cards_grid.addWidget(card, index // CARDS_PER_ROW, index % CARDS_PER_ROW)
        for column in range(CARDS_PER_ROW):
            self.cards_grid.setColumnStretch(column, 1 if column < len(self.board) else 0)

    def _choose(self, layanan_id: int) -> None:
        if layanan_id != self.current_service:
            self.current_service = layanan_id
            self._remember(STATE_SERVICE, layanan_id)
            for key, card in self.cards.items():
                card.set_chosen(self.can_write and key == layanan_id)

    def _fill_day(self) -> None:
        rows = [v for v in self.day if v.tiket and (v.status in _CALLED or v.dipanggil_at is not None)]
        # The latest call first: what the counter just did is at the top.
        rows.sort(key=lambda v: _stamp(v.dipanggil_at or v.datang_at), reverse=True)
        served = sum(1 for v in rows if v.status == Status.SELESAI.value)
        self.day_title.setText(
            self.tr("Dipanggil dan dilayani hari ini: %1 tiket, %2 selesai")
            .replace("%1", str(len(rows)))
            .replace("%2", str(served))
        )
        table = self.table
        table.setRowCount(len(rows))
        for row, v in enumerate(rows):
            times = queue.step_times(v, self.settings)
            values = [
                v.tiket,
                v.nama,
                v.layanan,
                v.loket or DASH,
                v.status_label,
                _hhmm(v.datang_at, self.zone),
            ]
            for column, text in enumerate(values):
                item = QTableWidgetItem(text)
                if column == 0:
                    item.setData(Qt.ItemDataRole.UserRole, v.id)
                table.setItem(row, column, item)
            for column, step in ((COL_TUNGGU, times[0]), (COL_LAYANI, times[1])):
                text = DASH if step.minutes is None else f"{step.minutes} / {step.standard} mnt"
                item = QTableWidgetItem(text)
                item.setToolTip(
                    self.tr("%1: %2 menit, standar SOP %3 menit")
                    .replace("%1", step.label)
                    .replace("%2", DASH if step.minutes is None else str(step.minutes))
                    .replace("%3", str(step.standard))
                )
                if step.over:
                    item.setForeground(QBrush(QColor(WARNING_COLOR)))
                    bold = item.font()
                    bold.setBold(True)
                    item.setFont(bold)
                table.setItem(row, column, item)

    # ------------------------------------------------------------------ actions
    def _card(self) -> _ServiceCard | None:
        return self.cards.get(self.current_service) if self.current_service is not None else None

    def _say(self, text: str, color: str) -> None:
        set_message(self.message, text, color)

    def _act(self, fn: Callable[[], VisitView | None], done: Callable[[VisitView | None], str]) -> None:
        if not self.can_write:
            return
        if not self.loket_name():
            self._say(self.tr("Isi nama atau nomor loket ini dulu."), ERROR_COLOR)
            self.loket.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self._remember(STATE_LOKET, self.loket_name())
        try:
            result = fn()
        except ValidationError as exc:
            self._say(str(exc), ERROR_COLOR)
            self.refresh()
            return
        except ServiceError as exc:
            self._say(str(exc), ERROR_COLOR)
            return
        self.refresh()
        self._say(done(result), SUCCESS_COLOR if result is not None else WARNING_COLOR)

    def _on_current(self, fn: Callable[..., VisitView], what: str) -> None:
        card = self._card()
        if card is None or card.current is None:
            self._say(self.tr("Tidak ada tiket di loket ini untuk %1.").replace("%1", what), WARNING_COLOR)
            return
        visit_id, tiket = card.current.id, card.current.tiket
        self._act(
            lambda: self.ctx.call(fn, visit_id),
            lambda _v: self.tr("%1: %2.").replace("%1", tiket).replace("%2", what),
        )

    def call_next(self) -> None:
        card = self._card()
        if card is None:
            return
        layanan_id = card.layanan_id
        self._act(
            lambda: self.ctx.call(queue.call_next, layanan_id, self.loket_name()),
            lambda v: (
                self.tr("%1 dipanggil ke %2.").replace("%1", v.tiket).replace("%2", v.loket)
                if v is not None
                else self.tr("Tidak ada yang menunggu di antrian ini.")
            ),
        )

    def recall(self) -> None:
        card = self._card()
        if card is None or card.current is None:
            self._say(self.tr("Tidak ada tiket yang dipanggil di loket ini."), WARNING_COLOR)
            return
        visit_id = card.current.id
        self._act(
            lambda: self.ctx.call(queue.call, visit_id, self.loket_name()),
            lambda v: self.tr("%1 dipanggil ulang.").replace("%1", v.tiket if v else ""),
        )

    def serve(self) -> None:
        self._on_current(queue.serve, self.tr("dilayani"))

    def finish(self) -> None:
        self._on_current(queue.finish, self.tr("selesai"))

    def skip(self) -> None:
        self._on_current(queue.skip, self.tr("dilewati, kembali menunggu"))
