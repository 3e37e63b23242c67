"""Pre-registrations imported from an online e-tamu form's export (issue 14 item 5, R18)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from desktop.core import clock
from desktop.models.admin import AuditEntry, OrgUnit
from desktop.models.guests import Visit
from desktop.models.staff import Pegawai
from desktop.services.common import import_log
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.guests import prereg, prereg_io
from desktop.services.system import AppContext

WITA = ZoneInfo("Asia/Makassar")
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=WITA)  # Monday
HEADER = "Timestamp,Nama,Instansi,No HP,Keperluan,Tujuan,Tanggal kunjungan,Kode"


def _csv(path: Path, *rows: str, header: str = HEADER) -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def _pegawai(ctx: AppContext, nama: str, nip: str, unit: str) -> int:
    with ctx.db.transaction() as s:
        unit_id = s.scalar(select(OrgUnit.id).where(OrgUnit.singkatan == unit))
        row = Pegawai(
            nip=nip, nama=nama, gelar_belakang="S.Sos.", tanggal_lahir=date(1982, 8, 17), jenis_kelamin="P",
            status="pns", unit_id=unit_id, aktif=True,
        )  # fmt: skip
        s.add(row)
        s.flush()
        return row.id


def _unit(ctx: AppContext, singkatan: str) -> int:
    with ctx.db.read() as s:
        found = s.scalar(select(OrgUnit.id).where(OrgUnit.singkatan == singkatan))
    assert found is not None
    return found


def _plan(ctx: AppContext, actor: Actor, path: Path, **kw: object) -> prereg_io.PreregPlan:
    table = prereg_io.read_table(path)
    with ctx.db.read() as s:
        return prereg_io.validate_preregs(s, actor, table, **kw)  # type: ignore[arg-type]


def _import(ctx: AppContext, actor: Actor, path: Path, **kw: bool) -> prereg_io.PreregResult:
    table = prereg_io.read_table(path)
    with ctx.db.transaction() as s:
        plan = prereg_io.validate_preregs(s, actor, table)
        return prereg_io.import_preregs(s, actor, plan, **kw)


def _registrations(ctx: AppContext) -> list[Visit]:
    with ctx.db.read() as s:
        rows = s.scalars(select(Visit).where(Visit.status == "pra_registrasi").order_by(Visit.id)).all()
        s.expunge_all()
        return list(rows)


def test_rows_become_registrations_with_the_files_codes_kept_and_hosts_matched(
    ctx: AppContext, desk: Actor, tmp_path: Path
) -> None:
    rina = _pegawai(ctx, "Rina Kartika", "198208172009022004", "UM")
    path = _csv(
        tmp_path / "etamu.csv",
        # A unit by its singkatan, any case; the master list's keperluan written in another case; a code with
        # dashes and small letters is the same code.
        "02/03/2026 07:12:40,Siti Rahmawati,Bappeda Kaltim,0812-5555-1234,AUDIENSI,ind,03/03/2026,abc-234-xy",
        # A pegawai by name without gelar; a keperluan not in the list is kept as written; no code: one drawn.
        "02/03/2026 07:30:00,Andi Wijaya,CV Maju,,Minta tanda tangan,rina kartika,2026-03-02,",
    )
    with clock.fixed(NOW):
        result = _import(ctx, desk, path)
    assert (result.imported, result.skipped, result.codes_kept, result.codes_new) == (2, 0, 1, 1)
    siti, andi = _registrations(ctx)
    assert (siti.nama, siti.instansi, siti.no_hp, siti.tanggal) == (
        "Siti Rahmawati",
        "Bappeda Kaltim",
        "0812-5555-1234",
        date(2026, 3, 3),
    )
    assert (siti.keperluan, siti.tujuan_unit_id, siti.kode_registrasi) == (
        "Audiensi",
        _unit(ctx, "IND"),
        "ABC234XY",
    )
    assert (andi.keperluan, andi.tujuan_pegawai_id, andi.tujuan_unit_id) == (
        "Minta tanda tangan",
        rina,
        _unit(ctx, "UM"),
    )
    assert andi.kode_registrasi and len(andi.kode_registrasi) == prereg.CODE_LENGTH
    assert dict(result.codes) == {2: "ABC234XY", 3: andi.kode_registrasi}
    assert siti.datang_at is None and siti.tiket == ""  # no ticket until the guest arrives
    # The desk types the code from the form; the registration becomes a check-in.
    with clock.fixed(datetime(2026, 3, 3, 8, 5, tzinfo=WITA)), ctx.db.transaction() as s:
        arrived = prereg.arrive(s, desk, "abc 234 xy")
    assert arrived.status == "menunggu" and arrived.tiket.startswith("A")
    # Audited once, with counts: no guest's name in the append-only log.
    with ctx.db.read() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity == "pra_registrasi")).all()
        imports = [e for e in entries if e.action == "impor"]
    assert len(imports) == 1 and [e for e in entries if e.action == "create"] == []
    text = f"{imports[0].summary} {imports[0].after_json}"
    assert "2 pra-registrasi" in text and "Siti" not in text and "Andi" not in text


def test_bad_rows_are_named_and_nothing_is_written_unless_valid_rows_only(
    ctx: AppContext, desk: Actor, tmp_path: Path
) -> None:
    with clock.fixed(NOW), ctx.db.transaction() as s:
        from desktop.services.guests.visits import WalkIn

        used = prereg.preregister(
            s,
            desk,
            WalkIn("Lama", "Audiensi", tujuan_unit_id=_unit(ctx, "UM")),
            date(2026, 3, 4),
            kode="USED1234",
        )
    assert used.kode_registrasi == "USED1234"
    path = _csv(
        tmp_path / "etamu.csv",
        ",Baik Satu,,,Audiensi,Sub Bagian Umum,05/03/2026,",  # line 2: valid
        ",Tujuan Salah,,,Audiensi,Bagian Gudang,05/03/2026,",  # 3
        ",Sudah Lewat,,,Audiensi,UM,01/03/2026,",  # 4
        ",Kode Pendek,,,Audiensi,UM,05/03/2026,AB1",  # 5
        ",Kode Aneh,,,Audiensi,UM,05/03/2026,ABC_12!éé",  # 6
        ",Kode Terpakai,,,Audiensi,UM,05/03/2026,used-1234",  # 7
        ",Kembar A,,,Audiensi,UM,05/03/2026,TWIN2345",  # 8
        ",Kembar B,,,Audiensi,UM,05/03/2026,twin 2345",  # 9
        ",,,,,UM,,",  # 10
        ",Jauh Sekali,,,Audiensi,UM,2027-03-10,",  # 11
    )
    with clock.fixed(NOW):
        plan = _plan(ctx, desk, path)
    reasons = {e.line: e.reason for e in plan.errors}
    assert [r.line for r in plan.valid] == [2]
    assert "tujuan \u201cBagian Gudang\u201d tidak cocok dengan unit kerja atau pegawai" in reasons[3]
    assert reasons[4] == "tanggal kunjungan 01/03/2026 sudah lewat"
    assert "harus 6 sampai 12 huruf atau angka" in reasons[5] and "harus 6 sampai 12" in reasons[6]
    assert reasons[7] == "kode USED1234 sudah dipakai pendaftaran lain"
    assert "TWIN2345 tertulis lebih dari sekali" in reasons[8] and "TWIN2345" in reasons[9]
    assert "nama kosong" in reasons[10] and "tanggal kunjungan kosong" in reasons[10]
    assert "lebih dari satu tahun" in reasons[11]
    with clock.fixed(NOW):
        with pytest.raises(ValidationError, match="9 baris tidak valid"):
            _import(ctx, desk, path)
        assert [v.nama for v in _registrations(ctx)] == ["Lama"]  # all or nothing
        result = _import(ctx, desk, path, skip_invalid=True)
    assert (result.imported, result.skipped) == (1, 9)
    assert [v.nama for v in _registrations(ctx)] == ["Lama", "Baik Satu"]


def test_a_tujuan_two_hosts_answer_to_is_an_error_naming_it(
    ctx: AppContext, desk: Actor, tmp_path: Path
) -> None:
    _pegawai(ctx, "Budi Santoso", "198208172009021001", "UM")
    _pegawai(ctx, "Budi Santoso", "198508172010021002", "IND")
    path = _csv(tmp_path / "etamu.csv", ",Tamu,,,Audiensi,Budi Santoso,03/03/2026,")
    with clock.fixed(NOW):
        plan = _plan(ctx, desk, path)
    assert plan.valid == []
    assert "\u201cBudi Santoso\u201d cocok dengan lebih dari satu" in plan.errors[0].reason


def test_the_same_file_twice_is_noticed(ctx: AppContext, desk: Actor, tmp_path: Path) -> None:
    path = _csv(tmp_path / "etamu.csv", ",Siti,,,Audiensi,UM,03/03/2026,")
    with clock.fixed(NOW):
        assert _import(ctx, desk, path).imported == 1
        with pytest.raises(import_log.AlreadyImported, match="pra-registrasi tamu"):
            _import(ctx, desk, path)
        assert len(_registrations(ctx)) == 1
        assert _import(ctx, desk, path, again=True).imported == 1
    assert len(_registrations(ctx)) == 2


def test_a_google_forms_workbook_with_other_headers_and_a_column_mapped_by_hand(
    ctx: AppContext, desk: Actor, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(
        [
            "Timestamp",
            "Nama Lengkap",
            "Nomor WhatsApp",
            "Maksud Kunjungan",
            "Bertemu",
            "Tanggal",
            "Asal Kantor",
        ]
    )
    sheet.append([datetime(2026, 3, 1, 20, 5), "Yohana", "0813 2222 1111", "Koordinasi/rapat", "Sekretariat",
                  datetime(2026, 3, 9), "Dinas Kominfo"])  # fmt: skip
    path = tmp_path / "form.xlsx"
    book.save(path)
    with clock.fixed(NOW):
        plan = _plan(ctx, desk, path)
        # "Asal Kantor" holds data nothing takes: named before the import, not dropped silently.
        assert plan.unmapped == ["Asal Kantor"] and plan.errors == []
        mapped = _plan(ctx, desk, path, mapping={"Asal Kantor": "instansi"})
        assert mapped.unmapped == []
        with ctx.db.transaction() as s:
            prereg_io.import_preregs(s, desk, mapped)
    (yohana,) = _registrations(ctx)
    assert (yohana.no_hp, yohana.instansi, yohana.tanggal, yohana.tujuan_unit_id) == (
        "0813 2222 1111",
        "Dinas Kominfo",
        date(2026, 3, 9),
        _unit(ctx, "SEK"),
    )
    with ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Visit)) == 1


def test_a_file_without_the_required_columns_is_refused_by_its_header(
    ctx: AppContext, desk: Actor, tmp_path: Path
) -> None:
    path = _csv(tmp_path / "etamu.csv", "Siti,Audiensi,x", header="Nama,Keperluan,Catatan")
    with clock.fixed(NOW):
        plan = _plan(ctx, desk, path)
    assert plan.valid == [] and plan.errors[0].header
    assert (
        "tujuan (tujuan)" in plan.errors[0].reason and "tanggal kunjungan (tanggal)" in plan.errors[0].reason
    )
