"""The kode barang picker: words or a code typed, a list of level-7 codes with their path, ↓ and Enter to choose."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.core.assets.kode import GOLONGAN, KodeError, golongan_of, is_assignable, normalise_kode
from desktop.services.assets import kode as kode_service
from desktop.services.common.errors import ServiceError
from desktop.ui.context import UiContext
from desktop.ui.widgets.keys import is_enter
from desktop.ui.widgets.messages import muted

SEARCH_DELAY_MS = 150
LIMIT = 50
KODE_ROLE = Qt.ItemDataRole.UserRole


def golongan_text(golongan: str) -> str:
    """``KIB B · Peralatan dan Mesin``; empty for a code that is on no KIB."""
    return f"KIB {golongan} · {GOLONGAN[golongan]}" if golongan in GOLONGAN else ""


def _path_text(path: Any) -> str:
    """The service's path of a code (a list of uraian, or text already joined) as one line."""
    if isinstance(path, list | tuple):
        return " › ".join(str(p) for p in path if p)
    return str(path or "")


def typed_kode(text: str) -> str | None:
    """The level-7 code in ``text`` (SIMDA's 3-digit segments normalised), or None when it is no such code."""
    try:
        kode = normalise_kode(text)
    except KodeError:
        return None
    return kode if is_assignable(kode) else None


class KodePicker(QWidget):
    """A line to type in and, under it, the golongan and path of the code chosen. ``kode()`` is the code
    chosen from the list or a well-formed level-7 code typed (a code missing from the list is accepted: the
    service keeps it and warns); ``chosen`` is sent with (kode, uraian, golongan) when one is picked."""

    chosen = Signal(str, str, str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.uraian = ""
        self.edit = QLineEdit(self)
        self.edit.setObjectName("kode_barang")
        self.edit.setPlaceholderText(self.tr("ketik nama barang atau kode, mis. laptop atau 1.3.2.10"))
        self.edit.setAccessibleName(self.tr("Kode barang"))
        self.caption = muted(QLabel(self), smaller=True)
        self.caption.setObjectName("kodeCaption")
        self.caption.setWordWrap(True)
        self.caption.setText(self.tr("↓ pilih dari daftar · Enter memilih"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.caption)
        self.setFocusProxy(self.edit)

        # A frameless tool window, not a Qt.Popup: a popup grabs the keyboard, and the clerk keeps typing.
        self.popup = QListWidget()
        self.popup.setObjectName("kodeList")
        self.popup.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.popup.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.popup.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.popup.setFrameShape(QFrame.Shape.Box)
        self.popup.setUniformItemSizes(False)
        self.popup.itemClicked.connect(self._clicked)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.search)
        self.edit.textEdited.connect(self._typed)
        self.edit.installEventFilter(self)
        self.destroyed.connect(self.popup.deleteLater)

    # ------------------------------------------------------------------ value
    def kode(self) -> str:
        """The code as the service is to get it: normalised when it is a level-7 code, else as typed."""
        text = self.edit.text().strip()
        return typed_kode(text) or text

    def golongan(self) -> str:
        found = typed_kode(self.edit.text())
        return golongan_of(found) if found else ""

    def set_kode(self, kode: str, uraian: str = "", path: str = "") -> None:
        self.edit.setText(kode)
        self.uraian = uraian
        self._describe(kode, uraian, path)

    def _describe(self, kode: str, uraian: str, path: str) -> None:
        golongan = golongan_of(kode) if typed_kode(kode) else ""
        parts = [golongan_text(golongan)] if golongan else []
        if path:
            parts.append(path)
        elif uraian:
            parts.append(uraian)
        self.caption.setText(" · ".join(parts))

    # ------------------------------------------------------------------ searching
    def _typed(self, _text: str) -> None:
        self.uraian = ""
        found = typed_kode(self.edit.text())
        if found:
            self._describe(found, "", "")
        else:
            self.caption.setText(self.tr("↓ pilih dari daftar · Enter memilih"))
        self.timer.start()

    def search(self) -> None:
        self.timer.stop()
        text = self.edit.text().strip()
        self.popup.clear()
        if len(text) < 2:
            self.popup.hide()
            return
        try:
            rows = self.ctx.query(kode_service.search_kode, text, level7_only=True, limit=LIMIT)
        except ServiceError as exc:
            self.caption.setText(str(exc))
            self.popup.hide()
            return
        for row in rows:
            path = _path_text(getattr(row, "path", ""))
            item = QListWidgetItem(f"{row.kode}   {row.uraian}" + (f"\n      {path}" if path else ""))
            item.setData(KODE_ROLE, (row.kode, row.uraian, path))
            item.setToolTip(golongan_text(getattr(row, "golongan", "")))
            self.popup.addItem(item)
        if not rows:
            found = typed_kode(text)
            self.caption.setText(
                self.tr("Kode {0} tidak ada di daftar; tetap dapat dipakai (akan diberi peringatan).").format(
                    found
                )
                if found
                else self.tr("Tidak ada kode tingkat 7 yang cocok dengan “{0}”.").format(text)
            )
            self.popup.hide()
            return
        self.popup.setCurrentRow(0)
        self._show_popup()

    def _show_popup(self) -> None:
        if not self.isVisible():
            return
        width = max(self.edit.width(), 520)
        rows = min(self.popup.count(), 8)
        height = sum(self.popup.sizeHintForRow(i) for i in range(rows)) + 4
        self.popup.resize(width, max(height, 40))
        self.popup.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        self.popup.show()

    def popup_kodes(self) -> list[str]:
        """The codes in the list now (what a test and a screen reader read)."""
        return [self.popup.item(i).data(KODE_ROLE)[0] for i in range(self.popup.count())]

    # ------------------------------------------------------------------ choosing
    def _clicked(self, item: QListWidgetItem) -> None:
        self._choose(item)

    def _choose(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        kode, uraian, path = item.data(KODE_ROLE)
        self.popup.hide()
        self.set_kode(kode, uraian, path)
        self.chosen.emit(kode, uraian, golongan_of(kode))

    def accept_typed(self) -> bool:
        """Enter on a well-formed level-7 code without a list: it is taken as typed."""
        found = typed_kode(self.edit.text())
        if not found:
            return False
        self.edit.setText(found)
        self._describe(found, self.uraian, "")
        self.chosen.emit(found, self.uraian, golongan_of(found))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.edit:
            return False
        if event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(0, self, self._hide_unless_focused)
            return False
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            if self.timer.isActive() or (not self.popup.isVisible() and self.popup.count() == 0):
                self.search()
            elif not self.popup.isVisible() and self.popup.count():
                self._show_popup()
                return True
            if self.popup.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(self.popup.currentRow() + step, 0), self.popup.count() - 1)
                self.popup.setCurrentRow(row)
            return True
        if is_enter(event):
            if self.timer.isActive():
                self.search()
                if typed_kode(self.edit.text()) and not self.popup.count():
                    return self.accept_typed()
                return True  # the list just appeared: the next Enter chooses
            if self.popup.isVisible() and self.popup.currentItem() is not None:
                self._choose(self.popup.currentItem())
                return True
            return False  # the form's Enter: next field
        if key == Qt.Key.Key_Escape and self.popup.isVisible():
            self.popup.hide()
            return True
        return False

    def _hide_unless_focused(self) -> None:
        if not self.edit.hasFocus():
            self.popup.hide()

    def hideEvent(self, event: Any) -> None:
        self.popup.hide()
        super().hideEvent(event)
