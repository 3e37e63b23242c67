"""Approving one month's ASN Berprestasi ranking."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from desktop.services.common.errors import ServiceError
from desktop.services.staff import awards
from desktop.services.staff.awards import Ranking
from desktop.ui.context import UiContext
from desktop.ui.staff.award_common import bulan_text, ok_cancel_buttons
from desktop.ui.staff.fields import DateField
from desktop.ui.widgets.drafts import DraftKeeper
from desktop.ui.widgets.messages import set_message
from desktop.ui.widgets.palette import ERROR_COLOR


class ApproveDialog(QDialog):
    """The Kepala Dinas's decision on a month's ranking: how many awardees and the SK. The awardees are listed
    as they will be recorded; "Tetapkan" is the confirmation."""

    def __init__(self, ctx: UiContext, found: Ranking, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.found = found
        self.setObjectName("awardApproveDialog")
        self.setWindowTitle(self.tr("Tetapkan ASN Berprestasi {0}").format(bulan_text(found.periode)))
        self.setMinimumWidth(560)
        intro = QLabel(
            self.tr(
                "Peringkat {0} akan ditetapkan seperti tertera. Setelah ditetapkan, nilai bulan ini terkunci "
                "sampai penetapannya dibatalkan."
            ).format(bulan_text(found.periode))
        )
        intro.setWordWrap(True)
        self.jumlah = QSpinBox(self)
        self.jumlah.setObjectName("jumlahPenerima")
        self.jumlah.setRange(1, max(1, len(found.rows)))
        self.jumlah.setValue(1)
        self.jumlah.valueChanged.connect(self._update_list)
        self.nomor_sk = QLineEdit(self)
        self.nomor_sk.setObjectName("nomorSk")
        self.nomor_sk.setMaxLength(100)
        self.nomor_sk.setPlaceholderText(self.tr("boleh diisi kemudian"))
        self.tanggal_sk = DateField(self)
        self.tanggal_sk.setObjectName("tanggalSk")
        self.winners = QLabel(self)
        self.winners.setObjectName("winnersLabel")
        self.winners.setTextFormat(Qt.TextFormat.RichText)
        self.winners.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        buttons, self.ok_button = ok_cancel_buttons(self.tr("&Tetapkan"), self)
        buttons.accepted.connect(self.save)
        form = QVBoxLayout()
        for label_text, widget in (
            (self.tr("&Jumlah pegawai berprestasi:"), self.jumlah),
            (self.tr("&Nomor SK:"), self.nomor_sk),
            (self.tr("Tan&ggal SK:"), self.tanggal_sk),
        ):
            label = QLabel(label_text)
            label.setBuddy(widget)
            line = QHBoxLayout()
            label.setMinimumWidth(200)
            line.addWidget(label)
            line.addWidget(widget, 1)
            form.addLayout(line)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.winners)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._update_list()
        self.jumlah.setFocus()
        self.drafts = DraftKeeper(
            self,
            ctx,
            f"prestasi_penetapan/{found.periode:%Y-%m}",
            self.tr("penetapan ASN Berprestasi {0}").format(bulan_text(found.periode)),
        )

    def reject(self) -> None:
        """Esc, ✕ and Batal: typed input is thrown away only when the clerk says so."""
        if self.drafts.confirm_discard(self):
            super().reject()

    def _update_list(self) -> None:
        n = self.jumlah.value()
        lines = [
            f"{r.peringkat}. {html.escape(r.nama)} &middot; {html.escape(r.skor_text)}"
            for r in self.found.rows[:n]
        ]
        self.winners.setText("<b>" + self.tr("Pegawai berprestasi:") + "</b><br>" + "<br>".join(lines))

    def save(self) -> None:
        try:
            tanggal = self.tanggal_sk.value()
        except ValueError as exc:
            set_message(self.message, html.escape(str(exc)), ERROR_COLOR)
            self.tanggal_sk.setFocus()
            return
        try:
            self.ctx.call(
                awards.approve,
                self.found.periode,
                jumlah_penerima=self.jumlah.value(),
                nomor_sk=self.nomor_sk.text(),
                tanggal_sk=tanggal,
            )
        except ServiceError as exc:
            set_message(self.message, html.escape(str(exc)), ERROR_COLOR)
            return
        self.accept()
