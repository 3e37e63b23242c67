"""Cyclic garbage is freed on the GUI thread even when a worker thread does the allocating."""

from __future__ import annotations

import gc
import threading

from desktop.ui.collector import GuiCollector


def test_a_busy_worker_does_not_free_the_gui_threads_garbage(qtbot, gui_collector: GuiCollector) -> None:
    freed_on: list[str] = []

    class Window:
        def __init__(self) -> None:
            self.me = self  # a cycle, as a window and its bound callbacks make

        def __del__(self) -> None:
            freed_on.append(threading.current_thread().name)

    gc.collect()
    Window()  # closed by the user: garbage, only a collection can free it

    def busy_import() -> None:  # allocates far past every threshold, as a 100 000-row import does
        rows = [(n, str(n)) for n in range(300_000)]
        del rows

    worker = threading.Thread(target=busy_import, name="pekerja")
    worker.start()
    worker.join()
    assert freed_on == []  # the worker did not collect

    qtbot.waitUntil(lambda: bool(freed_on), timeout=5000)  # the GUI thread's timer did
    assert freed_on == [threading.main_thread().name]


def test_only_a_generation_past_its_threshold_is_collected(gui_collector: GuiCollector) -> None:
    gc.collect()
    assert gui_collector.collect_due() is None  # nothing allocated since: nothing to do
    keep = [[] for _ in range(gui_collector.thresholds[0] + 10)]
    assert gui_collector.collect_due() == 0
    assert len(keep) > gui_collector.thresholds[0]
