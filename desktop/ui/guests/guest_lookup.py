"""Returning guests offered under the Nama field as the clerk types (R4): ↓ and Enter pick one."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from desktop.core.dates import format_date
from desktop.services.common.errors import ServiceError
from desktop.services.guests import visits
from desktop.ui.context import UiContext

NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # what the Nama field shows after a pick: the name only
MATCH_ROLE = Qt.ItemDataRole.UserRole + 2  # the GuestMatch itself
MIN_CHARS = 2


def match_text(m: visits.GuestMatch) -> str:
    """One popup line: enough to tell two Budi Santoso apart, the NIK masked (R9)."""
    parts = [m.nama]
    if m.instansi:
        parts.append(m.instansi)
    if m.no_hp:
        parts.append(m.no_hp)
    if m.nik_tersamar:
        parts.append(f"NIK {m.nik_tersamar}")
    if m.open_visit:
        parts.append(f"masih di kantor: {m.open_visit}")
    elif m.terakhir_datang:
        parts.append(f"terakhir {format_date(m.terakhir_datang)}")
    return " · ".join(parts)


class GuestLookup(QObject):
    """Looks up ``edit``'s text by name, phone or NIK after each keystroke and shows the matches in a popup;
    ``picked`` carries the GuestMatch the clerk chose with ↓ + Enter (or a click)."""

    picked = Signal(object)  # visits.GuestMatch

    def __init__(self, ctx: UiContext, edit: QLineEdit) -> None:
        super().__init__(edit)
        self.ctx = ctx
        self.edit = edit
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        # The service already filtered (name, phone or NIK): the popup shows its answer as it is.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCompletionRole(NAME_ROLE)
        self.completer.setMaxVisibleItems(8)
        # Attached with setWidget, not QLineEdit.setCompleter: the field would otherwise re-run the completer
        # with its text as a prefix and make the first guest current, so a plain Enter would pick them.
        self.completer.setWidget(edit)
        self.completer.activated[QModelIndex].connect(self._activated)  # type: ignore[index]
        self.matches: list[visits.GuestMatch] = []
        edit.textEdited.connect(self.search)

    def search(self, text: str) -> list[visits.GuestMatch]:
        popup = self.completer.popup()
        if len(text.strip()) < MIN_CHARS:
            self.model.clear()
            self.matches = []
            popup.hide()
            return []
        try:
            found = self.ctx.query(visits.find_guests, text)
        except ServiceError:
            found = []
        self.matches = found
        self.model.clear()
        for m in found:
            item = QStandardItem(match_text(m))
            item.setData(m.nama, NAME_ROLE)
            item.setData(m, MATCH_ROLE)
            item.setEditable(False)
            self.model.appendRow(item)
        if found:
            self.completer.setCompletionPrefix("")
            self.completer.complete()
            # No entry current: Enter on a new guest's name moves on, only ↓ then Enter picks a returning one.
            popup.setCurrentIndex(QModelIndex())
            popup.selectionModel().clear()
        else:
            popup.hide()
        return found

    def _activated(self, index: QModelIndex) -> None:
        match = index.data(MATCH_ROLE)
        if isinstance(match, visits.GuestMatch):
            # Set here, not left to the completer: the field must read the picked name whatever the popup did.
            self.edit.setText(match.nama)
            self.picked.emit(match)
