"""Form building blocks: labelled rows that each carry an error line, keyed by the service's field names."""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, SignalInstance
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.widgets.messages import set_message
from desktop.ui.widgets.palette import ERROR_COLOR

Problem = tuple[str | None, str]  # (the service's field name or None, the message)


def is_blank(widget: QWidget) -> bool:
    """Nothing typed in a text field (spaces count as nothing); other widgets always hold a value."""
    if isinstance(widget, QLineEdit):
        return not widget.text().strip()
    if isinstance(widget, QPlainTextEdit):
        return not widget.toPlainText().strip()
    return False


def form_layout(vertical_spacing: int = 5, horizontal_spacing: int = 10) -> QFormLayout:
    """Labels right-aligned beside fields that take the spare width."""
    form = QFormLayout()
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setVerticalSpacing(vertical_spacing)
    form.setHorizontalSpacing(horizontal_spacing)
    return form


def hbox(*items: QWidget | int | tuple[QWidget, int]) -> QWidget:
    """Widgets side by side; a positive int is a stretch, 0 a fixed gap, (widget, n) a widget stretching n."""
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(8)
    for item in items:
        if isinstance(item, int):
            if item:
                row.addStretch(item)
            else:
                row.addSpacing(16)
        elif isinstance(item, tuple):
            row.addWidget(item[0], item[1])
        else:
            row.addWidget(item)
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    first = next(i for i in items if not isinstance(i, int))
    box.setFocusProxy(first[0] if isinstance(first, tuple) else first)
    return box


class _SelectOnFocus(QObject):
    """Selects a line edit's text when the clerk arrives in it, so typing replaces a pre-filled value."""

    # Focus coming back from a completer popup, a calendar or another window is not an arrival.
    ARRIVALS = (
        Qt.FocusReason.TabFocusReason,
        Qt.FocusReason.BacktabFocusReason,
        Qt.FocusReason.ShortcutFocusReason,
        Qt.FocusReason.OtherFocusReason,
        Qt.FocusReason.MouseFocusReason,
    )
    UNTOUCHED = "selectOnFocusUntouched"  # arrived and not typed in yet

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QLineEdit):
            return False
        kind = event.type()
        if kind == QEvent.Type.FocusIn and isinstance(event, QFocusEvent) and event.reason() in self.ARRIVALS:
            watched.setProperty(self.UNTOUCHED, True)
            if event.reason() == Qt.FocusReason.MouseFocusReason:
                # The press that gave the focus then places the cursor; select when the button comes up.
                watched.setProperty("selectOnRelease", True)
            else:
                watched.selectAll()
        elif kind == QEvent.Type.MouseButtonRelease and watched.property("selectOnRelease"):
            watched.setProperty("selectOnRelease", False)
            if not watched.hasSelectedText():  # a drag that selected part of the text is kept
                watched.selectAll()
        elif kind == QEvent.Type.FocusOut:
            watched.setProperty("selectOnRelease", False)
            watched.setProperty(self.UNTOUCHED, False)
        return False

    def filled(self, edit: QLineEdit) -> None:
        # The form filled the field in after the clerk arrived (an address looked up when Enter left the
        # recipient): typing must still replace it.
        if edit.hasFocus() and edit.property(self.UNTOUCHED) and not edit.isModified():
            edit.selectAll()


_SELECTOR: _SelectOnFocus | None = None


def select_on_focus(*widgets: QWidget) -> None:
    """Line edits (or editable combo boxes) select their text when reached by Tab, Enter, a shortcut or the
    first click, and when the form fills them in before the clerk types, so "Samarinda" plus typing
    "Balikpapan" gives "Balikpapan"; a second click places the cursor."""
    global _SELECTOR
    if _SELECTOR is None:
        _SELECTOR = _SelectOnFocus()
    selector = _SELECTOR
    for widget in widgets:
        edit = widget.lineEdit() if isinstance(widget, QComboBox) else widget
        if not isinstance(edit, QLineEdit) or edit.property("selectsOnFocus"):
            continue
        edit.setProperty("selectsOnFocus", True)
        edit.installEventFilter(selector)
        edit.textEdited.connect(lambda _text, e=edit: e.setProperty(selector.UNTOUCHED, False))
        edit.textChanged.connect(lambda _text, e=edit: selector.filled(e))


def select_on_focus_within(owner: QWidget) -> None:
    """``select_on_focus`` for every line edit under ``owner``: one call per form."""
    select_on_focus(*owner.findChildren(QLineEdit))


def edit_signal(widget: QWidget) -> SignalInstance | None:
    """The signal a widget sends when the user changes it (None for widgets the user cannot edit)."""
    if isinstance(widget, QLineEdit):
        return widget.textEdited  # typing, not the form filling itself in
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QDateTimeEdit):  # QDateEdit too
        return widget.dateTimeChanged
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    return None


class FormRows:
    """Labelled rows of one or more QFormLayouts, each with a hidden error line under its field.

    Errors are shown by the service's field name (``ValidationError.field``); ``fields`` maps a name to the
    widget that takes the focus for it, ``errors`` to the line its message goes in, ``labels`` to its label.
    """

    def __init__(
        self, owner: QWidget | None, form: QFormLayout | None = None, *, selectable_errors: bool = False
    ) -> None:
        self.owner = owner
        self.form = form
        self.selectable_errors = selectable_errors
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        self.required: dict[str, str] = {}  # field name -> the message when it is left empty
        self._row_labels: dict[QLabel, QLabel] = {}  # error line -> the label of its row, marked with it
        # True from a successful save until the clerk edits a field: a second click on Simpan (a double
        # click) then finds the emptied form and must not report it as a mistake.
        self.saved_untouched = False

    def add(
        self,
        label_text: str,
        name: str,
        field: QWidget,
        *,
        extra: Sequence[QWidget] | None = None,
        below: Sequence[QWidget] = (),
        also: Iterable[str] = (),
        focus: QWidget | None = None,
        form: QFormLayout | None = None,
    ) -> QLabel:
        """A row ``label: field`` with ``extra`` widgets above the error line and ``below`` under it.

        ``field`` may be a box of several widgets; ``focus`` is the one the label's mnemonic and an error go
        to, unless ``fields`` already names one. ``also`` are other field names whose errors show on this
        row; an error moves the cursor only to a widget named in ``fields``. The row goes into ``form``
        (default: the one given at construction)."""
        box = QWidget(self.owner)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        for widget in extra or ():
            column.addWidget(widget)
        error = QLabel(box)
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        if self.selectable_errors:
            error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        error.hide()
        column.addWidget(error)
        for widget in below:
            column.addWidget(widget)
        self.fields.setdefault(name, focus or field)
        for key in (name, *also):
            self.errors[key] = error
        label = QLabel(label_text, self.owner)
        label.setBuddy(self.fields[name])
        target = form if form is not None else self.form
        assert target is not None, "FormRows.add needs a form"
        target.addRow(label, box)
        self.labels[name] = label
        self._row_labels[error] = label
        # Every form built from rows gets it, the next modules' forms too: typing replaces a pre-filled value.
        select_on_focus(*box.findChildren(QLineEdit))
        return label

    def clear_on_edit(self, names: Iterable[str] | None = None) -> None:
        """Editing a field clears its error (every field known so far, or just ``names``) and ends the
        "just saved" state."""
        for name in list(self.fields) if names is None else names:
            signal = edit_signal(self.fields[name])
            if signal is not None:
                signal.connect(lambda *_args, n=name: self.edited(n))

    def edited(self, name: str) -> None:
        self.saved_untouched = False
        self.clear_error(name)

    def mark_saved(self) -> None:
        """Call after a save emptied the form: until a field is edited, ``saved_untouched`` is True and a
        repeated save (a double click on Simpan) is to be ignored, keeping the success message."""
        self.saved_untouched = True

    def require(self, name: str, message: str) -> None:
        """``name`` must not be left empty; ``missing`` reports it with ``message``."""
        self.required[name] = message

    def missing(self) -> list[Problem]:
        """The required fields left empty, each with its message (hidden fields are not asked for)."""
        return [
            (name, message)
            for name, message in self.required.items()
            if self.owner is None or self.fields[name].isVisibleTo(self.owner)
            if is_blank(self.fields[name])
        ]

    def show_errors(self, problems: Sequence[Problem], summary: QLabel | None = None) -> None:
        """Every problem of the form at once: each message under its field with the row's label marked, the
        list in ``summary`` (when there is more than one problem, or one without a row of its own), and the
        cursor on the first bad field in the form's order. ``summary`` must show rich text."""
        self.clear_errors()
        order = {name: i for i, name in enumerate(self.fields)}
        ranked = sorted(problems, key=lambda p: order.get(p[0] or "", len(order)))
        placed: dict[QLabel, list[str]] = {}
        unplaced: list[str] = []
        first: QWidget | None = None
        for name, message in ranked:
            label = self.errors.get(name or "")
            # The error line itself is hidden while empty: whether its row shows is what counts.
            row = label.parentWidget() if label is not None else None
            if label is None or row is None or not self._shown(row):
                unplaced.append(message)
                continue
            placed.setdefault(label, []).append(message)
            widget = self.fields.get(name or "")
            if first is None and widget is not None and self._shown(widget):
                first = widget
        for label, messages in placed.items():
            set_message(label, " ".join(messages), ERROR_COLOR)
            self._mark(label, True)
        if summary is not None:
            if len(ranked) > 1 or unplaced:
                items = "".join(f"<li>{html.escape(message)}</li>" for _name, message in ranked)
                heading = f"Periksa {len(ranked)} isian:" if len(ranked) > 1 else ""
                set_message(summary, f"{heading}<ul style='margin: 0'>{items}</ul>", ERROR_COLOR)
            else:
                set_message(summary, "", ERROR_COLOR)
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(first, QLineEdit):
                first.selectAll()

    def _shown(self, widget: QWidget) -> bool:
        return self.owner is None or widget.isVisibleTo(self.owner)

    def _mark(self, error: QLabel, bad: bool) -> None:
        """The row's label in the error colour while its field has a mistake: the eye finds every bad row."""
        label = self._row_labels.get(error)
        if label is not None:
            label.setStyleSheet(f"color: {ERROR_COLOR};" if bad else "")
            label.setProperty("invalid", bad)

    def show_error(self, name: str | None, message: str, *, focus: bool = True) -> bool:
        """Show ``message`` under the field and put the cursor there; False when no row has that name (the
        caller shows it elsewhere)."""
        label = self.errors.get(name or "")
        if label is None:
            return False
        set_message(label, message, ERROR_COLOR)
        self._mark(label, True)
        widget = self.fields.get(name or "")
        if focus and widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()
        return True

    def clear_error(self, name: str) -> None:
        label = self.errors.get(name)
        if label is not None and label.text():  # each keystroke lands here: restyle only when it changes
            set_message(label, "", ERROR_COLOR)
            self._mark(label, False)

    def error_text(self, name: str) -> str:
        """The message shown under a field (empty when none): what a test or screen reader reads."""
        label = self.errors.get(name)
        return label.text() if label is not None and not label.isHidden() else ""

    def clear_errors(self) -> None:
        for label in set(self.errors.values()):
            set_message(label, "", ERROR_COLOR)
            self._mark(label, False)
