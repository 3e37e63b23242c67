"""Who wrote a new hop: the recipient it continues from (Lanjutan dari) or a name typed in Dari."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QComboBox

from desktop.services.letters import dispositions as dispo
from desktop.services.letters.dispositions import Official
from desktop.ui.letters.disposition.shared import item_key, parse_key, short_date
from desktop.ui.letters.disposition.state import ChainState

_LABEL_RE = re.compile(r"^(?P<jabatan>.+?)\s*\((?P<nama>[^()]+)\)\s*$")


class DariPicker(QObject):
    """``induk``: the recipient (saved or queued) a hop continues from; ``dari``: an editable list of everyone
    the chain knows. Choosing an induk fills Dari with that person."""

    def __init__(
        self, state: ChainState, officials: Sequence[Official], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.officials = officials
        self.induk = QComboBox()
        self.induk.setObjectName("induk")
        self.induk.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.induk.setMinimumContentsLength(20)

        self.dari = QComboBox()
        self.dari.setObjectName("dari")
        self.dari.setEditable(True)
        self.dari.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.dari.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.dari.setMinimumContentsLength(20)
        self.dari.lineEdit().setPlaceholderText(self.tr("jabatan (nama) yang menulis disposisi"))
        completer = self.dari.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    # ------------------------------------------------------------------ induk
    def fill_induk(self) -> None:
        current = self.induk.currentData()
        self.induk.blockSignals(True)
        self.induk.clear()
        self.induk.addItem(self.tr("— disposisi pertama (dari slip) —"), None)
        for hop in self.state.chain.walk():
            if not hop.aktif:
                continue
            for r in hop.recipients:
                self.induk.addItem(f"{r.label}  · {short_date(hop.tanggal)}", item_key("id", r.id))
        for i, pending in enumerate(self.state.pending):
            for j, p in enumerate(pending.recipients):
                label = dispo.person_label(p.nama, p.jabatan)
                self.induk.addItem(self.tr("{0}  · baru ({1})").format(label, i + 1), item_key("idx", i, j))
        found = self.induk.findData(current)
        self.induk.setCurrentIndex(max(found, 0))
        self.induk.blockSignals(False)

    def continue_from(self, hop_index: int, recipient_index: int = 0) -> None:
        """Put a queued recipient in Lanjutan dari (the first choice when it is not in the list)."""
        self.induk.setCurrentIndex(max(self.induk.findData(item_key("idx", hop_index, recipient_index)), 0))

    def chosen_induk(self) -> tuple[str, tuple[int, ...]] | None:
        """("id", (recipient_id,)) for a stored recipient, ("idx", (hop, recipient)) for a queued one."""
        return parse_key(self.induk.currentData())

    def induk_person(self) -> Official | None:
        induk = self.chosen_induk()
        if induk is None:
            return None
        kind, ids = induk
        if kind == "id":
            r = self.state.chain.recipient(ids[0])
            return Official(r.nama, r.jabatan, r.nip, r.unit_id) if r else None
        p = self.state.pending[ids[0]].recipients[ids[1]]
        return Official(p.nama, p.jabatan, p.nip, p.unit_id)

    def induk_date(self) -> date | None:
        induk = self.chosen_induk()
        if induk is None:
            return None
        kind, ids = induk
        if kind == "id":
            r = self.state.chain.recipient(ids[0])
            hop = self.state.chain.hop(r.hop_id) if r else None
            return hop.tanggal if hop else None
        return self.state.pending[ids[0]].tanggal

    # ------------------------------------------------------------------ dari
    def known_people(self) -> dict[str, Official]:
        """Everyone the Dari field can name: officials, people already in the chain or queued."""
        known = {o.label.casefold(): o for o in self.officials}
        for r in self.state.chain.recipients():
            known.setdefault(r.label.casefold(), Official(r.nama, r.jabatan, r.nip, r.unit_id))
        for hop in self.state.pending:
            for p in hop.recipients:
                o = Official(p.nama, p.jabatan, p.nip, p.unit_id)
                known.setdefault(o.label.casefold(), o)
        return known

    def dari_person(self) -> Official | None:
        text = " ".join(self.dari.currentText().split())
        if not text:
            return None
        known = self.known_people().get(text.casefold())
        if known is not None:
            return known
        m = _LABEL_RE.match(text)
        if m:
            return Official(nama=m["nama"].strip(), jabatan=m["jabatan"].strip())
        return Official(nama="", jabatan=text)

    def fill_dari(self) -> None:
        current = self.dari.currentText()
        self.dari.blockSignals(True)
        self.dari.clear()
        seen: set[str] = set()
        for o in self.known_people().values():
            if o.label.casefold() not in seen:
                seen.add(o.label.casefold())
                self.dari.addItem(o.label)
        self.dari.setCurrentText(current)
        self.dari.blockSignals(False)
