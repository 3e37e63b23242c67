"""Cancelling the approval of one month's ASN Berprestasi ranking, with a reason."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.services.common.errors import ServiceError
from desktop.services.staff import awards
from desktop.ui.context import UiContext
from desktop.ui.staff.award_common import bulan_text, ok_cancel_buttons
from desktop.ui.widgets.drafts import DraftKeeper
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR


class CancelApprovalDialog(QDialog):
    """Cancel a month's approval: the reason is required and stays on record."""

    def __init__(self, ctx: UiContext, periode: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.periode = periode
        self.setObjectName("awardCancelDialog")
        self.setWindowTitle(self.tr("Batalkan penetapan {0}").format(bulan_text(periode)))
        self.setMinimumWidth(520)
        label = QLabel(self.tr("&Alasan pembatalan (wajib):"))
        self.alasan = QLineEdit(self)
        self.alasan.setObjectName("alasanBatal")
        self.alasan.setMaxLength(300)
        label.setBuddy(self.alasan)
        note = muted(
            QLabel(self.tr("Penetapan yang dibatalkan tetap tercatat; nilai bulan ini dapat diubah lagi."))
        )
        note.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        buttons, self.ok_button = ok_cancel_buttons(self.tr("Batalkan &penetapan"), self)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Tutup"))
        buttons.accepted.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.alasan)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.alasan.setFocus()
        self.drafts = DraftKeeper(
            self,
            ctx,
            f"prestasi_batal/{periode:%Y-%m}",
            self.tr("alasan pembatalan penetapan {0}").format(bulan_text(periode)),
        )

    def reject(self) -> None:
        """Esc, ✕ and Batal: typed input is thrown away only when the clerk says so."""
        if self.drafts.confirm_discard(self):
            super().reject()

    def save(self) -> None:
        try:
            self.ctx.call(awards.cancel_approval, self.periode, self.alasan.text())
        except ServiceError as exc:
            set_message(self.message, html.escape(str(exc)), ERROR_COLOR)
            self.alasan.setFocus()
            return
        self.accept()
