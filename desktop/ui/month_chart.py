"""A small grouped bar chart of letters per month (masuk and keluar), drawn with QPainter."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.core.dates import BULAN
from desktop.services.dashboard import MonthCount

MASUK = QColor("#2f6db5")
KELUAR = QColor("#e39b2d")


class MonthChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.months: list[MonthCount] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(150)

    def sizeHint(self) -> QSize:
        return QSize(420, 160)

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
        rect = QRectF(self.rect()).adjusted(4, 18, -4, -20)
        fm = painter.fontMetrics()
        # Legend
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(MASUK)
        painter.drawRect(QRectF(4, 4, 10, 10))
        painter.setBrush(KELUAR)
        painter.drawRect(QRectF(80, 4, 10, 10))
        painter.setPen(self.palette().windowText().color())
        painter.drawText(18, 14, self.tr("Masuk"))
        painter.drawText(94, 14, self.tr("Keluar"))
        if not self.months:
            return
        peak = max(1, *(max(m.masuk, m.keluar) for m in self.months))
        slot = rect.width() / len(self.months)
        bar = max(2.0, slot * 0.32)
        for i, m in enumerate(self.months):
            x = rect.left() + i * slot + (slot - 2 * bar) / 2
            for j, (value, color) in enumerate(((m.masuk, MASUK), (m.keluar, KELUAR))):
                height = rect.height() * value / peak
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(color)
                painter.drawRect(QRectF(x + j * bar, rect.bottom() - height, bar - 1, height))
            label = BULAN[m.month - 1][:3]
            painter.setPen(self.palette().windowText().color())
            painter.drawText(
                QRectF(rect.left() + i * slot, rect.bottom() + 2, slot, fm.height()),
                Qt.AlignmentFlag.AlignHCenter,
                label,
            )
        painter.end()
