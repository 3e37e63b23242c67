"""The background-task helper: results, errors and cancellation arrive on the GUI thread."""

from __future__ import annotations

import gc
import threading
import time

import pytest
import shiboken6
from PySide6.QtWidgets import QWidget

from desktop.ui.tasks import Progress, TaskCancelled, run_task


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_result_and_progress_arrive_on_gui_thread(qtbot, parent: QWidget) -> None:
    worker_threads: list[threading.Thread] = []
    results: list[tuple[int, bool]] = []

    def work(progress: Progress) -> int:
        worker_threads.append(threading.current_thread())
        total = 0
        for i in range(1, 6):
            progress.check()
            total += i
            progress.set(i, 5, f"Baris {i} dari 5")
        return total

    def on_done(value: int) -> None:
        results.append((value, threading.current_thread() is threading.main_thread()))

    handle = run_task(parent, "Menghitung", work, on_done=on_done)
    qtbot.waitUntil(lambda: bool(results), timeout=5000)

    assert results == [(15, True)]
    assert worker_threads and worker_threads[0] is not threading.main_thread()
    assert not handle.running
    assert handle.dialog is None


def test_progress_is_shown_in_the_dialog(qtbot, parent: QWidget) -> None:
    release = threading.Event()
    done: list[None] = []

    def work(progress: Progress) -> None:
        progress.set(3, 10, "Mengimpor baris 3")
        release.wait(5)

    handle = run_task(parent, "Impor data", work, on_done=done.append)
    dialog = handle.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.bar.value() == 3, timeout=5000)
    assert dialog.bar.maximum() == 10
    assert dialog.labelText() == "Mengimpor baris 3"
    release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5000)


def test_error_is_delivered_on_gui_thread(qtbot, parent: QWidget) -> None:
    errors: list[tuple[BaseException, bool]] = []

    def work(progress: Progress) -> None:
        raise OSError(28, "No space left on device")

    run_task(
        parent,
        "Cadangan",
        work,
        on_done=lambda _: pytest.fail("must not succeed"),
        on_error=lambda exc: errors.append((exc, threading.current_thread() is threading.main_thread())),
    )
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)

    exc, on_gui = errors[0]
    assert isinstance(exc, OSError) and exc.errno == 28
    assert on_gui


def test_cancel_button_stops_the_task(qtbot, parent: QWidget) -> None:
    started = threading.Event()
    seen_flag: list[bool] = []
    cancelled: list[bool] = []

    def work(progress: Progress) -> None:
        started.set()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if progress.cancelled:
                seen_flag.append(True)
            progress.check()
            time.sleep(0.01)
        pytest.fail("task was not cancelled")

    handle = run_task(
        parent,
        "Membuat laporan",
        work,
        on_done=lambda _: None,
        on_error=lambda exc: pytest.fail(f"cancel is not an error: {exc!r}"),
        on_cancel=lambda: cancelled.append(threading.current_thread() is threading.main_thread()),
    )
    assert started.wait(5)
    dialog = handle.dialog
    assert dialog is not None and dialog.cancel_button is not None
    qtbot.waitUntil(dialog.isVisible, timeout=3000)  # appears after ~400 ms
    dialog.cancel_button.click()  # "Batal"

    qtbot.waitUntil(lambda: bool(cancelled), timeout=5000)
    assert cancelled == [True]
    assert seen_flag
    assert handle.progress.cancelled


def test_quick_task_does_not_flash_a_dialog(qtbot, parent: QWidget) -> None:
    done: list[tuple[str, bool]] = []
    handle = run_task(parent, "Cepat", lambda progress: "ok", on_done=lambda v: done.append((v, visible())))
    dialog = handle.dialog
    assert dialog is not None

    def visible() -> bool:
        return shiboken6.isValid(dialog) and dialog.isVisible()

    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    assert done == [("ok", False)]
    qtbot.wait(500)  # past the dialog's 400 ms threshold
    assert not visible()
    assert handle.dialog is None


def test_cancelled_task_without_on_cancel_ends_quietly(qtbot, parent: QWidget) -> None:
    finished: list[bool] = []

    def work(progress: Progress) -> None:
        while True:
            progress.check()
            time.sleep(0.01)

    handle = run_task(parent, "Lama", work, on_done=lambda _: pytest.fail("must not succeed"))
    handle.finished.connect(lambda: finished.append(True))
    handle.cancel()
    qtbot.waitUntil(lambda: bool(finished), timeout=5000)
    assert not handle.running


def test_check_raises_task_cancelled() -> None:
    progress = Progress()
    progress.check()
    progress.cancel()
    assert progress.cancelled
    with pytest.raises(TaskCancelled):
        progress.check()


def test_what_a_task_holds_is_released_on_the_gui_thread(qtbot, parent: QWidget) -> None:
    """A task function usually holds a window (a closure over `self`). Released on the worker thread, a Qt object
    is destroyed there while the GUI thread may still dispatch events to it: the app crashed now and then in
    the import dialog. The function, its result and its error must all be let go of on the GUI thread."""
    freed_on: list[str] = []

    class Held:
        def __init__(self, what: str) -> None:
            self.what = what

        def __del__(self) -> None:
            freed_on.append(f"{self.what}: {threading.current_thread().name}")

    ended: list[int] = []
    for n in range(40):
        held, result = Held("fungsi"), Held("hasil")

        def work(progress: Progress, held: Held = held, result: Held = result, n: int = n) -> Held:
            progress.set(1, 2, "setengah")
            if n % 2:
                raise ValueError(result)
            return result

        run_task(
            parent, "Tugas", work, on_done=lambda _r: ended.append(1), on_error=lambda _e: ended.append(1)
        )
        del held, result, work
        qtbot.waitUntil(lambda n=n: len(ended) == n + 1, timeout=5000)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(t.name.startswith("tugas-") for t in threading.enumerate()):
        time.sleep(0.01)
    qtbot.wait(50)
    gc.collect()
    main = threading.main_thread().name
    assert len(freed_on) == 80
    assert [f for f in freed_on if not f.endswith(main)] == []
