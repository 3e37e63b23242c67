"""Draws a Jadwal pegawai cell: the name, with the grouped NIP smaller and muted below it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.ui.staff.schedule_model import NIP_ROLE


class PegawaiDelegate(QStyledItemDelegate):
    """Nama on the first line, the grouped NIP smaller and muted below it."""

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        nama = opt.text
        nip = str(index.data(NIP_ROLE) or "")
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        if selected:
            ink = palette.color(QPalette.ColorRole.HighlightedText)
            muted = ink
        else:
            brush = index.data(Qt.ItemDataRole.ForegroundRole)
            ink = brush.color() if isinstance(brush, QBrush) else palette.color(QPalette.ColorRole.Text)
            muted = QColor(ink)
            muted.setAlpha(170)
        rect: QRect = opt.rect.adjusted(6, 2, -6, -2)
        metrics = opt.fontMetrics
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(ink)
        top = QRect(rect.left(), rect.top(), rect.width(), metrics.height())
        painter.drawText(
            top,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(nama, Qt.TextElideMode.ElideRight, rect.width()),
        )
        small = QFont(opt.font)
        small.setPointSizeF(max(opt.font.pointSizeF() * 0.9, 6.0))
        painter.setFont(small)
        painter.setPen(muted)
        bottom = QRect(rect.left(), top.bottom() + 1, rect.width(), rect.bottom() - top.bottom())
        painter.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), nip)
        painter.restore()
