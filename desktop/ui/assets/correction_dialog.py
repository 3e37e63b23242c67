"""Koreksi (R29): the common fields of an item changed with a reason; the ledger keeps what they were."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QSpinBox,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.services.assets import items
from desktop.services.assets.items import ASAL_USUL
from desktop.services.common.errors import ValidationError
from desktop.ui.assets.action_dialogs import ActionDialog
from desktop.ui.assets.fields import RupiahEdit, line

CORRECTABLE = (
    ("nama", "&Nama"),
    ("merk_tipe", "&Merk/tipe"),
    ("spesifikasi", "S&pesifikasi"),
    ("ukuran", "&Ukuran"),
    ("bahan", "&Bahan"),
    ("satuan", "Sa&tuan"),
    ("tahun", "T&ahun"),
    ("harga", "&Harga (Rp)"),
    ("asal_usul", "Asal us&ul"),
    ("dasar_jenis", "Dasar: jenis"),
    ("dasar_nomor", "Dasar: nomor"),
    ("no_pabrik", "No. pabrik"),
    ("no_rangka", "No. rangka"),
    ("no_mesin", "No. mesin"),
    ("no_polisi", "No. polisi"),
    ("no_bpkb", "No. BPKB"),
    ("keterangan", "&Keterangan"),
)
_B_ONLY = {"no_pabrik", "no_rangka", "no_mesin", "no_polisi", "no_bpkb"}


class CorrectionDialog(ActionDialog):
    """Koreksi (R29): the fields as they are; what is changed goes to the service with the reason."""

    TITLE = "Koreksi data barang"
    KEY = "koreksi"
    WIDTH = 620

    def build(self, content: QWidget) -> None:
        self.edits: dict[str, QWidget] = {}
        for name, label in CORRECTABLE:
            if name in _B_ONLY and self.asset.golongan != "B":
                continue
            value = getattr(self.asset, name)
            widget: QWidget
            if name == "tahun":
                spin = QSpinBox(content)
                spin.setRange(1900, self.today.year + 1)
                spin.setGroupSeparatorShown(False)
                spin.setValue(int(value))
                widget = spin
            elif name == "harga":
                money = RupiahEdit(content)
                money.set_amount(int(value))
                widget = money
            elif name == "asal_usul":
                combo = QComboBox(content)
                combo.setEditable(True)
                combo.addItems(list(ASAL_USUL))
                combo.setEditText(str(value))
                widget = combo
            else:
                widget = line(content, name, limit=500)
                widget.setText(str(value or ""))  # type: ignore[attr-defined]
            widget.setObjectName(name)
            self.rows.add(self.tr(label), name, widget)
            self.edits[name] = widget
        self.alasan = self.note_row(content, self.tr("A&lasan koreksi"), "alasan", self.tr("wajib diisi"))
        self.doc_row(content, jenis="BA")

    def changes(self) -> dict[str, Any]:
        changed: dict[str, Any] = {}
        for name, widget in self.edits.items():
            value: Any
            if isinstance(widget, QSpinBox):
                value = widget.value()
            elif isinstance(widget, RupiahEdit):
                value = widget.amount("harga")
                if value is None:
                    raise ValidationError(self.tr("Harga wajib diisi."), "harga")
            elif isinstance(widget, QComboBox):
                value = " ".join(widget.currentText().split())
            else:
                assert isinstance(widget, QLineEdit)
                value = " ".join(widget.text().split())
            old = getattr(self.asset, name)
            if value != (old if old is not None else ""):
                changed[name] = value
        return changed

    def apply(self, session: Session) -> None:
        changed = self.changes()
        if not changed:
            raise ValidationError(self.tr("Belum ada isian yang diubah."))
        items.correct(
            session, self.ctx.actor, self.asset.id, changed, alasan=self.alasan.toPlainText(), doc=self.doc()
        )
