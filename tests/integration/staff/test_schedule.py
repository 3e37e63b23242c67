"""The Kepegawaian deadline list and the ``staff schedule`` CSV, checked against dates worked out by hand from the
rules in staff.md (B4 KGB, B5 KP, B6 pensiun), on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop import cli
from desktop.cli import staff as staff_cli
from desktop.demo import sample_office
from desktop.models.admin import AuditEntry, User
from desktop.services import system
from desktop.services.common import auth
from desktop.services.common.permissions import Actor
from desktop.services.staff import board, records, schedule
from desktop.services.staff.records import KgbEntry, PegawaiInput, PenundaanKgbEntry
from desktop.services.staff.schedule import JenisJadwal, StatusJadwal, Urgensi
from desktop.services.system import AppContext

AS_OF = date(2026, 1, 5)


def _pegawai(
    nip: str, nama: str, golongan: str, tmt: date, mkg: tuple[int, int], **kw: object
) -> PegawaiInput:
    values: dict[str, object] = {
        "nip": nip,
        "nama": nama,
        "golongan_ruang": golongan,
        "tmt_golongan": tmt,
        "mkg_tahun": mkg[0],
        "mkg_bulan": mkg[1],
        "jenis_jabatan": "pelaksana",
        "jabatan": "Pengadministrasi Umum",
        "tmt_jabatan": tmt,
        "pendidikan_terakhir": "S-1",
    }
    values.update(kw)
    return PegawaiInput(**values)  # type: ignore[arg-type]


# (PegawaiInput, riwayat entries to add). NIPs hold each person's birth date and TMT CPNS (staff.md R1).
STAFF = [
    # Siti: the worked example of staff.md B4 (III/d, S-1, last KGB 2025-03-01 at MKG 22 tahun).
    (
        _pegawai("197303141998032009", "Siti Aminah", "III/d", date(2018, 4, 1), (15, 1)),
        [KgbEntry(date(2025, 3, 1), "III/d", 22)],
    ),
    # Andi: the KP worked example of B5 (SLTA, II/c since 2022-10-01), MKG 11 tahun 10 bulan on that TMT.
    (
        _pegawai(
            "198805102010121001",
            "Andi Saputra",
            "II/c",
            date(2022, 10, 1),
            (11, 10),
            pendidikan_terakhir="SLTA",
        ),
        [],
    ),
    # Rina: jabatan fungsional ahli muda, KP pilihan after 2 years.
    (
        _pegawai(
            "198507202009032002",
            "Rina Kartika",
            "III/c",
            date(2024, 4, 1),
            (15, 1),
            jenis_jabatan="fungsional",
            jenjang="ahli_muda",
            jabatan="Analis Perdagangan Ahli Muda",
        ),
        [],
    ),
    # Hasan: jabatan fungsional ahli madya (BUP 60), S-2, IV/a since 2021-10-01.
    (
        _pegawai(
            "196811301994031003",
            "Hasan Basri",
            "IV/a",
            date(2021, 10, 1),
            (27, 7),
            jenis_jabatan="fungsional",
            jenjang="ahli_madya",
            jabatan="Pengawas Perdagangan Ahli Madya",
            pendidikan_terakhir="S-2",
        ),
        [],
    ),
    # Bambang: administrator born on the 1st of a month; KP pilihan struktural is not capped by the S-1 ceiling.
    (
        _pegawai(
            "197502012000121001",
            "Bambang Wijaya",
            "III/d",
            date(2022, 4, 1),
            (21, 4),
            jenis_jabatan="administrator",
            jabatan="Kepala Bidang Perdagangan",
        ),
        [],
    ),
    # Joko: KGB due 2026-03-01 deferred six months by an SK penundaan.
    (
        _pegawai("198006152005011002", "Joko Purnomo", "III/b", date(2020, 4, 1), (10, 1)),
        [KgbEntry(date(2024, 3, 1), "III/b", 14), PenundaanKgbEntry(date(2026, 3, 1), 6)],
    ),
    # Sari: the NI PPPK worked example of B2 (born 1985-05-16, PPPK since 2021), contract ends 2026-02-28.
    (
        _pegawai(
            "198505162021212004",
            "Sari Utami",
            "IX",
            date(2021, 3, 1),
            (0, 0),
            jenis_jabatan="fungsional",
            jenjang="ahli_pertama",
            jabatan="Penyuluh Koperasi Ahli Pertama",
            akhir_kontrak=date(2026, 2, 28),
        ),
        [],
    ),
    # Putra: CPNS at II/a since 2025-03-01 (SLTA): the first KGB of II/a comes after one year.
    (
        _pegawai(
            "200008082025031001",
            "Putra Ramadhan",
            "II/a",
            date(2025, 3, 1),
            (0, 0),
            status="cpns",
            pendidikan_terakhir="SLTA",
        ),
        [],
    ),
    # The Kepala Dinas: JPT (BUP 60) at IV/e, the top of the ladder, MKG past the last pay column.
    (
        _pegawai(
            "196609101990031001",
            "Rahmat Hidayat",
            "IV/e",
            date(2020, 10, 1),
            (30, 7),
            jenis_jabatan="jpt",
            jabatan="Kepala Dinas",
            pendidikan_terakhir="S-3",
        ),
        [],
    ),
    # Lina: D-III, promoted to II/d on 2023-04-01; an older KGB (2021, II/c) must not drive the rhythm.
    (
        _pegawai(
            "199001312015032001",
            "Lina Wulandari",
            "II/d",
            date(2023, 4, 1),
            (11, 1),
            pendidikan_terakhir="D-III",
        ),
        [KgbEntry(date(2021, 3, 1), "II/c", 9)],
    ),
    # Agus: born on 29 February; S-1 at III/d since 2015 with no KGB recorded since.
    (_pegawai("197202291997031002", "Agus Setiawan", "III/d", date(2015, 10, 1), (18, 7)), []),
]

# Worked out by hand, as of 5 January 2026 (AS_OF), from staff.md:
#   KGB (R7, R9): next column of the golongan above the MKG, at TMT + (12*col − MKG months); the first on or after
#   AS_OF, following the rhythm from the last SK (KP or KGB; a deferral (R11) moves one KGB and keeps the rhythm).
#   KP (R13, R14, B5): first monthly period on or after both AS_OF and TMT pangkat + 4 years (reguler,
#   struktural) or + 2 years (fungsional); none at the ijazah ceiling (reguler) or at IV/e.
#   TMT pensiun (R16, R17): the 1st of the month after the month of the BUP birthday.
EXPECTED = [
    # nip, nama, golongan, kgb_berikut, kp_berikut, tmt_pensiun
    # Rahmat: IV/e MKG 30y7m (367) -> column 32 at 2022-03-01, the last column: no KGB after; IV/e is the top: no
    # KP; JPT BUP 60: 2026-09-10 -> 2026-10-01.
    ("196609101990031001", "Rahmat Hidayat", "IV/e", "", "", "2026-10-01"),
    # Hasan: IV/a MKG 27y7m (331 months) on 2021-10-01 -> columns 28 (2022-03-01), 30 (2024-03-01), 32 (2026-03-01);
    # KP fungsional due 2023-10-01, already past -> first period after AS_OF 2026-02-01; ahli madya BUP 60:
    # 2028-11-30 -> 2028-12-01.
    ("196811301994031003", "Hasan Basri", "IV/a", "2026-03-01", "2026-02-01", "2028-12-01"),
    # Agus: III/d MKG 18y7m (223) on 2015-10-01 -> column 20 at +17 months = 2017-03-01, then every 2 years:
    # 2019, 2021, 2023, 2025, 2027-03-01; III/d is the S-1 ceiling: no KP reguler; BUP 58 reached on 2030-02-28
    # (no 29 February in 2030) -> 2030-03-01.
    ("197202291997031002", "Agus Setiawan", "III/d", "2027-03-01", "", "2030-03-01"),
    # Siti (staff.md B4/B6 worked example): KGB 2025-03-01 MKG 22 -> column 24 -> 2027-03-01; III/d = S-1
    # ceiling: no KP; BUP 58: 2031-03-14 -> 2031-04-01.
    ("197303141998032009", "Siti Aminah", "III/d", "2027-03-01", "", "2031-04-01"),
    # Bambang: III/d MKG 21y4m (256) on 2022-04-01 -> column 22 at +8 = 2022-12-01, 2024-12-01, 2026-12-01;
    # KP pilihan struktural 2022-04-01 + 4 years = 2026-04-01 (no ijazah ceiling); administrator BUP 58 reached
    # on 2033-02-01, a 1st -> still the next month (R17): 2033-03-01.
    ("197502012000121001", "Bambang Wijaya", "III/d", "2026-12-01", "2026-04-01", "2033-03-01"),
    # Joko: KGB 2024-03-01 MKG 14 -> column 16 due 2026-03-01, deferred 6 months -> 2026-09-01; KP reguler
    # 2020-04-01 + 4 years = 2024-04-01, past -> 2026-02-01 (below the S-1 ceiling III/d); BUP 58: 2038-06-15 ->
    # 2038-07-01.
    ("198006152005011002", "Joko Purnomo", "III/b", "2026-09-01", "2026-02-01", "2038-07-01"),
    # Sari: PPPK IX MKG 0 on 2021-03-01 -> Perpres 11/2024 columns 0, 2, 4, 6 …: 2023-03-01, 2025-03-01 (before
    # AS_OF), 2027-03-01 (issue 12: PPPK KGB from the PPPK table); no KP for PPPK; jabatan fungsional ahli
    # pertama BUP 58: 2043-05-16 -> 2043-06-01.
    ("198505162021212004", "Sari Utami", "IX", "2027-03-01", "", "2043-06-01"),
    # Rina: III/c MKG 15y1m (181) on 2024-04-01 -> column 16 at +11 = 2025-03-01 (before AS_OF), 2027-03-01;
    # KP pilihan fungsional 2024-04-01 + 2 years = 2026-04-01; ahli muda BUP 58: 2043-07-20 -> 2043-08-01.
    ("198507202009032002", "Rina Kartika", "III/c", "2027-03-01", "2026-04-01", "2043-08-01"),
    # Andi (staff.md B5 worked example): II/c MKG 11y10m (142) on 2022-10-01 -> column 13 at +14 = 2023-12-01,
    # 2025-12-01 (before AS_OF), 2027-12-01; KP 2022-10-01 + 4 years = 2026-10-01 (SLTA ceiling III/b not
    # reached); BUP 58: 2046-05-10 -> 2046-06-01.
    ("198805102010121001", "Andi Saputra", "II/c", "2027-12-01", "2026-10-01", "2046-06-01"),
    # Lina: II/d since 2023-04-01 MKG 11y1m (133) is later than the 2021 KGB -> column 13 at +23 = 2025-03-01,
    # then 2027-03-01; KP 2023-04-01 + 4 = 2027-04-01 (D-III ceiling III/c); BUP 58: 2048-01-31 -> 2048-02-01.
    ("199001312015032001", "Lina Wulandari", "II/d", "2027-03-01", "2027-04-01", "2048-02-01"),
    # Putra: II/a MKG 0 on 2025-03-01 -> column 1 (II/a: after one year) = 2026-03-01; KP 2029-03-01; BUP 58:
    # 2058-08-08 -> 2058-09-01.
    ("200008082025031001", "Putra Ramadhan", "II/a", "2026-03-01", "2029-03-01", "2058-09-01"),
]


@pytest.fixture
def clerk(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == "pegawai")))


@pytest.fixture
def ids(ctx: AppContext, clerk: Actor) -> dict[str, int]:
    """The staff above, entered through the services; plus one inactive pegawai who must not appear."""
    found: dict[str, int] = {}
    with ctx.db.transaction() as s:
        for data, entries in STAFF:
            pid = records.create_pegawai(s, clerk, data).value.id
            for entry in entries:
                records.add_riwayat(s, clerk, pid, entry)
            found[data.nip] = pid
        gone = records.create_pegawai(
            s, clerk, _pegawai("196001011985031001", "Sudah Pensiun", "IV/b", date(2012, 4, 1), (26, 1))
        ).value
        records.set_active(s, clerk, gone.id, False, "Pensiun 2018")
    return found


def _run_cli(ctx: AppContext, *argv: str) -> int:
    url = None if ctx.db.sqlite_path is not None else ctx.db.engine.url.render_as_string(hide_password=False)
    prefix = ["--data-dir", str(ctx.data_dir)] + (["--db-url", url] if url else [])
    args = cli.build_parser().parse_args(
        [*prefix, "staff", *argv]
    )  # as registered by the sekretariat command
    assert cli.COMMANDS[args.command] is staff_cli.run
    return staff_cli.run(args)


def test_schedule_csv_matches_the_hand_checked_dates(
    ctx: AppContext, ids: dict[str, int], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "jadwal.csv"
    assert _run_cli(ctx, "schedule", "--as-of", AS_OF.isoformat(), "--out", str(out)) == 0
    assert "Jadwal 11 pegawai aktif per 2026-01-05" in capsys.readouterr().out
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["nip", "nama", "golongan", "kgb_berikut", "kp_berikut", "tmt_pensiun"]
    assert [tuple(r) for r in rows[1:]] == EXPECTED  # one row per active pegawai, NIP order


def test_schedule_lists_what_is_due_with_urgency_status_and_explanation(
    ctx: AppContext, clerk: Actor, ids: dict[str, int]
) -> None:
    with ctx.db.transaction() as s:
        items = schedule.schedule(s, clerk, AS_OF, 90).items
    by_key = {(i.nip, i.jenis): i for i in items}

    # The TMT is 55 days ahead but the surat pemberitahuan was due on 1 January: lewat (issue 13 item 9).
    hasan_kgb = by_key[("196811301994031003", JenisJadwal.KGB)]
    assert (hasan_kgb.tanggal, hasan_kgb.hari_lagi, hasan_kgb.urgensi) == (
        date(2026, 3, 1),
        55,
        Urgensi.LEWAT,
    )
    assert hasan_kgb.batas_tindakan == date(2026, 1, 1)  # surat pemberitahuan 2 months before (R10)
    assert hasan_kgb.status is StatusJadwal.PERLU_DIPROSES
    assert hasan_kgb.judul == "KGB IV/a, MKG 32 tahun: Rp5.399.900"
    assert "paling lambat 1 Januari 2026" in hasan_kgb.derivation.explanation

    # Andi's KGB of 2025-12-01 is not recorded: lewat, within the look-back.
    andi_kgb = by_key[("198805102010121001", JenisJadwal.KGB)]
    assert (andi_kgb.tanggal, andi_kgb.urgensi) == (date(2025, 12, 1), Urgensi.LEWAT)

    # Hasan has met the KP fungsional minimum since 2023-10-01: lewat, with the nearest period's usul window.
    hasan_kp = by_key[("196811301994031003", JenisJadwal.KP)]
    assert (hasan_kp.tanggal, hasan_kp.urgensi, hasan_kp.batas_tindakan) == (
        date(2023, 10, 1),
        Urgensi.LEWAT,
        date(2026, 1, 15),
    )
    assert "periode terdekat 1 Februari 2026" in hasan_kp.derivation.explanation

    # The PPPK contract, and the Kepala Dinas's pension (its H-12 reminder fired on 2025-10-01).
    # Their urgency follows the batas tindakan too: the usul perpanjangan was due 3 months before the contract
    # ends (28 November 2025, passed); the usul pensiun 6 months before the TMT (1 April 2026, 86 days ahead).
    sari = by_key[("198505162021212004", JenisJadwal.PPPK)]
    assert (sari.tanggal, sari.batas_tindakan, sari.urgensi) == (
        date(2026, 2, 28),
        date(2025, 11, 28),
        Urgensi.LEWAT,
    )
    pension = by_key[("196609101990031001", JenisJadwal.PENSIUN)]
    assert (pension.tanggal, pension.urgensi, pension.pantau_mulai) == (
        date(2026, 10, 1),
        Urgensi.DEKAT,
        date(2025, 10, 1),
    )
    reminder = pension.pengingat_terakhir(AS_OF)
    assert reminder is not None and reminder.tanggal == date(2025, 10, 1) and "DPCP" in reminder.keterangan
    assert "TMT pensiun adalah tanggal 1 bulan berikutnya: 1 Oktober 2026." in pension.derivation.steps

    # Not due within 90 days: Siti's KGB (2027), Joko's deferred KGB (2026-09-01), Rina's KGB of 2025-03-01
    # (older than the look-back: assumed done, with a warning in its explanation).
    assert ("197303141998032009", JenisJadwal.KGB) not in by_key
    assert ("198006152005011002", JenisJadwal.KGB) not in by_key
    assert ("198507202009032002", JenisJadwal.KGB) not in by_key
    assert all(i.nip != "196001011985031001" for i in items)  # inactive
    assert [i.tanggal for i in items] == sorted(i.tanggal for i in items)

    with ctx.db.transaction() as s:
        rina = schedule.schedule(s, clerk, AS_OF, None, pegawai_id=ids["198507202009032002"]).items
        joko = schedule.schedule(s, clerk, AS_OF, None, pegawai_id=ids["198006152005011002"]).items
    rina_kgb = next(i for i in rina if i.jenis is JenisJadwal.KGB)
    assert rina_kgb.tanggal == date(2027, 3, 1)
    assert any("belum tercatat di riwayat" in w for w in rina_kgb.derivation.warnings)
    joko_kgb = next(i for i in joko if i.jenis is JenisJadwal.KGB)
    assert joko_kgb.tanggal == date(2026, 9, 1) and "ditunda 6 bulan" in joko_kgb.judul
    assert "ditunda 6 bulan (PP 7/1977 Pasal 13)" in joko_kgb.derivation.explanation


@pytest.mark.parametrize(
    ("as_of", "urgensi"),
    [
        (date(2027, 2, 4), Urgensi.LEWAT),  # TMT in 25 days; the notice was due on 1 January
        (date(2027, 1, 1), Urgensi.SEGERA),  # the notice is due today
        (date(2026, 12, 2), Urgensi.SEGERA),  # notice in 30 days, TMT in 89
        (date(2026, 11, 30), Urgensi.DEKAT),  # notice in 32 days
    ],
)
def test_kgb_urgency_follows_the_batas_tindakan_and_no_reminder_falls_after_it(
    ctx: AppContext, clerk: Actor, ids: dict[str, int], as_of: date, urgensi: Urgensi
) -> None:
    with ctx.db.transaction() as s:
        found = board.board(s, clerk, as_of, 90)
    (siti,) = [e for e in found.open if e.nip == "197303141998032009" and e.jenis is JenisJadwal.KGB]
    assert (siti.tanggal, siti.batas_tindakan) == (date(2027, 3, 1), date(2027, 1, 1))
    assert siti.urgensi is urgensi
    assert siti.item is not None
    assert siti.item.pengingat and all(r.tanggal <= date(2027, 1, 1) for r in siti.item.pengingat)
    assert siti.item.pantau_mulai == siti.item.pengingat[0].tanggal  # monitored from its first reminder


def test_no_kgb_on_the_schedule_has_a_reminder_after_its_batas_tindakan(
    ctx: AppContext, clerk: Actor, ids: dict[str, int]
) -> None:
    with ctx.db.transaction() as s:
        items = schedule.schedule(s, clerk, AS_OF, None).items
    kgbs = [i for i in items if i.jenis is JenisJadwal.KGB]
    assert len(kgbs) >= 3
    for item in kgbs:
        assert item.batas_tindakan is not None
        assert all(r.tanggal <= item.batas_tindakan for r in item.pengingat), item


def test_a_status_survives_a_restart_and_a_handled_item_stops_nagging(
    ctx: AppContext, clerk: Actor, ids: dict[str, int]
) -> None:
    andi, hasan, joko = ids["198805102010121001"], ids["196811301994031003"], ids["198006152005011002"]
    with ctx.db.transaction() as s:
        before = schedule.counts(s, clerk, AS_OF)
        schedule.set_status(
            s, clerk, andi, JenisJadwal.KGB, date(2025, 12, 1), StatusJadwal.SELESAI, "SK KGB terbit"
        )
        schedule.set_status(
            s, clerk, hasan, "kgb", date(2026, 3, 1), "diproses", "Surat pemberitahuan dikirim"
        )
        schedule.set_status(s, clerk, joko, JenisJadwal.KP, date(2024, 4, 1), StatusJadwal.TIDAK_PERLU, "SKP")
    # A restart: a new connection to the same data.
    url = None if ctx.db.sqlite_path is not None else ctx.db.engine.url.render_as_string(hide_password=False)
    ctx.db.dispose()
    again = system.open_context(ctx.data_dir, db_url=url)
    try:
        with again.db.transaction() as s:
            kept = schedule.status_of(s, clerk, andi, JenisJadwal.KGB, date(2025, 12, 1))
            assert (kept.status, kept.catatan, kept.oleh) == (
                StatusJadwal.SELESAI,
                "SK KGB terbit",
                "pegawai",
            )
            items = schedule.schedule(s, clerk, AS_OF, 90).items
            after = schedule.counts(s, clerk, AS_OF)
            andi_all = schedule.schedule(s, clerk, AS_OF, None, pegawai_id=andi).items
            audit = s.scalars(select(AuditEntry.summary).where(AuditEntry.entity == "jadwal_status")).all()
    finally:
        again.db.dispose()
    keys = {(i.pegawai_id, i.jenis): i for i in items}
    assert (andi, JenisJadwal.KGB) not in keys  # handled: gone from the 90-day list
    assert (joko, JenisJadwal.KP) not in keys  # "tidak perlu" until the pangkat changes
    assert keys[(hasan, JenisJadwal.KGB)].status is StatusJadwal.DIPROSES  # still shown, as being processed
    assert keys[(hasan, JenisJadwal.KGB)].catatan == "Surat pemberitahuan dikirim"
    # the next KGB of Andi is shown on his own page
    assert next(i.tanggal for i in andi_all if i.jenis is JenisJadwal.KGB) == date(2027, 12, 1)
    assert (after.total, after.lewat, after.diproses) == (before.total - 2, before.lewat - 2, 1)
    assert len(audit) == 3 and "Selesai" in audit[0]


def test_set_status_checks_its_input_and_the_role(ctx: AppContext, clerk: Actor, ids: dict[str, int]) -> None:
    from desktop.services.common.errors import PermissionDenied, ValidationError

    pid = ids["197303141998032009"]
    with ctx.db.transaction() as s:
        kadis = auth.actor_for(s.scalar(select(User).where(User.username == "kadis")))
        with pytest.raises(ValidationError) as exc:
            schedule.set_status(s, clerk, pid, "kgb", date(2027, 3, 1), "beres")
        assert exc.value.field == "status"
        with pytest.raises(ValidationError):
            schedule.set_status(s, clerk, pid, "mutasi", date(2027, 3, 1), "selesai")
        with pytest.raises(PermissionDenied):
            schedule.set_status(s, kadis, pid, "kgb", date(2027, 3, 1), "selesai")
        assert schedule.counts(s, kadis, AS_OF).total > 0  # pimpinan may read the dashboard
