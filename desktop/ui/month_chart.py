"""A small grouped bar chart of letters per month (masuk and keluar), drawn with QPainter."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.core.dates import BULAN
from desktop.services.dashboard import MonthCount

MASUK = QColor("#2f6db5")
KELUAR = QColor("#e39b2d")
_BARS_MIN = 60  # the bars' own height at the least
_GAP = 4


class MonthChart(QWidget):
    """Every size follows the font: the legend, the counts over the bars and the month names are never cut,
    at a large system font either (issue 13: "the Beranda chart is cut")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: list[MonthCount] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _legend(self) -> list[tuple[QColor, str]]:
        return [(MASUK, self.tr("Masuk")), (KELUAR, self.tr("Keluar"))]

    def minimumSizeHint(self) -> QSize:
        fm = self.fontMetrics()
        month = max(fm.horizontalAdvance(name[:3]) for name in BULAN) + 2 * _GAP
        legend = sum(fm.height() + fm.horizontalAdvance(text) + 3 * _GAP for _, text in self._legend())
        # legend line, a line of counts over the tallest bars, the bars, the month names
        return QSize(max(12 * month, legend) + 2 * _GAP, 3 * fm.height() + _BARS_MIN + 4 * _GAP)

    def sizeHint(self) -> QSize:
        least = self.minimumSizeHint()
        return QSize(max(420, least.width()), least.height() + 2 * self.fontMetrics().height())

    def set_months(self, months: list[MonthCount]) -> None:
        self.months = months
        total = sum(m.masuk + m.keluar for m in months)
        self.setToolTip(
            "\n".join(f"{BULAN[m.month - 1]} {m.year}: {m.masuk} masuk, {m.keluar} keluar" for m in months)
            if total
            else ""
        )
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = painter.fontMetrics()
        line = fm.height()
        text_color = self.palette().windowText().color()
        # Legend: a square as tall as the text's x-height, then the word.
        x = float(_GAP)
        square = max(8.0, line * 0.6)
        for color, text in self._legend():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRect(QRectF(x, _GAP + (line - square) / 2, square, square))
            x += square + _GAP
            painter.setPen(text_color)
            painter.drawText(QRectF(x, _GAP, fm.horizontalAdvance(text) + _GAP, line), text)
            x += fm.horizontalAdvance(text) + 3 * _GAP
        if not self.months:
            painter.end()
            return
        top = _GAP + line + _GAP + line  # below the legend and the line of counts
        bottom = self.height() - line - _GAP
        rect = QRectF(_GAP, top, self.width() - 2 * _GAP, max(1.0, bottom - top))
        peak = max(1, *(max(m.masuk, m.keluar) for m in self.months))
        slot = rect.width() / len(self.months)
        bar = max(2.0, slot * 0.32)
        for i, m in enumerate(self.months):
            x = rect.left() + i * slot + (slot - 2 * bar) / 2
            for j, (value, color) in enumerate(((m.masuk, MASUK), (m.keluar, KELUAR))):
                height = rect.height() * value / peak
                left = x + j * bar
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color)
                painter.drawRect(QRectF(left, rect.bottom() - height, bar - 1, height))
                count = str(value)
                if value and fm.horizontalAdvance(count) <= bar + _GAP:
                    # The count over its bar, when it fits: the clerk reads the figure, not the bar's height.
                    painter.setPen(text_color)
                    painter.drawText(
                        QRectF(left - _GAP, rect.bottom() - height - line, bar + 2 * _GAP, line),
                        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
                        count,
                    )
            painter.setPen(text_color)
            painter.drawText(
                QRectF(rect.left() + i * slot, rect.bottom() + 2, slot, line),
                Qt.AlignmentFlag.AlignHCenter,
                BULAN[m.month - 1][:3],
            )
        painter.end()
