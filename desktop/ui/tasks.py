"""The one background-task helper: run long work off the GUI thread with a progress dialog and a cancel button."""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QPushButton, QWidget

log = logging.getLogger("sekretariat")

T = TypeVar("T")

# The dialog only appears for work that lasts longer than this, so quick tasks don't flash a window.
SHOW_AFTER_MS = 400
# Percent-style range used when `total` would not fit in the progress bar's int.
_BAR_STEPS = 1000


class TaskCancelled(Exception):
    """Raised inside a task (by Progress.check()) when the user pressed "Batal"."""


class _Signals(QObject):
    progress = Signal()  # "there is a new value": the GUI fetches the latest one with Progress.latest()
    done = Signal(object)
    failed = Signal(object)
    cancelled = Signal()


class Progress:
    """Handed to the task function; the only thing a worker may use to talk to the GUI. Thread-safe."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._latest: tuple[int, int, str] = (0, 0, "")
        self._pending = False

    def set(self, done: int, total: int, text: str = "") -> None:
        """Report `done` of `total` steps (total <= 0: unknown), with an optional line for the user."""
        with self._lock:
            self._latest = (int(done), int(total), str(text))
            # Coalesce: while the GUI has not picked up the previous value, just overwrite it. A 100 000-row
            # import then costs one queued event per GUI refresh, not one per row, and the last value wins.
            if self._pending:
                return
            self._pending = True
        with contextlib.suppress(RuntimeError):  # receiver gone (window closed): the task just carries on
            self._signals.progress.emit()

    def latest(self) -> tuple[int, int, str]:
        """The most recent (done, total, text); called on the GUI thread."""
        with self._lock:
            self._pending = False
            return self._latest

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise TaskCancelled if the user asked to stop; call it between units of work."""
        if self._cancel.is_set():
            raise TaskCancelled

    def cancel(self) -> None:
        self._cancel.set()


class _Runner(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], progress: Progress, signals: _Signals) -> None:
        super().__init__()
        self._fn = fn
        self._progress = progress
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._fn(self._progress)
        except TaskCancelled:
            self._emit(self._signals.cancelled)
        except BaseException as exc:
            self._emit(self._signals.failed, exc)
        else:
            self._emit(self._signals.done, result)

    @staticmethod
    def _emit(signal: Any, *args: object) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:
            log.warning("background task finished after its receiver was destroyed")


class _TaskDialog(QProgressDialog):
    """A QProgressDialog that never closes by itself while the task runs: Esc or the window's close
    button ask for cancellation, and the dialog goes away only when the worker has really stopped."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None, title: str, cancellable: bool) -> None:
        super().__init__(parent)
        self._finished = False
        self._cancellable = cancellable
        self.setWindowTitle(title)
        self.setLabelText(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.bar = QProgressBar(self)
        self.bar.setTextVisible(True)
        self.setBar(self.bar)
        self.setMinimumWidth(420)
        if cancellable:
            self.cancel_button = QPushButton(self.tr("Batal"), self)
            self.cancel_button.setToolTip(self.tr("Hentikan proses ini (Esc)"))
            self.setCancelButton(self.cancel_button)
            self.canceled.connect(self._on_canceled)
        else:
            self.cancel_button = None
            self.setCancelButton(None)
        self.setRange(0, 0)
        self.setMinimumDuration(SHOW_AFTER_MS)
        # setValue(minimum) starts QProgressDialog's own "show after minimumDuration" timer.
        self.setValue(0)

    def _on_canceled(self) -> None:
        if self._finished:
            return
        self.setLabelText(self.tr("Membatalkan… menunggu proses berhenti dengan aman."))
        if self.cancel_button is not None:
            self.cancel_button.setEnabled(False)
        self.bar.setRange(0, 0)
        self.cancel_requested.emit()

    def show_progress(self, done: int, total: int, text: str) -> None:
        # The bar is updated directly: QProgressDialog.setValue() runs a nested event loop when modal.
        if self.cancel_button is not None and not self.cancel_button.isEnabled():
            return  # cancelling: keep the "Membatalkan…" text
        if total <= 0:
            self.bar.setRange(0, 0)
        elif total <= 2**31 - 1:
            self.bar.setRange(0, total)
            self.bar.setValue(max(0, min(done, total)))
        else:
            self.bar.setRange(0, _BAR_STEPS)
            self.bar.setValue(max(0, min(_BAR_STEPS, done * _BAR_STEPS // total)))
        if text:
            self.setLabelText(text)

    def finish(self) -> None:
        self._finished = True
        self.reset()  # stops the pending "show" timer
        self.hide()
        self.deleteLater()

    def reject(self) -> None:
        if self._finished:
            super().reject()
        elif self._cancellable and self.cancel_button is not None and self.cancel_button.isEnabled():
            self.canceled.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._finished:
            super().closeEvent(event)
            return
        event.ignore()
        self.reject()


class TaskHandle(QObject, Generic[T]):
    """A running task. Lives on the GUI thread; callbacks are called there. `finished` fires once at the end."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        fn: Callable[[Progress], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None] | None,
        on_cancel: Callable[[], None] | None,
        cancellable: bool,
    ) -> None:
        super().__init__()
        self.title = title
        self._parent = parent
        self._on_done = on_done
        self._on_error = on_error
        self._on_cancel = on_cancel
        self._running = True
        self._signals = _Signals()
        self.progress = Progress(self._signals)
        self.dialog: _TaskDialog | None = _TaskDialog(parent, title, cancellable)
        self.dialog.cancel_requested.connect(self.cancel)
        queued = Qt.ConnectionType.QueuedConnection
        self._signals.progress.connect(self._on_progress, queued)
        self._signals.done.connect(self._on_done_signal, queued)
        self._signals.failed.connect(self._on_failed_signal, queued)
        self._signals.cancelled.connect(self._on_cancelled_signal, queued)
        self._runner = _Runner(fn, self.progress, self._signals)

    @property
    def running(self) -> bool:
        return self._running

    @Slot()
    def cancel(self) -> None:
        """Ask the task to stop; it stops at its next Progress.check()."""
        if self._running:
            log.info("task %r: cancel requested", self.title)
            self.progress.cancel()

    def _start(self) -> None:
        log.info("task %r started", self.title)
        QThreadPool.globalInstance().start(self._runner)

    def _dialog_alive(self) -> _TaskDialog | None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            return self.dialog
        return None

    def _receiver_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    @Slot()
    def _on_progress(self) -> None:
        done, total, text = self.progress.latest()
        dialog = self._dialog_alive()
        if dialog is not None and self._running:
            dialog.show_progress(done, total, text)

    def _end(self) -> bool:
        """Close the dialog and forget the task; False when the caller's window no longer exists."""
        self._running = False
        dialog = self._dialog_alive()
        if dialog is not None:
            dialog.finish()
        self.dialog = None
        _ACTIVE.discard(self)
        self.finished.emit()
        if not self._receiver_alive():
            log.info("task %r finished after its window was closed; result dropped", self.title)
            return False
        return True

    def _forget_callbacks(self) -> None:
        # The callbacks are usually bound methods of the window that holds this handle: a reference cycle. Broken
        # here, on the GUI thread, the handle and its QObjects are freed when the window lets go of them, not by
        # a later garbage collection that may run on a worker thread.
        self._on_done = self._on_error = self._on_cancel = None  # type: ignore[assignment]
        self._runner = None  # type: ignore[assignment]

    @Slot(object)
    def _on_done_signal(self, result: object) -> None:
        log.info("task %r done", self.title)
        on_done = self._on_done
        self._forget_callbacks()
        if self._end():
            on_done(result)  # type: ignore[arg-type]

    @Slot(object)
    def _on_failed_signal(self, exc: BaseException) -> None:
        log.warning("task %r failed: %s: %s", self.title, type(exc).__name__, exc)
        on_error = self._on_error
        self._forget_callbacks()
        if not self._end():
            return
        if on_error is not None:
            on_error(exc)
        else:
            # Nobody expected this error: it is a bug, so it goes to the crash dialog.
            sys.excepthook(type(exc), exc, exc.__traceback__)

    @Slot()
    def _on_cancelled_signal(self) -> None:
        log.info("task %r cancelled", self.title)
        on_cancel = self._on_cancel
        self._forget_callbacks()
        if self._end() and on_cancel is not None:
            on_cancel()


# Running tasks are kept here so that a task started without a parent is not garbage-collected mid-run.
_ACTIVE: set[TaskHandle[Any]] = set()


def run_task(
    parent: QWidget | None,
    title: str,
    fn: Callable[[Progress], T],
    *,
    on_done: Callable[[T], None],
    on_error: Callable[[BaseException], None] | None = None,
    on_cancel: Callable[[], None] | None = None,
    cancellable: bool = True,
) -> TaskHandle[T]:
    """Run `fn(progress)` on a worker thread; call back on the GUI thread when it ends.

    - `on_done(result)` when fn returns;
    - `on_error(exc)` when fn raises (without on_error the exception goes to sys.excepthook: the crash dialog);
    - `on_cancel()` when fn stopped because the user pressed "Batal" (fn raised TaskCancelled);
      without on_cancel a cancelled task just ends quietly: the user asked for it.
    `fn` must not touch any widget; it reports through `progress.set(done, total, text)` and calls
    `progress.check()` between units of work. A window-modal progress dialog appears after 400 ms.
    """
    handle = TaskHandle(parent, title, fn, on_done, on_error, on_cancel, cancellable)
    _ACTIVE.add(handle)
    handle._start()
    return handle
