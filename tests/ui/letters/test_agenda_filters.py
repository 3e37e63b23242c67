"""The agenda lists' filter row and header sorting, through the real widgets (letters.md feature 7)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QHeaderView

from desktop.core import clock
from desktop.core.dates import office_tz
from desktop.core.letters.rules import Keamanan, Urgensi
from desktop.demo import sample_office
from desktop.services import system
from desktop.services.letters import dispositions as dispo
from desktop.services.letters import incoming, outgoing
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.letters import SuratTab
from desktop.ui.letters.incoming_list import PAGE_SIZE, IncomingList
from desktop.ui.letters.outgoing_panel import OutgoingPanel
from tests.ui.office import demo_actor

WITA = office_tz("WITA")  # the demo office's zone
BULK = PAGE_SIZE + 30  # more letters than one page: sorting must happen in SQL, not in the loaded rows


def _type_date(qtbot, field, text: str) -> None:  # type: ignore[no-untyped-def]
    """Over what the field holds, as a clerk does after clicking into it (the text comes up selected)."""
    field.selectAll()
    qtbot.keyClicks(field, text)


def _received_today(fraction: float) -> datetime:
    """A moment of today (office time) before now, so every letter is of this year and this month."""
    now = clock.now("WITA")
    start = now.replace(hour=0, minute=0, second=0, microsecond=0)
    return start + (now - start) * fraction


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo office with BULK plain letters and four distinct ones, one of them disposed to a Kabid."""
    data = tmp_path_factory.mktemp("filters") / "data"
    ctx = system.open_context(data)
    system.prepare(ctx)
    sample_office.fill(ctx, letter_count=0)
    clerk = demo_actor(ctx, "surat")
    with ctx.db.transaction() as s:
        # Registered first, so in the agenda's own order it sits on the last page: only an SQL sort
        # brings it to the top.
        incoming.register_incoming(
            s,
            clerk,
            incoming.IncomingInput(
                tanggal_diterima=_received_today(0.01),
                asal_surat="Asosiasi Pengusaha Indonesia",
                nomor_surat="01/APINDO/2026",
                tanggal_surat=_received_today(0.01).date(),
                perihal="Permohonan audiensi",
            ),
        )
        for i in range(BULK):
            received = _received_today(0.02 + 0.5 * i / BULK)
            incoming.register_incoming(
                s,
                clerk,
                incoming.IncomingInput(
                    tanggal_diterima=received,
                    asal_surat=f"Kecamatan Contoh {i:03d}",
                    nomor_surat=f"{i}/KEC/2026",
                    tanggal_surat=received.date(),
                    perihal="Laporan bulanan kecamatan",
                ),
            )
        special = [
            ("Bank Indonesia Perwakilan Kalimantan Timur", Keamanan.B, Urgensi.AMAT_SEGERA, "000.1.5"),
            ("Inspektorat Daerah", Keamanan.R, Urgensi.SEGERA, "700.1"),
            ("Kementerian Perdagangan RI", Keamanan.B, Urgensi.BIASA, "000.1.5"),
        ]
        ids = []
        for n, (asal, keamanan, urgensi, kode) in enumerate(special):
            received = _received_today(0.6 + 0.1 * n)
            ids.append(
                incoming.register_incoming(
                    s,
                    clerk,
                    incoming.IncomingInput(
                        tanggal_diterima=received,
                        asal_surat=asal,
                        nomor_surat=f"S/{n}/2026",
                        tanggal_surat=received.date(),
                        perihal=f"Surat khusus {n}",
                        kode_klasifikasi=kode,
                        keamanan=keamanan,
                        urgensi=urgensi,
                    ),
                ).id
            )
    with ctx.db.transaction() as s:
        kabid = next(
            o for o in dispo.officials(s, clerk) if o.jabatan == "Kepala Bidang Perdagangan Dalam Negeri"
        )
        sekretaris = next(o for o in dispo.officials(s, clerk) if o.jabatan == "Sekretaris")
        dispo.record_chain(
            s,
            clerk,
            ids[2],  # Kementerian Perdagangan → Kabid Perdagangan Dalam Negeri
            [
                dispo.HopInput(
                    dari_nama=sekretaris.nama,
                    dari_jabatan=sekretaris.jabatan,
                    tanggal=clock.today("WITA"),
                    recipients=(dispo.RecipientInput(kabid.nama, kabid.jabatan, kabid.nip, kabid.unit_id),),
                )
            ],
        )
    ctx.db.dispose()
    return data


def _agenda(qtbot, app_ctx: AppContext, username: str = "surat") -> IncomingList:  # type: ignore[no-untyped-def]
    tab = SuratTab(UiContext(app_ctx, demo_actor(app_ctx, username)))
    qtbot.addWidget(tab)
    tab.resize(1366, 700)  # a 1366 × 768 screen less the title bar and the main window's tabs
    tab.show()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab, timeout=2000)
    return tab.list


def _asal(agenda: IncomingList, row: int = 0) -> str:
    return str(agenda.model.index(row, 2).data())


def _click_header(qtbot, header: QHeaderView, section: int) -> None:  # type: ignore[no-untyped-def]
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_filters_through_the_filter_row_change_the_rows_and_the_count(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    agenda = _agenda(qtbot, filled)
    total = BULK + 4
    assert not agenda.filter_bar.isVisible()  # hidden by default: the table keeps its height
    assert agenda.filter_toggle.text() == "Filter ▾"
    assert agenda.count_label.text() == f"menampilkan {PAGE_SIZE} dari {total} surat"

    qtbot.mouseClick(agenda.filter_toggle, Qt.MouseButton.LeftButton)
    bar = agenda.filter_bar
    assert bar.isVisible()
    # Every filter fits on the one row at 1366 pixels at its natural width, "Hapus filter" included.
    assert bar.sizeHint().width() <= bar.width()
    assert bar.clear_button.isVisible() and bar.target is not None and bar.target.isVisible()

    qtbot.keyClicks(bar.name, "bank")  # asal surat, as typed
    qtbot.waitUntil(lambda: agenda.model.rowCount() == 1, timeout=3000)
    assert _asal(agenda) == "Bank Indonesia Perwakilan Kalimantan Timur"
    assert agenda.count_label.text() == "menampilkan 1 dari 1 yang cocok"
    assert agenda.filter_toggle.text() == "Filter (1) ▴"

    with qtbot.waitSignal(agenda.model.modelReset, timeout=3000):  # one reload after the pause
        bar.name.clear()
        bar.keamanan.setCurrentIndex(bar.keamanan.findData(Keamanan.B.value))
        bar.urgensi.setCurrentIndex(bar.urgensi.findData(Urgensi.AMAT_SEGERA.value))
    assert agenda.model.rowCount() == 1
    assert _asal(agenda) == "Bank Indonesia Perwakilan Kalimantan Timur"
    assert agenda.filter_toggle.text() == "Filter (2) ▴"

    bar.urgensi.setCurrentIndex(0)
    bar.keamanan.setCurrentIndex(0)
    qtbot.keyClicks(bar.kode, "000.1")  # a code finds the codes under it
    qtbot.waitUntil(lambda: agenda.model.rowCount() == 2, timeout=3000)
    assert {_asal(agenda, 0), _asal(agenda, 1)} == {
        "Kementerian Perdagangan RI",
        "Bank Indonesia Perwakilan Kalimantan Timur",
    }
    bar.kode.clear()

    assert bar.target is not None
    kabid = next(i for i in range(bar.target.count()) if "Perdagangan Dalam Negeri" in bar.target.itemText(i))
    bar.target.setCurrentIndex(kabid)
    qtbot.waitUntil(lambda: agenda.model.rowCount() == 1, timeout=3000)
    assert _asal(agenda) == "Kementerian Perdagangan RI"
    bar.status.setCurrentIndex(bar.status.findData("baru"))  # it is "didisposisi": nothing left
    qtbot.waitUntil(lambda: agenda.model.rowCount() == 0, timeout=3000)
    assert agenda.count_label.text() == "menampilkan 0 dari 0 yang cocok"

    # Hidden, the filters stay on and the toggle says so.
    qtbot.mouseClick(agenda.filter_toggle, Qt.MouseButton.LeftButton)
    assert not bar.isVisible()
    assert agenda.filter_toggle.text() == "Filter (2) ▾"
    assert agenda.model.rowCount() == 0

    qtbot.mouseClick(agenda.filter_toggle, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: agenda.model.total == total, timeout=3000)
    assert agenda.filter_toggle.text() == "Filter ▴"
    assert agenda.count_label.text() == f"menampilkan {PAGE_SIZE} dari {total} surat"

    # A date range replaces the year; one that ended yesterday finds nothing of today.
    with qtbot.waitSignal(agenda.model.modelReset, timeout=3000):
        qtbot.mouseClick(bar.use_dates, Qt.MouseButton.LeftButton)
        assert bar.dari.isEnabled() and not agenda.year.isEnabled()
    assert agenda.filter_toggle.count == 1
    assert agenda.model.total == total  # this month so far: everything
    yesterday = clock.today("WITA") - timedelta(days=1)
    month_before = yesterday - timedelta(days=30)
    _type_date(qtbot, bar.dari, month_before.strftime("%d%m%Y"))
    _type_date(qtbot, bar.sampai, yesterday.strftime("%d/%m/%Y"))
    assert bar.date_range() == (month_before, yesterday)
    qtbot.waitUntil(lambda: agenda.model.rowCount() == 0, timeout=3000)
    qtbot.mouseClick(bar.use_dates, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: agenda.model.total == total, timeout=3000)
    assert agenda.year.isEnabled()


def test_filters_combine_with_the_search_box(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    agenda = _agenda(qtbot, filled)
    qtbot.keyClicks(agenda.search, "indonesia")
    qtbot.waitUntil(lambda: agenda.model.rowCount() == 2, timeout=3000)
    agenda.filter_toggle.click()
    agenda.filter_bar.urgensi.setCurrentIndex(agenda.filter_bar.urgensi.findData(Urgensi.AMAT_SEGERA.value))
    qtbot.waitUntil(lambda: agenda.model.rowCount() == 1, timeout=3000)
    assert _asal(agenda) == "Bank Indonesia Perwakilan Kalimantan Timur"
    assert agenda.count_label.text() == "menampilkan 1 dari 1 yang cocok"
    with qtbot.waitSignal(agenda.model.modelReset, timeout=3000):
        agenda.search.clear()  # the filter alone
    assert agenda.model.rowCount() == 1
    assert agenda.count_label.text() == "menampilkan 1 dari 1 yang cocok"


def test_header_click_sorts_the_whole_agenda_in_sql(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    agenda = _agenda(qtbot, filled)
    header = agenda.table.horizontalHeader()
    assert agenda.model.rowCount() == PAGE_SIZE  # one page loaded; the rest comes as the view scrolls
    assert _asal(agenda) == "Kementerian Perdagangan RI"  # newest agenda first
    assert header.isSortIndicatorShown() and header.sortIndicatorSection() == 0

    _click_header(qtbot, header, 2)  # Asal surat, A → Z
    assert header.sortIndicatorSection() == 2
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    # The first letter registered was on the last page; the sort found it in the database.
    assert _asal(agenda) == "Asosiasi Pengusaha Indonesia"
    assert agenda.model.rowCount() == PAGE_SIZE
    assert agenda.selected_info() is not None  # Ctrl+P and the buttons still act on a row
    agenda.model.fetchMore()
    names = [_asal(agenda, r) for r in range(agenda.model.rowCount())]
    assert len(names) == BULK + 4 and names == sorted(names, key=str.casefold)

    _click_header(qtbot, header, 2)  # Z → A
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert [_asal(agenda, r) for r in range(2)] == [
        "Kementerian Perdagangan RI",
        f"Kecamatan Contoh {BULK - 1:03d}",
    ]

    _click_header(qtbot, header, 1)  # Tgl terima: the first click is newest first
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _asal(agenda) == "Kementerian Perdagangan RI"
    _click_header(qtbot, header, 1)
    assert _asal(agenda) == "Asosiasi Pengusaha Indonesia"  # oldest first
    _click_header(qtbot, header, 1)  # a third click: back to the agenda's own order
    assert header.sortIndicatorSection() == -1
    assert _asal(agenda) == "Kementerian Perdagangan RI"

    # Sorting keeps the filters and the search.
    _click_header(qtbot, header, 2)
    qtbot.keyClicks(agenda.search, "indonesia")
    qtbot.waitUntil(lambda: agenda.model.rowCount() == 2, timeout=3000)
    assert [_asal(agenda, r) for r in range(2)] == [
        "Asosiasi Pengusaha Indonesia",
        "Bank Indonesia Perwakilan Kalimantan Timur",
    ]


def test_keys_still_work_with_the_filter_row(qtbot, filled: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    agenda = _agenda(qtbot, filled)
    agenda.table.setFocus()
    qtbot.keyClick(
        agenda.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert agenda.filter_bar.isVisible() and agenda.filter_bar.use_dates.hasFocus()
    qtbot.keyClicks(agenda.filter_bar.name, "inspektorat")
    qtbot.keyClick(agenda.filter_bar.name, Qt.Key.Key_Return)  # Enter: no need to wait for the pause
    assert agenda.model.rowCount() == 1
    reloads: list[int] = []
    monkeypatch.setattr(agenda.model, "reload", lambda: reloads.append(1))
    qtbot.keyClick(agenda.filter_bar.name, Qt.Key.Key_F5)
    assert reloads == [1]
    qtbot.keyClick(agenda.filter_bar.name, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert agenda.search.hasFocus()
    qtbot.keyClick(
        agenda.search, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert agenda.filter_bar.use_dates.hasFocus()  # shown already: the key goes into the row
    qtbot.keyClick(
        agenda.filter_bar.use_dates,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not agenda.filter_bar.isVisible() and agenda.table.hasFocus()  # from inside: hidden again
    assert agenda.filter_toggle.text() == "Filter (1) ▾"


# --- agenda keluar ------------------------------------------------------------------------------------------


def test_outgoing_list_filters_and_sorts(qtbot, filled: AppContext) -> None:  # type: ignore[no-untyped-def]
    clerk = demo_actor(filled, "surat")
    dated = clock.today("WITA")
    with filled.db.transaction() as s:
        for tujuan, kode, keamanan in (
            ("Kepala Dinas Perdagangan Kota Samarinda", "800.1.11.1", Keamanan.B),
            ("Bupati Kutai Kartanegara", "000.1.5", Keamanan.B),
            ("Inspektur Provinsi", "700.1", Keamanan.R),
        ):
            data = outgoing.OutgoingInput(
                dated, tujuan, "Surat keluar", kode_klasifikasi=kode, keamanan=keamanan
            )
            outgoing.issue_number(s, clerk, data)
    panel = OutgoingPanel(UiContext(filled, clerk))
    qtbot.addWidget(panel)
    panel.resize(1366, 700)
    panel.show()
    qtbot.waitExposed(panel)
    book = panel.list
    assert book.model.rowCount() == 3 and not book.filter_bar.isVisible()

    def tujuan(row: int) -> str:
        return str(book.model.index(row, 2).data())

    qtbot.mouseClick(book.filter_toggle, Qt.MouseButton.LeftButton)
    assert book.filter_bar.sizeHint().width() <= book.filter_bar.width()
    qtbot.keyClicks(book.filter_bar.name, "kota")
    qtbot.waitUntil(lambda: book.model.rowCount() == 1, timeout=3000)
    assert tujuan(0) == "Kepala Dinas Perdagangan Kota Samarinda"
    assert book.count_label.text() == "menampilkan 1 dari 1 yang cocok"
    assert book.filter_toggle.text() == "Filter (1) ▴"
    with qtbot.waitSignal(book.model.modelReset, timeout=3000):
        book.filter_bar.name.clear()
        book.filter_bar.keamanan.setCurrentIndex(book.filter_bar.keamanan.findData(Keamanan.R.value))
    assert book.model.rowCount() == 1
    assert tujuan(0) == "Inspektur Provinsi"
    qtbot.mouseClick(book.filter_bar.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: book.model.rowCount() == 3, timeout=3000)

    _click_header(qtbot, book.table.horizontalHeader(), 2)  # Tujuan A → Z
    assert [tujuan(r) for r in range(3)] == [
        "Bupati Kutai Kartanegara",
        "Inspektur Provinsi",
        "Kepala Dinas Perdagangan Kota Samarinda",
    ]
