"""The letter card and the tree of the disposition chain: saved hops, their recipients, and queued hops."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from desktop.core.dates import format_date
from desktop.services.letters import dispositions as dispo
from desktop.services.letters.dispositions import HopInput, RecipientStatus
from desktop.ui.letters.disposition.shared import ROLE, escape, item_key, parse_key, short_date, short_post
from desktop.ui.letters.disposition.state import ChainState
from desktop.ui.widgets.messages import muted
from desktop.ui.widgets.palette import ERROR_COLOR, SUCCESS_COLOR

PENDING_BACKGROUND = QColor("#fff4cc")
LATE_COLOR = QColor(ERROR_COLOR)
DONE_COLOR = QColor(SUCCESS_COLOR)


class ChainView(QObject):
    """``header`` (in ``header_frame``) describes the letter; ``tree`` shows the chain, ``items`` finds a row by
    its key ("hop:3", "rec:12", "phop:0", "prec:0:1"); ``tree_head`` is the row above the tree."""

    def __init__(self, state: ChainState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.header = QLabel()
        self.header.setObjectName("letterHeader")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.header_frame = QFrame()
        self.header_frame.setObjectName("letterCard")
        self.header_frame.setStyleSheet(
            "QFrame#letterCard { background: palette(base); border: 1px solid palette(mid); border-radius: 4px; }"
        )
        header_layout = QVBoxLayout(self.header_frame)
        header_layout.setContentsMargins(10, 6, 10, 6)
        header_layout.addWidget(self.header)

        self.tree = QTreeWidget()
        self.tree.setObjectName("chainTree")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(
            [
                self.tr("Disposisi / penerima"),
                self.tr("Instruksi · hasil"),
                self.tr("Batas"),
                self.tr("Status"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setIndentation(16)
        head = self.tree.header()
        head.setStretchLastSection(False)
        # size_columns() shares the width out itself: Qt's Stretch gave the Instruksi column whatever the others
        # left, which after a saved chain (long names, statuses) was nothing ("Koo…").
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tree.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.tree.viewport().installEventFilter(self)
        tree_label = QLabel(self.tr("&Rantai disposisi"))
        tree_label.setBuddy(self.tree)
        legend = muted(
            QLabel(self.tr("kuning: belum disimpan · pilih penerima untuk mencatat tindak lanjut")),
            smaller=True,
        )
        self.tree_head = QHBoxLayout()
        self.tree_head.addWidget(tree_label)
        self.tree_head.addStretch(1)
        self.tree_head.addWidget(legend)
        self.items: dict[str, QTreeWidgetItem] = {}

    # ------------------------------------------------------------------ drawing
    def show_chain(self) -> None:
        """Redraw the card and the tree from the state, keeping the selected row when it is still there."""
        chain = self.state.chain
        agenda_style = "font-size: 12pt; font-weight: 600;"
        status_color = {"selesai": SUCCESS_COLOR, "batal": ERROR_COLOR, "arsip": "#555"}.get(
            chain.status, "#1f4e9c"
        )
        batas = f" · batas surat {short_date(chain.batas_waktu)}" if chain.batas_waktu else ""
        esc = escape
        self.header.setText(
            f"<span style='{agenda_style}'>Agenda {esc(chain.agenda)}</span>"
            f"&nbsp;&nbsp;<span style='color:{status_color}; font-weight:600'>{esc(chain.status_label)}</span>"
            f"&nbsp;&nbsp;<span style='color:#555'>diterima {esc(format_date(chain.tanggal_diterima))}{batas}"
            f" · keamanan {esc(chain.keamanan.label)}</span><br>"
            f"<b>{esc(chain.asal_surat)}</b> · No. {esc(chain.nomor_surat)}<br>"
            f"Perihal: {esc(chain.perihal)}"
        )
        selected = self.selected_key()
        self.tree.clear()
        self.items = {}
        for hop in chain.hops:
            self._add_hop(self.tree.invisibleRootItem(), hop)
        for index, hop in enumerate(self.state.pending):
            if hop.induk_penerima_id is not None:
                parent = self.items.get(item_key("rec", hop.induk_penerima_id), self.tree.invisibleRootItem())
            elif hop.induk_index is not None:
                parent = self.items.get(item_key("prec", *hop.induk_index), self.tree.invisibleRootItem())
            else:
                parent = self.tree.invisibleRootItem()
            self._add_pending(parent, index, hop)
        self.tree.expandAll()
        self.size_columns()
        if selected and item_key(selected[0], *selected[1]) in self.items:
            self.tree.setCurrentItem(self.items[item_key(selected[0], *selected[1])])
        elif self.tree.topLevelItemCount() == 0:
            placeholder = QTreeWidgetItem([self.tr("Belum ada disposisi.")])
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(placeholder)

    def size_columns(self) -> None:
        """Batas and Status as wide as what they show (Status at most ~26 letters), then the tree and the
        Instruksi column share the rest: each gets what it shows when that fits, and otherwise neither goes
        below a readable width (Instruksi never below its header or ~24 letters); a horizontal scroll bar
        takes what is left over rather than a column."""
        tree, head = self.tree, self.tree.header()
        letter = tree.fontMetrics().averageCharWidth()

        def wanted(column: int) -> int:
            return max(tree.sizeHintForColumn(column), head.sectionSizeHint(column))

        batas = wanted(2)
        status = min(wanted(3), max(letter * 26, head.sectionSizeHint(3)))
        rest = max(0, tree.viewport().width() - batas - status)
        want_tree, want_instruksi = wanted(0), wanted(1)
        if want_tree + want_instruksi <= rest:
            # Everything fits: the spare width goes to Instruksi, whose notes run longest.
            widths = [want_tree, rest - want_tree]
        else:
            min_instruksi = max(head.sectionSizeHint(1), min(want_instruksi, letter * 24))
            min_tree = min(want_tree, letter * 30)
            # Neither fits whole: Instruksi keeps up to two fifths, the tree (with its tooltips) the rest.
            instruksi = max(min_instruksi, rest - want_tree, min(want_instruksi, rest * 2 // 5))
            widths = [max(min_tree, rest - instruksi), instruksi]
        for column, width in enumerate([*widths, batas, status]):
            tree.setColumnWidth(column, width)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The tree's own width changes with the splitter, not only with the dialog. While the dialog is torn
        # down Qt may still deliver events after Python dropped this object's attributes: then do nothing.
        tree = self.__dict__.get("tree")
        if event.type() == QEvent.Type.Resize and tree is not None and watched is tree.viewport():
            self.size_columns()
        return False

    def _add_hop(self, parent: QTreeWidgetItem, hop: dispo.HopNode) -> None:
        to = ", ".join(short_post(r.jabatan, r.nama) for r in hop.recipients)
        if hop.batas_waktu:
            batas = short_date(hop.batas_waktu) + (" (HK)" if hop.batas_hari_kerja else "")
        elif hop.batas_efektif:
            batas = self.tr("ikut {0}").format(short_date(hop.batas_efektif))
        else:
            batas = ""
        item = QTreeWidgetItem(
            [
                f"{short_date(hop.tanggal)}  {short_post(hop.dari_jabatan, hop.dari_nama)} → {to}",
                " · ".join([*hop.instruksi, *([f"“{hop.catatan}”"] if hop.catatan else [])]),
                batas,
                self.tr("Dibatalkan") if not hop.aktif else "",
            ]
        )
        if not hop.batas_waktu and hop.batas_efektif:
            item.setForeground(2, QBrush(QColor("#777")))
            item.setToolTip(2, self.tr("Tanpa batas sendiri: mengikuti batas disposisi di atasnya."))
        item.setData(0, ROLE, item_key("hop", hop.id))
        item.setToolTip(0, f"{hop.dari_label} → " + "; ".join(r.label for r in hop.recipients))
        item.setToolTip(1, "\n".join([*hop.instruksi, hop.catatan]).strip())
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        if not hop.aktif:
            grey = QBrush(QColor("#888"))
            strike = QFont(font)
            strike.setStrikeOut(True)
            for col in range(4):
                item.setForeground(col, grey)
            item.setFont(0, strike)
        parent.addChild(item)
        self.items[item_key("hop", hop.id)] = item
        for r in hop.recipients:
            self._add_recipient(item, hop, r)

    def _add_recipient(self, parent: QTreeWidgetItem, hop: dispo.HopNode, r: dispo.RecipientNode) -> None:
        today = self.state.today
        status = r.status_label
        if r.status is RecipientStatus.SELESAI and r.tanggal_selesai:
            status = self.tr("Selesai {0}").format(short_date(r.tanggal_selesai))
        batas = hop.batas_efektif
        late = (
            hop.aktif
            and r.is_leaf
            and r.status is not RecipientStatus.SELESAI
            and batas is not None
            and batas < today
        )
        if late and batas is not None:
            status += self.tr(" · terlambat {0} hari").format((today - batas).days)
        item = QTreeWidgetItem([r.label, r.hasil, "", status])
        item.setData(0, ROLE, item_key("rec", r.id))
        item.setToolTip(0, f"{r.label}\nNIP {r.nip}" if r.nip else r.label)
        item.setToolTip(1, r.hasil)
        if not hop.aktif:
            for col in range(4):
                item.setForeground(col, QBrush(QColor("#888")))
        elif late:
            item.setForeground(3, QBrush(LATE_COLOR))
        elif r.status is RecipientStatus.SELESAI:
            item.setForeground(3, QBrush(DONE_COLOR))
        parent.addChild(item)
        self.items[item_key("rec", r.id)] = item
        for child in r.hops:
            self._add_hop(item, child)

    def _add_pending(self, parent: QTreeWidgetItem, index: int, hop: HopInput) -> None:
        batas = hop.batas_waktu
        if hop.batas_hari_kerja_count:
            batas = self.state.calendar.add_working_days(hop.tanggal, hop.batas_hari_kerja_count)
        to = ", ".join(short_post(r.jabatan, r.nama) for r in hop.recipients)
        dari = short_post(hop.dari_jabatan, hop.dari_nama) or self.tr("(penerima di atas)")
        item = QTreeWidgetItem(
            [
                f"{short_date(hop.tanggal)}  {dari} → {to}",
                " · ".join([*hop.instruksi, *([f"“{hop.catatan}”"] if hop.catatan else [])]),
                (short_date(batas) + (" (HK)" if hop.batas_hari_kerja_count else "")) if batas else "",
                self.tr("belum disimpan ({0})").format(index + 1),
            ]
        )
        item.setData(0, ROLE, item_key("phop", index))
        font = item.font(0)
        font.setBold(True)
        font.setItalic(True)
        item.setFont(0, font)
        self._paint_pending(item)
        parent.addChild(item)
        self.items[item_key("phop", index)] = item
        for j, r in enumerate(hop.recipients):
            child = QTreeWidgetItem([dispo.person_label(r.nama, r.jabatan), "", "", ""])
            child.setData(0, ROLE, item_key("prec", index, j))
            self._paint_pending(child)
            item.addChild(child)
            self.items[item_key("prec", index, j)] = child

    @staticmethod
    def _paint_pending(item: QTreeWidgetItem) -> None:
        for col in range(4):
            item.setBackground(col, QBrush(PENDING_BACKGROUND))
        font = item.font(0)
        font.setItalic(True)
        item.setFont(0, font)

    # ------------------------------------------------------------------ selection
    def selected_key(self) -> tuple[str, tuple[int, ...]] | None:
        item = self.tree.currentItem()
        return parse_key(item.data(0, ROLE)) if item is not None else None

    def select(self, kind: str, *ids: int) -> None:
        item = self.items.get(item_key(kind, *ids))
        if item is not None:
            self.tree.setCurrentItem(item)

    def selected_recipient(self) -> dispo.RecipientNode | None:
        key = self.selected_key()
        if not key or key[0] != "rec":
            return None
        return self.state.chain.recipient(key[1][0])

    def selected_hop(self) -> dispo.HopNode | None:
        key = self.selected_key()
        if not key:
            return None
        if key[0] == "hop":
            return self.state.chain.hop(key[1][0])
        if key[0] == "rec":
            r = self.state.chain.recipient(key[1][0])
            return self.state.chain.hop(r.hop_id) if r else None
        return None
