"""File a letter that needs no disposition (a tembusan, a circular) with an optional note."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog

from desktop.services.common.errors import ServiceError
from desktop.services.letters import dispositions as dispo
from desktop.ui import dialogs
from desktop.ui.letters.disposition.state import Host


class NoDisposition(QObject):
    """ "Tidak perlu disposisi": asks for the note, then archives the letter and drops the queued hops."""

    def __init__(self, host: Host, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host

    def ask(self) -> None:
        if not self.host.can_write:
            return
        note, ok = QInputDialog.getText(
            self.host.widget(),
            self.tr("Tidak perlu disposisi"),
            self.tr("Surat agenda {0} diarsipkan tanpa disposisi.\nKeterangan (boleh kosong):").format(
                self.host.state.chain.agenda
            ),
        )
        if not ok:
            return
        self.mark(note)

    def mark(self, note: str = "") -> bool:
        state = self.host.state
        try:
            with self.host.ctx.transaction() as s:
                state.chain = dispo.no_disposition_needed(s, self.host.ctx.actor, self.host.letter_id, note)
        except ServiceError as exc:
            dialogs.error(self.host.widget(), self.tr("Tidak perlu disposisi"), str(exc))
            return False
        state.pending = []
        self.host.refresh()
        self.host.after_save(self.tr("Surat diarsipkan tanpa disposisi."))
        return True
