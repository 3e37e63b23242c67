"""`sekretariat demo`: the staff register of the demo Dinas (PNS, CPNS and PPPK with their riwayat) and the Jadwal
it gives, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from desktop.core.nip import NipKind, parse_nip
from desktop.core.staff.months import months_between
from desktop.demo import sample_office
from desktop.models.admin import AuditEntry
from desktop.models.staff import RIWAYAT_TABLES, JadwalStatus, Pegawai
from desktop.services.common import office
from desktop.services.common.permissions import SYSTEM
from desktop.services.staff import records, schedule
from desktop.services.staff.records import JenisJabatan, RiwayatKind, StatusPegawai
from desktop.services.staff.schedule import JenisJadwal, StatusJadwal, Urgensi
from desktop.services.system import AppContext

TODAY = date(2026, 7, 15)
COUNT = 60


def _totals(ctx: AppContext) -> tuple[int, ...]:
    """Pegawai, every riwayat table, kept Jadwal statuses and audit rows."""
    with ctx.db.transaction() as s:
        tables = [Pegawai.__table__, JadwalStatus.__table__, AuditEntry.__table__]
        tables += [Pegawai.metadata.tables[name] for name in RIWAYAT_TABLES]
        return tuple(int(s.scalar(select(func.count()).select_from(t)) or 0) for t in tables)


def test_the_demo_register_has_consistent_careers_and_an_interesting_jadwal(ctx: AppContext) -> None:
    sample_office.fill(ctx, letter_count=0)  # office, units and users; no pegawai in the quick fill
    assert _totals(ctx)[0] == 0
    tally = sample_office.fill_staff(ctx, count=COUNT, today=TODAY)
    assert tally.pegawai == COUNT
    ref = records.reference()

    with ctx.db.transaction() as s:
        rows, total = records.list_pegawai(s, SYSTEM, aktif=None, limit=1000)
        details = [records.get_pegawai(s, SYSTEM, r.id) for r in rows]
        unit_ids = {u.id for u in office.list_units(s)}
        items = schedule.schedule(s, SYSTEM, TODAY).items
    assert total == COUNT

    statuses = {d.pegawai.status for d in details}
    assert statuses == {StatusPegawai.PNS, StatusPegawai.CPNS, StatusPegawai.PPPK}
    pppk = [d.pegawai for d in details if d.pegawai.status is StatusPegawai.PPPK]
    assert len(pppk) >= 8 and all(p.akhir_kontrak is not None for p in pppk)
    assert {d.pegawai.jenis_jabatan for d in details} == set(JenisJabatan)
    assert any(d.pegawai.gelar_belakang for d in details) and any(d.pegawai.gelar_depan for d in details)
    # The people the letters already name are the same people in the register.
    kadis = next(d.pegawai for d in details if d.pegawai.nip == "197303141998032009")
    assert kadis.jenis_jabatan is JenisJabatan.JPT and kadis.golongan_ruang == "IV/c"

    for detail in details:
        p = detail.pegawai
        # No warning at all: the NIP agrees with birth date, gender and TMT CPNS, the data is complete (R1-R4).
        assert detail.warnings == (), (p.nama_lengkap, detail.warnings)
        nip = parse_nip(p.nip)
        assert (nip.tanggal_lahir, nip.jenis_kelamin) == (p.tanggal_lahir, p.jenis_kelamin)
        assert p.unit_id is None or p.unit_id in unit_ids
        assert p.pendidikan_terakhir and p.jabatan and p.golongan_ruang
        if p.jenis_jabatan is JenisJabatan.FUNGSIONAL:
            assert p.jenjang and p.jabatan.endswith(records.JENJANG_FUNGSIONAL[p.jenjang])
        if p.status is StatusPegawai.PPPK:
            assert nip.jenis is NipKind.PPPK and p.tmt_golongan is not None
            assert nip.tahun_pppk == p.tmt_golongan.year
            continue
        assert nip.jenis is NipKind.PNS and nip.tmt_cpns == p.tmt_cpns
        assert p.tmt_cpns is not None and 18 <= (p.tmt_cpns.year - p.tanggal_lahir.year) <= 41
        ijazah = ref.ijazah.get(records.normalize_pendidikan(p.pendidikan_terakhir))
        if p.jenis_jabatan is JenisJabatan.PELAKSANA:  # KP reguler stops at the ijazah's ceiling (R14)
            assert ref.pangkat.rank(p.golongan_ruang) <= ref.pangkat.rank(ijazah.golongan_maks_kp_reguler)
        # The pay rhythm: a KGB or KP at most every two years from TMT CPNS up to now, none missing.
        pay = sorted(
            [r.data.tmt for r in detail.berlaku(RiwayatKind.KGB)]
            + [r.data.tmt for r in detail.berlaku(RiwayatKind.PANGKAT)]
        )
        assert pay[0] == p.tmt_cpns
        gaps = [months_between(a, b) for a, b in zip(pay, [*pay[1:], TODAY], strict=True)]
        assert max(gaps) <= 24, (p.nama_lengkap, pay)
        # A KP every four years or so, each one step up the ladder.
        ranks = [
            ref.pangkat.rank(r.data.golongan_ruang) for r in reversed(detail.berlaku(RiwayatKind.PANGKAT))
        ]
        assert ranks == list(range(ranks[0], ranks[0] + len(ranks)))

    cuti = [
        r.data
        for d in details
        for r in d.berlaku(RiwayatKind.CUTI)
        if r.data.tmt.year == TODAY.year  # type: ignore[union-attr]
    ]
    assert len(cuti) >= 5

    # The Jadwal of the next 90 days: something of every kind, nothing overdue.
    soon = {j: [i for i in items if i.jenis is j and 0 <= i.hari_lagi <= 90] for j in JenisJadwal}
    assert len(soon[JenisJadwal.KGB]) >= 3
    assert len(soon[JenisJadwal.KP]) >= 2
    assert len(soon[JenisJadwal.PPPK]) == 1
    assert soon[JenisJadwal.SATYALANCANA]
    pensiun = [i for i in items if i.jenis is JenisJadwal.PENSIUN]
    assert len(pensiun) == 1 and 0 < pensiun[0].hari_lagi <= 365
    # Nothing past its date. An item can still be lewat by its batas tindakan (issue 13 item 9: a KGB's surat
    # pemberitahuan is due two months before the TMT); then only that day has passed.
    assert not [i for i in items if i.hari_lagi < 0]
    assert all(
        i.batas_tindakan is not None and i.batas_tindakan < TODAY for i in items if i.urgensi is Urgensi.LEWAT
    )
    assert tally.jadwal[JenisJadwal.KGB] == len([i for i in items if i.jenis is JenisJadwal.KGB])

    # A KP the Jadwal reckons but the career does not plan is marked "tidak perlu" with its reason.
    with ctx.db.transaction() as s:
        kept = s.scalars(select(JadwalStatus).where(JadwalStatus.jenis == JenisJadwal.KP.value)).all()
        assert kept and all(k.status == StatusJadwal.TIDAK_PERLU.value and k.catatan for k in kept)

    # Running it again adds nothing.
    before = _totals(ctx)
    again = sample_office.fill_staff(ctx, count=COUNT, today=TODAY)
    assert again.pegawai == 0 and again.riwayat == 0
    assert _totals(ctx) == before


def test_demo_fill_prints_the_staff_line_and_leaves_a_register_of_other_people_alone(ctx: AppContext) -> None:
    summary = sample_office.fill(ctx, letter_count=0, staff_count=10)
    assert "10 pegawai contoh" in summary
    assert "jadwal 90 hari ke depan" in summary
    assert _totals(ctx)[0] == 10
    # Another day's demo (other people) is not mixed into a register that already holds pegawai.
    assert sample_office.fill_staff(ctx, count=10, today=date(2027, 3, 1)).pegawai == 0
    assert _totals(ctx)[0] == 10


def test_the_same_seed_and_day_plan_the_same_people(ctx: AppContext) -> None:
    sample_office.fill(ctx, letter_count=0)
    first = sample_office.fill_staff(ctx, count=12, today=TODAY, seed=7)
    with ctx.db.transaction() as s:
        nips = sorted(r.nip for r in records.list_pegawai(s, SYSTEM, aktif=None)[0])
    # The same plan again finds every one of its NIPs registered: nothing to add.
    assert sample_office.fill_staff(ctx, count=12, today=TODAY, seed=7).pegawai == 0
    # Another seed is another demo: the register is left alone.
    assert sample_office.fill_staff(ctx, count=12, today=TODAY, seed=8).pegawai == 0
    with ctx.db.transaction() as s:
        assert sorted(r.nip for r in records.list_pegawai(s, SYSTEM, aktif=None)[0]) == nips
    assert first.pegawai == 12
