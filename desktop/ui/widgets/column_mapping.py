"""The column-mapping step of an import: one choice box per header of the file, what it is imported as."""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from html import escape
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.core.money import format_number
from desktop.services.tabular import Table
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR, WARNING_COLOR

IGNORE = "(abaikan)"
CHOOSE = "(pilih…)"
UNSETTLED = "?"  # a header's choice while the clerk has not decided a header the app could not place
EXAMPLE_ROWS = 200  # the rows searched for a header's example value


class Choice(NamedTuple):
    """One import column offered for every header: its value, its text in the box, its tooltip there."""

    column: str
    text: str
    tooltip: str = ""


@dataclass(frozen=True)
class Guess:
    """What the app makes of the file's headers before the clerk looks: header → import column, None for
    "(abaikan)", ``UNSETTLED`` for one the clerk must decide (it starts as "(pilih…)"); and, per header, why it
    was not placed (shown before its example)."""

    columns: Mapping[str, str | None]
    reasons: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MappingLook:
    """The widths of one module's mapping rows: the choice box in characters, the example and (0: unbounded)
    the header in pixels."""

    choice_chars: int = 18
    sample_width: int = 420
    header_width: int = 0


def examples(table: Table) -> dict[str, str]:
    """Each header's first non-empty value among the first rows, its whitespace folded; a header without one
    is absent."""
    found: dict[str, str] = {}
    for _line, record in table.rows[:EXAMPLE_ROWS]:
        for header in table.headers:
            if header not in found and record.get(header, "").strip():
                found[header] = " ".join(record[header].split())
        if len(found) == len(table.headers):
            break
    return found


def mark(ok: bool, text: str, *, partly: bool = False) -> str:
    """A ✓ (green), ⚠ (``partly``, yellow) or ✗ (red) before ``text``, as rich text."""
    color, sign = (SUCCESS_COLOR, "✓") if ok else (WARNING_COLOR, "⚠") if partly else (ERROR_COLOR, "✗")
    return f"<span style='color:{color}'>{sign} {escape(text)}</span>"


class ColumnMapping(QWidget):
    """The page "Pemetaan kolom": the file read (``file_info``), a hint, then a row per header of the file —
    the header, a choice box of the import columns ("(abaikan)" first, "(pilih…)" before it for a header to be
    decided) and an example value — and under it the state of the mapping (``required_label``) and why the
    rows cannot be checked yet (``mapping_message``). Tab walks the choices top to bottom; the page's focus
    goes to the first header to decide, else to the first choice. A header set to "(abaikan)" is greyed.

    It knows nothing of a module's rules: the import wizard fills it (``set_table``) and says what the mapping
    lacks (``show_state``); ``changed`` is emitted whenever the clerk changes a choice."""

    changed = Signal()

    def __init__(self, hint: str, parent: QWidget | None = None, look: MappingLook | None = None) -> None:
        super().__init__(parent)
        self.look = look or MappingLook()
        self.combos: dict[str, QComboBox] = {}
        self.header_labels: dict[str, QLabel] = {}
        self.file_info = QLabel(self)
        self.file_info.setObjectName("fileInfo")
        self.file_info.setWordWrap(True)
        self.file_info.setTextFormat(Qt.TextFormat.RichText)
        self.hint = muted(QLabel(hint, self))
        self.hint.setWordWrap(True)
        self.mapping_area = QScrollArea(self)
        self.mapping_area.setObjectName("mappingArea")
        self.mapping_area.setWidgetResizable(True)
        self.mapping_area.setWidget(QWidget())
        self.required_label = QLabel(self)
        self.required_label.setObjectName("requiredLabel")
        self.required_label.setWordWrap(True)
        self.required_label.setTextFormat(Qt.TextFormat.RichText)
        self.mapping_message = QLabel(self)
        self.mapping_message.setObjectName("mappingMessage")
        self.mapping_message.setWordWrap(True)
        set_message(self.mapping_message, "", ERROR_COLOR)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.file_info)
        layout.addWidget(self.hint)
        layout.addWidget(self.mapping_area, 1)
        layout.addWidget(self.required_label)
        layout.addWidget(self.mapping_message)

    def set_table(self, table: Table, choices: Sequence[Choice], guess: Guess, rows_noun: str) -> None:
        """A row per header of ``table``, each box set as ``guess`` says — unless the file has the same headers
        as the one shown (a fixed file read again): then what the clerk chose stays. ``changed`` is not
        emitted."""
        previous = self.mapping()
        if set(previous) == set(table.headers):
            targets: Mapping[str, str | None] = previous  # re-reading a fixed file keeps the clerk's choices
        else:
            targets = guess.columns
        undecided = {h for h, c in guess.columns.items() if c == UNSETTLED}
        look = self.look

        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        bold = QFont(self.font())
        bold.setBold(True)
        for col, text in enumerate(
            (self.tr("Judul kolom di berkas"), self.tr("Diimpor sebagai"), self.tr("Contoh isi"))
        ):
            label = QLabel(text, grid_widget)
            label.setFont(bold)
            grid.addWidget(label, 0, col)
        found = examples(table)
        self.combos = {}
        self.header_labels = {}
        for row, header in enumerate(table.headers, start=1):
            name = QLabel(header, grid_widget)
            name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            name.setToolTip(header)
            if look.header_width:
                name.setMaximumWidth(look.header_width)
            shown = found.get(header, "")
            reason = guess.reasons.get(header, "")
            text = f"{reason} · {shown or '—'}" if reason else shown or "—"
            sample = muted(QLabel(grid_widget))
            sample.setText(
                sample.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, look.sample_width)
            )
            sample.setToolTip(f"{reason}\n{shown}".strip())
            combo = QComboBox(grid_widget)
            combo.setMinimumContentsLength(look.choice_chars)
            combo.setObjectName(f"map:{header}")
            combo.setAccessibleName(self.tr("Kolom impor untuk “{0}”").format(header))
            if header in undecided:
                combo.addItem(self.tr(CHOOSE), UNSETTLED)
            combo.addItem(self.tr(IGNORE), None)
            for choice in choices:
                combo.addItem(choice.text, choice.column)
                if choice.tooltip:
                    combo.setItemData(combo.count() - 1, choice.tooltip, Qt.ItemDataRole.ToolTipRole)
            target = targets.get(header)
            combo.setCurrentIndex(next((i for i in range(combo.count()) if combo.itemData(i) == target), 0))
            combo.currentIndexChanged.connect(lambda _i: self._choice_changed())
            name.setBuddy(combo)
            grid.addWidget(name, row, 0)
            grid.addWidget(combo, row, 1)
            grid.addWidget(sample, row, 2)
            self.combos[header] = combo
            self.header_labels[header] = name
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(table.headers) + 1, 1)
        self.mapping_area.setWidget(grid_widget)
        combos = list(self.combos.values())
        for first, second in itertools.pairwise(combos):
            QWidget.setTabOrder(first, second)
        first_open = next((c for c in combos if c.currentData() == UNSETTLED), None)
        self.setFocusProxy(first_open or (combos[0] if combos else None))

        where = (
            self.tr(", judul kolom di baris {0}").format(table.header_line) if table.header_line != 1 else ""
        )
        self.file_info.setText(
            self.tr("<b>{0}</b>: {1} {2}, {3} kolom{4}.").format(
                escape(table.source), format_number(len(table.rows)), rows_noun, len(table.headers), where
            )
        )
        self._grey_ignored()

    def mapping(self) -> dict[str, str | None]:
        """File header → import column (None: ignored; ``UNSETTLED``: not decided yet), as the boxes stand."""
        return {header: combo.currentData() for header, combo in self.combos.items()}

    def chosen(self) -> set[str]:
        """The import columns some header is mapped to."""
        return {c for c in self.mapping().values() if c and c != UNSETTLED}

    def undecided(self) -> list[str]:
        """The headers still on "(pilih…)", in the file's order."""
        return [h for h, c in self.mapping().items() if c == UNSETTLED]

    def missing(self, required: Sequence[str]) -> list[str]:
        """The ``required`` columns no header is mapped to, in their order."""
        chosen = self.chosen()
        return [c for c in required if c not in chosen]

    def chosen_twice(self, column_text: Callable[[str], str]) -> list[str]:
        """A sentence per import column chosen for more than one header, naming those headers."""
        current = self.mapping()
        used = Counter(c for c in current.values() if c and c != UNSETTLED)
        return [
            self.tr("{0} dipilih untuk lebih dari satu kolom berkas ({1}); pilih satu saja.").format(
                column_text(column), ", ".join(f"“{h}”" for h, c in current.items() if c == column)
            )
            for column, count in used.items()
            if count > 1
        ]

    def required_marks(self, required: Sequence[str], column_text: Callable[[str], str]) -> str:
        """ "Kolom wajib: ✓ … ✗ …" for ``required``, as rich text."""
        chosen = self.chosen()
        marks = [mark(c in chosen, column_text(c)) for c in required]
        return self.tr("Kolom wajib: {0}").format(" &nbsp; ".join(marks))

    def show_state(self, state: str, problems: Sequence[str]) -> None:
        """``state`` (rich text) under the rows, and the ``problems`` that keep the rows from being checked."""
        self.required_label.setText(state)
        set_message(self.mapping_message, "\n".join(problems), ERROR_COLOR)

    def show_failure(self, text: str) -> None:
        """The check of the file as mapped was refused: ``text`` under the rows, where the clerk fixes it."""
        set_message(self.mapping_message, text, ERROR_COLOR)

    def _grey_ignored(self) -> None:
        current = self.mapping()
        for header, label in self.header_labels.items():
            label.setEnabled(current.get(header) is not None)  # greyed: this column is not imported

    def _choice_changed(self) -> None:
        self._grey_ignored()
        self.changed.emit()
