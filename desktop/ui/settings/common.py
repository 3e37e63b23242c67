"""Small pieces the settings pages share: forms with per-field errors, tables, messages and dialogs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_datetime
from desktop.services.common.errors import ServiceError, ValidationError

ERROR_COLOR = "#b3261e"
_ERROR_STYLE = f"border: 1px solid {ERROR_COLOR}; border-radius: 3px; padding: 2px;"
DASH = "—"


def tr(text: str) -> str:
    return QCoreApplication.translate("settings", text)


def exec_dialog(dialog: QDialog) -> int:
    """Run a modal dialog. Pages call it through ``self.exec_dialog`` so tests can drive dialogs instead."""
    return dialog.exec()


# ---------------------------------------------------------------------------------------------- messages
# Pages call these through the module (``common.confirm(...)``) so a test can replace them.


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    ok_text: str,
    *,
    informative: str = "",
    destructive: bool = False,
) -> bool:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if destructive else QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    ok = box.addButton(ok_text, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(tr("Batal"), QMessageBox.ButtonRole.RejectRole)
    # A destructive action is never what Enter does by accident.
    box.setDefaultButton(cancel if destructive else ok)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is ok


def inform(parent: QWidget | None, title: str, text: str, informative: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Ok, parent)
    if informative:
        box.setInformativeText(informative)
    box.button(QMessageBox.StandardButton.Ok).setText(tr("OK"))
    box.exec()


def warn(parent: QWidget | None, title: str, text: str, informative: str = "") -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    if informative:
        box.setInformativeText(informative)
    box.button(QMessageBox.StandardButton.Ok).setText(tr("OK"))
    box.exec()


def error_text(exc: BaseException) -> str:
    """The message to show for an error a service or the storage layer raised on purpose."""
    text = str(exc).strip()
    return text or tr("Terjadi kesalahan yang tidak terduga.")


# ---------------------------------------------------------------------------------------------- forms


def _clear_signal(widget: QWidget):
    if isinstance(widget, QLineEdit):
        return widget.textEdited
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentIndexChanged
    if isinstance(widget, QDateEdit):
        return widget.dateChanged
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    if isinstance(widget, QAbstractButton):
        return widget.toggled
    return None


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
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.general_error = QLabel()
        self.general_error.setObjectName("formError")
        self.general_error.setWordWrap(True)
        self.general_error.setStyleSheet(f"color: {ERROR_COLOR}; font-weight: bold;")
        self.general_error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.general_error.hide()
        self.addRow(self.general_error)
        self._aliases: dict[str, str] = {}
        self._labels: dict[str, QLabel] = {}
        self._marked: set[str] = set()  # fields showing the red frame

    def add_field(
        self, name: str, label: str, widget: QWidget, hint: str = "", *, display: QWidget | None = None
    ) -> QWidget:
        """Add ``widget`` under the service field ``name``; ``label`` may carry a mnemonic (``&Nama``).

        ``display`` is what goes into the form when ``widget`` sits inside a larger row (e.g. with a note).
        """
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(display if display is not None else widget)
        error = QLabel(box)
        error.setObjectName(f"error_{name}")
        error.setWordWrap(True)
        error.setStyleSheet(f"color: {ERROR_COLOR};")
        error.hide()
        column.addWidget(error)
        if hint:
            hint_label = QLabel(hint, box)
            hint_label.setWordWrap(True)
            hint_label.setObjectName(f"hint_{name}")
            muted(hint_label)
            font = hint_label.font()
            font.setPointSizeF(font.pointSizeF() * 0.9)
            hint_label.setFont(font)
            column.addWidget(hint_label)
        box.setFocusProxy(widget)
        label_widget = QLabel(label)
        label_widget.setBuddy(widget)
        self.addRow(label_widget, box)
        self.fields[name] = widget
        self.errors[name] = error
        self._labels[name] = label_widget
        signal = _clear_signal(widget)
        if signal is not None:
            signal.connect(lambda *_args, n=name: self.clear_error(n))
        return widget

    def alias(self, service_field: str, form_field: str) -> None:
        """Show errors for ``service_field`` (e.g. ``password``) at another form field."""
        self._aliases[service_field] = form_field

    def label_for(self, name: str) -> QLabel:
        return self._labels[name]

    def show_error(self, exc: ValidationError | ServiceError | str, field: str | None = None) -> None:
        message = exc if isinstance(exc, str) else error_text(exc)
        if field is None and isinstance(exc, ValidationError):
            field = exc.field
        if field is not None:
            field = self._aliases.get(field, field)
        if field in self.fields:
            widget = self.fields[field]
            label = self.errors[field]
            label.setText(message)
            label.show()
            widget.setStyleSheet(_ERROR_STYLE)
            self._marked.add(field)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            if isinstance(widget, QLineEdit):
                widget.selectAll()
        else:
            self.general_error.setText(message)
            self.general_error.show()

    def clear_error(self, name: str) -> None:
        widget = self.fields.get(name)
        if widget is not None and name in self._marked:
            widget.setStyleSheet("")
            self._marked.discard(name)
        label = self.errors.get(name)
        if label is not None:
            label.clear()
            label.hide()

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


def set_widget_read_only(widget: QWidget, read_only: bool) -> None:
    if isinstance(widget, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
        widget.setReadOnly(read_only)
    else:
        widget.setEnabled(not read_only)


def muted(label: QLabel) -> QLabel:
    """Grey secondary text (hints, notes) that follows the system palette."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
    label.setPalette(palette)
    return label


def line_edit(max_length: int = 0, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    if max_length:
        edit.setMaxLength(max_length)
    if placeholder:
        edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(False)
    return edit


def combo(items: Sequence[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    for text, data in items:
        box.addItem(text, data)
    return box


def select_data(box: QComboBox, data: object) -> None:
    index = box.findData(data)
    if index >= 0:
        box.setCurrentIndex(index)


# ---------------------------------------------------------------------------------------------- dialogs


class ServiceDialog(QDialog):
    """A form dialog that saves through a service on OK and stays open, with what was typed, on an error.

    Subclasses fill ``self.form`` and implement ``commit()``: call the service and return normally, or raise
    ``ValidationError``/``ServiceError``; the message then appears beside the field.
    """

    def __init__(self, title: str, ok_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.form = ErrorForm()
        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)

    def set_intro(self, text: str) -> None:
        self.intro.setText(text)
        self.intro.setVisible(bool(text))

    def commit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def accept(self) -> None:
        self.form.clear_errors()
        try:
            self.commit()
        except (ValidationError, ServiceError) as exc:
            self.form.show_error(exc)
            return
        super().accept()


# ---------------------------------------------------------------------------------------------- tables


def make_table(
    headers: Sequence[str], stretch: int | None = None, parent: QWidget | None = None
) -> QTableWidget:
    """A read-only, row-selecting table; column ``stretch`` takes the spare width."""
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(list(headers))
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    header = table.horizontalHeader()
    header.setHighlightSections(False)
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    else:
        header.setStretchLastSection(True)
    table.setTabKeyNavigation(False)  # Tab leaves the table for the buttons, as in any form
    return table


def fill_row(table: QTableWidget, row: int, values: Sequence[str], data: object = None) -> None:
    for column, value in enumerate(values):
        item = QTableWidgetItem(value)
        if column == 0:
            item.setData(Qt.ItemDataRole.UserRole, data)
        table.setItem(row, column, item)


def fit_columns(table: QTableWidget, max_width: int = 320) -> None:
    """Size non-stretching columns to their contents once, when the first rows arrive.

    Widths that differ from the default were set by the user or restored from the saved UI state
    (``UiState.restore_header``): those are left alone, now and later.
    """
    # A plain Python attribute, not a Qt dynamic property: bool QVariants leak references in PySide6 6.12.
    if getattr(table, "_sekretariat_fitted", False) or table.rowCount() == 0:
        return
    header = table.horizontalHeader()
    table._sekretariat_fitted = True  # type: ignore[attr-defined]
    default = header.defaultSectionSize()
    for column in range(table.columnCount()):
        if (
            header.sectionResizeMode(column) != QHeaderView.ResizeMode.Stretch
            and header.sectionSize(column) != default
        ):
            return
    table.resizeColumnsToContents()
    for column in range(table.columnCount()):
        if header.sectionResizeMode(column) == QHeaderView.ResizeMode.Stretch:
            continue
        width = max(header.sectionSizeHint(column), table.columnWidth(column)) + 12
        table.setColumnWidth(column, min(width, max_width))


def selected_data(table: QTableWidget) -> object:
    rows = table.selectionModel().selectedRows()
    if not rows:
        return None
    item = table.item(rows[0].row(), 0)
    return item.data(Qt.ItemDataRole.UserRole) if item is not None else None


def select_row_where(table: QTableWidget, predicate: Callable[[object], bool]) -> bool:
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        if item is not None and predicate(item.data(Qt.ItemDataRole.UserRole)):
            table.selectRow(row)
            return True
    return False


def dim_row(table: QTableWidget, row: int) -> None:
    """Grey out a row (an inactive unit, signatory or user) without hiding it."""
    for column in range(table.columnCount()):
        item = table.item(row, column)
        if item is not None:
            item.setForeground(table.palette().placeholderText())


# ---------------------------------------------------------------------------------------------- page chrome


class SettingsPage(QWidget):
    """A page that reads its data when first shown, wherever it is hosted (settings tab or wizard).

    Subclasses implement ``refresh()`` and set ``self.loaded = True`` in it.
    """

    loaded = False

    def refresh(self) -> None:  # pragma: no cover - overridden
        self.loaded = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.loaded:
            self.refresh()


def page_header(title: str, description: str = "") -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 6)
    column.setSpacing(4)
    heading = QLabel(title)
    heading.setObjectName("pageTitle")
    font = heading.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setWeight(QFont.Weight.DemiBold)
    heading.setFont(font)
    column.addWidget(heading)
    if description:
        text = QLabel(description)
        text.setObjectName("pageDescription")
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setOpenExternalLinks(False)
        column.addWidget(text)
    return box


def read_only_note() -> QLabel:
    label = QLabel(tr("Hanya admin yang dapat mengubah pengaturan ini; Anda dapat melihatnya saja."))
    label.setObjectName("readOnlyNote")
    label.setWordWrap(True)
    label.setStyleSheet(
        "QLabel { background: palette(alternate-base); border: 1px solid palette(mid); "
        "border-radius: 4px; padding: 6px; }"
    )
    return label


def local_time(value: datetime | None, zone: str) -> str:
    """An aware timestamp in office time, Indonesian style (``22 November 2026 14.05 WIB``)."""
    if value is None:
        return DASH
    try:
        return format_datetime(value, zone)
    except ValueError:  # an unknown zone code in an unfinished profile
        return format_datetime(value, "WIB")


def yes_no(value: bool) -> str:
    return tr("Ya") if value else tr("Tidak")


def checkbox(text: str, checked: bool = False) -> QCheckBox:
    box = QCheckBox(text)
    box.setChecked(checked)
    return box
