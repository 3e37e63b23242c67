"""A row of controls that wraps onto the next line when the window is narrow (1024×600 laptops).

Toolbars of filters and buttons are laid out left to right like words in a paragraph: on a wide screen they
sit on one line, on a small one the ones that do not fit move to a second line instead of pushing the whole
window wider than the screen. Widgets added with ``grow=True`` (a search box) take the spare width of their
line.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QLayoutItem, QWidget, QWidgetItem


class FlowRow(QLayout):
    """Left-to-right items that wrap; the layout's height follows the width it is given."""

    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6, line_spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._grow: set[int] = set()  # ids of the items that take a line's spare width
        self._breaks: set[int] = set()  # ids of the items that always start a new line
        self._spacing = spacing
        self._line_spacing = line_spacing
        if parent is None:
            self.setContentsMargins(0, 0, 0, 0)

    # ------------------------------------------------------------------ building
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def add(self, widget: QWidget, *, grow: bool = False, new_line: bool = False) -> QWidget:
        """Add ``widget``; ``grow`` gives it the spare width of its line, ``new_line`` starts a line with it."""
        self.addChildWidget(widget)
        item = QWidgetItem(widget)
        self._items.append(item)
        if grow:
            self._grow.add(id(item))
        if new_line:
            self._breaks.add(id(item))
        self.invalidate()
        return widget

    def add_labelled(self, label: QWidget, widget: QWidget, *, grow: bool = False) -> None:
        """A label and its field kept together on one line: they wrap as a pair."""
        pair = QWidget(self.parentWidget())
        row = QHBoxLayout(pair)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label)
        row.addWidget(widget, 1 if grow else 0)
        pair.setFocusProxy(widget)
        self.add(pair, grow=grow)

    # ------------------------------------------------------------------ QLayout
    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self._grow.discard(id(item))
        self._breaks.discard(id(item))
        return item

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self) -> QSize:
        """Everything on one line: what the row asks for when there is room."""
        visible = [item for item in self._items if not item.isEmpty()]
        margins = self.contentsMargins()
        width = sum(item.sizeHint().width() for item in visible) + self._spacing * max(0, len(visible) - 1)
        height = max((item.sizeHint().height() for item in visible), default=0)
        return QSize(width, height) + QSize(
            margins.left() + margins.right(), margins.top() + margins.bottom()
        )

    def minimumSize(self) -> QSize:
        """The widest single item: the row never asks for more than that, it wraps instead."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins: QMargins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    # ------------------------------------------------------------------ arranging
    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        lines: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._items:
            if item.isEmpty():
                continue
            width = item.sizeHint().width()
            line = lines[-1]
            needed = width if not line else used + self._spacing + width
            if line and (needed > area.width() or id(item) in self._breaks):
                lines.append([item])
                used = width
            else:
                line.append(item)
                used = needed
        y = area.y()
        for line in lines:
            if not line:
                continue
            height = max(item.sizeHint().height() for item in line)
            if apply:
                self._place(line, area, y, height)
            y += height + self._line_spacing
        return y - self._line_spacing - rect.y() + margins.bottom() if any(lines) else 0

    def _place(self, line: list[QLayoutItem], area: QRect, y: int, height: int) -> None:
        widths = [min(item.sizeHint().width(), area.width()) for item in line]
        spare = area.width() - sum(widths) - self._spacing * (len(line) - 1)
        growing = [i for i, item in enumerate(line) if id(item) in self._grow]
        if spare > 0 and growing:
            share, rest = divmod(spare, len(growing))
            for n, i in enumerate(growing):
                widths[i] += share + (1 if n < rest else 0)
        x = area.x()
        for item, width in zip(line, widths, strict=True):
            item_height = (
                height if item.expandingDirections() & Qt.Orientation.Vertical else item.sizeHint().height()
            )
            top = y + (height - item_height) // 2
            item.setGeometry(
                QRect(QPoint(x, top), QSize(max(width, item.minimumSize().width()), item_height))
            )
            x += width + self._spacing
