"""What the desk reads out after a walk-in is saved: the ticket in big type, the card, the queue ahead (R16)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.guests.visits import VisitView
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR


class TicketBox(QFrame):
    """Empty until the first guest of the session; then the last ticket given, with a reprint button and, when
    the desk asks the host first (R5), the lembar kunjungan and the host's Ya/Tidak."""

    reprint = Signal(object)  # VisitView
    print_sheet = Signal(object)  # VisitView
    decided = Signal(object, bool)  # VisitView, accepted

    def __init__(self, approval: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.visit: VisitView | None = None
        self.ticket = QLabel("—", self)
        self.ticket.setObjectName("ticketNumber")
        font = self.ticket.font()
        font.setPointSizeF(font.pointSizeF() * 2.6)
        font.setBold(True)
        self.ticket.setFont(font)
        self.ticket.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel(self.tr("Nomor antrian tamu berikutnya tampil di sini."), self)
        self.details.setObjectName("ticketDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        muted(self.details)
        self.warnings = QLabel(self)
        self.warnings.setObjectName("ticketWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.hide()
        self.print_status = QLabel(self)
        self.print_status.setObjectName("slipStatus")
        self.print_status.setWordWrap(True)
        self.print_status.hide()

        self.reprint_button = QPushButton(self.tr("Cetak ulang slip"), self)
        self.reprint_button.setObjectName("reprintSlip")
        self.reprint_button.clicked.connect(lambda: self.visit and self.reprint.emit(self.visit))
        self.sheet_button = QPushButton(self.tr("Cetak lembar kunjungan"), self)
        self.sheet_button.setObjectName("printVisitSheet")
        self.sheet_button.clicked.connect(lambda: self.visit and self.print_sheet.emit(self.visit))
        self.yes_button = QPushButton(self.tr("Diterima"), self)
        self.yes_button.setObjectName("hostYes")
        self.yes_button.setToolTip(self.tr("Tuan rumah bersedia menerima tamu (Ya)"))
        self.yes_button.clicked.connect(lambda: self.visit and self.decided.emit(self.visit, True))
        self.no_button = QPushButton(self.tr("Ditolak"), self)
        self.no_button.setObjectName("hostNo")
        self.no_button.setToolTip(self.tr("Tuan rumah tidak bersedia / tidak ada (Tidak)"))
        self.no_button.clicked.connect(lambda: self.visit and self.decided.emit(self.visit, False))
        for button in (self.reprint_button, self.sheet_button, self.yes_button, self.no_button):
            button.setAutoDefault(False)
            button.setEnabled(False)
        for button in (self.sheet_button, self.yes_button, self.no_button):
            button.setVisible(approval)

        top = QHBoxLayout()
        top.addWidget(self.ticket, 0, Qt.AlignmentFlag.AlignTop)
        top.addSpacing(12)
        top.addWidget(self.details, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reprint_button)
        buttons.addWidget(self.sheet_button)
        buttons.addWidget(self.yes_button)
        buttons.addWidget(self.no_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.warnings)
        layout.addWidget(self.print_status)
        layout.addLayout(buttons)

    def show_visit(self, v: VisitView) -> None:
        self.visit = v
        self.ticket.setText(v.tiket or "—")
        card = (
            self.tr("kartu tamu <b>{0}</b>").format(html.escape(v.kartu))
            if v.kartu
            else self.tr("tanpa kartu tamu")
        )
        waiting = self.tr("menunggu di depannya: <b>{0}</b>").format(v.waiting)
        self.details.setText(
            f"<b>{html.escape(v.nama)}</b> · {html.escape(v.layanan)}<br>{card} · {waiting}"
            f"<br>{html.escape(v.tujuan)}"
        )
        self.details.setPalette(self.palette())
        set_message(self.warnings, "⚠ " + " ".join(v.warnings) if v.warnings else "", WARNING_COLOR)
        set_message(self.print_status, "", SUCCESS_COLOR)
        for button in (self.reprint_button, self.sheet_button, self.yes_button, self.no_button):
            button.setEnabled(True)

    def set_print_status(self, ok: bool, message: str) -> None:
        set_message(self.print_status, message, SUCCESS_COLOR if ok else ERROR_COLOR)

    def set_approval(self, approval: bool) -> None:
        for button in (self.sheet_button, self.yes_button, self.no_button):
            button.setVisible(approval)
