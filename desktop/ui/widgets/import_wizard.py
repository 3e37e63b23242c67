"""The one import wizard every module's import dialog is made of: file, (column mapping,) check, import, done."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.core.money import format_number
from desktop.services.common.errors import ServiceError
from desktop.services.common.import_log import AlreadyImported
from desktop.services.tabular import FILE_LINE, RowError, Table
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.tasks import Progress, TaskHandle, run_task
from desktop.ui.widgets.column_mapping import Choice, ColumnMapping, Guess, MappingLook
from desktop.ui.widgets.failures import error_text, is_expected, report_bug
from desktop.ui.widgets.files import remember_dir, start_dir
from desktop.ui.widgets.messages import muted, set_message
from desktop.ui.widgets.palette import (
    ERROR_COLOR,
    SUCCESS_COLOR,
    WARNING_BACKGROUND,
    WARNING_COLOR,
    WARNING_INK,
)

# Above this many rows the error and warning lists stay one line per row (full text in the tooltip):
# fitting every row's height to wrapped text gets slow.
WRAP_LIMIT = 1000
# The "valid rows only" question names this many bad lines, then says how many more.
SHOWN_LINES = 10
STEP_COLOR = "#8a8a8a"  # the steps not shown, in the header
FILE_WHERE = "berkas"  # the "Baris" cell of a problem of the whole file (``RowError.for_file``)

# What a module's worker-side functions look like; they run off the GUI thread and never touch a widget.
Checker = Callable[[Session, Table], Any]  # (session, table) -> plan
Importer = Callable[[Session, Any], Any]  # (session, plan) -> result


@dataclass(frozen=True)
class ImportTexts:
    """The words of one module's import; the wizard says the rest (buttons, counts, the bad-row lists)."""

    title: str  # the window's title
    intro: str  # first page, above the file field (rich text)
    tips: str  # first page, at the bottom: "Yang perlu diketahui" (rich text)
    file_filter: str  # of the open-file dialog
    choose_title: str  # of the open-file dialog
    placeholder: str  # in the empty file field
    recheck_tip: str  # tooltip of "Baca ulang berkas"
    no_rows: str  # summary when the file has no row to import
    warnings_title: str  # above the warnings; {0} = how many
    skip_consequence: str  # the "valid rows only" question, after "N baris tidak valid (baris 3, 5) "
    import_title: str  # the import's progress window
    importing: str  # its progress line; {0} = how many valid rows
    changed: str  # the check in the import's own transaction differs from the one shown: nothing imported
    template_name: str = ""  # suggested file name of the xlsx template; "" = the module has no template
    template_title: str = ""  # of the save dialog
    template_note: str = ""  # beside the template button
    again_question: str = ""  # {0} = the AlreadyImported refusal; "" = the module never refuses a file twice
    mapping_hint: str = ""  # the column-mapping step, above the headers ("" = the module has no such step)
    rows_noun: str = "baris"  # the mapping step's "berkas.csv: 12 {rows_noun}, 7 kolom."


class ImportWizard(QDialog):
    """Impor in one window: Berkas → (Pemetaan kolom) → Pemeriksaan → Selesai. Every row is checked before
    anything is written, the bad rows are listed with their line and reason, and the import is one transaction
    that checks the file again first. Reading, checking and importing run off the GUI thread.

    A module subclasses it and gives:
    - ``TEXTS``: an ``ImportTexts``;
    - ``read_file(path) -> Table`` (a staticmethod; runs on the worker);
    - ``checker() -> (session, table) -> plan`` and ``importer(skip_invalid=, again=) -> (session, plan) ->
      result``: called on the GUI thread, they take what they need from the window (actor, mapping) and return
      a plain function for the worker. A plan has ``errors``, ``warnings`` (lists of RowError) and
      ``rows_read``; ``valid_rows(plan)`` (a staticmethod) gives its importable rows;
    - ``all_valid_text(plan)``, ``done_text(result)`` and, if it wants, ``plan_details``, ``done_notes``,
      ``announcement`` (what ``imported`` carries), ``unmapped_headers()`` (the columns with data the import
      would drop: a yellow notice over the mapping and check steps), and ``write_template(path)`` (a
      staticmethod) when ``TEXTS.template_name`` offers a template.
    The check step lists the reader's ``Table.notes`` (title rows, a signature block left out) with the plan's
    warnings, and a problem of the whole file (line 0) as "berkas", before the rows.
    A module whose files need their columns mapped by hand sets ``PAGE_MAPPING`` (and the page numbers after it)
    and ``STEPS``. The step is then a ``ColumnMapping`` (a choice box per header of the file): the module gives
    ``TEXTS.mapping_hint`` and ``TEXTS.rows_noun``, ``mapping_columns()`` (the import columns offered),
    ``required_columns()`` (marked *, ticked under the rows, refused when missing), ``column_text(column)``,
    if it wants ``column_hint(column)`` (a choice's tooltip) and ``MAPPING_LOOK`` (the rows' widths), and
    ``guess_mapping(table) -> Guess``; ``mapping()`` is the clerk's choice as it stands, for ``checker``. A
    module with more rules than the required columns and "not twice" overrides ``mapping_problems()`` and
    ``mapping_state()`` (see ``ui/guests/skm_import_dialog.py``). A module with a mapping page of another kind
    overrides ``mapping_page()`` and ``mapping_problems()`` (and ``use_table(table)`` to fill its page) and
    calls ``update_buttons()`` when its mapping changes. The mapping page's focus proxy gets the focus when
    the page is shown. See ``ui/letters/import_dialog.py`` (with a mapping step) and ``ui/staff/staff_import_dialog.py``
    (without).
    """

    imported = Signal(object)  # announcement(result), after an import that wrote something

    PAGE_FILE = 0
    PAGE_MAPPING: int | None = None
    PAGE_CHECK = 1
    PAGE_DONE = 2
    STEPS: tuple[str, ...] = ("Berkas", "Pemeriksaan", "Selesai")
    TEXTS: ImportTexts
    MAPPING_LOOK = MappingLook()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.TEXTS.title)
        self.table: Table | None = None
        self.plan: Any = None
        self.outcome: Any = None
        self.task: TaskHandle | None = None
        self.mapping_step: ColumnMapping | None = None  # the default mapping page, once built

        self.steps = QLabel(self)
        self.steps.setObjectName("steps")
        self.steps.setTextFormat(Qt.TextFormat.RichText)
        # Over the mapping and check steps: the columns holding data that nothing imports (``unmapped_headers``).
        self.unmapped_notice = QLabel(self)
        self.unmapped_notice.setObjectName("unmappedNotice")
        self.unmapped_notice.setWordWrap(True)
        self.unmapped_notice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.unmapped_notice.setStyleSheet(
            f"QLabel {{ background: {WARNING_BACKGROUND}; color: {WARNING_INK}; "
            f"border: 1px solid {WARNING_COLOR}; border-radius: 3px; padding: 6px; }}"
        )
        self.unmapped_notice.hide()
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self._file_page())
        if self.PAGE_MAPPING is not None:
            self.pages.addWidget(self.mapping_page())
        self.pages.addWidget(self._check_page())
        self.pages.addWidget(self._done_page())

        self.back_button = QPushButton(self.tr("&Kembali"), self)
        self.back_button.clicked.connect(self.go_back)
        self.recheck_button = QPushButton(self.tr("Baca &ulang berkas"), self)
        self.recheck_button.setToolTip(self.TEXTS.recheck_tip)
        self.recheck_button.clicked.connect(self.reread)
        self.next_button = QPushButton(self.tr("&Lanjut"), self)
        self.next_button.clicked.connect(
            lambda: self.load_from_field()
        )  # not with ``checked`` as an argument
        self.check_button = QPushButton(self.tr("&Periksa semua baris"), self)
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(self._check_clicked)
        self.skip_button = QPushButton(self)
        self.skip_button.setObjectName("skipButton")
        self.skip_button.clicked.connect(self.import_valid_only)
        self.import_button = QPushButton(self.tr("&Impor"), self)
        self.import_button.setObjectName("importButton")
        self.import_button.clicked.connect(self.import_all)
        self.cancel_button = QPushButton(self.tr("Batal"), self)
        self.cancel_button.clicked.connect(self.reject)
        self.close_button = QPushButton(self.tr("&Tutup"), self)
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.recheck_button)
        buttons.addStretch(1)
        for button in (
            self.next_button,
            self.check_button,
            self.skip_button,
            self.import_button,
            self.cancel_button,
            self.close_button,
        ):
            buttons.addWidget(button)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.addWidget(self.steps)
        layout.addWidget(line)
        layout.addWidget(self.unmapped_notice)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.show_page(self.PAGE_FILE)

    # ------------------------------------------------------------------ what a module gives
    @staticmethod
    def read_file(path: Path) -> Table:
        """Read the file (on the worker thread); raise a ServiceError the clerk can act on."""
        raise NotImplementedError

    def checker(self) -> Checker:
        """The function that checks every row of a table in a session, nothing written."""
        raise NotImplementedError

    def importer(self, *, skip_invalid: bool, again: bool) -> Importer:
        """The function that writes a checked plan in the caller's transaction and returns its result."""
        raise NotImplementedError

    @staticmethod
    def valid_rows(plan: Any) -> Sequence[Any]:
        raise NotImplementedError

    def all_valid_text(self, plan: Any) -> str:
        """The summary when no row is bad."""
        raise NotImplementedError

    def plan_details(self, plan: Any) -> str:
        """A grey line under the summary (e.g. the columns used); "" = none."""
        return ""

    def done_text(self, result: Any) -> str:
        """The first line of the last page (rich text, without the final full stop); the wizard adds how many
        bad rows were left out when the result has ``skipped``."""
        raise NotImplementedError

    def done_notes(self, result: Any) -> list[str]:
        """Sentences before the audit note on the last page."""
        return []

    def announcement(self, result: Any) -> object | None:
        """What ``imported`` carries after this result; None: nothing to announce."""
        return result

    @staticmethod
    def write_template(path: Path) -> None:
        raise NotImplementedError

    def mapping_page(self) -> QWidget:
        """The mapping step: a ``ColumnMapping``, filled by ``use_table``."""
        step = self.mapping_step = ColumnMapping(self.TEXTS.mapping_hint, self, self.MAPPING_LOOK)
        step.changed.connect(self.mapping_changed)
        # The step's labels under the window's own names too: a module's messages and tests reach them there.
        self.file_info, self.required_label, self.mapping_message = (
            step.file_info,
            step.required_label,
            step.mapping_message,
        )
        return step

    def mapping_columns(self) -> Sequence[str]:
        """The import columns the mapping step offers for every header, in the order of its boxes."""
        raise NotImplementedError

    def required_columns(self) -> Sequence[str]:
        """The import columns some header must be mapped to."""
        return ()

    def column_text(self, column: str) -> str:
        """An import column as the clerk reads it (in the boxes and the messages)."""
        return column.replace("_", " ")

    def column_hint(self, column: str) -> str:
        """The tooltip of ``column`` in the boxes; "" = none."""
        return ""

    def guess_mapping(self, table: Table) -> Guess:
        """What each header of ``table`` is imported as before the clerk looks (GUI thread)."""
        raise NotImplementedError

    def mapping_choices(self) -> list[Choice]:
        """The items of every box after "(abaikan)": the required columns marked *."""
        required = set(self.required_columns())
        return [
            Choice(
                column,
                self.column_text(column) + (" *" if column in required else ""),
                self.column_hint(column),
            )
            for column in self.mapping_columns()
        ]

    @property
    def combos(self) -> dict[str, QComboBox]:
        """Header of the file → its choice box in the mapping step."""
        return self.mapping_step.combos if self.mapping_step is not None else {}

    def mapping(self) -> dict[str, str | None]:
        """File header → import column (None: ignored; ``UNSETTLED``: not decided yet), as the step stands."""
        return self.mapping_step.mapping() if self.mapping_step is not None else {}

    def use_table(self, table: Table) -> None:
        """The file was read (GUI thread): keep it, and fill the mapping step (a file with the same headers as
        the one before keeps the clerk's choices)."""
        self.table = table
        self.plan = None
        if self.mapping_step is not None:
            self.mapping_step.set_table(
                table, self.mapping_choices(), self.guess_mapping(table), self.TEXTS.rows_noun
            )
            self.mapping_changed()

    def mapping_problems(self) -> list[str]:
        """Why the rows cannot be checked yet (mapping step only): a required column not mapped, a column
        chosen for two headers; empty: they can."""
        step = self.mapping_step
        if step is None:
            return []
        if self.table is None:
            return [self.tr("Belum ada berkas.")]
        problems: list[str] = []
        missing = step.missing(self.required_columns())
        if missing:
            problems.append(
                self.tr("Kolom wajib belum dipetakan: {0}.").format(
                    ", ".join(self.column_text(c) for c in missing)
                )
            )
        return problems + step.chosen_twice(self.column_text)

    def mapping_state(self) -> str:
        """Under the mapping rows (rich text): the required columns, ticked or crossed."""
        step = self.mapping_step
        return step.required_marks(self.required_columns(), self.column_text) if step is not None else ""

    def mapping_changed(self) -> None:
        """The mapping changed: the plan shown no longer holds; the step says what it lacks."""
        self.plan = None  # a new mapping needs a new check
        if self.mapping_step is not None:
            self.mapping_step.show_state(self.mapping_state(), self.mapping_problems())
        self.update_buttons()

    def unmapped_headers(self) -> list[str]:
        """The headers of the file read whose column holds data that the mapping as it stands imports nowhere
        (see ``tabular.unmapped_columns``); the wizard shows them over the mapping and check steps."""
        return []

    def mapping_failed(self, text: str) -> None:
        """The check of the file as mapped was refused: say why where the clerk can fix it."""
        if self.mapping_step is not None and self.PAGE_MAPPING is not None:
            self.mapping_step.show_failure(text)
            self.show_page(self.PAGE_MAPPING)
            return
        set_message(self.file_message, text, ERROR_COLOR)
        self.show_page(self.PAGE_FILE)

    # ------------------------------------------------------------------ pages
    def _file_page(self) -> QWidget:
        texts = self.TEXTS
        page = QWidget(self)
        intro = QLabel(texts.intro, page)
        intro.setWordWrap(True)
        self.path_edit = QLineEdit(page)
        self.path_edit.setObjectName("pathEdit")
        self.path_edit.setPlaceholderText(texts.placeholder)
        self.path_edit.setClearButtonEnabled(True)
        self.path_edit.textChanged.connect(lambda _t: self.update_buttons())
        self.path_edit.returnPressed.connect(self.load_from_field)
        path_label = QLabel(self.tr("&Berkas:"), page)
        path_label.setBuddy(self.path_edit)
        self.browse_button = QPushButton(self.tr("&Pilih berkas…"), page)
        self.browse_button.setObjectName("browseButton")
        self.browse_button.setAutoDefault(False)
        self.browse_button.clicked.connect(self.choose_file)
        self.file_message = self._message_label(page, "fileMessage", ERROR_COLOR)

        self.template_button = QPushButton(self.tr("&Unduh templat…"), page)
        self.template_button.setObjectName("templateButton")
        self.template_button.setAutoDefault(False)
        self.template_button.clicked.connect(self.save_template)
        template_note = muted(QLabel(texts.template_note, page))
        template_note.setWordWrap(True)
        self.template_message = self._message_label(page, "templateMessage", SUCCESS_COLOR)
        tips = muted(QLabel(texts.tips, page))
        tips.setWordWrap(True)
        tips.setTextFormat(Qt.TextFormat.RichText)

        row = QHBoxLayout()
        row.addWidget(path_label)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_button)
        template_row.addWidget(template_note, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(row)
        layout.addWidget(self.file_message)
        if texts.template_name:
            layout.addSpacing(8)
            layout.addLayout(template_row)
            layout.addWidget(self.template_message)
        else:
            self.template_button.hide()
            template_note.hide()
        layout.addSpacing(8)
        layout.addWidget(tips)
        layout.addStretch(1)
        return page

    @staticmethod
    def _message_label(page: QWidget, name: str, color: str) -> QLabel:
        label = QLabel(page)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_message(label, "", color)
        return label

    def _check_page(self) -> QWidget:
        page = QWidget(self)
        self.summary = QLabel(page)
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.summary.setFont(font)
        self.details_label = muted(QLabel(page), smaller=True)
        self.details_label.setObjectName("detailsLabel")
        self.details_label.setWordWrap(True)
        self.details_label.hide()
        self.check_message = QLabel(page)
        self.check_message.setObjectName("checkMessage")
        self.check_message.setWordWrap(True)
        set_message(self.check_message, "", ERROR_COLOR)

        self.errors_label = QLabel(page)
        self.errors_label.setObjectName("errorsLabel")
        self.copy_button = QPushButton(self.tr("&Salin daftar"), page)
        self.copy_button.setToolTip(self.tr("Salin daftar baris yang salah (untuk memperbaiki berkasnya)"))
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy_errors)
        self.error_table = self._row_table(page, "errorTable")
        self.errors_label.setBuddy(self.error_table)
        self.warnings_label = QLabel(page)
        self.warnings_label.setObjectName("warningsLabel")
        self.warning_table = self._row_table(page, "warningTable")
        self.warnings_label.setBuddy(self.warning_table)

        self.errors_box = QWidget(page)
        errors_layout = QVBoxLayout(self.errors_box)
        errors_layout.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.errors_label, 1)
        head.addWidget(self.copy_button)
        errors_layout.addLayout(head)
        errors_layout.addWidget(self.error_table, 1)
        self.warnings_box = QWidget(page)
        warnings_layout = QVBoxLayout(self.warnings_box)
        warnings_layout.setContentsMargins(0, 0, 0, 0)
        warnings_layout.addWidget(self.warnings_label)
        warnings_layout.addWidget(self.warning_table, 1)

        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.details_label)
        layout.addWidget(self.check_message)
        layout.addWidget(self.errors_box, 3)
        layout.addWidget(self.warnings_box, 2)
        self.check_stretch = QWidget(page)  # keeps the summary at the top when there is no list to show
        layout.addWidget(self.check_stretch, 1)
        return page

    def _row_table(self, parent: QWidget, name: str) -> QTableWidget:
        table = QTableWidget(0, 2, parent)
        table.setObjectName(name)
        table.setHorizontalHeaderLabels([self.tr("Baris"), self.tr("Alasan")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setTabKeyNavigation(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setHighlightSections(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(0, table.fontMetrics().horizontalAdvance("888888") + 20)
        return table

    def _done_page(self) -> QWidget:
        page = QWidget(self)
        self.done_label = QLabel(page)
        self.done_label.setObjectName("doneLabel")
        self.done_label.setWordWrap(True)
        self.done_label.setTextFormat(Qt.TextFormat.RichText)
        font = self.done_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.done_label.setFont(font)
        self.done_note = muted(QLabel(page))
        self.done_note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.addWidget(self.done_label)
        layout.addWidget(self.done_note)
        layout.addStretch(1)
        return page

    # ------------------------------------------------------------------ moving between pages
    def show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        parts = []
        for number, name in enumerate(self.STEPS):
            text = f"{number + 1}. {escape(self.tr(name))}"
            parts.append(
                f"<b>{text}</b>" if number == index else f"<span style='color:{STEP_COLOR}'>{text}</span>"
            )
        self.steps.setText(" &nbsp;›&nbsp; ".join(parts))
        self.update_buttons()
        if index == self.PAGE_FILE:
            self.path_edit.setFocus()
        elif index == self.PAGE_CHECK:
            if self.import_button.isEnabled():
                self.import_button.setFocus()
            elif self.error_table.rowCount():
                self.error_table.setFocus()
        elif index == self.PAGE_DONE:
            self.close_button.setFocus()
        elif self.pages.currentWidget().focusProxy() is not None:
            self.pages.currentWidget().setFocus()  # the mapping page's first choice

    def update_buttons(self) -> None:
        page = self.pages.currentIndex()
        busy = self.busy
        self._show_unmapped(page)
        plan = self.plan
        mapped = self.PAGE_MAPPING is not None
        check_from = self.PAGE_MAPPING if mapped else self.PAGE_FILE
        has_path = bool(self.path_edit.text().strip())
        errors = len(plan.errors) if plan is not None else 0
        valid = len(self.valid_rows(plan)) if plan is not None else 0
        self.back_button.setVisible(page not in (self.PAGE_FILE, self.PAGE_DONE))
        self.recheck_button.setVisible(page == self.PAGE_CHECK)
        self.next_button.setVisible(mapped and page == self.PAGE_FILE)
        self.check_button.setVisible(page == check_from)
        self.import_button.setVisible(page == self.PAGE_CHECK)
        self.cancel_button.setVisible(page != self.PAGE_DONE)
        self.close_button.setVisible(page == self.PAGE_DONE)
        self.skip_button.setVisible(page == self.PAGE_CHECK and errors > 0)
        self.skip_button.setText(
            self.tr("Impor baris yang &valid saja (lewati {0} baris)").format(format_number(errors))
        )
        self.next_button.setEnabled(not busy and has_path)
        if mapped:
            self.check_button.setEnabled(
                not busy and page == self.PAGE_MAPPING and not self.mapping_problems()
            )
        else:
            self.check_button.setEnabled(not busy and has_path)
        self.import_button.setEnabled(not busy and plan is not None and not errors and valid > 0)
        self.skip_button.setEnabled(not busy and plan is not None and errors > 0 and valid > 0)
        self.back_button.setEnabled(not busy)
        self.recheck_button.setEnabled(not busy and self.table is not None)
        self.browse_button.setEnabled(not busy)
        for button in (self.next_button, self.check_button, self.import_button, self.close_button):
            button.setDefault(False)
            button.setAutoDefault(False)
        default = {
            self.PAGE_FILE: self.next_button if mapped else self.check_button,
            self.PAGE_CHECK: self.import_button if self.import_button.isEnabled() else None,
            self.PAGE_DONE: self.close_button,
        }
        if mapped:
            default[self.PAGE_MAPPING] = self.check_button
        button = default.get(page)
        if button is not None:
            button.setDefault(True)
        for button in (self.back_button, self.recheck_button, self.skip_button, self.cancel_button):
            button.setAutoDefault(False)

    def _show_unmapped(self, page: int) -> None:
        headers = self.unmapped_headers() if page in (self.PAGE_MAPPING, self.PAGE_CHECK) else []
        if headers:
            names = ", ".join(f"\u201c{h}\u201d" for h in headers)
            self.unmapped_notice.setText(
                "\u26a0 "
                + self.tr(
                    "Kolom berisi data yang belum dipetakan: {0} \u2014 petakan ke kolom impor, atau biarkan "
                    "diabaikan."
                ).format(names)
            )
        self.unmapped_notice.setVisible(bool(headers))

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def go_back(self) -> None:
        page = self.pages.currentIndex()
        if page == self.PAGE_CHECK and self.PAGE_MAPPING is not None:
            self.show_page(self.PAGE_MAPPING)
        elif page in (self.PAGE_CHECK, self.PAGE_MAPPING):
            self.show_page(self.PAGE_FILE)

    def reject(self) -> None:
        if self.busy:
            return  # the progress dialog's own "Batal" stops the work first
        super().reject()

    # ------------------------------------------------------------------ work off the GUI thread
    def _run(
        self,
        title: str,
        work: Callable[[Progress], Any],
        on_done: Callable[[Any], None],
        on_failure: Callable[[BaseException], None],
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        """Start ``work`` as the wizard's one task; an unexpected error is a bug (the crash dialog)."""

        def done(result: Any) -> None:
            self.task = None
            on_done(result)

        def failed(exc: BaseException) -> None:
            self.task = None
            self.update_buttons()
            if not is_expected(exc):
                report_bug(exc)
                return
            on_failure(exc)

        def cancelled() -> None:
            self.task = None
            self.update_buttons()
            if on_cancel is not None:
                on_cancel()

        self.task = run_task(self, title, work, on_done=done, on_error=failed, on_cancel=cancelled)
        self.update_buttons()

    # ------------------------------------------------------------------ step 1: the file
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.TEXTS.choose_title, start_dir(), self.TEXTS.file_filter
        )
        if path:
            self.path_edit.setText(path)
            self.load_file(Path(path))

    def load_from_field(self, then_validate: bool = False) -> None:
        text = self.path_edit.text().strip().strip('"')
        if text and not self.busy:
            self.load_file(Path(text).expanduser(), then_validate)

    def load_file(self, path: Path, then_validate: bool = False) -> None:
        """Read ``path`` off the GUI thread, then the mapping step (or, with ``then_validate``, straight to the
        check); a module without a mapping step has every row checked in the same task. Nothing is written."""
        if self.busy:
            return
        set_message(self.file_message, "", ERROR_COLOR)
        if self.path_edit.text().strip() != str(path):
            self.path_edit.setText(str(path))
        read = self.read_file
        check = None if self.PAGE_MAPPING is not None else self.checker()
        ctx = self.ctx
        reading = self.tr("Membaca {0}…").format(path.name)
        checking = self.tr("Memeriksa semua baris {0}…").format(path.name)

        def work(progress: Progress) -> tuple[Table, Any]:
            progress.set(0, 0, reading)
            table = read(path)
            progress.check()
            if check is None:
                return table, None
            progress.set(0, 0, checking)
            with ctx.read() as session:
                plan = check(session, table)
            progress.check()
            return table, plan

        def done(found: tuple[Table, Any]) -> None:
            table, plan = found
            remember_dir(path)
            self.use_table(table)
            if plan is not None:
                self._show_plan(plan)
            elif then_validate and not self.mapping_problems():
                self.validate()
            else:
                self.show_page(self.PAGE_MAPPING)

        def failed(exc: BaseException) -> None:
            set_message(self.file_message, error_text(exc), ERROR_COLOR)
            self.show_page(self.PAGE_FILE)

        title = self.tr("Membaca berkas") if check is None else self.tr("Memeriksa berkas")
        self._run(title, work, done, failed)

    def reread(self) -> None:
        """Read the same file again (fixed in Excel meanwhile) and check it again, with the same mapping."""
        if self.table is not None:
            self.load_from_field(then_validate=True)

    def save_template(self) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.TEXTS.template_title, start_dir(self.TEXTS.template_name), self.tr("Excel (*.xlsx)")
        )
        if not path:
            return None
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        try:
            self.write_template(target)
        except (ServiceError, OSError) as exc:
            set_message(self.template_message, error_text(exc), ERROR_COLOR)
            return None
        remember_dir(target)
        set_message(
            self.template_message,
            self.tr("Templat tersimpan: {0}. Isi di Excel, simpan, lalu pilih berkasnya di atas.").format(
                target
            ),
            SUCCESS_COLOR,
        )
        return target

    def _check_clicked(self) -> None:
        if self.PAGE_MAPPING is None:
            self.load_from_field()
        else:
            self.validate()

    # ------------------------------------------------------------------ the check
    def validate(self) -> None:
        """Check every row of the file read, as mapped, off the GUI thread; nothing is written."""
        table = self.table
        if table is None or self.busy or self.mapping_problems():
            return
        check = self.checker()
        ctx = self.ctx
        text = self.tr("Memeriksa {0} baris…").format(format_number(len(table.rows)))

        def work(progress: Progress) -> Any:
            progress.set(0, 0, text)
            with ctx.read() as session:
                plan = check(session, table)
            progress.check()
            return plan

        self._run(
            self.tr("Memeriksa berkas"),
            work,
            self._show_plan,
            lambda exc: self.mapping_failed(error_text(exc)),
        )

    def shown_warnings(self, plan: Any) -> list[RowError]:
        """The plan's warnings with the reader's notes on the file (title rows, a block under the table) that
        the plan does not already carry."""
        notes = self.table.notes if self.table is not None else ()
        return [n for n in notes if n not in plan.warnings] + list(plan.warnings)

    def _show_plan(self, plan: Any, note: str = "") -> None:
        self.plan = plan
        shown_warnings = self.shown_warnings(plan)
        valid, errors, warnings = len(self.valid_rows(plan)), len(plan.errors), len(shown_warnings)
        read = format_number(plan.rows_read)
        if plan.rows_read == 0 and not errors:
            text, color = self.TEXTS.no_rows, WARNING_COLOR
        elif not errors:
            text, color = self.all_valid_text(plan), SUCCESS_COLOR
        elif valid:
            text = self.tr(
                "<b>{0} baris tidak valid</b> dari {1} baris; {2} baris valid. Tidak ada yang diimpor sampai "
                "berkasnya diperbaiki — atau impor baris yang valid saja."
            ).format(format_number(errors), read, format_number(valid))
            color = ERROR_COLOR
        else:
            text = self.tr(
                "<b>Tidak ada baris yang valid</b> ({0} baris tidak valid). Perbaiki berkasnya."
            ).format(format_number(errors))
            color = ERROR_COLOR
        if warnings:
            text += " " + self.tr("{0} peringatan tidak menghalangi impor.").format(format_number(warnings))
        self.summary.setText(f"<span style='color:{color}'>{text}</span>")
        details = self.plan_details(plan)
        self.details_label.setText(details)
        self.details_label.setVisible(bool(details))
        set_message(self.check_message, note, WARNING_COLOR)

        self._fill(self.error_table, plan.errors)
        self.errors_label.setText(self.tr("&Baris yang salah ({0})").format(format_number(errors)))
        self.errors_box.setVisible(bool(errors))
        self._fill(self.warning_table, shown_warnings)
        self.warnings_label.setText(self.TEXTS.warnings_title.format(format_number(warnings)))
        self.warnings_box.setVisible(bool(warnings))
        self.check_stretch.setVisible(not errors and not warnings)
        self.show_page(self.PAGE_CHECK)

    @staticmethod
    def file_first(rows: Sequence[RowError]) -> list[RowError]:
        """The problems of the whole file first, then the rows' in the plan's order."""
        return sorted(rows, key=lambda problem: problem.line != FILE_LINE)

    @classmethod
    def _fill(cls, table: QTableWidget, rows: Sequence[RowError]) -> None:
        rows = cls.file_first(rows)
        table.setUpdatesEnabled(False)
        table.clearContents()
        table.setRowCount(len(rows))
        for index, problem in enumerate(rows):
            where = FILE_WHERE if problem.line == FILE_LINE else str(problem.line)
            line = QTableWidgetItem(where + (" (judul kolom)" if problem.header else ""))
            line.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            reason = QTableWidgetItem(problem.reason)
            reason.setToolTip(problem.reason)
            reason.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            table.setItem(index, 0, line)
            table.setItem(index, 1, reason)
        wrap = len(rows) <= WRAP_LIMIT
        table.setWordWrap(wrap)
        table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents if wrap else QHeaderView.ResizeMode.Fixed
        )
        table.setUpdatesEnabled(True)
        table.scrollToTop()

    def error_rows(self) -> list[tuple[int, str]]:
        """The bad rows as listed: (line, reason); a problem of the whole file has line 0."""
        return self._listed(self.error_table)

    def warning_rows(self) -> list[tuple[int, str]]:
        """The warnings as listed, the reader's notes among them: (line, reason); line 0 for the file."""
        return self._listed(self.warning_table)

    @staticmethod
    def _listed(table: QTableWidget) -> list[tuple[int, str]]:
        def line(text: str) -> int:
            return FILE_LINE if text == FILE_WHERE else int(text)

        return [(line(table.item(r, 0).text()), table.item(r, 1).text()) for r in range(table.rowCount())]

    def copy_errors(self) -> str:
        plan = self.plan
        if plan is None:
            return ""
        text = "\n".join(str(e) for e in self.file_first(plan.errors))
        QGuiApplication.clipboard().setText(text)
        return text

    # ------------------------------------------------------------------ the import
    def import_all(self) -> None:
        plan = self.plan
        if plan is not None and not plan.errors and self.valid_rows(plan):
            self._import(skip_invalid=False)

    def import_valid_only(self) -> None:
        plan = self.plan
        if plan is None or not plan.errors or not self.valid_rows(plan):
            return
        valid = format_number(len(self.valid_rows(plan)))
        lines = ", ".join(
            FILE_WHERE if e.line == FILE_LINE else str(e.line) for e in plan.errors[:SHOWN_LINES]
        )
        more = (
            self.tr(" dan {0} lainnya").format(format_number(len(plan.errors) - SHOWN_LINES))
            if len(plan.errors) > SHOWN_LINES
            else ""
        )
        if not dialogs.confirm(
            self,
            self.tr("Impor baris yang valid saja"),
            self.tr(
                "{0} baris yang valid akan diimpor.\n\n{1} baris tidak valid (baris {2}{3}) {4}\n\nLanjutkan?"
            ).format(valid, format_number(len(plan.errors)), lines, more, self.TEXTS.skip_consequence),
            yes=self.tr("Impor {0} baris").format(valid),
            no=self.tr("Kembali"),
        ):
            return
        self._import(skip_invalid=True)

    def _import(self, *, skip_invalid: bool, again: bool = False) -> None:
        table, shown = self.table, self.plan
        if table is None or shown is None or self.busy:
            return
        check = self.checker()
        write = self.importer(skip_invalid=skip_invalid, again=again)
        valid_rows = self.valid_rows
        ctx = self.ctx
        shown_lines, shown_valid = [e.line for e in shown.errors], len(valid_rows(shown))
        checking = self.tr("Memeriksa ulang {0} baris…").format(format_number(len(table.rows)))
        text = self.TEXTS.importing.format(format_number(shown_valid))

        def work(progress: Progress) -> tuple[bool, Any]:
            progress.set(0, 0, checking)
            # Checked again in the import's own transaction: another workstation may have registered a row
            # since the check (taken a number, made a row a duplicate); then nothing is written.
            with ctx.transaction() as session:
                plan = check(session, table)
                if [e.line for e in plan.errors] != shown_lines or len(valid_rows(plan)) != shown_valid:
                    return False, plan
                progress.check()
                progress.set(0, 0, text)
                result = write(session, plan)
                progress.check()  # cancelled at the last moment: leaving the block rolls everything back
                return True, result

        def done(outcome: tuple[bool, Any]) -> None:
            imported, found = outcome
            if imported:
                self._finished(found)
            else:
                self._show_plan(found, self.TEXTS.changed)

        def failed(exc: BaseException) -> None:
            if (
                isinstance(exc, AlreadyImported)
                and self.TEXTS.again_question
                and dialogs.confirm(
                    self,
                    self.tr("Berkas sudah pernah diimpor"),
                    self.TEXTS.again_question.format(exc),
                    yes=self.tr("Impor lagi"),
                    no=self.tr("Batal"),
                    danger=True,
                )
            ):
                self._import(skip_invalid=skip_invalid, again=True)
                return
            set_message(
                self.check_message,
                self.tr("Impor gagal, tidak ada yang diimpor: {0}").format(error_text(exc)),
                ERROR_COLOR,
            )

        def cancelled() -> None:
            set_message(
                self.check_message, self.tr("Impor dibatalkan; tidak ada yang diimpor."), WARNING_COLOR
            )

        self._run(self.TEXTS.import_title, work, done, failed, cancelled)

    def _finished(self, result: Any) -> None:
        self.outcome = result
        text = self.done_text(result)
        skipped = getattr(result, "skipped", 0)
        if skipped:
            text += self.tr("; {0} baris tidak valid dilewati").format(format_number(skipped))
        self.done_label.setText(f"<span style='color:{SUCCESS_COLOR}'>{text}.</span>")
        notes = self.done_notes(result)
        notes.append(
            self.tr("Impor ini tercatat di log audit atas nama {0}.").format(
                self.ctx.actor.full_name or self.ctx.actor.username
            )
        )
        self.done_note.setText(" ".join(notes))
        self.show_page(self.PAGE_DONE)
        announcement = self.announcement(result)
        if announcement is not None:
            self.imported.emit(announcement)
