"""Check-out at the desk (R3): type or scan a ticket, card number, registration code or name, then Enter."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from desktop.core import clock
from desktop.services.common.errors import NotFound, ServiceError, ValidationError
from desktop.services.guests import prereg, visits
from desktop.ui.context import UiContext
from desktop.ui.widgets.dates import office_time
from desktop.ui.widgets.messages import set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR

RETURNED, LOST, CANCEL = "kembali", "hilang", "batal"


def held_items(v: visits.VisitView) -> list[str]:
    """What the guest must hand back before leaving: "Kartu 7", "KTP-el"."""
    items = []
    if v.kartu and not v.kartu_kembali:
        items.append(f"Kartu {v.kartu}")
    if v.identitas and not v.identitas_kembali:
        items.append(v.identitas)
    return items


def ask_return(parent: QWidget | None, v: visits.VisitView, *, by_name: bool) -> str:
    """Ask before the check-out when something is handed back (or the guest was found by name only):
    RETURNED, LOST (the card is not handed back) or CANCEL. Enter answers "Ya"."""
    items = held_items(v)
    who = f"{v.tiket} {v.nama}".strip()
    if items:
        text = f"{' dan '.join(items)} dikembalikan?"
        informative = f"Tamu {who} dicatat pulang."
    elif by_name:
        text = f"Catat pulang {who}?"
        informative = ""
    else:
        return RETURNED
    box = QMessageBox(QMessageBox.Icon.Question, "Tamu pulang", text, parent=parent)
    if informative:
        box.setInformativeText(informative)
    yes = box.addButton("Ya", QMessageBox.ButtonRole.AcceptRole)
    lost = None
    if v.kartu and not v.kartu_kembali:
        lost = box.addButton("Kartu hilang", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("Batal", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    if clicked is yes:
        return RETURNED
    if lost is not None and clicked is lost:
        return LOST
    return CANCEL


class CheckoutBox(QWidget):
    """One line for everything that ends (or starts) a visit at the desk: one match is checked out at once,
    several are handed to the list to pick from, a pre-registration code not yet here is checked in."""

    changed = Signal()  # a visit was checked out or a pre-registration arrived
    several = Signal(list)  # the ids of the on-site visits that match: the list selects them
    arrived = Signal(object)  # VisitView of a pre-registration that just became a check-in

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("checkoutBox")
        with ctx.read() as s:
            self.zone = visits.zone(s)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("checkout")
        self.edit.setClearButtonEnabled(True)
        self.edit.setPlaceholderText(self.tr("tiket, nomor kartu, kode registrasi atau nama, lalu Enter"))
        self.edit.returnPressed.connect(self.submit)
        label = QLabel(self.tr("Tamu &pulang / kode registrasi:"), self)
        label.setBuddy(self.edit)
        self.status = QLabel(self)
        self.status.setObjectName("checkoutStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(self.edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(row)
        layout.addWidget(self.status)

    def say(self, text: str, color: str) -> None:
        set_message(self.status, text, color)

    def submit(self) -> None:
        text = self.edit.text().strip()
        if not text:
            return
        try:
            found = self.ctx.query(visits.find_on_site, text)
        except ServiceError as exc:
            self.say(html.escape(str(exc)), ERROR_COLOR)
            return
        if len(found) == 1:
            exact = text.upper().replace(" ", "") in (found[0].tiket.upper(), found[0].kartu.upper())
            if self.check_out(found[0], by_name=not exact):
                self.edit.clear()
            return
        if found:
            self.say(
                self.tr("{0} tamu cocok dengan “{1}”: pilih di daftar, lalu Enter.").format(
                    len(found), html.escape(text)
                ),
                WARNING_COLOR,
            )
            self.several.emit([v.id for v in found])
            return
        code = prereg.normalize_code(text)
        if len(code) == prereg.CODE_LENGTH and all(ch in prereg.ALPHABET for ch in code):
            # Not on site but shaped like a registration code (typed, or scanned from its QR): it arrives.
            if self.arrive(code):
                self.edit.clear()
            return
        self.say(
            self.tr("Tidak ada tamu di kantor dengan tiket, kartu atau nama “{0}”.").format(
                html.escape(text)
            ),
            ERROR_COLOR,
        )

    def arrive(self, code: str) -> bool:
        """A pre-registration code typed or scanned at the desk: the guest is here (R18)."""
        try:
            v = self.ctx.call(prereg.arrive, code)
        except NotFound:
            self.say(
                self.tr("Tidak ada tamu di kantor atau pendaftaran dengan kode “{0}”.").format(code),
                ERROR_COLOR,
            )
            return False
        except ServiceError as exc:
            self.say(html.escape(str(exc)), ERROR_COLOR)
            return False
        card = self.tr(", kartu {0}").format(html.escape(v.kartu)) if v.kartu else ""
        self.say(
            self.tr("✔ {0} datang (kode {1}): tiket <b>{2}</b>{3}").format(
                html.escape(v.nama), code, html.escape(v.tiket), card
            ),
            SUCCESS_COLOR,
        )
        self.arrived.emit(v)
        self.changed.emit()
        return True

    def check_out(self, v: visits.VisitView, *, by_name: bool = False) -> bool:
        """Check ``v`` out, asking first when a card or an identity card is to be handed back."""
        answer = ask_return(self, v, by_name=by_name)
        if answer == CANCEL:
            self.say(self.tr("Batal: {0} belum dicatat pulang.").format(html.escape(v.nama)), WARNING_COLOR)
            return False
        try:
            done = self.ctx.call(
                visits.check_out, v.id, kartu_kembali=answer == RETURNED, identitas_kembali=True
            )
        except (ValidationError, ServiceError) as exc:
            self.say(html.escape(str(exc)), ERROR_COLOR)
            return False
        when = office_time(done.pulang_at or clock.utc_now(), self.zone)
        notes = []
        if v.kartu and not v.kartu_kembali:
            notes.append(
                self.tr("kartu {0} kembali").format(v.kartu)
                if answer == RETURNED
                else self.tr("kartu {0} dicatat hilang").format(v.kartu)
            )
        if v.identitas and not v.identitas_kembali:
            notes.append(self.tr("{0} dikembalikan").format(v.identitas))
        extra = f"; {', '.join(notes)}" if notes else ""
        self.say(
            self.tr("✔ {0} {1} pulang {2:%H.%M}{3}.").format(
                html.escape(done.tiket), html.escape(done.nama), when, html.escape(extra)
            ),
            SUCCESS_COLOR,
        )
        self.changed.emit()
        return True
