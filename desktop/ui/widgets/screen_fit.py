"""Dialogs and tall forms that fit the screen they open on, down to a 1024×600 laptop."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QWidget

# The window manager's title bar above a dialog: the screen's work area holds it as well as the dialog.
TITLE_BAR = 30


def screen_room(widget: QWidget) -> QSize:
    """The size a dialog of ``widget`` may take: the work area of its screen (without the taskbar) less its title
    bar; 1024×530 on a 1024×600 laptop."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1024, 530)
    area = screen.availableGeometry().size()
    return QSize(area.width(), max(area.height() - TITLE_BAR, 200))


def fit_to_screen(dialog: QWidget, width: int, height: int) -> None:
    """Open ``dialog`` at ``width`` × ``height`` where the screen has room, else at what the screen has: a
    1024×600 laptop must see the whole dialog, its buttons included."""
    size = QSize(width, height).boundedTo(screen_room(dialog)).expandedTo(dialog.minimumSizeHint())
    dialog.resize(size)


class _KeepFocusInView(QObject):
    """Scrolls a form to the field that takes the focus, also when Enter (not Tab) moved it there."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        # The focus also moves while a dialog is being destroyed, after Qt deleted the area but before this
        # child of it is gone: a deleted area has nothing to scroll.
        if new is None or not shiboken6.isValid(self._area):
            return
        content = self._area.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            self._area.ensureWidgetVisible(new, 10, 10)


def scroll_form(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """``content`` in a frameless vertical scroll area that follows the focus: a tall form keeps its buttons
    (placed outside the area) on a 600 px screen, and the clerk walking it with Enter always sees the field."""
    area = QScrollArea(parent)
    area.setObjectName("formScroll")
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    # Never narrower than the form: its fields would be cut at the right instead of the dialog growing.
    area.setMinimumWidth(content.minimumSizeHint().width() + area.verticalScrollBar().sizeHint().width())
    _KeepFocusInView(area)
    return area


class HeightFollowsWidth(QObject):
    """Keeps a scroll area's content at least as tall as its wrapped lines need at its width. A resizable
    scroll area squeezes its content to the viewport by the content's minimum size, which knows nothing of
    wrapping: on a 1024×600 screen a caption such as "Tanggal 31 Februari 2026 tidak ada: …" was cut to
    one line instead of the pane scrolling."""

    def __init__(self, content: QWidget) -> None:
        super().__init__(content)
        self._content = content
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            layout = self._content.layout()
            if layout is not None and layout.hasHeightForWidth():
                needed = layout.totalHeightForWidth(self._content.width())
                if needed != self._content.minimumHeight():
                    self._content.setMinimumHeight(needed)
        return False
