"""Cyclic garbage is collected on the GUI thread, on a timer, and never by chance on a worker thread."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

# How often the GUI thread looks at the collector's counts; collecting itself happens only past the thresholds.
INTERVAL_MS = 500


class GuiCollector(QObject):
    """Python's automatic collector runs on whichever thread happens to allocate: a background import would then
    free the windows and tasks a user closed, destroying Qt objects on a thread that does not own them. With
    this installed the automatic collector is off, and the GUI thread collects whatever generation is due."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> int | None:
        """Collect the oldest generation whose count is past its threshold; the generation, or None."""
        counts = gc.get_count()
        due = None
        for generation in range(3):
            if counts[generation] > self.thresholds[generation]:
                due = generation
        if due is not None:
            gc.collect(due)
        return due

    def stop(self) -> None:
        """Back to Python's automatic collector (tests; the application keeps this until it exits)."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()


def install(app: QObject) -> GuiCollector:
    """Start collecting on the GUI thread; `app` (the QApplication) owns the collector."""
    return GuiCollector(app)
