"""Penghapusan: an item leaves the KIB and KIR with its SK/BA and reason; its row and history stay."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core.money import format_number
from desktop.services.assets import items
from desktop.services.assets.ledger import DocRef
from desktop.services.common.errors import ValidationError
from desktop.ui import dialogs
from desktop.ui.assets.action_dialogs import ActionDialog


class WriteOffDialog(ActionDialog):
    """Penghapusan: only with the SK/BA that decided it; the item and its history stay, read-only."""

    TITLE = "Hapus barang dari KIB"
    KEY = "hapus"
    OK = "&Hapus barang…"

    def build(self, content: QWidget) -> None:
        self.doc_row(content, self.tr("&SK/BA penghapusan"), jenis="SK")
        self.tanggal = self.date_row(content, self.tr("&Tanggal hapus"))
        self.alasan = self.note_row(
            content, self.tr("&Alasan"), "alasan", self.tr("mis. rusak berat, dilelang")
        )

    def doc(self) -> DocRef:
        found = super().doc()
        if not found.nomor:
            raise ValidationError(self.tr("Tulis nomor SK/BA penghapusan."), "dokumen_nomor")
        if found.tanggal is None:
            raise ValidationError(self.tr("Tulis tanggal SK/BA penghapusan."), "dokumen_tanggal")
        return found

    def confirmed(self) -> bool:
        self.doc()  # the document first: a question about a write-off that cannot be saved is noise
        if not self.alasan.toPlainText().strip():
            raise ValidationError(self.tr("Tulis alasan penghapusan."), "alasan")
        return dialogs.confirm(
            self,
            self.tr("Hapus barang"),
            self.tr("Hapus {0} (register {1}, Rp {2}) dari KIB dan KIR?").format(
                self.asset.nama, self.asset.register_text, format_number(self.asset.harga)
            ),
            yes=self.tr("Hapus barang"),
            no=self.tr("Kembali"),
            danger=True,
            informative=self.tr("Riwayatnya tetap tersimpan dan dapat dilihat."),
        )

    def apply(self, session: Session) -> None:
        items.write_off(
            session,
            self.ctx.actor,
            self.asset.id,
            tanggal=self.day(self.tanggal, "tanggal"),
            alasan=self.alasan.toPlainText(),
            doc=self.doc(),
        )
