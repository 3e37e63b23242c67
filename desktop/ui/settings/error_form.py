"""A form layout whose rows each show their own error line, filled from a ValidationError's field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from desktop.services.common.errors import ServiceError, ValidationError
from desktop.ui.settings.common import error_text, set_widget_read_only
from desktop.ui.widgets.forms import FormRows, edit_signal
from desktop.ui.widgets.messages import muted
from desktop.ui.widgets.palette import ERROR_COLOR

_ERROR_STYLE = f"border: 1px solid {ERROR_COLOR}; border-radius: 3px; padding: 2px;"


class ErrorForm(QFormLayout):
    """A form whose fields each carry an error line below them, keyed by the service's field names.

    ``show_error(ValidationError)`` highlights the field named by ``exc.field`` and puts the message under it;
    errors without a known field go to a line at the top of the form. Editing a field clears its error.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.rows = FormRows(None, self)
        self.fields, self.errors = self.rows.fields, self.rows.errors
        self.general_error = QLabel()
        self.general_error.setObjectName("formError")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.general_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.general_error.hide()
        self.addRow(self.general_error)
        self._aliases: dict[str, str] = {}
        self._marked: set[str] = set()  # fields showing the red frame

    def add_field(
        self, name: str, label: str, widget: QWidget, hint: str = "", *, display: QWidget | None = None
    ) -> QWidget:
        """Add ``widget`` under the service field ``name``; ``label`` may carry a mnemonic (``&Nama``).

        ``display`` is what goes into the form when ``widget`` sits inside a larger row (e.g. with a note).
        """
        below = []
        if hint:
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            hint_label.setObjectName(f"hint_{name}")
            muted(hint_label)
            font = hint_label.font()
            font.setPointSizeF(font.pointSizeF() * 0.9)
            hint_label.setFont(font)
            below.append(hint_label)
        self.rows.add(label, name, display if display is not None else widget, below=below, focus=widget)
        self.errors[name].parentWidget().setFocusProxy(widget)
        signal = edit_signal(widget)
        if signal is not None:
            signal.connect(lambda *_args, n=name: self.clear_error(n))
        return widget

    def alias(self, service_field: str, form_field: str) -> None:
        """Show errors for ``service_field`` (e.g. ``password``) at another form field."""
        self._aliases[service_field] = form_field

    def label_for(self, name: str) -> QLabel:
        return self.rows.labels[name]

    def show_error(self, exc: ValidationError | ServiceError | str, field: str | None = None) -> None:
        message = exc if isinstance(exc, str) else error_text(exc)
        if field is None and isinstance(exc, ValidationError):
            field = exc.field
        if field is not None:
            field = self._aliases.get(field, field)
        if field is not None and self.rows.show_error(field, message):
            self.fields[field].setStyleSheet(_ERROR_STYLE)
            self._marked.add(field)
        else:
            self.general_error.setText(message)
            self.general_error.show()

    def clear_error(self, name: str) -> None:
        widget = self.fields.get(name)
        if widget is not None and name in self._marked:
            widget.setStyleSheet("")
            self._marked.discard(name)
        self.rows.clear_error(name)

    def clear_errors(self) -> None:
        for name in self.fields:
            self.clear_error(name)
        self.general_error.clear()
        self.general_error.hide()

    def error_message(self, name: str | None = None) -> str:
        """The error shown at a field (or the general one): what a test or screen reader would read."""
        label = self.general_error if name is None else self.errors[self._aliases.get(name, name)]
        return label.text() if not label.isHidden() else ""

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.fields.values():
            set_widget_read_only(widget, read_only)
