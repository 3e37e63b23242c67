"""What the surat masuk and surat keluar forms share: header, perihal, the kode klasifikasi picker and the keys."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.letters.rules import Keamanan, Skema, Urgensi
from desktop.services.common.errors import ServiceError, ValidationError
from desktop.services.letters import incoming
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.widgets.drafts import mark_clean
from desktop.ui.widgets.forms import FormRows
from desktop.ui.widgets.keys import is_enter
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import WARNING_COLOR
from desktop.ui.widgets.tables import heading, take_key

T = TypeVar("T")

CODE_ROLE = Qt.ItemDataRole.UserRole  # the bare kode of a picker entry, which shows "kode — uraian"


def looks_like_code(text: str) -> bool:
    """Kode klasifikasi are numbers with dots (``800.1.11.1``, ``045.2``); words typed in the picker are a
    search."""
    return any(ch.isdigit() for ch in text)


class LetterForm(QWidget):
    """The base of a letter form. A subclass builds its fields with the ``build_*`` helpers where they stand in
    its layout, lists its Enter chain and Tab order in ``chain_keys``, and gives ``form_keys`` (its shortcuts)
    and ``show_code_info`` (which calls ``show_code_facts``)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.enter_chain: list[QWidget] = []
        self.rows: FormRows  # the labelled rows with their error lines, built by the subclass

    # ------------------------------------------------------------------ building
    def build_header(self, title: str, hint: str, last_name: str) -> QHBoxLayout:
        """Title, the keys hint and, right-aligned, the last number taken (``self.last_label``)."""
        keys_hint = muted(QLabel(hint, self), smaller=True)
        self.last_label = QLabel(self)
        self.last_label.setObjectName(last_name)
        self.last_label.setTextFormat(Qt.TextFormat.RichText)
        self.last_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header = QHBoxLayout()
        header.addWidget(heading(title, self))
        header.addSpacing(12)
        header.addWidget(keys_hint, 0, Qt.AlignmentFlag.AlignBottom)
        header.addStretch(1)
        header.addWidget(self.last_label)
        return header

    def build_perihal(self, placeholder: str) -> None:
        """Perihal: a short text of a few lines; Tab leaves it, Shift+Enter makes a new line."""
        self.perihal = QPlainTextEdit(self)
        self.perihal.setObjectName("perihal")
        self.perihal.setTabChangesFocus(True)
        self.perihal.setPlaceholderText(placeholder)
        lines = self.perihal.fontMetrics().lineSpacing()
        self.perihal.setFixedHeight(int(lines * 2.6) + 12)

    def build_code_fields(self, placeholder: str) -> None:
        """Kode klasifikasi with its picker (searched as typed), the skema combo and the line of facts under it."""
        self.kode = QLineEdit(self)
        self.kode.setObjectName("kode_klasifikasi")
        self.kode.setPlaceholderText(placeholder)
        self.code_model = QStandardItemModel(self)
        self.code_completer = QCompleter(self.code_model, self)
        self.code_completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.code_completer.setCompletionRole(CODE_ROLE)
        self.code_completer.setMaxVisibleItems(12)
        self.kode.setCompleter(self.code_completer)
        self.kode.textEdited.connect(self.search_codes)
        self.kode.textChanged.connect(self.show_code_info)
        self.skema = QComboBox(self)
        self.skema.setObjectName("skema")
        self.skema.addItem(self.tr("83/2022"), Skema.PERMENDAGRI_83_2022.value)
        self.skema.addItem(self.tr("78/2012 (lama)"), Skema.PERMENDAGRI_78_2012.value)
        self.skema.currentIndexChanged.connect(lambda _i: self.show_code_info())
        self.code_info = QLabel(self)
        self.code_info.setObjectName("codeInfo")
        self.code_info.setWordWrap(True)
        muted(self.code_info, smaller=True)  # palette grey for the facts; the warning overrides it in amber
        # Two lines kept free: the hint, the uraian with its JRA retention and the warning take one or two
        # lines as the clerk types, and the fields below must not jump while the kode list is open.
        self.code_info.setMinimumHeight(2 * self.code_info.fontMetrics().lineSpacing() + 2)
        self.code_info.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def build_sifat(self) -> None:
        """Keamanan and urgensi, the two combos of the letter's sifat."""
        self.keamanan = QComboBox(self)
        self.keamanan.setObjectName("keamanan")
        for keamanan in Keamanan:
            self.keamanan.addItem(f"{keamanan.label} ({keamanan.value})", keamanan)
        self.urgensi = QComboBox(self)
        self.urgensi.setObjectName("urgensi")
        for urgensi in Urgensi:
            self.urgensi.addItem(urgensi.label, urgensi)

    def stack(
        self, header: QLayout, left: QFormLayout, right: QFormLayout, buttons: QLayout, *below: QWidget
    ) -> None:
        """The form from top to bottom: header, two columns (what the letter is on the left, how it is handled
        on the right; the list below gets the full width), the buttons and what stands ``below`` them."""
        columns = QHBoxLayout()
        columns.setSpacing(24)
        columns.addLayout(left, 11)
        columns.addLayout(right, 10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(6)
        layout.addLayout(header)
        layout.addLayout(columns)
        layout.addLayout(buttons)
        for widget in below:
            layout.addWidget(widget)
        layout.addStretch(1)

    def chain_keys(self, enter_chain: list[QWidget], tab_order: list[QWidget]) -> None:
        """Enter walks ``enter_chain``; Tab follows ``tab_order``; every field's keys pass through the form."""
        self.enter_chain = enter_chain
        for first, second in itertools.pairwise(tab_order):
            QWidget.setTabOrder(first, second)
        for widget in tab_order:
            widget.installEventFilter(self)
        # Line edits with a completer: Enter on a popup entry reaches the field as returnPressed, not as a key
        # event the filter sees, so returnPressed moves on too (the filter eats the plain Enter first).
        for edit in enter_chain:
            if isinstance(edit, QLineEdit):
                edit.returnPressed.connect(lambda e=edit: self.focus_next(e))

    # ------------------------------------------------------------------ kode klasifikasi
    def show_code_info(self) -> None:
        raise NotImplementedError

    def search_codes(self, text: str) -> None:
        """Fill the picker with the codes matching ``text`` in the chosen skema and open it."""
        self.code_model.clear()
        if not text.strip():
            self.code_completer.popup().hide()
            return
        try:
            found = self.ctx.query(incoming.search_codes, text, skema=str(self.skema.currentData()), limit=30)
        except ServiceError:
            return
        for code in found:
            item = QStandardItem(f"{code.kode} — {code.uraian}")
            item.setData(code.kode, CODE_ROLE)
            item.setToolTip(code.retensi or code.uraian)
            item.setEditable(False)
            self.code_model.appendRow(item)
        if found:
            self.code_completer.setCompletionPrefix(text)
            self.code_completer.complete()
        else:
            self.code_completer.popup().hide()

    def show_code_facts(self, empty: str) -> None:
        """Under the kode: ``empty`` while there is none, else its uraian and retention, or a warning."""
        kode = self.kode.text().strip()
        skema = str(self.skema.currentData())
        if not kode:
            set_message(self.code_info, empty, "")
            return
        if not looks_like_code(kode):
            set_message(self.code_info, self.tr("Pilih kode dari daftar: ↓ lalu Enter."), "")
            return
        with self.ctx.read() as s:
            found = incoming.get_code(s, kode, skema)
            warning = "" if found else incoming.code_warning(s, kode, skema)
        if found is not None:
            retensi = found.retensi or self.tr("retensi belum tercatat")
            set_message(self.code_info, f"{found.uraian} · {self.tr('JRA')}: {retensi}", "")
        else:
            set_message(self.code_info, "⚠ " + warning, WARNING_COLOR)

    # ------------------------------------------------------------------ saving, errors, clearing and focus
    def call_service(self, fn: Callable[[Any], T], data: object) -> T | None:
        """``fn(data)`` in one transaction; a mistake is shown under its field (or on the status line) and
        nothing typed is lost. None when it failed."""
        try:
            return self.ctx.call(fn, data)
        except ValidationError as exc:
            self.show_error(exc.field, str(exc))
        except ServiceError as exc:
            self.show_error(None, str(exc))
        return None

    def show_error(self, field: str | None, message: str) -> None:
        raise NotImplementedError

    def error_text(self, name: str) -> str:
        return self.rows.error_text(name)

    def clear_errors(self) -> None:
        self.rows.clear_errors()

    def confirm_clear(self) -> bool:
        """Esc: True when nothing was typed, or the clerk agrees to drop it."""
        return not self.is_dirty() or dialogs.confirm(
            self,
            self.tr("Kosongkan formulir"),
            self.tr("Isian surat yang sedang diketik akan dihapus. Kosongkan formulir?"),
            yes=self.tr("Kosongkan"),
            no=self.tr("Batal"),
            danger=True,
        )

    def is_dirty(self) -> bool:
        raise NotImplementedError

    def finish_clear(self) -> None:
        """The end of clearing for the next letter: no code suggestions, no error lines, cursor on the first
        field."""
        self.code_model.clear()
        self.clear_errors()
        self.focus_first()
        mark_clean(self)  # saved or cleared on purpose: its draft goes

    def focus_first(self) -> None:
        raise NotImplementedError

    def focus_next(self, current: QWidget) -> None:
        """Enter: on to the next visible, enabled field of the chain."""
        try:
            start = self.enter_chain.index(current)
        except ValueError:
            return
        for widget in self.enter_chain[start + 1 :]:
            if widget.isVisibleTo(self) and widget.isEnabled():
                # Tab reason: line edits select their text, date edits their first section, as on Tab.
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return

    # ------------------------------------------------------------------ keyboard
    def form_keys(self) -> dict[QKeyCombination, Callable[[], object]]:
        raise NotImplementedError

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and isinstance(watched, QWidget):
            if take_key(event, self.form_keys()):
                return True  # ours while focus is in the form, whatever the window binds to the key
            if (
                event.type() == QEvent.Type.KeyPress
                and is_enter(event)
                and self.enter_moves_on(watched, event)
            ):
                if isinstance(watched, QPushButton):
                    watched.click()
                else:
                    self.focus_next(watched)
                return True
        return super().eventFilter(watched, event)

    @staticmethod
    def enter_moves_on(watched: QWidget, event: QKeyEvent) -> bool:
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers != Qt.KeyboardModifier.NoModifier:
            return False  # Shift+Enter in Perihal is a new line
        # Line edits move on through returnPressed, which completer popups also fire.
        return not isinstance(watched, QLineEdit)

    def event(self, event: QEvent) -> bool:
        # Focus on the form itself (e.g. after a click on a label): the keys still work.
        if isinstance(event, QKeyEvent) and take_key(event, self.form_keys()):
            return True
        return super().event(event)
