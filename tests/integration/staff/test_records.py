"""Pegawai register and append-only riwayat through the services (staff.md R1-R4, R27), on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from desktop.core.nip import JenisKelamin
from desktop.demo import sample_office
from desktop.models.admin import AuditEntry, User
from desktop.models.staff import RiwayatKgb, RiwayatPangkat
from desktop.services.common import auth
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.staff import records
from desktop.services.staff.records import (
    CutiEntry,
    KgbEntry,
    PangkatEntry,
    PegawaiInput,
    PenundaanKgbEntry,
    RiwayatKind,
    StatusPegawai,
)
from desktop.services.system import AppContext

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _actor(ctx: AppContext, username: str) -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))


@pytest.fixture
def clerk(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)  # office, units and one account per role
    return _actor(ctx, "pegawai")


def _siti(**kw: object) -> PegawaiInput:
    """The worked example of staff.md B2/B4: NIP 19730314 199803 2 009, III/d since 2018-04-01."""
    base: dict[str, object] = {
        "nip": "19730314 199803 2 009",
        "nama": "Siti Aminah",
        "gelar_belakang": "S.E.",
        "golongan_ruang": "III/d",
        "tmt_golongan": date(2018, 4, 1),
        "mkg_tahun": 15,
        "mkg_bulan": 1,
        "jenis_jabatan": "pelaksana",
        "jabatan": "Pengadministrasi Umum",
        "tmt_jabatan": date(2019, 1, 2),
        "pendidikan_terakhir": "S-1",
    }
    base.update(kw)
    return PegawaiInput(**base)  # type: ignore[arg-type]


def test_create_parses_the_nip_and_fills_the_record_from_it(ctx: AppContext, clerk: Actor) -> None:
    with ctx.db.transaction() as s:
        saved = records.create_pegawai(s, clerk, _siti())
    p = saved.value
    assert saved.warnings == ()
    assert p.nip == "197303141998032009"  # stored bare
    assert p.nip_format == "19730314 199803 2 009"
    # R1: birth date, gender and TMT CPNS from the NIP when the form leaves them empty
    assert (p.tanggal_lahir, p.jenis_kelamin, p.tmt_cpns) == (
        date(1973, 3, 14),
        JenisKelamin.PEREMPUAN,
        date(1998, 3, 1),
    )
    assert p.status is StatusPegawai.PNS
    assert p.nama_lengkap == "Siti Aminah, S.E."
    assert p.pangkat_golongan == "Penata Tingkat I (III/d)"
    with ctx.db.transaction() as s:
        detail = records.get_pegawai(s, clerk, p.id)
        # the pangkat, jabatan and pendidikan of the form are the first riwayat entries
        assert [r.data.golongan_ruang for r in detail.riwayat[RiwayatKind.PANGKAT]] == ["III/d"]  # type: ignore[union-attr]
        assert len(detail.riwayat[RiwayatKind.JABATAN]) == 1
        assert len(detail.riwayat[RiwayatKind.PENDIDIKAN]) == 1
        audit = s.scalars(select(AuditEntry).where(AuditEntry.entity == "pegawai")).all()
        assert [a.action for a in audit] == ["buat"]
        assert audit[0].username == "pegawai"


def test_a_17_digit_nip_is_refused_with_a_clear_message(ctx: AppContext, clerk: Actor) -> None:
    with ctx.db.transaction() as s, pytest.raises(ValidationError) as exc:
        records.create_pegawai(s, clerk, _siti(nip="19730314 199803 2 09"))
    assert exc.value.field == "nip"
    assert str(exc.value) == "NIP harus 18 angka; yang diisi 17 angka."
    with ctx.db.transaction() as s:
        assert records.list_pegawai(s, clerk)[1] == 0


def test_birth_date_after_tmt_cpns_is_accepted_with_a_warning(ctx: AppContext, clerk: Actor) -> None:
    # Born 15 May 2019 by its NIP, TMT CPNS March 2018: impossible, but a NIP never changes, so it is kept.
    with ctx.db.transaction() as s:
        saved = records.create_pegawai(s, clerk, _siti(nip="201905152018031002", nama="Data Keliru"))
    assert saved.value.tanggal_lahir == date(2019, 5, 15)
    assert any("sesudah TMT CPNS" in w for w in saved.warnings)
    with ctx.db.transaction() as s:
        assert records.find_by_nip(s, clerk, "20190515 201803 1 002") is not None


def test_a_record_that_disagrees_with_its_nip_warns_and_saves(ctx: AppContext, clerk: Actor) -> None:
    # SOP #15 prints 19780314 … for the Kepala Dinas whose record says 1973 (staff.md R4): warn, never block.
    with ctx.db.transaction() as s:
        saved = records.create_pegawai(
            s,
            clerk,
            _siti(
                tanggal_lahir=date(1978, 3, 14),
                jenis_kelamin="L",
                status="pppk",
                golongan_ruang="IX",
                akhir_kontrak=date(2027, 12, 31),
            ),
        )
    text_ = " ".join(saved.warnings)
    assert "Tanggal lahir di data (14 Maret 1978) berbeda dengan NIP (14 Maret 1973)." in saved.warnings
    assert "Jenis kelamin di data (Laki-laki) berbeda dengan NIP (Perempuan)." in saved.warnings
    assert "NIP PNS, tetapi status pegawai PPPK" in text_
    assert saved.value.tanggal_lahir == date(1978, 3, 14)


def test_a_pppk_kgb_takes_its_gaji_from_the_pppk_table_and_an_older_sk_needs_its_own(
    ctx: AppContext, clerk: Actor
) -> None:
    # NI PPPK 19850516 202121 2 004 (staff.md R2): PPPK since 2021, golongan IX.
    pppk = _siti(
        nip="19850516 202121 2 004",
        nama="Nurul Hidayah",
        status="pppk",
        golongan_ruang="IX",
        tmt_golongan=date(2021, 3, 1),
        mkg_tahun=0,
        mkg_bulan=0,
        akhir_kontrak=date(2030, 2, 28),
        tanggal_lahir=None,
        jenis_kelamin=None,
    )
    with ctx.db.transaction() as s:
        pid = records.create_pegawai(s, clerk, pppk).value.id
        # Perpres 11/2024: IX, column MKG 6 = Rp3.515.900; nothing typed, the table gives it.
        saved = records.add_riwayat(s, clerk, pid, KgbEntry(date(2027, 3, 1), "IX", 6)).value
        assert saved.data.gaji_pokok == 3_515_900  # type: ignore[union-attr]
        # A KGB of 2023 was paid from the Perpres 98/2020 table, which does not ship: the SK's amount is asked.
        with pytest.raises(
            ValidationError, match="Gaji pokok PPPK wajib diisi untuk TMT sebelum 1 Januari 2024"
        ):
            records.add_riwayat(s, clerk, pid, KgbEntry(date(2023, 3, 1), "IX", 2))
        typed = records.add_riwayat(s, clerk, pid, KgbEntry(date(2023, 3, 1), "IX", 2, gaji_pokok=3_059_600))
        assert typed.value.data.gaji_pokok == 3_059_600  # type: ignore[union-attr]


def test_nip_is_unique_and_other_bad_input_names_its_field(ctx: AppContext, clerk: Actor) -> None:
    with ctx.db.transaction() as s:
        records.create_pegawai(s, clerk, _siti())
    cases = [
        (_siti(nama="Orang Lain"), "nip", "sudah terdaftar atas nama Siti Aminah"),
        (_siti(nip="198001012005011001", nama=" "), "nama", "Nama wajib diisi."),
        (_siti(nip="198001012005011001", golongan_ruang="III/f"), "golongan_ruang", "III/f"),
        (_siti(nip="198001012005011001", mkg_bulan=12), "mkg_bulan", "0 sampai 11"),
        (_siti(nip="198001012005011001", nik="123"), "nik", "16 angka"),
        (_siti(nip="198001012005011001", tmt_golongan=None), "tmt_golongan", "wajib"),
        (_siti(nip="198001012005011001", jenis_jabatan="direktur"), "jenis_jabatan", "tidak dikenal"),
    ]
    for data, field, message in cases:
        with ctx.db.transaction() as s, pytest.raises(ValidationError) as exc:
            records.create_pegawai(s, clerk, data)
        assert exc.value.field == field
        assert message in str(exc.value)


def test_viewing_needs_view_and_writing_needs_the_staff_role(ctx: AppContext, clerk: Actor) -> None:
    kadis, surat = _actor(ctx, "kadis"), _actor(ctx, "surat")
    with ctx.db.transaction() as s:
        pid = records.create_pegawai(s, clerk, _siti()).value.id
    with ctx.db.transaction() as s:
        assert records.get_pegawai(s, kadis, pid).pegawai.nama == "Siti Aminah"
        for actor in (kadis, surat):
            with pytest.raises(PermissionDenied):
                records.create_pegawai(s, actor, _siti(nip="198001012005011001"))
            with pytest.raises(PermissionDenied):
                records.add_riwayat(s, actor, pid, KgbEntry(date(2025, 3, 1), "III/d", 22))


def test_kgb_riwayat_takes_gaji_from_the_pay_table_and_corrections_append(
    ctx: AppContext, clerk: Actor
) -> None:
    with ctx.db.transaction() as s:
        pid = records.create_pegawai(s, clerk, _siti()).value.id
        # Typed with the wrong MKG first.
        wrong = records.add_riwayat(s, clerk, pid, KgbEntry(date(2025, 3, 1), "III/d", 21)).value
    assert wrong.data.gaji_pokok == 4_301_200  # type: ignore[union-attr]  # III/d, column MKG 20 (PP 5/2024)
    with ctx.db.transaction() as s:
        fixed = records.correct_riwayat(
            s, clerk, RiwayatKind.KGB, wrong.id, KgbEntry(date(2025, 3, 1), "III/d", 22), "MKG salah ketik"
        ).value
    assert fixed.koreksi_atas_id == wrong.id and fixed.alasan_koreksi == "MKG salah ketik"
    assert fixed.data.gaji_pokok == 4_436_700  # type: ignore[union-attr]  # staff.md B4 worked example
    with ctx.db.transaction() as s:
        entries = records.get_pegawai(s, clerk, pid).riwayat[RiwayatKind.KGB]
        pegawai = records.get_pegawai(s, clerk, pid).pegawai
        # both rows are kept; only the correction is berlaku
        assert [(e.id, e.berlaku, e.dikoreksi_oleh_id) for e in entries] == [
            (fixed.id, True, None),
            (wrong.id, False, fixed.id),
        ]
        assert (pegawai.kgb_tmt, pegawai.kgb_mkg.tahun) == (date(2025, 3, 1), 22)
        with pytest.raises(ValidationError, match="sudah dikoreksi"):
            records.correct_riwayat(
                s, clerk, RiwayatKind.KGB, wrong.id, KgbEntry(date(2025, 3, 1), "III/d", 22), "x"
            )
        with pytest.raises(ValidationError, match="Alasan koreksi wajib"):
            records.correct_riwayat(
                s, clerk, RiwayatKind.KGB, fixed.id, KgbEntry(date(2025, 3, 1), "III/d", 22), ""
            )
    with ctx.db.transaction() as s:
        voided = records.cancel_riwayat(s, clerk, RiwayatKind.KGB, fixed.id, "SK dibatalkan BKD")
        assert voided.batal and not voided.berlaku
        pegawai = records.get_pegawai(s, clerk, pid).pegawai
        assert pegawai.kgb_tmt is None  # no berlaku KGB left
        assert s.scalar(select(func.count()).select_from(RiwayatKgb)) == 3
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "riwayat_kgb")).all()
        assert sorted(actions) == ["batal", "koreksi", "tambah"]


def test_the_database_refuses_to_update_or_delete_riwayat(ctx: AppContext, clerk: Actor) -> None:
    with ctx.db.transaction() as s:
        records.create_pegawai(s, clerk, _siti())
    for statement in ("UPDATE riwayat_pangkat SET golongan_ruang = 'IV/a'", "DELETE FROM riwayat_pangkat"):
        with pytest.raises((IntegrityError, DBAPIError), match="append-only"), ctx.db.transaction() as s:
            s.execute(text(statement))
    with ctx.db.transaction() as s:
        assert s.scalar(select(RiwayatPangkat.golongan_ruang)) == "III/d"


def test_saving_a_new_pangkat_appends_riwayat_and_a_fix_on_the_same_tmt_corrects(
    ctx: AppContext, clerk: Actor
) -> None:
    with ctx.db.transaction() as s:
        p = records.create_pegawai(
            s, clerk, _siti(golongan_ruang="III/c", tmt_golongan=date(2014, 4, 1), mkg_tahun=11, mkg_bulan=0)
        ).value
    # The clerk typed 11 tahun 0 bulan; the SK says 11 tahun 1 bulan: same TMT, so the same SK, corrected.
    with ctx.db.transaction() as s:
        records.update_pegawai(s, clerk, p.id, replace(p.as_input(), mkg_bulan=1))
    # Then the KP of 2018-04-01 is recorded through the form: a new entry.
    with ctx.db.transaction() as s:
        info = records.get_pegawai(s, clerk, p.id).pegawai
        updated = records.update_pegawai(
            s,
            clerk,
            p.id,
            replace(info.as_input(), golongan_ruang="III/d", tmt_golongan=date(2018, 4, 1), mkg_tahun=15),
        ).value
    assert (updated.golongan_ruang, updated.tmt_golongan, str(updated.mkg)) == (
        "III/d",
        date(2018, 4, 1),
        "15 tahun 1 bulan",
    )
    with ctx.db.transaction() as s:
        entries = records.get_pegawai(s, clerk, p.id).riwayat[RiwayatKind.PANGKAT]
    assert [(e.data.golongan_ruang, e.data.tmt, e.data.mkg_bulan, e.berlaku) for e in entries] == [  # type: ignore[union-attr]
        ("III/d", date(2018, 4, 1), 1, True),
        ("III/c", date(2014, 4, 1), 1, True),
        ("III/c", date(2014, 4, 1), 0, False),
    ]
    assert entries[1].koreksi_atas_id == entries[2].id
    # A pangkat riwayat entry with a later TMT moves the current pangkat (R27).
    with ctx.db.transaction() as s:
        records.add_riwayat(s, clerk, p.id, PangkatEntry(date(2022, 4, 1), "IV/a", 19, 1, jenis="fungsional"))
        assert records.get_pegawai(s, clerk, p.id).pegawai.golongan_ruang == "IV/a"


def test_riwayat_entries_are_validated(ctx: AppContext, clerk: Actor) -> None:
    with ctx.db.transaction() as s:
        pid = records.create_pegawai(s, clerk, _siti()).value.id
    bad = [
        (PenundaanKgbEntry(date(2027, 3, 1), 13), "bulan"),
        (PenundaanKgbEntry(date(2027, 3, 15), 6), "tmt"),
        (KgbEntry(date(2025, 3, 1), "III/d", 22, 12), "mkg_bulan"),
        (CutiEntry(date(2026, 3, 20), date(2026, 3, 16), "tahunan"), "selesai"),
        (CutiEntry(date(2026, 3, 16), date(2026, 3, 20), "liburan"), "jenis"),
    ]
    for entry, field in bad:
        with ctx.db.transaction() as s, pytest.raises(ValidationError) as exc:
            records.add_riwayat(s, clerk, pid, entry)
        assert exc.value.field == field


def test_cuti_counts_working_days_on_the_office_calendar(ctx: AppContext, clerk: Actor) -> None:
    with ctx.db.transaction() as s:
        pid = records.create_pegawai(s, clerk, _siti()).value.id
        # staff.md B7 worked example: 16-27 Mar 2026 = 10 weekdays − 5 holidays and cuti bersama = 5 HK.
        saved = records.add_riwayat(s, clerk, pid, CutiEntry(date(2026, 3, 16), date(2026, 3, 27), "tahunan"))
    assert saved.value.data.hari_kerja == 5  # type: ignore[union-attr]


def test_list_finds_by_name_words_or_nip_digits_and_hides_inactive(ctx: AppContext, clerk: Actor) -> None:
    with ctx.db.transaction() as s:
        siti = records.create_pegawai(s, clerk, _siti()).value
        budi = records.create_pegawai(
            s,
            clerk,
            PegawaiInput(nip="198507202009031003", nama="Budi Santoso", jabatan="Analis Perdagangan"),
        ).value
        records.set_active(s, clerk, budi.id, False, "Pindah ke BKD")
    with ctx.db.transaction() as s:
        assert [r.nama_lengkap for r in records.list_pegawai(s, clerk, text="aminah")[0]] == [
            "Siti Aminah, S.E."
        ]
        assert [r.id for r in records.list_pegawai(s, clerk, text="1998 03")[0]] == [siti.id]
        assert records.list_pegawai(s, clerk, text="budi")[1] == 0
        rows, total = records.list_pegawai(s, clerk, text="analis", aktif=None)
        assert total == 1 and not rows[0].aktif
        with pytest.raises(ValidationError, match="Alasan wajib"):
            records.set_active(s, clerk, siti.id, False, "")


def test_photo_is_kept_with_its_checksum(ctx: AppContext, clerk: Actor) -> None:
    with ctx.db.transaction() as s:
        pid = records.create_pegawai(s, clerk, _siti()).value.id
        records.set_photo(s, clerk, pid, PNG)
    with ctx.db.transaction() as s:
        assert records.get_photo(s, clerk, pid) == PNG
        assert records.get_pegawai(s, clerk, pid).pegawai.ada_foto
        with pytest.raises(ValidationError, match="PNG atau JPEG"):
            records.set_photo(s, clerk, pid, b"GIF89a")
