"""The shared paged table model: pages fetched as the view scrolls, a new query resets, rows found by id."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QTableView

from desktop.ui.widgets.paged_model import ROW_ROLE, PagedTableModel

PAGE = 20
GREY = QColor("#7a7a7a")


@dataclass(frozen=True)
class Row:
    id: int
    nama: str
    aktif: bool = True


@dataclass
class Book:
    """A list paged the way the services page: ``page(offset)`` gives one page and the count of the query."""

    rows: list[Row]
    text: str = ""
    sort: tuple[str, bool] | None = None
    offsets: list[int] = field(default_factory=list)

    def page(self, offset: int) -> tuple[list[Row], int]:
        self.offsets.append(offset)
        found = [r for r in self.rows if self.text in r.nama]
        if self.sort is not None:
            key, descending = self.sort
            found.sort(key=lambda r: getattr(r, key), reverse=descending)
        return found[offset : offset + PAGE], len(found)


class NamesModel(PagedTableModel[Row]):
    def text(self, row: Row, column: int) -> str:
        return str(row.id) if column == 0 else row.nama

    def tooltip(self, row: Row, column: int) -> str | None:
        return row.nama if column == 1 else None

    def foreground(self, row: Row, column: int) -> QColor | None:
        return None if row.aktif else GREY

    def font(self, row: Row, column: int) -> QFont | None:
        if column != 0:
            return None
        font = QFont()
        font.setBold(True)
        return font

    def alignment(self, row: Row, column: int) -> Qt.AlignmentFlag | None:
        return Qt.AlignmentFlag.AlignRight if column == 0 else None


def _book(count: int = 95) -> Book:
    return Book([Row(i, f"Pegawai {i:03d}", aktif=i % 10 != 0) for i in range(1, count + 1)])


def _model(book: Book, **kwargs) -> NamesModel:  # type: ignore[no-untyped-def]
    model = NamesModel(book.page, ("Nomor", "Nama"), **kwargs)
    model.reload()
    return model


def test_pages_are_fetched_as_the_view_scrolls(qtbot) -> None:  # type: ignore[no-untyped-def]
    book = _book()
    model = _model(book)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(300, 150)  # a few rows visible: the first page fills it, nothing more is asked for
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() == PAGE and model.total == 95 and book.offsets == [0]
    assert model.canFetchMore()

    bar = view.verticalScrollBar()

    def scrolled_to_the_end_shows(rows: int) -> bool:
        bar.setValue(bar.maximum())  # reaching the end asks the model for the next page
        return model.rowCount() == rows

    for loaded in (40, 60, 80, 95):
        qtbot.waitUntil(lambda n=loaded: scrolled_to_the_end_shows(n), timeout=2000)
    assert book.offsets == [0, 20, 40, 60, 80]
    assert not model.canFetchMore()
    assert [r.id for r in model.rows] == list(range(1, 96))


def test_a_page_repeating_a_row_does_not_show_it_twice() -> None:
    book = _book(50)
    model = _model(book)
    book.rows.insert(0, Row(999, "Pegawai baru"))  # registered meanwhile: the next page starts one row later
    model.fetchMore()
    ids = [r.id for r in model.rows]
    assert len(ids) == len(set(ids)) == 39 and ids[-1] == 39
    assert model.total == 51 and model.row_of(39) == 38

    del book.rows[:30]  # removed meanwhile: the list ends before the count said
    model.fetchMore()
    assert not model.canFetchMore() and model.total == len(model.rows)


def test_a_new_query_starts_over_from_the_first_page(qtbot) -> None:  # type: ignore[no-untyped-def]
    book = _book()
    model = _model(book)
    model.fetchMore()
    assert model.rowCount() == 40

    book.text = "Pegawai 05"
    with qtbot.waitSignal(model.modelReset, timeout=1000):
        model.reload()
    assert [r.id for r in model.rows] == list(range(50, 60))
    assert model.total == 10 and not model.canFetchMore()
    assert book.offsets[-1] == 0
    assert model.row_of(1) == -1  # the old query's rows are forgotten


def test_a_header_click_sorts_by_the_column_key_and_reloads(qtbot) -> None:  # type: ignore[no-untyped-def]
    book = _book()

    def page(offset: int) -> tuple[list[Row], int]:
        book.sort = model.sort_spec  # as a panel's fetch reads its model's order
        return book.page(offset)

    model = NamesModel(page, ("Nomor", "Nama"), sort_keys=("id", "nama"), newest_first=(0,))
    model.reload()
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.InitialSortOrderRole) == (
        Qt.SortOrder.DescendingOrder
    )
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.InitialSortOrderRole) == (
        Qt.SortOrder.AscendingOrder
    )
    assert model.headerData(1, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)

    with qtbot.waitSignal(model.sorted, timeout=1000):
        model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.sort_spec == ("nama", True)
    assert model.rows[0].id == 95 and model.rowCount() == PAGE

    calls = len(book.offsets)
    model.sort(1, Qt.SortOrder.DescendingOrder)  # the same order again: nothing fetched
    assert len(book.offsets) == calls

    model.sort(0, Qt.SortOrder.DescendingOrder)  # the list's own order
    assert model.sort_spec is None and model.rows[0].id == 1
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.sort_spec == ("id", False)


def test_a_list_without_sort_keys_ignores_header_clicks() -> None:
    book = _book()
    model = _model(book)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert model.sort_spec is None and book.offsets == [0]
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Nomor"
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
    assert model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.DisplayRole) is None


def test_a_row_is_found_by_id() -> None:
    book = _book()
    model = _model(book)
    assert model.row_of(7) == 6 and model.info(6) == Row(7, "Pegawai 007")
    assert model.index(6, 0).data(ROW_ROLE) == Row(7, "Pegawai 007")
    assert model.row_of(70) == -1 and model.rowCount() == PAGE  # not loaded, and not fetched unless asked
    assert model.row_of(70, fetch=True) == 69 and model.rowCount() == 80
    assert model.row_of(1234, fetch=True) == -1 and model.rowCount() == 95
    assert model.info(95) is None and model.info(-1) is None


def test_rows_found_by_another_key() -> None:
    book = _book(30)
    model = NamesModel(book.page, ("Nomor", "Nama"), key=lambda r: r.nama)
    model.reload()
    assert model.row_of("Pegawai 003") == 2
    assert model.row_of("Pegawai 025", fetch=True) == 24


def test_the_hooks_fill_their_roles() -> None:
    model = _model(_book())
    active, inactive = model.index(0, 0), model.index(9, 1)  # ids 1 and 10
    assert active.data() == "1" and inactive.data() == "Pegawai 010"
    assert active.data(Qt.ItemDataRole.ToolTipRole) is None
    assert inactive.data(Qt.ItemDataRole.ToolTipRole) == "Pegawai 010"
    assert active.data(Qt.ItemDataRole.ForegroundRole) is None
    brush = inactive.data(Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color() == GREY
    assert active.data(Qt.ItemDataRole.FontRole).bold()
    assert inactive.data(Qt.ItemDataRole.FontRole) is None
    assert active.data(Qt.ItemDataRole.TextAlignmentRole) == int(Qt.AlignmentFlag.AlignRight)
    assert inactive.data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.columnCount() == 2 and model.rowCount(active) == 0 and not model.canFetchMore(active)
