"""Drafts of half-typed forms: kept on disk every few seconds, asked about before discarding, offered back."""

from __future__ import annotations

import logging
import weakref
from enum import Enum
from typing import Any, cast

import shiboken6
from PySide6.QtCore import QDateTime, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from desktop.ui import dialogs
from desktop.ui.widgets.draft_store import DraftStore, store_for

log = logging.getLogger("sekretariat")

AUTOSAVE_MS = 3000  # a crash or power cut loses at most this much typing
DISCARD_TITLE = "Isian belum disimpan"
DISCARD_QUESTION = "Buang isian yang belum disimpan?"
DISCARD_YES = "Buang isian"
DISCARD_NO = "Kembali ke formulir"


# ---------------------------------------------------------------------------------------------- values
def _plain(value: object) -> object:
    """A combo's item data as JSON can hold it (enums by value)."""
    if isinstance(value, Enum):
        value = value.value
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _handles(widget: QWidget) -> bool:
    if hasattr(widget, "draft_value") and hasattr(widget, "set_draft_value"):
        return True  # a composite field (a date field of several parts) speaks for itself
    if isinstance(widget, QAbstractButton):
        return isinstance(widget, QCheckBox | QRadioButton)
    return isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QComboBox | QAbstractSpinBox)


def _value(widget: QWidget) -> object:
    if hasattr(widget, "draft_value"):
        return widget.draft_value()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return {"data": _plain(widget.currentData()), "text": widget.currentText()}
    if isinstance(widget, QDateTimeEdit):  # QDateEdit and QTimeEdit too
        return widget.dateTime().toString(Qt.DateFormat.ISODate)
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    return None


def _set_value(widget: QWidget, value: object) -> None:
    if hasattr(widget, "set_draft_value"):
        widget.set_draft_value(value)
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value))
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.setPlainText(str(value))
    elif isinstance(widget, QComboBox) and isinstance(value, dict):
        data, text = value.get("data"), str(value.get("text", ""))
        index = next((i for i in range(widget.count()) if _plain(widget.itemData(i)) == data), -1)
        if index < 0 or widget.itemText(index) != text:
            index = widget.findText(text) if widget.findText(text) >= 0 else index
        if index >= 0:
            widget.setCurrentIndex(index)
        if widget.isEditable() and widget.currentText() != text:
            widget.setEditText(text)
    elif isinstance(widget, QDateTimeEdit):
        when = QDateTime.fromString(str(value), Qt.DateFormat.ISODate)
        if when.isValid():
            widget.setDateTime(when)
    elif isinstance(widget, QSpinBox) and isinstance(value, int | float):
        widget.setValue(int(value))
    elif isinstance(widget, QDoubleSpinBox) and isinstance(value, int | float):
        widget.setValue(float(value))
    elif isinstance(widget, QAbstractButton) and isinstance(value, bool):
        widget.setChecked(value)


# ---------------------------------------------------------------------------------------------- the keeper
_LIVE: weakref.WeakSet[DraftKeeper] = weakref.WeakSet()


class DraftKeeper(QObject):
    """Watches the input fields of ``form`` (found by objectName; a field without one, a password field or a
    field with the property ``draft`` set to False is left out) and keeps a draft of them under ``key`` while
    they differ from what the form was loaded, saved or cleared with.

    One line attaches it, at the end of the form's constructor (what the form shows then is its clean state)::

        self.drafts = DraftKeeper(self, ctx, "surat_masuk/baru", self.tr("surat masuk"))

    The form calls ``mark_clean(self)`` after a save or a deliberate clear; a dialog's ``reject`` asks
    ``self.drafts.confirm_discard()`` first. The draft goes when the dialog finishes."""

    def __init__(
        self, form: QWidget, ctx: Any, key: str, title: str, *, interval_ms: int = AUTOSAVE_MS
    ) -> None:
        super().__init__(form)
        self.setObjectName(f"draftKeeper:{key}")
        self.key = key
        self.title = title
        self.store = store_for(ctx)
        self._baseline = self.snapshot()
        self._written: dict[str, Any] | None = None  # what this keeper last put in the store
        self._restored = False
        self._closed = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        if isinstance(form, QDialog):
            form.finished.connect(lambda _result: self.discard())
        _LIVE.add(self)
        # A draft the clerk chose to restore at start-up for a form that opens only now (a pegawai dialog).
        QTimer.singleShot(0, self, self._settle)

    @property
    def form(self) -> QWidget:
        """The watched form: the keeper's parent. Not an attribute of its own, which would make a cycle with the
        form's ``drafts`` and keep a closed dialog in memory (its wrapper alive after Qt deleted it) until the
        next garbage collection."""
        return cast(QWidget, self.parent())

    # ------------------------------------------------------------------ reading the form
    def fields(self) -> dict[str, QWidget]:
        """The form's input fields by objectName (a repeated name gets ``#2``, ``#3``…)."""
        found: dict[str, QWidget] = {}
        for widget in self.form.findChildren(QWidget):
            name = widget.objectName()
            if not name or name.startswith("qt_") or not _handles(widget) or not self._own(widget):
                continue
            if widget.property("draft") is False:
                continue
            if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
                continue  # never a password on disk
            unique, n = name, 1
            while unique in found:
                n += 1
                unique = f"{name}#{n}"
            found[unique] = widget
        return found

    def _own(self, widget: QWidget) -> bool:
        """Not a part of another field (a spin box's line edit), nor inside a window of its own."""
        parent = widget.parentWidget()
        while parent is not None and parent is not self.form:
            if _handles(parent) or parent.isWindow():
                return False
            parent = parent.parentWidget()
        return parent is self.form

    def snapshot(self) -> dict[str, Any]:
        return {name: _value(widget) for name, widget in self.fields().items()}

    def is_dirty(self) -> bool:
        """The form holds input that was neither saved nor cleared on purpose."""
        if self._closed or not shiboken6.isValid(self.form) or not self.form.isEnabled():
            return False
        return self.snapshot() != self._baseline

    def tab(self) -> str:
        """The main window's tab that holds the form (its objectName is ``tab_<key>``)."""
        widget: QWidget | None = self.form
        while widget is not None:
            if widget.objectName().startswith("tab_"):
                return widget.objectName()[4:]
            widget = widget.parentWidget()
        return ""

    # ------------------------------------------------------------------ writing drafts
    def _settle(self) -> None:
        if self._closed or not shiboken6.isValid(self.form):
            return
        if self.key in self.store.pending:
            self.restore_pending()

    def autosave(self) -> None:
        """Every few seconds: write the draft when the input changed since the last write; drop it when the
        form is back to where it started."""
        if self._closed or not shiboken6.isValid(self.form):
            return
        if self.is_dirty():
            current = self.snapshot()
            if current != self._written:
                self.store.save(self.key, self.title, self.tab(), current)
                self._written = current
        elif self._written is not None:
            self.store.remove(self.key)
            self._written = None

    def mark_clean(self) -> None:
        """Saved or cleared on purpose: no draft, and what the form shows now is its new starting point
        (measured again once the form has finished filling in its defaults)."""
        self._restored = False
        self._baseline = self.snapshot()
        self.store.remove(self.key)
        self._written = None
        QTimer.singleShot(0, self, self._rebaseline)

    def _rebaseline(self) -> None:
        if not self._closed and not self._restored and shiboken6.isValid(self.form):
            self._baseline = self.snapshot()

    def discard(self) -> None:
        """The clerk threw the input away (or the dialog was saved and closed): the draft goes, for good."""
        self._closed = True
        self.timer.stop()
        self.store.remove(self.key)
        self._written = None

    def confirm_discard(self, parent: QWidget | None = None) -> bool:
        """Closing the form: True when there is nothing unsaved, or the clerk agrees to throw it away (the
        draft then goes); False when the clerk goes back to the form."""
        if not self.is_dirty():
            return True
        if not ask_discard(parent or self.form, [self.title]):
            return False
        self.discard()
        return True

    # ------------------------------------------------------------------ restoring
    def restore(self, fields: dict[str, Any]) -> None:
        """Put a draft's values back into the form (twice: a combo may refill another one, e.g. a status its
        golongan list). The form stays dirty, so the draft is kept and asked about."""
        self._restored = True
        widgets = self.fields()
        for _ in range(2):
            for name, value in fields.items():
                widget = widgets.get(name)
                if widget is not None and _value(widget) != value:
                    _set_value(widget, value)
        self._written = dict(fields)

    def restore_pending(self) -> bool:
        """Take back the draft the clerk chose to restore at start-up; False when there is none."""
        self.store.pending.discard(self.key)
        draft = self.store.get(self.key)
        if draft is None:
            return False
        self.restore(draft.fields)
        self.reveal()
        return True

    def reveal(self) -> None:
        """Bring the form into view: every tab and stacked page around it becomes the current one."""
        widget: QWidget | None = self.form
        while widget is not None and not widget.isWindow():
            parent = widget.parentWidget()
            if isinstance(parent, QStackedWidget):
                holder = parent.parentWidget()
                if isinstance(holder, QTabWidget):
                    holder.setCurrentWidget(widget)
                else:
                    parent.setCurrentWidget(widget)
            widget = parent
        self.form.setFocus(Qt.FocusReason.OtherFocusReason)


def keeper_of(form: QWidget) -> DraftKeeper | None:
    """The keeper attached to ``form`` (None for a form without drafts)."""
    return next((k for k in form.findChildren(DraftKeeper) if k.form is form), None)


def mark_clean(form: QWidget) -> None:
    """Saved or cleared on purpose: the form's draft goes (nothing happens for a form without drafts)."""
    keeper = keeper_of(form)
    if keeper is not None:
        keeper.mark_clean()


def live_keepers(store: DraftStore) -> list[DraftKeeper]:
    """The keepers of open forms writing to ``store``."""
    return [
        k
        for k in list(_LIVE)
        if k.store is store and shiboken6.isValid(k) and shiboken6.isValid(k.form) and not k._closed
    ]


def dirty_keepers(store: DraftStore, within: QWidget | None = None) -> list[DraftKeeper]:
    """The open forms with unsaved input (only those inside ``within``, dialogs it owns included)."""
    return [k for k in live_keepers(store) if (within is None or _inside(k.form, within)) and k.is_dirty()]


def _inside(widget: QWidget, root: QWidget) -> bool:
    """``root`` holds ``widget``, across window boundaries (a dialog parented to a panel of the window)."""
    parent: QWidget | None = widget
    while parent is not None:
        if parent is root:
            return True
        parent = parent.parentWidget()
    return False


def close_all(store: DraftStore, within: QWidget) -> None:
    """The window holding these forms is gone: they stop writing drafts (what they wrote stays)."""
    for keeper in live_keepers(store):
        if _inside(keeper.form, within):
            keeper._closed = True
            keeper.timer.stop()


def restore_pending(store: DraftStore) -> list[DraftKeeper]:
    """Open forms whose draft the clerk chose to restore get it now; the rest when they open."""
    return [k for k in live_keepers(store) if k.key in store.pending and k.restore_pending()]


def save_all(store: DraftStore) -> None:
    """Write every open form's draft now (before a restart that must not ask)."""
    for keeper in live_keepers(store):
        keeper.autosave()


def ask_discard(parent: QWidget | None, titles: list[str]) -> bool:
    """The one question before unsaved input is thrown away; True when the clerk chooses "Buang isian"."""
    listed = "\n".join(f"• {title}" for title in dict.fromkeys(titles))
    return dialogs.confirm(
        parent,
        DISCARD_TITLE,
        DISCARD_QUESTION,
        yes=DISCARD_YES,
        no=DISCARD_NO,
        danger=True,
        informative=f"Isian berikut belum disimpan dan akan hilang:\n{listed}",
    )
