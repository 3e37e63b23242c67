"""A small bar chart of the SKM score (IKM × 25) of earlier periods and the one shown, drawn with QPainter."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

EARLIER = QColor("#2f6db5")
CURRENT = QColor("#e39b2d")
_BARS_MIN = 60
_GAP = 4
# The SKM score runs from 25 (every answer 1) to 100 (every answer 4): the bars start at 25, so a
# difference of a few points between semesters is visible, and the grade lines sit where the Permen puts them.
_FLOOR = 25.0
_TOP = 100.0
_GRADE_LINES = ((65.0, "C"), (76.61, "B"), (88.31, "A"))


@dataclass(frozen=True)
class TrendBar:
    """One period's bar: its short label, its score and grade, and whether it is the period shown."""

    label: str
    nilai: float
    mutu: str
    current: bool = False


def comma(value: float) -> str:
    """91.48 → "91,48", as the figures are written in the office."""
    return f"{value:.2f}".replace(".", ",")


class TrendChart(QWidget):
    """The score of each period over its bar; sizes follow the font so nothing is cut at a large font."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("skmTrend")
        self.bars: list[TrendBar] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def minimumSizeHint(self) -> QSize:
        fm = self.fontMetrics()
        slot = fm.horizontalAdvance("Sem II 2026") + 2 * _GAP
        # a line of scores over the tallest bar, the bars, the period labels
        return QSize(5 * slot, 2 * fm.height() + _BARS_MIN + 4 * _GAP)

    def sizeHint(self) -> QSize:
        least = self.minimumSizeHint()
        return QSize(max(320, least.width()), least.height() + 2 * self.fontMetrics().height())

    def set_bars(self, bars: list[TrendBar]) -> None:
        self.bars = bars
        self.setToolTip(
            "\n".join(f"{b.label}: {comma(b.nilai)} ({b.mutu})" for b in bars)
            if bars
            else self.tr("Belum ada periode dengan jawaban survei.")
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = painter.fontMetrics()
        line = fm.height()
        text_color = self.palette().windowText().color()
        top = _GAP + line
        bottom = self.height() - line - _GAP
        rect = QRectF(_GAP, top, self.width() - 2 * _GAP, max(1.0, bottom - top))
        if not self.bars:
            painter.setPen(text_color)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.tr("Belum ada data tren."))
            painter.end()
            return

        def y_of(value: float) -> float:
            share = (min(max(value, _FLOOR), _TOP) - _FLOOR) / (_TOP - _FLOOR)
            return rect.bottom() - rect.height() * share

        # Dotted grade boundaries, faint, so a bar's grade reads at a glance.
        grid = QColor(text_color)
        grid.setAlpha(70)
        pen = QPen(grid)
        pen.setStyle(Qt.PenStyle.DotLine)
        for value, _grade in _GRADE_LINES:
            painter.setPen(pen)
            painter.drawLine(int(rect.left()), int(y_of(value)), int(rect.right()), int(y_of(value)))
        slot = rect.width() / len(self.bars)
        bar = max(4.0, min(slot * 0.5, 3.0 * line))
        for i, item in enumerate(self.bars):
            left = rect.left() + i * slot + (slot - bar) / 2
            y = y_of(item.nilai)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(CURRENT if item.current else EARLIER)
            painter.drawRect(QRectF(left, y, bar, rect.bottom() - y))
            painter.setPen(text_color)
            score = f"{comma(item.nilai)} {item.mutu}"
            painter.drawText(
                QRectF(rect.left() + i * slot, y - line, slot, line),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                score,
            )
            painter.drawText(
                QRectF(rect.left() + i * slot, rect.bottom() + 2, slot, line),
                Qt.AlignmentFlag.AlignHCenter,
                fm.elidedText(item.label, Qt.TextElideMode.ElideRight, int(slot)),
            )
        painter.end()
