"""The follow-up of one recipient of the chain: its status, the result and the day it was done."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, QPushButton

from desktop.services.common.errors import ServiceError
from desktop.services.letters import dispositions as dispo
from desktop.services.letters.dispositions import RecipientStatus
from desktop.ui.letters.disposition.chain_view import ChainView
from desktop.ui.letters.disposition.shared import date_edit, escape, short_date, short_post
from desktop.ui.letters.disposition.state import Host
from desktop.ui.widgets.messages import set_message
from desktop.ui.widgets.palette import ERROR_COLOR


class FollowUp(QObject):
    """The "Tindak lanjut" box (``box``) under the tree, filled from the recipient selected in it; it also
    holds the button that cancels the selected hop (``cancel_hop_button``, wired by the dialog)."""

    def __init__(self, host: Host, view: ChainView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.view = view
        today = host.state.today
        self.box = QGroupBox(self.tr("Tindak lanjut"))
        self.box.setObjectName("followUp")
        self.who = QLabel(self.tr("Pilih penerima di rantai disposisi."))
        self.who.setObjectName("followWho")
        self.who.setWordWrap(True)
        self.status = QComboBox()
        self.status.setObjectName("followStatus")
        for st in RecipientStatus:
            self.status.addItem(st.label, st.value)
        self.status.currentIndexChanged.connect(self.status_changed)
        self.date = date_edit(today, today=today)
        self.date.setObjectName("followDate")
        self.hasil = QLineEdit()
        self.hasil.setObjectName("followHasil")
        self.hasil.setPlaceholderText(self.tr("hasil tindak lanjut, mis. jawaban dikirim no. …"))
        self.hasil.returnPressed.connect(self.save)
        self.button = QPushButton(self.tr("Simpan &tindak lanjut"))
        self.button.setObjectName("saveFollowUp")
        self.button.setAutoDefault(False)
        self.button.clicked.connect(self.save)
        self.cancel_hop_button = QPushButton(self.tr("Batalkan disposisi…"))
        self.cancel_hop_button.setObjectName("cancelHop")
        self.cancel_hop_button.setAutoDefault(False)
        self.cancel_hop_button.setToolTip(self.tr("Hanya selama semua penerimanya belum membaca"))
        date_label = QLabel(self.tr("selesai tgl"))
        grid = QGridLayout(self.box)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.addWidget(self.who, 0, 0, 1, 4)
        grid.addWidget(self.status, 1, 0)
        grid.addWidget(date_label, 1, 1, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(self.date, 1, 2)
        # Under the field, as every date field shows it: the weekday, or why the date typed is not one. It
        # wraps under "selesai tgl", the field and the cancel button rather than widening the box.
        grid.addWidget(self.date.caption, 2, 1, 1, 3)
        grid.addWidget(self.hasil, 3, 0, 1, 3)
        grid.addWidget(self.button, 3, 3)
        grid.addWidget(self.cancel_hop_button, 1, 3)
        grid.setColumnStretch(0, 1)
        self.fields = (self.status, self.date, self.hasil, self.button)

    def load_selected(self) -> None:
        """Show what is recorded for the recipient just selected in the tree."""
        r = self.view.selected_recipient()
        if r is None:
            return
        self.status.blockSignals(True)
        self.status.setCurrentIndex(self.status.findData(r.status.value))
        self.status.blockSignals(False)
        self.hasil.setText(r.hasil)
        self.date.setDate(r.tanggal_selesai or self.host.state.today)
        self.status_changed()

    def status_changed(self, _index: int = 0) -> None:
        enabled = self.status.currentData() == RecipientStatus.SELESAI.value and self.status.isEnabled()
        self.date.setEnabled(enabled)
        self.date.caption.setEnabled(enabled)  # greyed with its field: no date is recorded then

    def update_state(self, writable: bool) -> None:
        """Enable the fields for an active hop's recipient and say whose follow-up they record."""
        recipient = self.view.selected_recipient()
        hop = self.view.selected_hop()
        can_follow = writable and recipient is not None and hop is not None and hop.aktif
        self.box.setVisible(self.host.can_write)
        for w in self.fields:
            w.setEnabled(can_follow)
        self.status_changed()
        self.cancel_hop_button.setEnabled(writable and hop is not None and hop.can_cancel)
        if recipient is not None and hop is not None:
            said = "; ".join([*hop.instruksi, *([f"“{hop.catatan}”"] if hop.catatan else [])])
            self.who.setText(
                self.tr("<b>{0}</b> — disposisi {1} dari {2}").format(
                    escape(recipient.label),
                    short_date(hop.tanggal),
                    escape(short_post(hop.dari_jabatan, hop.dari_nama)),
                )
                + (f"<br><span style='color:#555'>{escape(said)}</span>" if said else "")
            )
        else:
            self.who.setText(self.tr("Pilih penerima di rantai disposisi untuk mencatat tindak lanjut."))

    def save(self) -> bool:
        r = self.view.selected_recipient()
        if r is None or not self.host.can_write:
            return False
        state = self.host.state
        status = RecipientStatus(self.status.currentData())
        done = self.date.date() if status is RecipientStatus.SELESAI else None
        if status is RecipientStatus.SELESAI and done is None:
            set_message(
                self.host.message, self.tr("Tanggal selesai: {0}").format(self.date.error()), ERROR_COLOR
            )
            self.date.setFocus()
            return False
        try:
            with self.host.ctx.transaction() as s:
                state.chain = dispo.update_recipient(
                    s,
                    self.host.ctx.actor,
                    r.id,
                    status,
                    hasil=self.hasil.text(),
                    tanggal_selesai=done,
                    balasan_keluar_id=r.balasan_keluar_id,
                )
        except ServiceError as exc:
            set_message(self.host.message, str(exc), ERROR_COLOR)
            return False
        self.host.refresh()
        self.host.after_save(
            self.tr("Tindak lanjut {0}: {1}. Status surat: {2}.").format(
                r.jabatan or r.nama, status.label.lower(), state.chain.status_label
            )
        )
        return True
