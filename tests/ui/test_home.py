"""The Beranda's "Perlu perhatian" on a prepared data dir: it lists what the rest of the page shows as late."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from sqlalchemy import select

from desktop.core import clock
from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services import system
from desktop.services.common import auth
from desktop.services.common.permissions import Actor
from desktop.services.letters import dispositions, incoming
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.home import HomeTab

WITA = ZoneInfo("Asia/Makassar")
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=WITA)


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("beranda") / "data"
    ctx = system.open_context(data)
    system.prepare(ctx)
    sample_office.fill(ctx, letter_count=0)
    ctx.db.dispose()
    return data


@pytest.fixture
def office(prepared: Path, tmp_path: Path) -> Iterator[AppContext]:
    data = tmp_path / "data"
    shutil.copytree(prepared, data)
    ctx = system.open_context(data)
    with clock.fixed(NOW):
        yield ctx
    ctx.db.dispose()


def _actor(ctx: AppContext, username: str) -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))


def _disposed_late(ctx: AppContext, clerk: Actor, count: int) -> None:
    """``count`` letters whose Sekretaris was to report back by 20 November."""
    for n in range(count):
        received = datetime(2026, 11, 16, 8 + n, 0, tzinfo=WITA)
        with ctx.db.transaction() as s:
            info = incoming.register_incoming(
                s,
                clerk,
                incoming.IncomingInput(
                    tanggal_diterima=received,
                    asal_surat="Kementerian Perdagangan",
                    nomor_surat=f"500/{n}/SJ",
                    tanggal_surat=date(2026, 11, 13),
                    perihal="Rapat koordinasi harga",
                ),
            )
            incoming.record_printed_elsewhere(s, clerk, info.id)
            dispositions.record_chain(
                s,
                clerk,
                info.id,
                [
                    dispositions.HopInput(
                        dari_nama="Kepala Dinas",
                        dari_jabatan="Kepala Dinas",
                        dari_nip="",
                        tanggal=date(2026, 11, 16),
                        recipients=(dispositions.RecipientInput("Sekretaris", "Sekretaris", ""),),
                        batas_waktu=date(2026, 11, 20),
                    )
                ],
            )


def _texts(home: HomeTab) -> list[str]:
    return [
        label.text() for label in home.findChildren(QLabel) if label.objectName().startswith("attention_")
    ]


def test_overdue_dispositions_are_listed_under_perlu_perhatian(qtbot, office: AppContext) -> None:  # type: ignore[no-untyped-def]
    clerk = _actor(office, "surat")
    _disposed_late(office, clerk, 10)
    home = HomeTab(UiContext(office, clerk))
    qtbot.addWidget(home)

    late = home.findChild(QLabel, "dispositions_figures")
    assert late is not None and "melewati batas waktu: <b>10</b>" in late.text()
    assert home.findChild(QLabel, "attention_empty") is None
    listed = _texts(home)
    assert any("Disposisi melewati batas waktu: 10." in text for text in listed), listed
    # The overdue line comes first and opens the overdue list, by mouse or by keyboard.
    button = home.findChild(QPushButton, "attention_0_disposisi_terlambat")
    assert button is not None
    with qtbot.waitSignal(home.open_overdue):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    button.setFocus()
    with qtbot.waitSignal(home.open_overdue):
        qtbot.keyClick(button, Qt.Key.Key_Space)


def test_the_empty_text_only_when_nothing_is_late_or_due(qtbot, office: AppContext) -> None:  # type: ignore[no-untyped-def]
    home = HomeTab(UiContext(office, _actor(office, "surat")))
    qtbot.addWidget(home)
    empty = home.findChild(QLabel, "attention_empty")
    assert empty is not None and empty.text() == "Tidak ada yang perlu ditindaklanjuti."
    assert _texts(home) == [empty.text()]
    late = home.findChild(QLabel, "dispositions_figures")
    assert late is not None and "Tidak ada disposisi yang melewati batas waktu" in late.text()


def test_the_front_desk_sees_its_figures_and_the_guest_forgotten_yesterday(qtbot, office: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.models.admin import OrgUnit
    from desktop.services.guests import skm, visits

    desk = _actor(office, "tamu")
    with office.db.read() as s:
        unit = s.scalars(select(OrgUnit.id)).first()
    yesterday = datetime(2026, 11, 24, 10, 0, tzinfo=WITA)
    with clock.fixed(yesterday), office.db.transaction() as s:
        visits.check_in(
            s, desk, visits.WalkIn(nama="Tamu Kemarin", keperluan="Audiensi", tujuan_unit_id=unit)
        )
    with office.db.transaction() as s:
        for name in ("Ani", "Budi"):
            visits.check_in(s, desk, visits.WalkIn(nama=name, keperluan="Audiensi", tujuan_unit_id=unit))
        for answers in ((4,) * 9, (3,) * 9):
            skm.submit(s, skm.SurveyAnswer(answers=answers), sumber="kiosk")
    home = HomeTab(UiContext(office, desk))
    qtbot.addWidget(home)
    figures = home.findChild(QLabel, "guests_figures").text()
    assert "Sedang di kantor: <b>3</b>" in figures and "Tamu hari ini: <b>2</b>" in figures
    assert "Antrian menunggu: <b>2</b>" in figures
    # (4 + 3) / 2 × 25 = 87.5 for every unsur: grade B.
    assert "<b>87,50</b> (mutu B) dari 2 responden" in home.findChild(QLabel, "guests_ikm").text()
    assert any("belum dicatat pulang: 1" in t for t in _texts(home))
    # A letter clerk's Beranda has no desk card.
    clerk_home = HomeTab(UiContext(office, _actor(office, "surat")))
    qtbot.addWidget(clerk_home)
    assert clerk_home.findChild(QLabel, "guests_figures") is None


def test_the_pengurus_barang_sees_the_goods_figures_and_opens_the_tab(qtbot, office: AppContext) -> None:  # type: ignore[no-untyped-def]
    from desktop.services.assets import items, rooms

    pengurus = _actor(office, "barang")
    with office.db.transaction() as s:
        room = rooms.save_room(s, pengurus, rooms.RoomData(kode="R-01", nama="R. Subbag Umum")).id
        chairs = items.AssetInput(
            kode_barang="1.3.2.05.02.01.004", nama="Kursi Kayu", tahun=2025, harga=750_000
        )
        items.create_assets(s, pengurus, chairs, 3, today=NOW.date())
        items.create_assets(s, pengurus, replace(chairs, ruang_id=room), 2, today=NOW.date())
    home = HomeTab(UiContext(office, pengurus))
    qtbot.addWidget(home)
    figures = home.findChild(QLabel, "assets_figures").text()
    assert "Barang aktif: <b>5</b> (Rp 3.750.000)" in figures and "Baik: <b>5</b>" in figures
    status = home.findChild(QLabel, "assets_status").text()
    assert "KIR perlu dicetak ulang: <b>1</b>" in status and "tanpa ruangan: <b>3</b>" in status
    assert any("KIR berubah sejak terakhir dicetak: 1 ruangan." in t for t in _texts(home))
    with qtbot.waitSignal(home.open_assets):
        qtbot.mouseClick(home.findChild(QPushButton, "show_assets"), Qt.MouseButton.LeftButton)
    # A letter clerk's Beranda has no goods card.
    clerk_home = HomeTab(UiContext(office, _actor(office, "surat")))
    qtbot.addWidget(clerk_home)
    assert clerk_home.findChild(QLabel, "assets_figures") is None


# --- each user sees only the modules of their own work (issue 15: the pengurus barang saw late dispositions) ---

# The card and the "Perlu perhatian" button of each module, by the module's key in desktop/modules.py.
_CARDS = {
    "surat": "letters_figures",
    "pegawai": "staff_figures",
    "tamu": "guests_figures",
    "barang": "assets_figures",
}
_TARGETS = {"surat": "disposisi_terlambat", "pegawai": "jadwal", "tamu": "meja_depan", "barang": "barang"}
_EVERY_MODULE = frozenset(_CARDS)
# The demo account of each role and the modules of its work; the admin and the pimpinan keep all of them.
_WORK = {
    "admin": _EVERY_MODULE,
    "kadis": _EVERY_MODULE,
    "surat": frozenset({"surat"}),
    "tamu": frozenset({"tamu"}),
    "barang": frozenset({"barang"}),
    "pegawai": frozenset({"pegawai"}),
}


@pytest.fixture(scope="module")
def busy(prepared: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every module has something late or due on 25 November 2026: two dispositions past their batas waktu and
    a letter waiting for one, a KGB past its batas tindakan, a guest from yesterday, a room whose KIR changed."""
    from desktop.models.admin import OrgUnit
    from desktop.services.assets import items, rooms
    from desktop.services.guests import visits
    from desktop.services.staff import records

    data = tmp_path_factory.mktemp("beranda_busy") / "data"
    shutil.copytree(prepared, data)
    ctx = system.open_context(data)
    with clock.fixed(NOW):
        _disposed_late(ctx, _actor(ctx, "surat"), 2)
        with ctx.db.transaction() as s:
            incoming.register_incoming(
                s,
                _actor(ctx, "surat"),
                incoming.IncomingInput(
                    tanggal_diterima=datetime(2026, 11, 24, 10, 0, tzinfo=WITA),
                    asal_surat="Bank Indonesia",
                    nomor_surat="B/1",
                    tanggal_surat=date(2026, 11, 23),
                    perihal="Laporan perekonomian",
                ),
            )
        staff_clerk = _actor(ctx, "pegawai")
        with ctx.db.transaction() as s:
            siti = records.create_pegawai(
                s,
                staff_clerk,
                records.PegawaiInput(
                    nip="197303141998032009",
                    nama="Siti Aminah",
                    golongan_ruang="III/d",
                    tmt_golongan=date(2018, 4, 1),
                    mkg_tahun=15,
                    mkg_bulan=1,
                    jenis_jabatan="pelaksana",
                    jabatan="Pengadministrasi Umum",
                    tmt_jabatan=date(2018, 4, 1),
                    pendidikan_terakhir="S-1",
                ),
            ).value
            # Next KGB on 1 December 2026, six days ahead: its surat pemberitahuan is already late.
            records.add_riwayat(s, staff_clerk, siti.id, records.KgbEntry(date(2024, 12, 1), "III/d", 22))
        desk = _actor(ctx, "tamu")
        with ctx.db.read() as s:
            unit = s.scalars(select(OrgUnit.id)).first()
        with clock.fixed(datetime(2026, 11, 24, 10, 0, tzinfo=WITA)), ctx.db.transaction() as s:
            visits.check_in(
                s, desk, visits.WalkIn(nama="Tamu Kemarin", keperluan="Audiensi", tujuan_unit_id=unit)
            )
        pengurus = _actor(ctx, "barang")
        with ctx.db.transaction() as s:
            room = rooms.save_room(s, pengurus, rooms.RoomData(kode="R-01", nama="R. Subbag Umum")).id
            chair = items.AssetInput(
                kode_barang="1.3.2.05.02.01.004", nama="Kursi Kayu", tahun=2025, harga=750_000, ruang_id=room
            )
            items.create_assets(s, pengurus, chair, 2, today=NOW.date())
    ctx.db.dispose()
    return data


def _home_of(qtbot, busy: Path, tmp_path: Path, username: str) -> HomeTab:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    shutil.copytree(busy, data)
    ctx = system.open_context(data)
    home = HomeTab(UiContext(ctx, _actor(ctx, username)))
    qtbot.addWidget(home)
    return home


@pytest.mark.parametrize("username", list(_WORK))
def test_each_role_sees_the_cards_and_attention_lines_of_its_own_modules_only(  # type: ignore[no-untyped-def]
    qtbot, busy: Path, tmp_path: Path, username: str
) -> None:
    with clock.fixed(NOW):
        home = _home_of(qtbot, busy, tmp_path, username)
    cards = {key for key, name in _CARDS.items() if home.findChild(QLabel, name) is not None}
    buttons = {
        b.objectName() for b in home.findChildren(QPushButton) if b.objectName().startswith("attention_")
    }
    lines = {key for key, target in _TARGETS.items() if any(b.endswith(f"_{target}") for b in buttons)}
    assert cards == _WORK[username], "kartu"
    assert lines == _WORK[username], "baris Perlu perhatian"
    texts = _texts(home)
    # The letters' line without a button (waiting for a disposition) follows the same rule.
    assert any("Surat masuk belum didisposisi: 1." in t for t in texts) == ("surat" in _WORK[username])
    # Nothing to do in one's own module is never hidden: the list is not empty for anyone here.
    assert home.findChild(QLabel, "attention_empty") is None
    # The cards every user shares stay.
    assert home.findChild(QLabel, "today") is not None


def test_the_pengurus_barang_sees_the_barang_card_and_no_letters(qtbot, busy: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with clock.fixed(NOW):
        home = _home_of(qtbot, busy, tmp_path, "barang")
    texts = _texts(home)
    assert texts and all("KIR berubah" in t or "BAST" in t for t in texts), texts
    assert not any("isposisi" in t or "Surat" in t for t in texts), texts
    assert home.findChild(QLabel, "assets_figures") is not None
    for letters_only in ("letters_figures", "dispositions_figures"):
        assert home.findChild(QLabel, letters_only) is None
    assert home.findChild(QPushButton, "show_overdue") is None
    # Its own line comes first and opens the Barang tab.
    with qtbot.waitSignal(home.open_assets):
        qtbot.mouseClick(home.findChild(QPushButton, "attention_0_barang"), Qt.MouseButton.LeftButton)
