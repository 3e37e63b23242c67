"""The Surat tab: agenda masuk (entry form above the buku agenda), agenda keluar, ekspedisi, overdue dispositions
and reports."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop.services.common.permissions import Perm
from desktop.services.letters import incoming
from desktop.ui.context import UiContext
from desktop.ui.letters.expedition_panel import ExpeditionPanel
from desktop.ui.letters.incoming_form import IncomingForm
from desktop.ui.letters.incoming_list import IncomingList
from desktop.ui.letters.outgoing_panel import OutgoingPanel
from desktop.ui.letters.overdue import OverduePanel
from desktop.ui.letters.reports_panel import ReportsPanel


class SuratTab(QWidget):
    """Agenda Masuk, Agenda Keluar, Ekspedisi, Disposisi Terlambat and Laporan as sub-tabs."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("suratTab")
        self.can_write = ctx.actor.can(Perm.WRITE_LETTERS)
        self._focused_once = False

        self.form = IncomingForm(ctx)
        self.list = IncomingList(ctx)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        self.read_only_note: QLabel | None = None
        if not self.can_write:
            note = QLabel(
                self.tr(
                    "Anda masuk sebagai {0}: buku agenda dapat dilihat dan lembar disposisi dicetak; "
                    "surat masuk baru dicatat oleh pengelola surat."
                ).format(ctx.actor.role.label),
            )
            note.setObjectName("readOnlyNote")
            note.setWordWrap(True)
            note.setStyleSheet(
                "QLabel { background: palette(alternate-base); border: 1px solid palette(mid); "
                "border-radius: 4px; padding: 6px; margin: 8px 12px 0 12px; }"
            )
            left_layout.addWidget(note)
            self.read_only_note = note
            self.form.setEnabled(False)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        left_layout.addWidget(scroll, 1)

        # Form above, buku agenda below: at 1366 × 768 the list then shows every column at a readable width.
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("agendaMasukSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.list)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([self._form_height(), 10_000])

        self.keluar = OutgoingPanel(ctx)
        self.ekspedisi = ExpeditionPanel(ctx)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("suratTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.splitter, self.tr("Agenda Masuk"))
        self.tabs.addTab(self.keluar, self.tr("Agenda Keluar"))
        self.tabs.addTab(self.ekspedisi, self.tr("Ekspedisi"))
        self.overdue = OverduePanel(ctx)
        self.tabs.addTab(self.overdue, self.tr("Disposisi Terlambat"))
        self.tabs.currentChanged.connect(self._sub_tab_changed)
        self.list.disposition_changed.connect(lambda _id: self.overdue.refresh())
        self.overdue.changed.connect(lambda letter_id: self.list.reload(select_id=letter_id))
        self.reports = ReportsPanel(ctx)
        self.tabs.addTab(self.reports, self.tr("Laporan"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        # Ctrl+F finds in the buku agenda from anywhere on Agenda Masuk, the form included.
        find = QShortcut(QKeySequence("Ctrl+F"), self.splitter)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        find.activated.connect(self.focus_search)

        self.form.installEventFilter(self)
        self.form.saved.connect(self._on_saved)
        self.form.print_requested.connect(self.print_letter)
        self.form.find_requested.connect(self.focus_search)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.form and event.type() == QEvent.Type.LayoutRequest:
            # An error or duplicate line appeared: grow the form pane so the buttons stay in sight.
            QTimer.singleShot(0, self, self._fit_form)
        return super().eventFilter(watched, event)

    def _form_height(self) -> int:
        """What the form pane needs to show everything (a scroll area's own size hint is capped)."""
        note = self.read_only_note.sizeHint().height() + 8 if self.read_only_note is not None else 0
        return self.form.sizeHint().height() + note + 2

    def _fit_form(self) -> None:
        needed = self._form_height()
        top, bottom = self.splitter.sizes()
        if top < needed and top + bottom > needed + 200:
            self.splitter.setSizes([needed, top + bottom - needed])

    def focus_search(self) -> None:
        self.list.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.list.search.selectAll()

    def _sub_tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.overdue:
            self.overdue.refresh()  # batas waktu pass while the app stays open all day

    def show_overdue(self) -> None:
        self.tabs.setCurrentWidget(self.overdue)
        self.overdue.table.setFocus()

    def _on_saved(self, info: incoming.IncomingInfo) -> None:
        if self.list.year.value() != info.tahun:
            self.list.year.blockSignals(True)
            self.list.year.setValue(info.tahun)
            self.list.year.blockSignals(False)
        if self.list.search.text():
            self.list.search.blockSignals(True)
            self.list.search.clear()  # the new letter might not match the search the clerk left behind
            self.list.search.blockSignals(False)
        self.list.reload(select_id=info.id)

    def print_letter(self, letter_id: int) -> None:
        """Open the lembar disposisi of a letter on the paper chosen beside the list."""
        self.list.print_letter(letter_id, self.list.paper_key())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focused_once and self.can_write:
            self._focused_once = True
            QTimer.singleShot(0, self.form, self.form.focus_first)
