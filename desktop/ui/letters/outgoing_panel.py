"""Agenda Keluar: the numbering form above the buku agenda keluar (letters.md A2 step 6, B7, B9)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.services.letters import outgoing
from desktop.ui.context import UiContext
from desktop.ui.letters.outgoing_form import OutgoingForm
from desktop.ui.letters.outgoing_list import OutgoingList


class OutgoingPanel(QWidget):
    """Agenda Keluar: the numbering form above the buku agenda keluar."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("outgoingPanel")
        self.can_write = ctx.actor.can(Perm.WRITE_LETTERS)
        self._focused_once = False

        self.form = OutgoingForm(ctx)
        self.list = OutgoingList(ctx)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(0)
        self.read_only_note: QLabel | None = None
        if not self.can_write:
            note = QLabel(
                self.tr(
                    "Anda masuk sebagai {0}: buku agenda keluar dapat dilihat dan nomornya disalin; "
                    "nomor surat keluar diberikan oleh pengelola surat."
                ).format(ctx.actor.role.label)
            )
            note.setObjectName("readOnlyNote")
            note.setWordWrap(True)
            note.setStyleSheet(
                "QLabel { background: palette(alternate-base); border: 1px solid palette(mid); "
                "border-radius: 4px; padding: 6px; margin: 8px 12px 0 12px; }"
            )
            top_layout.addWidget(note)
            self.read_only_note = note
            self.form.setEnabled(False)
            # Greyed fields with examples in them read as filled in: a read-only form shows no examples.
            for edit in self.form.findChildren(QLineEdit) + self.form.findChildren(QPlainTextEdit):
                edit.setPlaceholderText("")
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        top_layout.addWidget(scroll, 1)
        self.scroll = scroll

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("agendaKeluarSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.list)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([self._form_height(), 10_000])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self._revealing = False
        self.form.installEventFilter(self)
        self.form.result_box.installEventFilter(self)
        self.form.issued.connect(self.list.show_letter)
        self.form.issued.connect(lambda _info: self.reveal_issued())
        self.list.changed.connect(self.form.refresh_last_number)
        self.list.changed.connect(self.refresh_issued)

    def refresh_issued(self) -> None:
        """The green box shows the number as it is now: cancelled, confirmed or sent from the list below, it
        must not go on offering a number that may no longer be pasted into a letter."""
        shown = self.form.last_info
        if shown is None or self.form.result_box.isHidden():
            return
        try:
            info = self.ctx.query(outgoing.get_outgoing, shown.id)
        except ServiceError:
            return
        self.form.show_issued(info)
        self.reveal_issued()

    def reveal_issued(self) -> None:
        """Scroll the form pane to the box with the number just taken (or its BATAL): on a 600 px screen the
        pane is shorter than the form and the box, at its foot, was cut in half. The box grows a line or two
        after the next layout passes (its detail wraps), so it is followed for a moment."""
        self._revealing = True
        QTimer.singleShot(0, self, self._scroll_to_issued)
        QTimer.singleShot(500, self, self._stop_revealing)

    def _stop_revealing(self) -> None:
        self._revealing = False

    def _scroll_to_issued(self) -> None:
        box = self.form.result_box
        if not box.isHidden():
            self.scroll.ensureWidgetVisible(box, 0, 6)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.form and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self._fit_form)  # a message or the issued number appeared
        elif watched is self.form.result_box and event.type() == QEvent.Type.Resize and self._revealing:
            QTimer.singleShot(0, self, self._scroll_to_issued)
        return super().eventFilter(watched, event)

    def _form_height(self) -> int:
        note = 0
        if self.read_only_note is not None:
            # A wrapped label's size hint assumes a narrow width; ask for its height at the real width.
            width = max(self.width() - 24, 400)
            note = self.read_only_note.heightForWidth(width) + 16
        return self.form.sizeHint().height() + note + 2

    def _fit_form(self) -> None:
        needed = self._form_height()
        top, bottom = self.splitter.sizes()
        if top < needed and top + bottom > needed + 200:
            self.splitter.setSizes([needed, top + bottom - needed])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._focused_once:
            self._focused_once = True
            QTimer.singleShot(0, self, self._first_show)

    def _first_show(self) -> None:
        """Size the form pane to what it needs at the real width, and put the cursor in it."""
        top, bottom = self.splitter.sizes()
        needed = self._form_height()
        if top + bottom > needed + 200:
            self.splitter.setSizes([needed, top + bottom - needed])
        if self.can_write:
            self.form.focus_first()
