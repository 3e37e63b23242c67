"""The "sedang di kantor" table: every guest checked in and not yet out, oldest first (R3)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from desktop.services.guests.visits import VisitView
from desktop.ui.widgets.dates import office_time
from desktop.ui.widgets.palette import ERROR_COLOR, WARNING_COLOR

COLUMNS = ("Tiket", "Nama", "Instansi", "Tujuan", "Kartu", "Identitas", "Datang", "Status", "Lama")
COL_TIKET, COL_NAMA, COL_INSTANSI, COL_TUJUAN, COL_KARTU, COL_IDENTITAS, COL_DATANG, COL_STATUS, COL_LAMA = (
    range(len(COLUMNS))
)
ROW_ROLE = Qt.ItemDataRole.UserRole

_Index = QModelIndex | QPersistentModelIndex


def minutes_between(start: datetime | None, end: datetime) -> int | None:
    if start is None:
        return None
    return max(0, int((end - start).total_seconds() // 60))


def duration_text(minutes: int | None) -> str:
    """``45 mnt``, ``2 j 05``: the desk reads at a glance who has been in the building long."""
    if minutes is None:
        return ""
    if minutes < 60:
        return f"{minutes} mnt"
    return f"{minutes // 60} j {minutes % 60:02d}"


class OnSiteModel(QAbstractTableModel):
    """Rows are the services' VisitViews; ``now`` and ``today`` are set on every reload, so "lama" and the mark
    of a visit left open from an earlier day are computed once per refresh, not per repaint."""

    def __init__(self, zone: str, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self.zone = zone
        self.rows: list[VisitView] = []
        self.now: datetime | None = None
        self.today: date | None = None
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: Sequence[VisitView], now: datetime) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.now = now
        self.today = office_time(now, self.zone).date()
        self.endResetModel()

    def row_of(self, visit_id: int) -> int:
        return next((i for i, v in enumerate(self.rows) if v.id == visit_id), -1)

    def info(self, row: int) -> VisitView | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def earlier_day(self, v: VisitView) -> bool:
        """Checked in on an earlier office day and never checked out: the desk must settle it."""
        if v.datang_at is None or self.today is None:
            return False
        return office_time(v.datang_at, self.zone).date() < self.today

    # ------------------------------------------------------------------ Qt
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        v = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(v, column)
        if role == ROW_ROLE:
            return v
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.earlier_day(v) and column in (COL_TIKET, COL_DATANG):
                return QColor(ERROR_COLOR)
            if column == COL_IDENTITAS and v.identitas and not v.identitas_kembali:
                return QColor(WARNING_COLOR)
        if role == Qt.ItemDataRole.FontRole and column == COL_TIKET:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if self.earlier_day(v):
                return "Datang pada hari sebelumnya dan belum dicatat pulang"
            if column == COL_TUJUAN:
                return v.tujuan
            if column in (COL_NAMA, COL_INSTANSI):
                # Cut short on a 1024 px screen: the whole name and instansi on hover.
                return " · ".join(x for x in (v.nama, v.instansi) if x)
        return None

    def text(self, v: VisitView, column: int) -> str:
        if column == COL_TIKET:
            return v.tiket
        if column == COL_NAMA:
            return v.nama + (f" (+{v.jumlah_orang - 1})" if v.jumlah_orang > 1 else "")
        if column == COL_INSTANSI:
            return v.instansi
        if column == COL_TUJUAN:
            return v.tujuan
        if column == COL_KARTU:
            return v.kartu if not v.kartu_kembali else ""
        if column == COL_IDENTITAS:
            return v.identitas if not v.identitas_kembali else ""
        if column == COL_DATANG:
            if v.datang_at is None:
                return ""
            local = office_time(v.datang_at, self.zone)
            return f"{local:%H.%M}" if not self.earlier_day(v) else f"⚠ {local:%d/%m %H.%M}"
        if column == COL_STATUS:
            return v.status_label
        if column == COL_LAMA:
            return duration_text(minutes_between(v.datang_at, self.now)) if self.now else ""
        return ""
