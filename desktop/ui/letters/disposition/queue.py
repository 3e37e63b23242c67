"""The list of transcribed hops: add the form's hop to it, drop one, and save them all as one chain."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import QObject

from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.letters import dispositions as dispo
from desktop.services.letters.dispositions import HopInput
from desktop.ui.letters.disposition.chain_view import ChainView
from desktop.ui.letters.disposition.hop_form import HopForm
from desktop.ui.letters.disposition.state import Host
from desktop.ui.widgets.messages import set_message
from desktop.ui.widgets.palette import ERROR_COLOR, WARNING_COLOR


class HopQueue(QObject):
    """A slip often carries several hops (Sekretaris → Kadis → Kabid): they are queued one by one and saved
    together, so the chain is stored whole or not at all."""

    def __init__(self, host: Host, form: HopForm, view: ChainView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.form = form
        self.view = view

    def queue_hop(self) -> HopInput | None:
        """Check the form and put the hop in the list; the form then continues from its first recipient."""
        state = self.host.state
        if not self.host.can_write or state.chain.closed:
            return None
        hop = self.form.read_hop()
        if hop is None:
            return None
        state.pending.append(hop)
        index = len(state.pending) - 1
        self.host.refresh()
        # The next hop on a slip is usually written by the one this hop reached (Sekretaris → Kadis → Kabid).
        self.form.who.continue_from(index)
        self.form.induk_changed()
        self.form.reset()
        self.form.batas.none.setChecked(True)
        self.view.select("phop", index)
        set_message(
            self.host.message,
            self.tr("{0} disposisi di daftar, belum disimpan. Tekan Ctrl+S untuk menyimpan semua.").format(
                len(state.pending)
            ),
            WARNING_COLOR,
        )
        self.form.recipients.focus_first()
        return hop

    def remove_pending(self) -> None:
        key = self.view.selected_key()
        if not key or key[0] not in ("phop", "prec"):
            return
        index = key[1][0]
        drop = {index}
        state = self.host.state
        for i, hop in enumerate(state.pending):  # hops continuing from a dropped one go with it
            if hop.induk_index is not None and hop.induk_index[0] in drop:
                drop.add(i)
        kept: list[HopInput] = []
        new_index: dict[int, int] = {}
        for i, hop in enumerate(state.pending):
            if i in drop:
                continue
            new_index[i] = len(kept)
            if hop.induk_index is not None:
                hop = replace(hop, induk_index=(new_index[hop.induk_index[0]], hop.induk_index[1]))
            kept.append(hop)
        state.pending = kept
        self.form.who.induk.setCurrentIndex(0)
        self.host.refresh()
        set_message(
            self.host.message,
            self.tr("{0} disposisi di daftar, belum disimpan.").format(len(kept)) if kept else "",
            WARNING_COLOR,
        )

    def save_all(self) -> bool:
        state = self.host.state
        if not self.host.can_write or state.chain.closed:
            return False
        if not state.pending:
            # A filled form without "Tambah ke daftar" is what the clerk means to save.
            if self.form.recipients.checked() and self.queue_hop() is None:
                return False
            if not state.pending:
                set_message(self.host.message, self.tr("Belum ada disposisi di daftar."), ERROR_COLOR)
                return False
        try:
            with self.host.ctx.transaction() as s:
                state.chain = dispo.record_chain(s, self.host.ctx.actor, self.host.letter_id, state.pending)
        except ValidationError as exc:
            self._show_save_error(exc)
            return False
        except ServiceError as exc:
            set_message(self.host.message, str(exc), ERROR_COLOR)
            return False
        count = len(state.pending)
        state.pending = []
        self.form.who.induk.setCurrentIndex(0)
        self.host.refresh()
        self.host.after_save(
            self.tr("{0} disposisi disimpan. Status surat: {1}.").format(count, state.chain.status_label)
        )
        return True

    def _show_save_error(self, exc: ValidationError) -> None:
        set_message(self.host.message, str(exc), ERROR_COLOR)
        m = re.match(r"hop(\d+)\.", exc.field or "")
        if m:
            self.view.select("phop", int(m[1]))
