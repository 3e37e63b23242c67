"""FlowRow: a toolbar row that wraps onto the next line on a narrow window instead of widening it."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from desktop.ui.widgets.flow import FlowRow


def _toolbar(qtbot):  # type: ignore[no-untyped-def]
    owner = QWidget()
    qtbot.addWidget(owner)
    column = QVBoxLayout(owner)
    row = FlowRow()
    search = QLineEdit()
    row.add_labelled(QLabel("Rentang:"), QLineEdit("90 hari ke depan"))
    row.add(search, grow=True)
    buttons = [
        QPushButton(text) for text in ("Tampilkan yang sudah ditangani", "Muat ulang", "Simpan Excel…")
    ]
    for button in buttons:
        row.add(button)
    column.addLayout(row)
    below = QLabel("tabel")
    column.addWidget(below, 1)
    return owner, row, search, buttons, below


def test_a_row_asks_only_for_its_widest_item_and_wraps_the_rest(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner, row, search, buttons, below = _toolbar(qtbot)
    widest = max(row.itemAt(i).minimumSize().width() for i in range(row.count()))
    margins = owner.layout().contentsMargins()
    assert owner.minimumSizeHint().width() <= widest + margins.left() + margins.right()

    owner.resize(2000, 300)  # wide: one line, the search box takes the spare width
    owner.show()
    qtbot.waitExposed(owner)
    tops = {row.itemAt(i).geometry().top() for i in range(row.count())}
    assert len(tops) == 1
    assert search.width() > search.sizeHint().width()
    one_line_bottom = below.geometry().top()

    owner.resize(420, 300)  # narrow: more lines, everything inside the window, the table pushed down
    qtbot.waitUntil(lambda: len({row.itemAt(i).geometry().top() for i in range(row.count())}) > 1)
    for i in range(row.count()):
        geometry = row.itemAt(i).geometry()
        assert geometry.right() < owner.width() and geometry.left() >= 0
    assert below.geometry().top() > one_line_bottom
    assert buttons[-1].geometry().bottom() < below.geometry().top()  # nothing overlaps the table


def test_new_line_starts_a_line_and_hidden_items_take_no_room(qtbot) -> None:  # type: ignore[no-untyped-def]
    owner = QWidget()
    qtbot.addWidget(owner)
    column = QVBoxLayout(owner)
    row = FlowRow()
    first, hidden, second = QPushButton("Satu"), QPushButton("Tersembunyi"), QPushButton("Dua")
    row.add(first)
    row.add(hidden)
    row.add(second, new_line=True)
    hidden.hide()
    column.addLayout(row)
    owner.resize(800, 200)
    owner.show()
    qtbot.waitExposed(owner)
    assert second.geometry().top() > first.geometry().top()
    assert second.geometry().left() == first.geometry().left()
    assert (
        row.sizeHint().width()
        < first.sizeHint().width() + hidden.sizeHint().width() + second.sizeHint().width()
    )
