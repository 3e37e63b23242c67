"""What the home dashboard counts."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from desktop.core import clock
from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services import dashboard
from desktop.services.common import auth
from desktop.services.common.permissions import SYSTEM, Actor
from desktop.services.common.printed import Delivery
from desktop.services.dashboard import Level, Target
from desktop.services.letters import dispositions, incoming
from desktop.services.staff import records
from desktop.services.system import AppContext

WITA = ZoneInfo("Asia/Makassar")


def _register(ctx: AppContext, received: datetime, n: str) -> incoming.IncomingInfo:
    with ctx.db.transaction() as s:
        return incoming.register_incoming(
            s,
            SYSTEM,
            incoming.IncomingInput(
                tanggal_diterima=received,
                asal_surat="Bank Indonesia",
                nomor_surat=n,
                tanggal_surat=received.date(),
                perihal="Laporan perekonomian",
            ),
        )


def test_letters_per_month_in_office_time_and_waiting_for_disposition(ctx: AppContext) -> None:
    sample_office.fill(ctx, letter_count=0)  # WITA office
    # 31 Oct 23.30 WITA is still October in the office, though it is 15.30 UTC the same day.
    _register(ctx, datetime(2026, 10, 31, 23, 30, tzinfo=WITA), "A/1")
    # 1 Nov 07.10 WITA is 31 Oct 23.10 UTC: it belongs to November for the clerk.
    first_nov = _register(ctx, datetime(2026, 11, 1, 7, 10, tzinfo=WITA), "A/2")
    _register(ctx, datetime(2026, 11, 20, 9, 0, tzinfo=WITA), "A/3")
    with ctx.db.transaction() as s:
        # printed, still waiting for a disposition
        incoming.record_disposisi_printed(s, SYSTEM, first_nov.id, Delivery(printer="Epson L3110"))
        incoming.cancel_incoming(s, SYSTEM, _register_in(s), "salah input")
        summary = dashboard.letters_summary(s, SYSTEM, date(2026, 11, 22), "WITA")
    assert [(m.month, m.masuk) for m in summary.per_bulan[-2:]] == [(10, 1), (11, 2)]
    assert len(summary.per_bulan) == 12 and summary.per_bulan[0].month == 12
    assert summary.masuk_bulan_ini == 2
    assert summary.belum_didisposisi == 3  # baru or dicetak; the cancelled one is not waiting


def _register_in(session) -> int:  # type: ignore[no-untyped-def]
    info = incoming.register_incoming(
        session,
        SYSTEM,
        incoming.IncomingInput(
            tanggal_diterima=datetime(2026, 11, 21, 8, 0, tzinfo=WITA),
            asal_surat="X",
            nomor_surat="X/9",
            tanggal_surat=date(2026, 11, 21),
            perihal="Salah",
        ),
    )
    return info.id


# --- "Perlu perhatian": one list of every overdue and due item the user may see (issue 13 item 7) ------------


def _actor(ctx: AppContext, username: str) -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))


def _late_disposition(ctx: AppContext, clerk: Actor, received: datetime, batas: date) -> None:
    with ctx.db.transaction() as s:
        info = incoming.register_incoming(
            s,
            clerk,
            incoming.IncomingInput(
                tanggal_diterima=received,
                asal_surat="Kementerian Perdagangan",
                nomor_surat=f"800/{received:%d%H%M}/SJ",
                tanggal_surat=received.date(),
                perihal="Rapat koordinasi harga",
            ),
            today=received.date(),
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
                    tanggal=received.date(),
                    recipients=(dispositions.RecipientInput("Sekretaris", "Sekretaris", ""),),
                    batas_waktu=batas,
                )
            ],
        )


def test_attention_lists_every_overdue_and_due_item_the_user_may_see(ctx: AppContext) -> None:
    sample_office.fill(ctx, letter_count=0)  # WITA office, one account per role, complete profile
    clerk, staff_clerk, kadis = (_actor(ctx, u) for u in ("surat", "pegawai", "kadis"))
    today = date(2027, 2, 4)
    with clock.fixed(datetime(2027, 2, 4, 9, 0, tzinfo=WITA)):
        _fill_late_and_due(ctx, clerk, staff_clerk)
    _check(ctx, clerk, staff_clerk, kadis, today)


def _fill_late_and_due(ctx: AppContext, clerk: Actor, staff_clerk: Actor) -> None:
    for hour in (8, 9):
        _late_disposition(ctx, clerk, datetime(2027, 2, 1, hour, 0, tzinfo=WITA), date(2027, 2, 2))
    _register(ctx, datetime(2027, 2, 3, 10, 0, tzinfo=WITA), "B/1")  # waits for its disposition
    with ctx.db.transaction() as s:
        # KGB TMT 1 March 2027, 25 days ahead; its surat pemberitahuan was due on 1 January: lewat.
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
        records.add_riwayat(s, staff_clerk, siti.id, records.KgbEntry(date(2025, 3, 1), "III/d", 22))


def _check(ctx: AppContext, clerk: Actor, staff_clerk: Actor, kadis: Actor, today: date) -> None:
    with ctx.db.transaction() as s:
        mine = dashboard.beranda(s, clerk, today, "WITA")
        theirs = dashboard.beranda(s, staff_clerk, today, "WITA")
        pimpinan = dashboard.beranda(s, kadis, today, "WITA")

    texts = [a.text for a in mine.attention]
    assert texts[:2] == ["Disposisi melewati batas waktu: 2.", "Surat masuk belum didisposisi: 1."]
    assert mine.attention[0].level is Level.LATE and mine.attention[0].target is Target.OVERDUE
    # The deadlines of Kepegawaian are not the letter clerk's.
    assert mine.staff is None and not any("kepegawaian" in t for t in texts)
    # Every figure the Beranda shows in red is on the list: the overdue count agrees with the Surat card.
    assert mine.attention[0].count == mine.mail.disposisi_terlambat == 2

    late_staff = [a for a in theirs.attention if a.target is Target.SCHEDULE]
    assert late_staff[0].text == "Tenggat kepegawaian sudah lewat: 1 (KGB 1)."
    assert late_staff[0].level is Level.LATE and theirs.staff is not None and theirs.staff.lewat == 1
    # The pimpinan answers for both modules: both late items, most pressing first.
    assert [a.level for a in pimpinan.attention][:3] == [Level.LATE, Level.LATE, Level.DUE]
    assert {a.target for a in pimpinan.attention} >= {Target.OVERDUE, Target.SCHEDULE}


def test_attention_is_empty_only_when_nothing_is_late_or_due(ctx: AppContext) -> None:
    sample_office.fill(ctx, letter_count=0)
    clerk = _actor(ctx, "surat")
    with ctx.db.transaction() as s:
        quiet = dashboard.beranda(s, clerk, date(2026, 5, 4), "WITA")
    assert quiet.attention == ()
    assert quiet.mail.disposisi_terlambat == 0 and quiet.mail.belum_didisposisi == 0


def test_each_role_reads_the_summaries_of_its_own_modules_only(ctx: AppContext) -> None:
    """The one rule (Actor.works_in): a module's clerk, the admin and the pimpinan; a summary left None is a card
    and "Perlu perhatian" lines the Beranda cannot show."""
    sample_office.fill(ctx, letter_count=0)
    with clock.fixed(datetime(2027, 2, 4, 9, 0, tzinfo=WITA)):
        _fill_late_and_due(ctx, _actor(ctx, "surat"), _actor(ctx, "pegawai"))  # letters and staff both late
    every = {"surat", "pegawai", "tamu", "barang"}
    # The demo account of each clerk is named by its module's key; the admin and the pimpinan keep every module.
    work = {"admin": every, "kadis": every, **{key: {key} for key in every}}
    for username, modules in work.items():
        with ctx.db.transaction() as s:
            page = dashboard.beranda(s, _actor(ctx, username), date(2027, 2, 4), "WITA")
        read = {
            key
            for key, summary in (
                ("surat", page.mail), ("pegawai", page.staff), ("tamu", page.guests), ("barang", page.assets)
            )
            if summary is not None
        }  # fmt: skip
        assert read == modules, username
        letters_lines = [a for a in page.attention if "isposisi" in a.text]
        assert bool(letters_lines) == ("surat" in modules), (username, letters_lines)
        staff_lines = [a for a in page.attention if a.target is Target.SCHEDULE]
        assert bool(staff_lines) == ("pegawai" in modules), (username, staff_lines)
