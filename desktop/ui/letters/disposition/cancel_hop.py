"""Cancel a saved hop written in error, while none of its recipients has acted on it."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desktop.services.common.errors import ServiceError
from desktop.services.letters import dispositions as dispo
from desktop.ui import dialogs
from desktop.ui.letters.disposition.chain_view import ChainView
from desktop.ui.letters.disposition.shared import short_date
from desktop.ui.letters.disposition.state import Host
from desktop.ui.widgets.messages import set_message
from desktop.ui.widgets.palette import ERROR_COLOR


class CancelHop(QObject):
    """The hop stays in the chain, marked batal, after the clerk confirms."""

    def __init__(self, host: Host, view: ChainView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.view = view

    def cancel_selected(self) -> bool:
        hop = self.view.selected_hop()
        if hop is None or not hop.can_cancel:
            return False
        text = self.tr("Batalkan disposisi {0} dari {1}?\nDisposisi tetap tercatat sebagai batal.").format(
            short_date(hop.tanggal), hop.dari_label
        )
        if not dialogs.confirm(
            self.host.widget(),
            self.tr("Batalkan disposisi"),
            text,
            yes=self.tr("Batalkan disposisi"),
            no=self.tr("Kembali"),
            danger=True,
        ):
            return False
        state = self.host.state
        try:
            with self.host.ctx.transaction() as s:
                state.chain = dispo.cancel_hop(s, self.host.ctx.actor, hop.id)
        except ServiceError as exc:
            set_message(self.host.message, str(exc), ERROR_COLOR)
            return False
        self.host.refresh()
        self.host.after_save(
            self.tr("Disposisi dibatalkan. Status surat: {0}.").format(state.chain.status_label)
        )
        return True
