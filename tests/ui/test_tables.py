"""The shared pieces of a list screen: heading, search after a pause, the table view, rows by id, keys, reason."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QWidget,
)

from desktop.ui.widgets.keys import sequence
from desktop.ui.widgets.paged_model import PagedTableModel
from desktop.ui.widgets.reason import ReasonDialog
from desktop.ui.widgets.tables import (
    SEARCH_DELAY_MS,
    ask_reason,
    focus_search,
    heading,
    keep_columns_on_screen,
    list_table,
    screen_layout,
    search_box,
    select_key,
    selected_row,
    set_widths,
    take_key,
)

PAGE = 10


@dataclass(frozen=True)
class Row:
    id: int
    nama: str


class NamesModel(PagedTableModel[Row]):
    def text(self, row: Row, column: int) -> str:
        return str(row.id) if column == 0 else row.nama


def names_model(count: int = 35) -> NamesModel:
    rows = [Row(i, f"Pegawai {i}") for i in range(1, count + 1)]
    return NamesModel(lambda offset: (rows[offset : offset + PAGE], len(rows)), ["No", "Nama"])


def test_heading_is_bold_and_larger(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    title = heading("Data pegawai", parent)
    assert title.text() == "Data pegawai"
    assert title.font().bold()
    assert title.font().pointSizeF() > QLabel(parent).font().pointSizeF()


def test_search_box_reloads_once_after_the_pause(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    calls: list[str] = []
    search, timer = search_box(parent, "Cari… (Ctrl+F)", lambda: calls.append(search.text()))
    assert search.objectName() == "search"
    assert search.placeholderText() == "Cari… (Ctrl+F)"
    assert search.isClearButtonEnabled()
    assert timer.isSingleShot() and timer.interval() == SEARCH_DELAY_MS
    for text in ("a", "an", "and"):
        search.setText(text)
    assert calls == []  # nothing while typing
    qtbot.waitUntil(lambda: calls == ["and"], timeout=SEARCH_DELAY_MS * 8)


def test_list_table_and_rows_by_id(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    model = names_model()
    table = list_table(parent, "namesTable", model, stretch=1)
    assert table.objectName() == "namesTable"
    assert table.model() is model
    assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert table.selectionMode() == QAbstractItemView.SelectionMode.SingleSelection
    assert table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert not table.tabKeyNavigation() and not table.verticalHeader().isVisible()
    header = table.horizontalHeader()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Interactive
    set_widths(table, {0: 77})
    assert table.columnWidth(0) == 77

    model.reload()
    assert selected_row(table, model) is None
    assert select_key(table, model, 4)
    assert selected_row(table, model) == Row(4, "Pegawai 4")
    assert not select_key(table, model, 30)  # not loaded yet
    assert select_key(table, model, 30, fetch=True)  # pages fetched until it is found
    assert selected_row(table, model) == Row(30, "Pegawai 30")
    assert not select_key(table, model, 99, fetch=True)


def test_take_key_claims_and_runs_only_its_keys(qtbot) -> None:  # type: ignore[no-untyped-def]
    ran: list[str] = []
    keys = {sequence("F5"): lambda: ran.append("reload")}
    override = QKeyEvent(QEvent.Type.ShortcutOverride, Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier)
    override.ignore()
    assert take_key(override, keys)
    assert override.isAccepted() and ran == []  # claimed, not run: the key press follows
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_F5, Qt.KeyboardModifier.KeypadModifier)
    assert take_key(press, keys)  # keypad flag ignored
    assert ran == ["reload"]
    other = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_F6, Qt.KeyboardModifier.NoModifier)
    assert not take_key(other, keys)
    release = QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier)
    assert not take_key(release, keys)
    assert ran == ["reload"]


def test_focus_search_selects_the_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    search, _timer = search_box(parent, "", lambda: None)
    search.setText("lama")
    parent.show()
    focus_search(search)
    assert search.selectedText() == "lama"


def _answer(text: str | None, *, then: str | None = None) -> list[str]:
    """Answer the reason dialog that opens next: type ``text`` and press the first button, or back out when
    None; when the dialog stays open (an empty reason), note its message and type ``then``."""
    seen: list[str] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ReasonDialog):
            QTimer.singleShot(10, run)
            return
        if text is None:
            dialog.cancel_button.click()
            return
        dialog.edit.setText(text)
        dialog.ok_button.click()
        if dialog.isVisible():
            seen.append(dialog.message.text())
            dialog.edit.setText(then or "")
            dialog.ok_button.click()

    QTimer.singleShot(0, run)
    return seen


def test_ask_reason(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    _answer("  salah catat  ")
    assert ask_reason(parent, "Batalkan", "Alasan:", cancel="Kembali", width=460) == "salah catat"
    # Issue 13: an empty reason no longer closes the dialog as if backed out; it says why and waits.
    seen = _answer("   ", then="dobel")
    assert ask_reason(parent, "Batalkan", "Alasan:", cancel="Kembali", width=460) == "dobel"
    assert seen == ["Alasan pembatalan wajib diisi."]
    _answer(None)
    assert ask_reason(parent, "Batalkan", "Alasan:", cancel="Kembali", width=460) is None


def test_screen_layout_gives_the_table_the_height(qtbot) -> None:  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    top, actions = QHBoxLayout(), QHBoxLayout()
    table = list_table(parent, "t", names_model(), stretch=1)
    note = QLabel(parent)
    layout = screen_layout(parent, top, table, note, actions, stretch=table)
    assert parent.layout() is layout
    assert [layout.itemAt(i).layout() or layout.itemAt(i).widget() for i in range(layout.count())] == [
        top,
        table,
        note,
        actions,
    ]
    assert [layout.stretch(i) for i in range(layout.count())] == [0, 1, 0, 0]
    assert layout.contentsMargins().left() == 12 and layout.spacing() == 6


class WideModel(PagedTableModel[Row]):
    """Five columns: no, asal (long), perihal (stretch), kode, status — the shape of an agenda."""

    def text(self, row: Row, column: int) -> str:
        return [str(row.id), row.nama * 3, "perihal " * 5, "800.1.11", "Disposisi dicetak"][column]


def test_long_columns_narrow_first_so_the_key_columns_stay_on_a_small_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    rows = [Row(i, f"Dinas Perindustrian {i}") for i in range(1, 6)]
    model = WideModel(
        lambda offset: (rows[offset : offset + PAGE], len(rows)), ["No", "Asal", "Perihal", "Kode", "Status"]
    )
    table = list_table(None, "agenda", model, stretch=2)
    qtbot.addWidget(table)
    set_widths(table, {0: 60, 1: 400, 3: 90, 4: 140})
    keep_columns_on_screen(table, [1], minimum=80)
    model.reload()
    table.resize(1200, 300)
    table.show()
    qtbot.waitUntil(lambda: table.columnWidth(1) == 400)  # room enough: the preferred width

    table.resize(600, 300)  # a 1024 px screen with the form beside it
    header = table.horizontalHeader()

    def status_in_view() -> bool:
        return header.sectionViewportPosition(4) + header.sectionSize(4) <= table.viewport().width()

    qtbot.waitUntil(status_in_view)
    assert 80 <= table.columnWidth(1) < 400  # asal gave up its width
    assert table.columnWidth(2) >= 80  # perihal stays readable
    assert table.columnWidth(3) == 90 and table.columnWidth(4) == 140  # key columns untouched

    table.setColumnWidth(1, 300)  # the clerk drags asal wider: that is the width wanted back later
    table.resize(1200, 300)
    qtbot.waitUntil(lambda: table.columnWidth(1) == 300)

    table.resize(300, 300)  # too narrow for anything: asal stops at its minimum and a scroll bar appears
    qtbot.waitUntil(lambda: table.columnWidth(1) == 80)
