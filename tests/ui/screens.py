"""Small-screen checks shared by the UI tests: a window or dialog at the size a Dinas PC gives it, and
everything a clerk needs inside it.

The two screens of issue 13: 1024×600 (small laptops, many Dinas PCs) and 1366×768. A maximised window
loses the taskbar (40 px) and its title bar (30 px) to the system, so the client areas are 1024×530 and
1366×698. Set ``SEKRETARIAT_SHOTS`` to a folder to keep a PNG of every checked screen for looking at.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QWidget,
)

SCREENS = {"1024x600": QSize(1024, 530), "1366x768": QSize(1366, 698)}
SCREEN_IDS = list(SCREENS)
# A dialog may use the whole screen less the taskbar, with its own title bar.
DIALOG_ROOM = {"1024x600": QSize(1024, 530), "1366x768": QSize(1366, 698)}

_NEEDED = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
    QLabel,
)


def pump(rounds: int = 20) -> None:
    app = QApplication.instance()
    assert app is not None
    for _ in range(rounds):
        app.processEvents()


def _scrolled(widget: QWidget, root: QWidget) -> bool:
    """True when ``widget`` sits inside a scroll area's content (or an item view) below ``root``: the clerk
    reaches it by scrolling, so only the scroll area itself has to be on screen."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, (QPlainTextEdit, QTextEdit)):
            return True
        parent = parent.parentWidget()
    return False


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QAbstractButton, QLabel)):
        text = re.sub(r"<[^>]+>", "", widget.text())[:40]
    elif isinstance(widget, QLineEdit):
        text = widget.placeholderText()[:40] or widget.text()[:40]
    return f"{type(widget).__name__}({widget.objectName() or text!r})"


def problems(root: QWidget) -> list[str]:
    """What a clerk cannot see in ``root`` as it is now laid out: a needed widget (button, field, table,
    label with text) outside the window or squeezed below its minimum width, a label cut short (also inside a
    scroll area), or needed widgets drawn over one another."""
    found: list[str] = []
    frame = root.rect()
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, _NEEDED) or not widget.isVisibleTo(root) or widget.isWindow():
            continue
        if _scrolled(widget, root):
            continue
        if isinstance(widget, QLabel) and not widget.text().strip() and widget.pixmap().isNull():
            continue
        if isinstance(widget.parentWidget(), (QComboBox, QAbstractSpinBox)):
            continue  # a combo's own line edit
        if type(widget).__name__ in {"QTabBar", "QToolButton"} and isinstance(
            widget.parentWidget(), QTabWidget
        ):
            continue  # the tab bar scrolls its own tabs
        top_left = widget.mapTo(root, QPoint(0, 0))
        rect = QRect(top_left, widget.size())
        if not frame.contains(rect):
            found.append(
                f"{_name(widget)} keluar layar: {rect.getRect()} di {frame.width()}×{frame.height()}"
            )
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 2:
                found.append(f"{_name(widget)} terpotong: tinggi {widget.height()} < {needed}")
        elif isinstance(widget, (QAbstractButton, QComboBox)):
            hint = widget.minimumSizeHint().width()
            if widget.width() + 2 < hint:
                found.append(f"{_name(widget)} terjepit: lebar {widget.width()} < {hint}")
    for problem in clipped(root) + overlapping(root):
        if problem not in found:
            found.append(problem)
    return found


def clipped(root: QWidget) -> list[str]:
    """Labels with text cut short, also inside a scroll area (scrolling reaches a label, it does not make a cut
    one whole): a wrapped label lower than its text, or one its parent box cuts off. The clip by a scroll
    area's viewport is scrolling, not cutting, so the walk up the parents stops there."""
    found = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or not label.text().strip():
            continue
        if label.wordWrap() and label.heightForWidth(label.width()) > label.height() + 2:
            found.append(
                f"{_name(label)} terpotong: tinggi {label.height()} < {label.heightForWidth(label.width())}"
            )
            continue
        child: QWidget = label
        parent = label.parentWidget()
        while parent is not None and child is not root:
            if isinstance(parent.parentWidget(), QAbstractScrollArea):
                break  # parent is a viewport
            shown = QRect(label.mapTo(parent, QPoint(0, 0)), label.size())
            if not parent.rect().contains(shown):
                found.append(f"{_name(label)} terpotong oleh {type(parent).__name__}")
                break
            child, parent = parent, parent.parentWidget()
    return found


def visible_part(widget: QWidget, root: QWidget) -> QRect:
    """The part of ``widget`` its parents leave visible (a scrolled form's rows end at the viewport)."""
    rect = QRect(widget.mapTo(root, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        rect = rect.intersected(QRect(parent.mapTo(root, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return rect


def overlapping(root: QWidget) -> list[str]:
    """Fields, buttons, tables and texts drawn over one another (a widget left out of every layout sits at the
    top left, over the first row; a table given more height than the page has runs under the buttons)."""
    shown = [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, _NEEDED)
        and w.isVisibleTo(root)
        and not w.isWindow()
        and not (isinstance(w, QLabel) and not w.text().strip() and w.pixmap().isNull())
    ]
    # A widget's own parts (a combo's line edit, a table's header, a tab bar's buttons) are not "over" it.
    shown = [w for w in shown if not any(o is not w and o.isAncestorOf(w) for o in shown)]
    shown = [w for w in shown if not isinstance(w.parentWidget(), QTabBar)]
    rects = [(w, r.adjusted(1, 1, -1, -1)) for w in shown if (r := visible_part(w, root)).width() > 2]
    rects = [(w, r) for w, r in rects if r.height() > 0]  # scrolled out of view
    found = []
    for i, (first, a) in enumerate(rects):
        for second, b in rects[i + 1 :]:
            if a.intersects(b):
                found.append(f"{_name(first)} {a.getRect()} menimpa {_name(second)} {b.getRect()}")
    return found


def show_at(window: QWidget, screen: str) -> QSize:
    """Show ``window`` at the client area of ``screen``; returns the size it really took (a window whose
    minimum is larger than the screen keeps its minimum)."""
    size = SCREENS[screen]
    window.resize(size)
    window.show()
    pump()
    window.resize(size)
    pump()
    return window.size()


def fits_dialog(dialog: QDialog, screen: str) -> QSize:
    """Show a dialog at its own size hint, limited to the screen as a window manager would."""
    room = DIALOG_ROOM[screen]
    dialog.show()
    pump()
    hint = dialog.sizeHint().boundedTo(room).expandedTo(dialog.minimumSizeHint())
    dialog.resize(hint)
    pump()
    return dialog.size()


def key_columns_hidden(table: QTableView, columns: list[int]) -> list[str]:
    """Names of the ``columns`` not wholly visible in the table's viewport with the scroll bar at the left."""
    header = table.horizontalHeader()
    table.horizontalScrollBar().setValue(0)
    width = table.viewport().width()
    model = table.model()
    hidden = []
    for column in columns:
        left = header.sectionViewportPosition(column)
        if left < 0 or left + header.sectionSize(column) > width + 1:
            hidden.append(str(model.headerData(column, header.orientation())))
    return hidden


def shoot(widget: QWidget, name: str) -> None:
    """Keep a PNG of ``widget`` in ``$SEKRETARIAT_SHOTS`` when set (the grab itself must always work)."""
    pixmap = widget.grab()
    assert not pixmap.isNull()
    folder = os.environ.get("SEKRETARIAT_SHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        pixmap.save(str(Path(folder) / f"{name}.png"))
