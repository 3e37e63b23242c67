"""Small pieces the settings pages share: field helpers, tables, messages and the page base class."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.dates import format_datetime

DASH = "—"


def tr(text: str) -> str:
    return QCoreApplication.translate("settings", text)


def exec_dialog(dialog: QDialog) -> int:
    """Run a modal dialog. Pages call it through ``self.exec_dialog`` so tests can drive dialogs instead."""
    return dialog.exec()


# ---------------------------------------------------------------------------------------------- messages
# Pages call these through the module (``common.warn(...)``) so a test can replace them.


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


def set_widget_read_only(widget: QWidget, read_only: bool) -> None:
    if isinstance(widget, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
        widget.setReadOnly(read_only)
    else:
        widget.setEnabled(not read_only)


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


def wrapped(label: QLabel) -> QLabel:
    """A caption that breaks into lines instead of making its page wider than a 1024 px screen."""
    label.setWordWrap(True)
    return label


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
