"""A pegawai picked by typing part of the name, NIP or jabatan; optionally a person typed by hand."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QVBoxLayout, QWidget

from desktop.services.assets.parties import Party, list_parties
from desktop.ui.context import UiContext
from desktop.ui.widgets.forms import hbox

PARTY_ROLE = Qt.ItemDataRole.UserRole
STAFF_LIMIT = 2000  # a Dinas has a few hundred pegawai: the whole list fits the completer


def find_party(parties: list[Party], text: str) -> Party | None:
    """The pegawai the text names: its exact label or name, else the one entry holding every typed word."""
    wanted = " ".join(text.casefold().split())
    if not wanted:
        return None
    for p in parties:
        if wanted in (p.label.casefold(), p.nama.casefold()):
            return p
    words = wanted.split()
    found = [p for p in parties if all(w in f"{p.label} {p.nip}".casefold() for w in words)]
    return found[0] if len(found) == 1 else None


class StaffPicker(QWidget):
    """An editable list of active pegawai (type to search, ↓ to choose). With ``outside`` a name that is no
    pegawai is taken as typed, with the NIP and jabatan lines shown for it (a supplier's representative)."""

    changed = Signal()

    def __init__(
        self, ctx: UiContext, name: str, *, outside: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.outside = outside
        self.parties: list[Party] = []
        self.combo = QComboBox(self)
        self.combo.setObjectName(name)
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(18)
        self.combo.lineEdit().setPlaceholderText(
            self.tr("ketik nama/NIP pegawai") + (self.tr(" atau nama pihak luar") if outside else "")
        )
        completer = QCompleter(self.combo.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setMaxVisibleItems(10)
        self.combo.setCompleter(completer)
        self.nip = QLineEdit(self)
        self.nip.setObjectName(f"{name}_nip")
        self.nip.setPlaceholderText(self.tr("NIP (kosongkan bila bukan ASN)"))
        self.nip.setMaxLength(25)
        self.jabatan = QLineEdit(self)
        self.jabatan.setObjectName(f"{name}_jabatan")
        self.jabatan.setPlaceholderText(self.tr("jabatan / instansi"))
        self.jabatan.setMaxLength(300)
        self.extra = hbox((self.nip, 1), (self.jabatan, 2))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.combo)
        layout.addWidget(self.extra)
        self.setFocusProxy(self.combo)
        self.combo.editTextChanged.connect(self._edited)
        self.combo.currentIndexChanged.connect(lambda _i: self._edited(self.combo.currentText()))
        self.reload()
        self._edited("")

    def reload(self) -> None:
        self.parties = self.ctx.query(list_parties, "", STAFF_LIMIT)
        text = self.combo.currentText()
        self.combo.blockSignals(True)
        self.combo.clear()
        for p in self.parties:
            self.combo.addItem(p.label, p)
        self.combo.setCurrentIndex(-1)
        self.combo.setEditText(text)
        self.combo.blockSignals(False)

    def _edited(self, text: str) -> None:
        # The NIP and jabatan lines are for a person typed by hand: a pegawai brings his own from the record.
        self.extra.setVisible(self.outside and bool(text.strip()) and self.party() is None)
        self.changed.emit()

    def party(self) -> Party | None:
        """The pegawai chosen, or None (nothing, or a name typed by hand)."""
        return find_party(self.parties, self.combo.currentText())

    def typed_name(self) -> str:
        return " ".join(self.combo.currentText().split())

    def set_party(self, party: Party) -> None:
        """Show a stored party: the pegawai when it is one, else the name, NIP and jabatan typed."""
        if party.pegawai_id is not None:
            for i, p in enumerate(self.parties):
                if p.pegawai_id == party.pegawai_id:
                    self.combo.setCurrentIndex(i)
                    return
        self.combo.setCurrentIndex(-1)
        self.combo.setEditText(party.nama)
        self.nip.setText(party.nip)
        self.jabatan.setText(party.jabatan)

    def set_pegawai(self, pegawai_id: int | None) -> None:
        self.combo.setCurrentIndex(-1)
        self.combo.setEditText("")
        for i, p in enumerate(self.parties):
            if p.pegawai_id == pegawai_id:
                self.combo.setCurrentIndex(i)
                return

    def pegawai_id(self) -> int | None:
        found = self.party()
        return found.pegawai_id if found is not None else None

    def values(self) -> tuple[int | None, str, str, str]:
        """(pegawai_id, nama, nip, jabatan) as the services take them: a pegawai by id, else what was typed."""
        found = self.party()
        if found is not None:
            return found.pegawai_id, "", "", ""
        if not self.outside:
            return None, self.typed_name(), "", ""
        return None, self.typed_name(), self.nip.text().strip(), self.jabatan.text().strip()

    def set_read_only(self, read_only: bool) -> None:
        for widget in (self.combo, self.nip, self.jabatan):
            widget.setEnabled(not read_only)
