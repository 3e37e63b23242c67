"""What the buku agenda masuk and keluar share on screen: year, search, filter row, sortable table and keys."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QEvent, QKeyCombination, QObject, QPoint, QSize, Qt
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget

from desktop.core import clock
from desktop.services.common import office
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Perm
from desktop.ui import dialogs
from desktop.ui.context import UiContext
from desktop.ui.letters.agenda_filters import FILTER_KEY, FilterBar, FilterToggle
from desktop.ui.widgets.keys import is_enter, sequence
from desktop.ui.widgets.messages import muted
from desktop.ui.widgets.paged_model import PagedTableModel
from desktop.ui.widgets.tables import (
    focus_search,
    heading,
    list_table,
    search_box,
    select_key,
    selected_row,
    take_key,
)

RELOAD_KEY = sequence("F5")
FIND_KEY = sequence("Ctrl+F")

MIN_ROWS = 4  # rows of the book kept in sight however small the screen


class Letter(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def status(self) -> str: ...


R = TypeVar("R", bound=Letter)


class AgendaList(QWidget, Generic[R]):
    """The base of a buku agenda screen. A subclass builds its parts in this order — ``build_header``,
    ``build_filters``, ``build_table``, its buttons, then ``top_row`` and ``watch_keys`` — and gives
    ``update_count``, ``update_actions`` and ``handle_key`` (its own keys; call this class's for the shared ones)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        with ctx.read() as s:
            self.zone = office.get_profile(s).zona_waktu or "WIB"
        self.kept_selection: int | None = None
        self.model: PagedTableModel[R]

    # ------------------------------------------------------------------ building
    def build_header(self, title: str, year_name: str, placeholder: str) -> None:
        self.title = heading(title, self)
        self.year = QSpinBox(self)
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(clock.today(self.zone).year)
        self.year.setAccessibleName(year_name)
        self.year.valueChanged.connect(lambda _v: self.year_changed())
        self.year_label = QLabel(self.tr("Tahun"), self)
        self.year_label.setBuddy(self.year)
        self.search, self.search_timer = search_box(self, placeholder, self.reload)
        self.count_label = muted(QLabel(self))
        self.count_label.setObjectName("countLabel")
        self.build_year_search_hint()

    def build_year_search_hint(self) -> None:
        """The line under the search box when a search finds nothing in the year on screen: the book is per
        year, so ``/2025`` typed in 2026 finds nothing; the line says so and offers every year (with the count
        of hits there). The subclass puts ``year_search_hint`` in its layout."""
        self.all_years = False  # the search runs over every year until the search or the year changes
        self.other_years_total = 0
        self.year_search_hint = QWidget(self)
        self.year_search_hint.setObjectName("yearSearchHint")
        self.year_search_label = QLabel(self.year_search_hint)
        self.year_search_label.setObjectName("yearSearchLabel")
        self.year_search_button = QPushButton(self.year_search_hint)
        self.year_search_button.setObjectName("yearSearchButton")
        self.year_search_button.setAutoDefault(False)
        self.year_search_button.clicked.connect(self.toggle_all_years)
        row = QHBoxLayout(self.year_search_hint)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.year_search_label)
        row.addWidget(self.year_search_button)
        row.addStretch(1)
        self.year_search_hint.hide()

    def build_filters(self, bar: FilterBar, year_hint: str) -> None:
        """The filter row, hidden until asked for (the table keeps its rows on a small screen); a date range in
        it replaces the year, which ``year_hint`` explains."""
        self.filter_bar = bar
        self.year_hint = year_hint
        bar.hide()
        bar.changed.connect(self.filters_changed)
        self.filter_toggle = FilterToggle(self)
        self.filter_toggle.toggled.connect(bar.setVisible)

    def build_table(self, model: PagedTableModel[R], name: str, stretch: int) -> None:
        """The table, sorted in SQL by a click on a header (column 0 descending is the book's own order)."""
        self.model = model
        self.table = list_table(self, name, model, stretch)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        header.setSortIndicatorShown(True)
        header.setSortIndicatorClearable(True)  # a third click goes back to the book's own order
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)  # the model sorts in SQL (PagedTableModel.sort)
        model.sorted.connect(self.after_sort)
        model.modelAboutToBeReset.connect(self.remember_selection)
        # A book showing one row is no book: the form pane above (it scrolls) gives way first, also when the
        # filter row opens on a 1024×600 screen.
        rows = self.table.verticalHeader().defaultSectionSize() * MIN_ROWS
        self.table.setMinimumHeight(header.sizeHint().height() + rows + 2 * self.table.frameWidth() + 4)

    def connect_table(self, activate: Callable[[], object]) -> None:
        """Double click runs ``activate``; the context menu, the buttons and the count follow the table."""
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self.context_menu)
        self.table.doubleClicked.connect(lambda _i: activate())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self.update_actions())
        self.model.modelReset.connect(self.update_count)
        self.model.rowsInserted.connect(lambda *_a: self.update_count())

    def top_row(self) -> QHBoxLayout:
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(12)
        top.addWidget(self.search, 1)
        top.addWidget(self.filter_toggle)
        top.addWidget(self.count_label)
        top.addSpacing(12)
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        return top

    def watch_keys(self, *extra: QWidget) -> None:
        """Send the keys of every field of the screen through ``eventFilter`` (then ``handle_key``)."""
        for widget in (
            self.year,
            self.search,
            self.table,
            *extra,
            self.filter_toggle,
            *self.findChildren(QPushButton),
            *self.filter_bar.findChildren(QWidget),
        ):
            widget.installEventFilter(self)

    # ------------------------------------------------------------------ size
    def minimumSizeHint(self) -> QSize:
        """As tall as the rows need at the width the list has now: the opened filter row wraps onto a second
        line at 1024 px, and a minimum counted for one line let the splitter squeeze the table under the
        buttons (the form pane above scrolls, so it gives way instead)."""
        hint = super().minimumSizeHint()
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth() and self.width() > 0:
            hint.setHeight(max(hint.height(), layout.minimumHeightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the wrapped rows' height changed with the width: the splitter asks again

    # ------------------------------------------------------------------ for the subclass
    def update_count(self) -> None:
        raise NotImplementedError

    def update_actions(self) -> None:
        raise NotImplementedError

    def context_menu(self, pos: QPoint) -> None:
        raise NotImplementedError

    def current_filter(self) -> Any:
        """What the filter bar says, as the service's filter (also while the bar is hidden)."""
        raise NotImplementedError

    def ask_reason(self, info: R) -> str | None:
        """The reason for cancelling ``info``; None when the clerk backs out."""
        raise NotImplementedError

    # ------------------------------------------------------------------ cancelling
    def ask_cancel(self, title: str, question: Callable[[R, str], str], yes: str) -> tuple[R, str] | None:
        """The selected letter and the reason for cancelling it, asked (``ask_reason``) and then confirmed with
        ``question(info, reason)`` on a button ``yes`` that says what it does, beside "Kembali"; None when
        nothing cancellable is selected, the clerk may not, or backs out."""
        info = self.selected_info()
        if info is None or info.status == "batal" or not self.ctx.actor.can(Perm.WRITE_LETTERS):
            return None
        reason = self.ask_reason(info)
        if reason is None:
            return None
        if not dialogs.confirm(
            self, title, question(info, reason), yes=yes, no=self.tr("Kembali"), danger=True
        ):
            return None
        return info, reason

    # ------------------------------------------------------------------ data
    def fetch_page(
        self, offset: int, list_letters: Callable[..., tuple[list[R], int]], limit: int, title: str
    ) -> tuple[list[R], int]:
        """One page of ``list_letters`` for the year, search, filters and sort on screen; an error is shown
        under ``title`` and leaves the list empty."""
        filters = self.current_filter()
        # A date range replaces the year: a range across the new year is not cut at 1 January.
        tahun = None if filters.dari is not None or self.all_years else self.year.value()
        try:
            page = self.ctx.query(
                list_letters,
                tahun=tahun,
                text=self.search.text(),
                filters=filters,
                sort=self.model.sort_spec,
                limit=limit,
                offset=offset,
            )
            if offset == 0:
                self.other_years_total = 0
                if page[1] == 0 and tahun is not None and self.searching():
                    # One count over every year, only when this year has nothing: cheap, and it is the hint.
                    self.other_years_total = self.ctx.query(
                        list_letters, tahun=None, text=self.search.text(), filters=filters, limit=1
                    )[1]
            return page
        except ServiceError as exc:
            dialogs.error(self, title, str(exc))
            return [], 0

    def searching(self) -> bool:
        """A search text or a filter narrows the book (the year alone does not)."""
        return bool(self.search.text().strip()) or bool(self.current_filter().active_count)

    def year_changed(self) -> None:
        self.all_years = False
        self.reload()

    def toggle_all_years(self) -> None:
        """The hint's button: search every year, or go back to the year on screen."""
        self.all_years = not self.all_years
        self.reload()
        if self.all_years and self.model.rows:
            self.table.setFocus()

    def update_year_search_hint(self) -> None:
        year = self.year.value()
        ranged = self.current_filter().dari is not None
        if self.all_years and not ranged:
            self.year_search_label.setText(self.tr("Hasil dari semua tahun."))
            self.year_search_button.setText(self.tr("Kembali ke tahun {0}").format(year))
            self.year_search_button.show()
        elif not ranged and self.searching() and self.model.total == 0:
            if self.other_years_total:
                self.year_search_label.setText(self.tr("Tidak ada yang cocok di tahun {0}.").format(year))
                self.year_search_button.setText(
                    self.tr("Cari di semua tahun? ({0} surat)").format(self.other_years_total)
                )
                self.year_search_button.show()
            else:
                self.year_search_label.setText(
                    self.tr("Tidak ada yang cocok di tahun {0} maupun tahun mana pun.").format(year)
                )
                self.year_search_button.hide()
        else:
            self.year_search_hint.hide()
            return
        self.year_search_hint.show()

    def reload(self, select_id: int | None = None) -> None:
        """Fetch again with the current year, search and filters; keep (or move to) the selected letter."""
        self.search_timer.stop()
        if self.all_years and not self.searching():
            self.all_years = False  # every year is for a search; the whole book stays one year at a time
        keep = select_id if select_id is not None else self.selected_id()
        self.model.reload()
        if (keep is None or not self.select(keep)) and self.model.rows:
            self.table.selectRow(0)  # the newest letter: the keys and buttons act on something sensible
        self.update_actions()
        self.update_year_search_hint()

    def filters_changed(self) -> None:
        """Count the filters on the toggle and reload after the same pause as typing in the search box."""
        self.filter_toggle.set_count(self.current_filter().active_count)
        ranged = self.filter_bar.date_range()[0] is not None
        self.year.setEnabled(not ranged)
        self.year.setToolTip(self.year_hint if ranged else "")
        self.search_timer.start()

    def toggle_filters(self) -> None:
        """Ctrl+Shift+F: show the filter row and put the cursor in it, or hide it and go back to the table."""
        if self.filter_bar.isVisible() and not self.filter_bar.isAncestorOf(self.focusWidget()):
            self.filter_bar.focus_first()
            return
        self.filter_toggle.setChecked(not self.filter_toggle.isChecked())
        if self.filter_bar.isVisible():
            self.filter_bar.focus_first()
        else:
            self.table.setFocus()

    def remember_selection(self) -> None:
        self.kept_selection = self.selected_id()

    def after_sort(self) -> None:
        """A header click fetched the first page in the new order: keep the letter selected, else the first."""
        self.update_count()
        if (self.kept_selection is None or not self.select(self.kept_selection)) and self.model.rows:
            self.table.selectRow(0)
            self.table.scrollToTop()
        self.update_actions()
        self.update_year_search_hint()

    def select(self, letter_id: int) -> bool:
        return select_key(self.table, self.model, letter_id)

    def selected_info(self) -> R | None:
        return selected_row(self.table, self.model)

    def selected_id(self) -> int | None:
        info = self.selected_info()
        return info.id if info is not None else None

    # ------------------------------------------------------------------ keyboard
    def keys(self, watched: QObject) -> dict[QKeyCombination, Callable[[], object]]:
        """The keys the screen keeps while focus is in ``watched``: F5 reloads, Ctrl+F searches, Ctrl+Shift+F
        shows the filters; a subclass adds its own."""
        return {
            RELOAD_KEY: self.reload,
            FIND_KEY: lambda: focus_search(self.search),
            FILTER_KEY: self.toggle_filters,
        }

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent):
            if take_key(event, self.keys(watched)):
                return True
            if event.type() == QEvent.Type.KeyPress:
                if watched is self.search and (is_enter(event) or event.key() == Qt.Key.Key_Down):
                    if is_enter(event):
                        self.reload()
                    self.table.setFocus()
                    if self.model.rows and not self.selected_info():
                        self.table.selectRow(0)
                    return True
                if (
                    isinstance(watched, QLineEdit)
                    and self.filter_bar.isAncestorOf(watched)
                    and is_enter(event)
                ):
                    self.reload()  # no need to wait for the pause
                    return True
        return super().eventFilter(watched, event)
