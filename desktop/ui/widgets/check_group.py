"""A group of checkboxes the keyboard treats as one field: one Tab stop, arrows, type-to-select, Space ticks."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QCheckBox, QGridLayout, QWidget

from desktop.ui.widgets.keys import focus_next, is_enter


def _plain(text: str) -> str:
    """A checkbox text as the clerk reads it: mnemonic ampersands gone, case folded."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").casefold()


def _words(text: str) -> list[str]:
    """Where a word starts in "Koordinasikan/konfirmasikan" or "Wakili/hadiri": after a space or a slash."""
    words, word = [], ""
    for ch in text:
        if ch.isalnum():
            word += ch
        else:
            if word:
                words.append(word)
            word = ""
    return [*words, word] if word else words


class CheckGroup(QWidget):
    """Checkboxes in ``columns`` columns (``boxes``), filled down each column as on the printed slip.

    A dozen checkboxes cost a clerk a dozen Tabs to pass; here only the current box is a Tab stop (the others
    take focus by mouse only), so one Tab leaves the group and Shift+Tab comes back to where the clerk was.
    Inside it: arrows move, Space ticks (QCheckBox's own key), typing the first letters of an item moves to
    it (several letters typed quickly narrow it down, as in a list), and Enter goes on to the next field.
    The group's focus proxy is the current box, so a label's buddy and ``setFocus()`` land on it.
    """

    def __init__(self, texts: Sequence[str], columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = max(1, columns)
        self.boxes: list[QCheckBox] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        rows = max(1, -(-len(texts) // self.columns))
        self._rows = rows
        for i, text in enumerate(texts):
            box = QCheckBox(text, self)
            box.installEventFilter(self)
            self.boxes.append(box)
            grid.addWidget(box, i % rows, i // rows)
        self._typed = ""
        self._typed_clock = QElapsedTimer()
        self._current = -1
        self.set_current(0)

    # ------------------------------------------------------------------ what callers use
    def current_index(self) -> int:
        return self._current

    def set_current(self, index: int, *, focus: bool = False) -> None:
        """Make box ``index`` the group's one Tab stop (and give it the focus when asked)."""
        if not self.boxes:
            return
        index = max(0, min(index, len(self.boxes) - 1))
        self._current = index
        for i, box in enumerate(self.boxes):
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus if i == index else Qt.FocusPolicy.ClickFocus)
        self.setFocusProxy(self.boxes[index])
        if focus:
            self.boxes[index].setFocus(Qt.FocusReason.OtherFocusReason)

    def checked_texts(self) -> list[str]:
        return [b.text() for b in self.boxes if b.isChecked()]

    def clear(self) -> None:
        """Untick everything and start again from the first box."""
        for box in self.boxes:
            box.setChecked(False)
        self.set_current(0)

    def find(self, typed: str, start: int = 0) -> int | None:
        """The first item from ``start`` on (wrapping) whose text, or failing that one of its words, begins
        with ``typed``; None when nothing does."""
        needle = typed.casefold()
        if not needle or not self.boxes:
            return None
        order = [(start + k) % len(self.boxes) for k in range(len(self.boxes))]
        for i in order:
            if _plain(self.boxes[i].text()).startswith(needle):
                return i
        for i in order:
            if any(w.startswith(needle) for w in _words(_plain(self.boxes[i].text()))):
                return i
        return None

    # ------------------------------------------------------------------ keys
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in self.boxes:
            if event.type() == QEvent.Type.FocusIn and isinstance(event, QFocusEvent):
                # A click (or Alt+buddy, or Shift+Tab) on a box makes it the group's Tab stop from now on.
                self.set_current(self.boxes.index(watched))  # type: ignore[arg-type]
            elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if is_enter(event) and mods == Qt.KeyboardModifier.NoModifier:
            focus_next(self.boxes[self._current])
            return True
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        step = {
            Qt.Key.Key_Down: 1,
            Qt.Key.Key_Up: -1,
            Qt.Key.Key_Right: self._rows,
            Qt.Key.Key_Left: -self._rows,
        }.get(Qt.Key(key))
        if step is not None and mods == Qt.KeyboardModifier.NoModifier:
            target = self._current + step
            if 0 <= target < len(self.boxes):
                self.set_current(target, focus=True)
            return True
        if key in (Qt.Key.Key_Home, Qt.Key.Key_End) and mods == Qt.KeyboardModifier.NoModifier:
            self.set_current(0 if key == Qt.Key.Key_Home else len(self.boxes) - 1, focus=True)
            return True
        text = event.text()
        if text and text.isprintable() and not text.isspace():
            self._type(text)
            return True
        return False

    def _type(self, text: str) -> None:
        """Letters typed within the keyboard interval add up ("K", "Ko", "Koo"); one letter pressed again
        steps to the next item starting with it, as in a list."""
        fresh = (
            not self._typed_clock.isValid()
            or self._typed_clock.elapsed() > QApplication.keyboardInputInterval()
        )
        self._typed = text if fresh else self._typed + text
        self._typed_clock.restart()
        repeated = len(self._typed) > 1 and set(self._typed.casefold()) == {text.casefold()}
        found = self.find(text, self._current + 1) if repeated else self.find(self._typed, self._current)
        if found is not None:
            self.set_current(found, focus=True)
