"""The form for one new hop of the chain, as written on the returned slip: who, when, to whom, what, by when."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.services.letters.dispositions import HopInput, Official, RecipientInput
from desktop.ui.letters.disposition.batas import BatasPicker
from desktop.ui.letters.disposition.dari import DariPicker
from desktop.ui.letters.disposition.recipients import RecipientsPicker
from desktop.ui.letters.disposition.shared import date_edit, short_date
from desktop.ui.letters.disposition.state import ChainState
from desktop.ui.widgets.check_group import CheckGroup
from desktop.ui.widgets.keys import is_enter
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR


def _buddy(text: str, widget: QWidget | None) -> QLabel:
    """A row label whose Alt shortcut reaches ``widget`` (QFormLayout only does that for single widgets)."""
    label = QLabel(text)
    if widget is not None:
        label.setBuddy(widget)
    return label


class HopForm(QObject):
    """``widget`` holds the "Tambah disposisi" box (``box``) under the line saying why it is closed;
    ``read_hop()`` checks the fields and gives the hop, ``reset()`` empties them for the next one."""

    def __init__(
        self,
        state: ChainState,
        officials: Sequence[Official],
        instructions: Sequence[str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.box = QGroupBox(self.tr("Tambah disposisi"))
        self.box.setObjectName("addHop")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.who = DariPicker(state, officials, self)
        self.who.induk.currentIndexChanged.connect(self.induk_changed)
        form.addRow(self.tr("&Lanjutan dari"), self.who.induk)
        form.addRow(self.tr("&Dari"), self.who.dari)

        self.tanggal = date_edit(state.today, today=state.today, minimum=state.chain.tanggal_diterima)
        self.tanggal.setObjectName("tanggal")
        tanggal_row = QHBoxLayout()
        tanggal_row.addWidget(self.tanggal)
        tanggal_row.addWidget(
            muted(QLabel(self.tr("· diterima {0}").format(short_date(state.chain.tanggal_diterima))), True), 1
        )
        # The weekday, or why it is not a date, on its own line under the field: squeezed between the field
        # and the note on a 1024 px screen the reason took five lines and was cut at the top.
        tanggal_box = QVBoxLayout()
        tanggal_box.setSpacing(2)
        tanggal_box.addLayout(tanggal_row)
        tanggal_box.addWidget(self.tanggal.caption)
        form.addRow(_buddy(self.tr("Tan&ggal"), self.tanggal), tanggal_box)

        self.recipients = RecipientsPicker(officials, self)
        form.addRow(_buddy(self.tr("&Kepada"), self.recipients.list), self.recipients.layout)

        # One Tab stop for the whole list; type the first letters to reach an instruction, Space ticks it.
        self.instruksi_group = CheckGroup(instructions, columns=2)
        self.instruksi_group.setObjectName("instruksi")
        self.instruksi: list[QCheckBox] = self.instruksi_group.boxes
        for i, check in enumerate(self.instruksi):
            check.setObjectName(f"instruksi{i}")
        form.addRow(
            _buddy(self.tr("&Instruksi"), self.instruksi_group if self.instruksi else None),
            self.instruksi_group,
        )

        self.catatan = QPlainTextEdit()
        self.catatan.setObjectName("catatan")
        self.catatan.setTabChangesFocus(True)
        self.catatan.setPlaceholderText(self.tr("isi disposisi tulisan tangan"))
        self.catatan.setFixedHeight(self.catatan.fontMetrics().lineSpacing() * 2 + 14)
        form.addRow(self.tr("&Catatan"), self.catatan)

        # While the hop's date is being retyped the working days count from the last date it held.
        self._hop_date = self.tanggal.date() or state.today
        self.batas = BatasPicker(state.today, state.calendar, lambda: self._hop_date, self)
        self.tanggal.dateChanged.connect(self._tanggal_changed)
        form.addRow(_buddy(self.tr("&Batas waktu"), self.batas.none), self.batas.layout)

        self.message = QLabel()
        self.message.setObjectName("formMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.queue_button = QPushButton(self.tr("&Tambah ke daftar"))
        self.queue_button.setObjectName("queueHop")
        self.queue_button.setAutoDefault(False)
        self.queue_button.setToolTip(
            self.tr("Masukkan disposisi ini ke daftar yang akan disimpan (Ctrl+Enter)")
        )
        # Enter walks the form as the slip reads: from Kepada on to the instructions (past the row for a name
        # that is not listed, which Tab still reaches), and from the batas waktu (a hop's last line) on to the
        # next hop, as Ctrl+Enter does.
        self._enter_moves_on: dict[QWidget, QWidget] = {self.recipients.list: self.instruksi_group}
        self._enter_queues: tuple[QWidget, ...] = (
            self.batas.none,
            self.batas.date_mode,
            self.batas.date,
            self.batas.hk,
            self.batas.hk_mode,
        )
        for w in (*self._enter_moves_on, *self._enter_queues):
            w.installEventFilter(self)
        self.unqueue_button = QPushButton(self.tr("Hapus dari daftar"))
        self.unqueue_button.setObjectName("unqueueHop")
        self.unqueue_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.unqueue_button)
        buttons.addStretch(1)
        buttons.addWidget(self.queue_button)

        layout = QVBoxLayout(self.box)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.closed_label = QLabel()
        self.closed_label.setWordWrap(True)
        self.widget = QWidget()
        outer_layout = QVBoxLayout(self.widget)
        outer_layout.setContentsMargins(0, 0, 4, 0)
        outer_layout.addWidget(self.closed_label)
        outer_layout.addWidget(self.box)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and is_enter(event)
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            target = self._enter_moves_on.get(watched)  # type: ignore[call-overload]
            if target is not None:
                target.setFocus(Qt.FocusReason.TabFocusReason)
                return True
            if watched in self._enter_queues:
                self.queue_button.click()
                return True
        return super().eventFilter(watched, event)

    def _tanggal_changed(self, value: date | None) -> None:
        if value is not None:
            self._hop_date = value
            self.batas.update_preview()

    def fill_choices(self) -> None:
        """Lanjutan dari and Dari offer who the chain (saved and queued) now holds."""
        self.who.fill_induk()
        self.who.fill_dari()

    def induk_changed(self, _index: int = 0) -> None:
        person = self.who.induk_person()
        if person is not None:
            self.who.dari.setCurrentText(person.label)
        parent_date = self.who.induk_date()
        if parent_date:
            self.tanggal.setDate(parent_date)

    def reset(self, *, first: bool = False) -> None:
        self.recipients.uncheck_all()
        self.instruksi_group.clear()
        self.catatan.clear()
        if first:
            chain = self.state.chain
            self.who.dari.setCurrentText("")
            # A slip usually comes back written on the day the letter arrived (SOP #15 steps take minutes); a
            # later hop starts from the date of the one it continues.
            self.tanggal.setDate(chain.tanggal_diterima if not chain.hops else self.state.today)
            # R9: the letter's default batas (from its urgency) is proposed for the first hop.
            if chain.batas_waktu and not chain.hops:
                self.batas.date.setDate(chain.batas_waktu)
                self.batas.date_mode.setChecked(True)
            else:
                self.batas.none.setChecked(True)
        self.recipients.update_count()
        self.batas.update_preview()
        set_message(self.message, "", ERROR_COLOR)

    def error(self, text: str, widget: QWidget) -> None:
        set_message(self.message, text, ERROR_COLOR)
        widget.setFocus()

    def read_hop(self) -> HopInput | None:
        """The hop the fields describe, or None after pointing at the field that is wrong."""
        dari = self.who.dari_person()
        induk = self.who.chosen_induk()
        if dari is None and induk is None:
            self.error(self.tr("Isi Dari: siapa yang menulis disposisi ini."), self.who.dari)
            return None
        people = self.recipients.checked()
        if not people:
            self.error(self.tr("Centang sedikitnya satu penerima di Kepada."), self.recipients.list)
            return None
        tanggal = self.tanggal.date()
        if tanggal is None:
            self.error(self.tr("Tanggal: {0}").format(self.tanggal.error()), self.tanggal)
            return None
        if self.batas.problem():
            self.error(self.tr("Batas waktu: {0}").format(self.batas.problem()), self.batas.date)
            return None
        batas, hk = self.batas.value()
        if batas is not None and batas < tanggal:
            self.error(self.tr("Batas waktu tidak boleh sebelum tanggal disposisi."), self.batas.date)
            return None
        parent_date = self.who.induk_date()
        if parent_date and tanggal < parent_date:
            self.error(
                self.tr("Tanggal tidak boleh sebelum disposisi yang dilanjutkan ({0}).").format(
                    short_date(parent_date)
                ),
                self.tanggal,
            )
            return None
        return HopInput(
            dari_nama=dari.nama if dari else "",
            dari_jabatan=dari.jabatan if dari else "",
            dari_nip=dari.nip if dari else "",
            tanggal=tanggal,
            recipients=tuple(RecipientInput(p.nama, p.jabatan, p.nip, p.unit_id) for p in people),
            instruksi=tuple(c.text() for c in self.instruksi if c.isChecked()),
            catatan=self.catatan.toPlainText().strip(),
            batas_waktu=batas,
            batas_hari_kerja_count=hk,
            induk_penerima_id=induk[1][0] if induk and induk[0] == "id" else None,
            induk_index=(induk[1][0], induk[1][1]) if induk and induk[0] == "idx" else None,
        )
