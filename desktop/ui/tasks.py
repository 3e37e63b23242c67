"""The one background-task helper: run long work off the GUI thread with a progress dialog and a cancel button."""

from __future__ import annotations

import contextlib
import itertools
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
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


class Progress:
    """Handed to the task function; the only thing a worker may use to talk to the GUI. Thread-safe."""

    def __init__(self, notify: Callable[[], None] | None = None) -> None:
        self._notify = notify
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
        if self._notify is not None:
            self._notify()

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


class _Job:
    """What a worker thread gets: plain Python, no Qt object. The GUI thread owns it through its TaskHandle and
    empties it when the task ends, so whatever the task function holds (often a window) is released there."""

    __slots__ = ("fn", "number", "outcome", "progress")

    def __init__(self, number: int, fn: Callable[[Progress], Any], progress: Progress) -> None:
        self.number = number
        self.fn: Callable[[Progress], Any] | None = fn
        self.progress: Progress | None = progress
        self.outcome: tuple[str, Any] | None = None


def _work(job: _Job) -> None:
    """The worker thread's whole life. It keeps no reference of its own to the function, its result or its
    error, and says it has ended through the hub, which lives as long as the application: a QObject, or a
    closure holding one, freed on this thread while the GUI thread still dispatches events to it crashes the
    process (a QRunnable deleted by the pool on its thread did exactly that, now and then)."""
    try:
        job.outcome = ("done", job.fn(job.progress))  # type: ignore[misc, arg-type]
    except TaskCancelled:
        job.outcome = ("cancelled", None)
    except BaseException as exc:
        job.outcome = ("failed", exc)
    _hub_signal("ended", job.number)


class _Hub(QObject):
    """Carries "progress" and "ended" from the workers to the GUI thread; created once, on the GUI thread."""

    progress = Signal(int)
    ended = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        queued = Qt.ConnectionType.QueuedConnection
        self.progress.connect(self._on_progress, queued)
        self.ended.connect(self._on_ended, queued)

    @Slot(int)
    def _on_progress(self, number: int) -> None:
        handle = _RUNNING.get(number)
        if handle is not None:
            handle._on_progress()

    @Slot(int)
    def _on_ended(self, number: int) -> None:
        handle = _RUNNING.pop(number, None)
        if handle is not None:
            handle._on_ended()


_HUB: _Hub | None = None


def _hub() -> _Hub:
    global _HUB
    if _HUB is None:
        _HUB = _Hub()
    return _HUB


def _hub_signal(name: str, number: int) -> None:
    hub = _HUB
    if hub is not None:
        with contextlib.suppress(RuntimeError):  # the application is gone: nobody to tell
            getattr(hub, name).emit(number)


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
        number = next(_NUMBERS)
        self.progress = Progress(lambda: _hub_signal("progress", number))
        self._job: _Job | None = _Job(number, fn, self.progress)
        self.dialog: _TaskDialog | None = _TaskDialog(parent, title, cancellable)
        self.dialog.cancel_requested.connect(self.cancel)

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
        job = self._job
        assert job is not None
        _hub()
        _RUNNING[job.number] = self
        threading.Thread(target=_work, args=(job,), name=f"tugas-{job.number}").start()

    def _dialog_alive(self) -> _TaskDialog | None:
        if self.dialog is not None and shiboken6.isValid(self.dialog):
            return self.dialog
        return None

    def _receiver_alive(self) -> bool:
        return self._parent is None or shiboken6.isValid(self._parent)

    def _on_progress(self) -> None:
        done, total, text = self.progress.latest()
        dialog = self._dialog_alive()
        if dialog is not None and self._running:
            dialog.show_progress(done, total, text)

    def _on_ended(self) -> None:
        # Everything the worker used is taken back here, on the GUI thread, and released here.
        job, self._job = self._job, None
        assert job is not None and job.outcome is not None
        kind, payload = job.outcome
        job.outcome = job.fn = job.progress = None
        # The callbacks are usually bound methods of the window that holds this handle: a reference cycle,
        # broken here so that the window and its handle are freed when the window lets go of them.
        on_done, on_error, on_cancel = self._on_done, self._on_error, self._on_cancel
        self._on_done = self._on_error = self._on_cancel = None  # type: ignore[assignment]
        if kind == "done":
            log.info("task %r done", self.title)
            if self._end():
                on_done(payload)
        elif kind == "cancelled":
            log.info("task %r cancelled", self.title)
            if self._end() and on_cancel is not None:
                on_cancel()
        else:
            log.warning("task %r failed: %s: %s", self.title, type(payload).__name__, str(payload))
            if not self._end():
                return
            if on_error is not None:
                on_error(payload)
            else:
                # Nobody expected this error: it is a bug, so it goes to the crash dialog.
                sys.excepthook(type(payload), payload, payload.__traceback__)

    def _end(self) -> bool:
        """Close the dialog and forget the task; False when the caller's window no longer exists."""
        self._running = False
        dialog = self._dialog_alive()
        if dialog is not None:
            dialog.finish()
        self.dialog = None
        self.finished.emit()
        if not self._receiver_alive():
            log.info("task %r finished after its window was closed; result dropped", self.title)
            return False
        return True


# Running tasks by number: the hub finds them here, and a task started without a parent is not garbage-collected
# mid-run. A task leaves when the GUI thread has taken back its outcome.
_RUNNING: dict[int, TaskHandle[Any]] = {}
_NUMBERS = itertools.count(1)


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
    handle._start()
    return handle
