"""Disposisi: transcribe the handwritten hops of a returned lembar disposisi and record their follow-up (R14-R18)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core import clock
from desktop.services.common import calendar, office
from desktop.services.common.permissions import Perm
from desktop.services.letters import dispositions as dispo
from desktop.services.letters.dispositions import HopInput, LetterChain
from desktop.services.letters.incoming import list_instructions
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters.disposition.cancel_hop import CancelHop
from desktop.ui.letters.disposition.chain_view import ChainView
from desktop.ui.letters.disposition.follow_up import FollowUp
from desktop.ui.letters.disposition.hop_form import HopForm
from desktop.ui.letters.disposition.no_disposition import NoDisposition
from desktop.ui.letters.disposition.queue import HopQueue
from desktop.ui.letters.disposition.state import ChainState
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import SUCCESS_COLOR, WARNING_COLOR
from desktop.ui.widgets.screen_fit import HeightFollowsWidth, fit_to_screen


class DispositionDialog(QDialog):
    """The disposition chain of one incoming letter.

    Open it from the agenda masuk (button / context menu "Disposisi…", or a double-click on a row) and from the
    overdue list: ``DispositionDialog(ctx, letter_id, parent).exec()``; ``changed`` fires after every save so
    the caller can refresh its rows. Each part (chain view, hop form, queue, follow-up, cancel, no
    disposition) is a class of its own in ``ui/letters/disposition/``; the dialog lays them out and wires them.
    """

    changed = Signal(int)  # letter id

    def __init__(self, ctx: UiContext, letter_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.letter_id = letter_id
        self.can_write = ctx.actor.can(Perm.WRITE_LETTERS)
        self.saved_any = False
        with ctx.transaction() as s:
            today = clock.today(office.get_profile(s).zona_waktu)
            working = calendar.working_calendar(s)
            self.instructions = list_instructions(s)
            self.officials = dispo.officials(s, ctx.actor)
            chain = dispo.chain(s, ctx.actor, letter_id)
        self.state = ChainState(chain=chain, today=today, calendar=working)
        self.setWindowTitle(self.tr("Disposisi — agenda {0}").format(chain.agenda))

        # --- the letter and its chain, the follow-up of the selected recipient under it
        self.view = ChainView(self.state, self)
        self.view.tree.currentItemChanged.connect(self._selection_changed)
        self.follow_up = FollowUp(self, self.view, self)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(self.view.tree_head)
        left_layout.addWidget(self.view.tree, 1)
        left_layout.addWidget(self.follow_up.box)

        # --- a new hop
        self.hop_form = HopForm(self.state, self.officials, self.instructions, self)
        form = self.hop_form.widget
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(form)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The scroll bar always takes its room, so the content's width (and with it the height its wrapped
        # lines need) does not flip each time the bar comes and goes.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self._form_height = HeightFollowsWidth(form)
        # Never narrower than the form itself: the splitter would otherwise clip its right edge.
        scroll.setMinimumWidth(form.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width())

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(scroll)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        # --- bottom row
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        self.message.hide()
        self.no_dispo_button = QPushButton(self.tr("Tidak perlu disposisi…"))
        self.no_dispo_button.setObjectName("noDisposition")
        self.save_button = QPushButton(self.tr("&Simpan semua"))
        self.save_button.setObjectName("saveAll")
        self.save_button.setToolTip(self.tr("Simpan semua disposisi di daftar (Ctrl+S)"))
        self.close_button = QPushButton(self.tr("Tutup"))
        self.close_button.clicked.connect(self.reject)
        for b in (self.no_dispo_button, self.save_button, self.close_button):
            b.setAutoDefault(False)
        keys = muted(
            QLabel(self.tr("Ctrl+Enter: tambah ke daftar · Ctrl+S: simpan semua · Esc: tutup")), True
        )
        bottom = QHBoxLayout()
        bottom.addWidget(self.no_dispo_button)
        bottom.addSpacing(12)
        bottom.addWidget(keys)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.view.header_frame)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)

        # --- the actions
        self.queue = HopQueue(self, self.hop_form, self.view, self)
        self.cancel_hop = CancelHop(self, self.view, self)
        self.no_dispo_action = NoDisposition(self, self)
        self.hop_form.queue_button.clicked.connect(self.queue.queue_hop)
        self.hop_form.unqueue_button.clicked.connect(self.queue.remove_pending)
        self.save_button.clicked.connect(self.queue.save_all)
        self.follow_up.cancel_hop_button.clicked.connect(self.cancel_hop.cancel_selected)
        self.no_dispo_button.clicked.connect(self.no_dispo_action.ask)
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.queue.save_all)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.queue.queue_hop)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.queue.queue_hop)

        # The widgets callers and tests reach by name, as before the parts had classes of their own.
        self.header, self.tree = self.view.header, self.view.tree
        self.follow = self.follow_up.box
        self.follow_status, self.follow_date = self.follow_up.status, self.follow_up.date
        self.follow_hasil, self.follow_button = self.follow_up.hasil, self.follow_up.button
        self.cancel_hop_button = self.follow_up.cancel_hop_button
        self.add_box, self.queue_button = self.hop_form.box, self.hop_form.queue_button
        self.induk, self.dari, self.tanggal = (
            self.hop_form.who.induk,
            self.hop_form.who.dari,
            self.hop_form.tanggal,
        )
        self.kepada, self.instruksi, self.catatan = (
            self.hop_form.recipients.list,
            self.hop_form.instruksi,
            self.hop_form.catatan,
        )
        batas = self.hop_form.batas
        self.batas_hk, self.batas_hk_mode, self.batas_preview = batas.hk, batas.hk_mode, batas.preview

        fit_to_screen(self, 1280, 720)
        self.splitter.setSizes([int(self.width() * 0.6), int(self.width() * 0.4)])
        self.refresh()
        self.hop_form.reset(first=True)
        if self.can_write and not chain.closed:
            (self.induk if chain.hops else self.dari).setFocus()
        else:
            self.tree.setFocus()

    # ------------------------------------------------------------------ state
    @property
    def chain(self) -> LetterChain:
        return self.state.chain

    @property
    def pending(self) -> list[HopInput]:
        return self.state.pending

    def widget(self) -> QWidget:
        return self

    def refresh(self) -> None:
        """Redraw the chain, the choices of the form and what may be done now, after the state changed."""
        self.view.show_chain()
        self.hop_form.fill_choices()
        self._update_state()

    def after_save(self, text: str) -> None:
        self.saved_any = True
        set_message(self.message, text, SUCCESS_COLOR)
        self.changed.emit(self.letter_id)

    def _selection_changed(self, _current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        self._update_state()
        self.follow_up.load_selected()

    def _update_state(self) -> None:
        chain = self.state.chain
        writable = self.can_write and not chain.closed
        self.add_box.setEnabled(writable)
        self.add_box.setVisible(self.can_write)
        self.save_button.setVisible(self.can_write)
        self.no_dispo_button.setVisible(self.can_write)
        self.save_button.setEnabled(writable)
        self.no_dispo_button.setEnabled(
            writable and not any(h.aktif for h in chain.hops) and not self.state.pending
        )
        if chain.status == "arsip":
            closed = self.tr("Surat ini diarsipkan tanpa disposisi.")
        elif chain.status == "batal":
            closed = self.tr("Surat ini dibatalkan; disposisi tidak bisa ditambah.")
        elif not self.can_write:
            closed = self.tr("Hanya lihat: peran Anda tidak mencatat disposisi.")
        else:
            closed = ""
        set_message(self.hop_form.closed_label, closed, WARNING_COLOR)
        self.follow_up.update_state(writable)
        key = self.view.selected_key()
        self.hop_form.unqueue_button.setEnabled(key is not None and key[0] in ("phop", "prec"))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.view.size_columns()

    # ------------------------------------------------------------------ what callers run
    def queue_hop(self) -> HopInput | None:
        return self.queue.queue_hop()

    def save_all(self) -> bool:
        return self.queue.save_all()

    def mark_no_disposition(self, note: str = "") -> bool:
        return self.no_dispo_action.mark(note)

    def select_recipient(self, recipient_id: int) -> None:
        self.view.select("rec", recipient_id)

    # ------------------------------------------------------------------ closing
    def reject(self) -> None:
        if self.state.pending and not dialogs.confirm(
            self,
            self.tr("Disposisi belum disimpan"),
            self.tr("{0} disposisi di daftar belum disimpan. Tutup tanpa menyimpan?").format(
                len(self.state.pending)
            ),
            yes=self.tr("Tutup tanpa menyimpan"),
            no=self.tr("Kembali"),
            danger=True,
        ):
            return
        super().reject()


def open_disposition(ctx: UiContext, letter_id: int, parent: QWidget | None = None) -> bool:
    """Show the dialog modally; True when something was saved (refresh the caller's rows then)."""
    dialog = DispositionDialog(ctx, letter_id, parent)
    dialog.exec()
    return dialog.saved_any
