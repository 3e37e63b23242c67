"""Import and export of the buku agenda surat keluar (csv, xlsx): validation first, all or nothing, numbers kept
as written, series counters raised past imported numbers, and the round trip through an empty data dir."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop.core.letters.rules import Keamanan, Urgensi
from desktop.demo import sample_office
from desktop.models.admin import AuditEntry, User
from desktop.models.letters import NumberSeries, OutgoingLetter
from desktop.services.common import auth, counters
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import SYSTEM, Actor
from desktop.services.letters import incoming_io, outgoing
from desktop.services.letters import outgoing_io as lio
from desktop.services.letters.outgoing_io import OUTGOING_COLUMNS
from desktop.services.system import AppContext
from desktop.services.tabular import RowError

TODAY = date(2026, 11, 22)
HEADER = ",".join(OUTGOING_COLUMNS)
TUJUAN = "Kepala Dinas Perdagangan Kota Samarinda"


@pytest.fixture
def clerk(ctx: AppContext) -> Actor:
    sample_office.fill(
        ctx, letter_count=0
    )  # office profile (WITA, kode unit DP2KUKM) and one account per role
    return _actor(ctx, "surat")


def _actor(ctx: AppContext, username: str) -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))


def _input(tanggal: date, kode: str = "800.1.11.1", **kw: object) -> outgoing.OutgoingInput:
    base: dict[str, object] = {
        "tanggal_surat": tanggal,
        "tujuan": TUJUAN,
        "perihal": "Surat Tugas Monitoring Harga Bahan Pokok",
        "kode_klasifikasi": kode,
    }
    base.update(kw)
    return outgoing.OutgoingInput(**base)  # type: ignore[arg-type]


def _issue(ctx: AppContext, tanggal: date, kode: str = "800.1.11.1", **kw: object) -> outgoing.OutgoingInfo:
    with ctx.db.transaction() as s:
        return outgoing.issue_number(s, SYSTEM, _input(tanggal, kode, **kw), today=TODAY)


def _csv(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _plan(ctx: AppContext, actor: Actor, path: Path, **kw: object) -> lio.OutgoingImportPlan:
    table = incoming_io.read_table(path)
    with ctx.db.transaction() as s:
        return lio.validate_outgoing(s, actor, table, **kw)  # type: ignore[arg-type]


def _import(ctx: AppContext, actor: Actor, path: Path, **kw: object) -> lio.OutgoingImportResult:
    plan = _plan(ctx, actor, path)
    assert plan.errors == []
    with ctx.db.transaction() as s:
        return lio.import_outgoing(s, actor, plan, **kw)  # type: ignore[arg-type]


def _book(ctx: AppContext) -> list[tuple[str, int, int, int, str]]:
    """(nomor surat, tahun, urut, sisipan, status) of the agenda keluar, in number order."""
    with ctx.db.transaction() as s:
        rows = s.execute(
            select(
                OutgoingLetter.nomor_surat,
                OutgoingLetter.tahun,
                OutgoingLetter.urut,
                OutgoingLetter.sisipan,
                OutgoingLetter.status,
            ).order_by(
                OutgoingLetter.tahun, OutgoingLetter.seri_id, OutgoingLetter.urut, OutgoingLetter.sisipan
            )
        )
        return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]


def _last(ctx: AppContext, series: str, year: int) -> int:
    with ctx.db.transaction() as s:
        return counters.last_number(s, series, year)


def test_export_imports_into_an_empty_data_dir_and_exports_byte_identical(
    ctx: AppContext, clerk: Actor, fresh: AppContext, tmp_path: Path
) -> None:
    _issue(ctx, date(2025, 12, 30), "000.1.5", perihal="Undangan rapat akhir tahun")
    _issue(
        ctx,
        date(2026, 1, 5),
        perihal='Permohonan data "pegawai", tahun 2026; segera',
        keamanan=Keamanan.R,
    )
    _issue(ctx, date(2026, 1, 10), "000.1.5", reserve=True)  # 2/2026 reserved (dipesan)
    sent = _issue(ctx, date(2026, 1, 20), "900.1")
    cancelled = _issue(ctx, date(2026, 1, 22))
    with ctx.db.transaction() as s:
        outgoing.mark_sent(s, SYSTEM, sent.id, date(2026, 1, 21), "pos")
        outgoing.cancel(s, SYSTEM, cancelled.id, "salah tujuan")
        inserted = outgoing.insert_number(s, SYSTEM, _input(date(2026, 1, 7)), today=TODAY)
    assert inserted.nomor_surat == "800.1.11.1/1.01/DP2KUKM/2026"
    old_book = _csv(
        tmp_path / "lama.csv",
        [
            HEADER,
            "067/3325/Sek.Um/SOP/DP2KUKM/2022,2022-03-01,Seluruh Bidang,SOP Pengendalian Surat,000.8.3.3,B,",
            "B-015/PL.02/OIKN/VII/2026,2026-07-02,Otorita IKN,Tembusan koordinasi,,B,Dikirim",
        ],
    )
    assert _import(ctx, clerk, old_book).legacy == 1

    first = tmp_path / "keluar.csv"
    with ctx.db.transaction() as s:
        assert lio.export_outgoing_csv(s, SYSTEM, first) == 8
    assert first.read_text(encoding="utf-8").splitlines() == [
        HEADER,
        "067/3325/Sek.Um/SOP/DP2KUKM/2022,2022-03-01,Seluruh Bidang,SOP Pengendalian Surat,000.8.3.3,B,dikirim",
        f"000.1.5/1/DP2KUKM/2025,2025-12-30,{TUJUAN},Undangan rapat akhir tahun,000.1.5,B,ditandatangani",
        f'800.1.11.1/1/DP2KUKM/2026,2026-01-05,{TUJUAN},"Permohonan data ""pegawai"", tahun 2026; segera",'
        "800.1.11.1,R,ditandatangani",
        f"800.1.11.1/1.01/DP2KUKM/2026,2026-01-07,{TUJUAN},Surat Tugas Monitoring Harga Bahan Pokok,"
        "800.1.11.1,B,ditandatangani",
        f"000.1.5/2/DP2KUKM/2026,2026-01-10,{TUJUAN},Surat Tugas Monitoring Harga Bahan Pokok,000.1.5,B,dipesan",
        f"900.1/3/DP2KUKM/2026,2026-01-20,{TUJUAN},Surat Tugas Monitoring Harga Bahan Pokok,900.1,B,dikirim",
        f"800.1.11.1/4/DP2KUKM/2026,2026-01-22,{TUJUAN},Surat Tugas Monitoring Harga Bahan Pokok,"
        "800.1.11.1,B,batal",
        "B-015/PL.02/OIKN/VII/2026,2026-07-02,Otorita IKN,Tembusan koordinasi,,B,dikirim",
    ]

    plan = _plan(fresh, SYSTEM, first)
    assert plan.errors == [] and len(plan.valid) == 8 and plan.rows_read == 8
    # Line 2: its kode column (000.8.3.3) differs from the kode in its number (067), and the column wins;
    # line 9: B-015/… fits no pattern of the (default) series.
    assert [w.line for w in plan.warnings] == [2, 9]
    assert "berbeda dengan kode 067 pada nomor surat; dipakai 000.8.3.3" in plan.warnings[0].reason
    with fresh.db.transaction() as s:
        result = lio.import_outgoing(s, SYSTEM, plan)
    assert (result.imported, result.skipped, result.legacy) == (8, 0, 1)
    second = tmp_path / "lagi.csv"
    with fresh.db.transaction() as s:
        lio.export_outgoing_csv(s, SYSTEM, second)
        seri_id = outgoing.ensure_default_series(s)
    assert second.read_bytes() == first.read_bytes()

    series = outgoing.counter_series(seri_id)
    assert [_last(fresh, series, y) for y in (2022, 2025, 2026)] == [3325, 1, 4]
    assert _last(fresh, f"{series}:sisip:1", 2026) == 1
    with fresh.db.transaction() as s:
        nxt = outgoing.issue_number(s, SYSTEM, _input(date(2026, 2, 2), unit="SEK.UM"), today=TODAY)
        again = outgoing.insert_number(s, SYSTEM, _input(date(2026, 1, 8), unit="SEK.UM"), today=TODAY)
        batal = s.scalar(select(OutgoingLetter).where(OutgoingLetter.status == "batal"))
        assert batal is not None and batal.batal_alasan == lio.LEGACY_CANCEL_REASON
    assert nxt.nomor_surat == "800.1.11.1/5/SEK.UM/2026"
    assert again.nomor_surat == "800.1.11.1/1.02/SEK.UM/2026"

    # One year only, and a user without VIEW_SECRET gets the Rahasia perihal masked.
    only_2026 = tmp_path / "2026.csv"
    with ctx.db.transaction() as s:
        assert lio.export_outgoing_csv(s, clerk, only_2026, year=2026) == 6
    rows = only_2026.read_text(encoding="utf-8").splitlines()
    assert rows[0] == HEADER and outgoing.SECRET_MASK in rows[1] and "pegawai" not in rows[1]


def test_one_bad_row_imports_nothing_unless_the_valid_rows_are_chosen(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path / "keluar.csv",
        [
            HEADER,
            f"800.1.11.1/57/DP2KUKM/2026,2026-03-02,{TUJUAN},Surat Tugas,800.1.11.1,B,",
            f"000.1.5/58/DP2KUKM/2026,31/02/2026,{TUJUAN},Undangan,000.1.5,B,",
            f"000.1.5/59/DP2KUKM/2026,2026-03-04,{TUJUAN},Undangan,000.1.5,B,ditandatangani",
        ],
    )
    plan = _plan(ctx, clerk, path)
    assert plan.errors == [
        RowError(3, "tanggal surat tidak dikenali (\u201c31/02/2026\u201d; tanggal tersebut tidak ada)")
    ]
    with ctx.db.transaction() as s, pytest.raises(ValidationError, match="1 baris tidak valid"):
        lio.import_outgoing(s, clerk, plan)
    assert _book(ctx) == []

    with ctx.db.transaction() as s:
        result = lio.import_outgoing(s, clerk, plan, skip_invalid=True)
    assert (result.imported, result.skipped, result.legacy) == (2, 1, 0)
    assert _book(ctx) == [
        ("800.1.11.1/57/DP2KUKM/2026", 2026, 57, 0, "dikirim"),
        ("000.1.5/59/DP2KUKM/2026", 2026, 59, 0, "ditandatangani"),
    ]
    with ctx.db.transaction() as s:
        entries = s.scalars(
            select(AuditEntry).where(AuditEntry.action == "impor", AuditEntry.entity == "surat_keluar")
        ).all()
        assert len(entries) == 1 and entries[0].username == "surat"
        assert "2 surat keluar diimpor dari keluar.csv, 1 baris tidak valid dilewati" in entries[0].summary


def test_every_bad_row_is_listed_with_its_line_and_reason(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    issued = _issue(ctx, date(2026, 2, 2))  # 800.1.11.1/1/DP2KUKM/2026
    dropped = _issue(ctx, date(2026, 2, 3))  # 2/2026, then cancelled: never used again
    with ctx.db.transaction() as s:
        outgoing.cancel(s, SYSTEM, dropped.id, "salah ketik")
    t = TUJUAN
    path = _csv(
        tmp_path / "keluar.csv",
        [
            HEADER + ",tanggal_kirim",
            f"800.1.11.1/57/DP2KUKM/2026,2026-03-02,{t},Surat Tugas,800.1.11.1,B,,",  # 2 fine
            "800.1.11.1/60/DP2KUKM/2026,2026-03-02,,,,,,",  # 3 tujuan, perihal empty
            f"800.1.11.1/61/DP2KUKM/2026,2026-03-02,{t},Rapat,,Penting,ditunda,",  # 4 keamanan, status
            f"800.1.11.1 / 57 / dp2kukm/2026,2026-03-02,{t},Rapat,,,,",  # 5 = line 2, written otherwise
            f"{issued.nomor_surat},2026-03-02,{t},Rapat,,,,",  # 6 already in the agenda
            f"000.1.5/1/DP2KUKM/2026,2026-03-02,{t},Rapat,000.1.5,,,",  # 7 sequence 1/2026 taken
            f"000.1.5/57/DP2KUKM/2026,2026-03-02,{t},Rapat,000.1.5,,,",  # 8 sequence of line 2
            f"800.1.11.1/62/DP2KUKM/2025,2026-03-02,{t},Rapat,,,,",  # 9 year differs
            f"tanpa nomor,2026-03-02,{t},Rapat,,,,",  # 10 no number
            f"800.1.11.1/63/DP2KUKM/2026,2026-03-02,{t},Rapat,,,konsep,2026-03-03",  # 11 kirim, not sent
            f"{dropped.nomor_surat},2026-03-02,{t},Rapat,,,,",  # 12 a cancelled number
            f"800.1.11.1/64/DP2KUKM/2026,2026-03-05,{t},Rapat,,,,2026-03-04",  # 13 sent before dated
            f"800.1.11.1/65/DP2KUKM/2027,2027-03-05,{t},Rapat,,,,",  # 14 far in the future
            "",  # 15 blank: skipped, but counted
            f"800.1.11.1/66/DP2KUKM/2026,02-03-2026,{t},Rapat,,,KONSEP,",  # 16 fine
        ],
    )
    plan = _plan(ctx, clerk, path, today=TODAY)
    reasons = {e.line: e.reason for e in plan.errors}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]
    assert reasons[3] == "tujuan kosong; perihal kosong"
    assert reasons[4].startswith("status \u201cditunda\u201d tidak dikenal")
    assert "keamanan \u201cPenting\u201d tidak dikenal" in reasons[4]
    assert reasons[5] == "nomor surat 800.1.11.1 / 57 / dp2kukm/2026 juga dipakai di baris 2"
    assert reasons[6] == "nomor surat 800.1.11.1/1/DP2KUKM/2026 sudah ada di agenda surat keluar"
    assert reasons[7] == (
        "nomor urut 1 tahun 2026 seri Surat Keluar sudah dipakai oleh nomor 800.1.11.1/1/DP2KUKM/2026"
    )
    assert reasons[8] == "nomor urut 57 tahun 2026 seri Surat Keluar juga dipakai di baris 2"
    assert reasons[9] == "tahun pada nomor surat (2025) tidak sama dengan tahun tanggal surat (2026)"
    assert reasons[10].startswith("nomor surat \u201ctanpa nomor\u201d bukan nomor")
    assert reasons[11] == "tanggal kirim diisi, tetapi statusnya dipesan (bukan dikirim)"
    assert reasons[12] == "nomor surat 800.1.11.1/2/DP2KUKM/2026 sudah ada di agenda surat keluar"
    assert reasons[13] == "tanggal kirim 2026-03-04 sebelum tanggal surat 2026-03-05"
    assert reasons[14] == "tanggal surat 2027-03-05 terlalu jauh di depan"
    assert [(r.line, r.urut, r.status) for r in plan.valid] == [(2, 57, "dikirim"), (16, 66, "dipesan")]
    assert str(plan.errors[0]) == "baris 3: tujuan kosong; perihal kosong"


def test_numbers_handed_out_after_an_import_never_collide(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    _issue(ctx, date(2026, 1, 5))  # 1/2026 issued in the app before the import
    path = _csv(
        tmp_path / "keluar.csv",
        [
            HEADER,
            f"800.1.11.1/57/DP2KUKM/2026,2026-03-02,{TUJUAN},Surat Tugas,800.1.11.1,B,",
            f"000.1.5/57.01/DP2KUKM/2026,2026-03-02,{TUJUAN},Undangan susulan,000.1.5,B,",
            f"000.1.5/60/SEK.UM/2026,2026-03-09,{TUJUAN},Undangan,000.1.5,B,",
            f"000.1.5/12/DP2KUKM/2026,2026-01-12,{TUJUAN},Undangan,000.1.5,B,",
            f"045.2/7/DP2KUKM/2024,2024-05-02,{TUJUAN},Laporan,045.2,B,",
            f"B/1/800.1.11.1/UM/2026,2026-03-03,{TUJUAN},Surat gaya lain,800.1.11.1,B,",
            f"B/2/800.1.11.1/UM/2026,2026-03-04,{TUJUAN},Surat gaya lain,800.1.11.1,B,",
            f"12/OLD/2025,2025-06-01,{TUJUAN},Surat lama,,B,",
        ],
    )
    result = _import(ctx, clerk, path)
    assert (result.imported, result.legacy) == (8, 3)
    with ctx.db.transaction() as s:
        seri_id = outgoing.ensure_default_series(s)
        legacy = s.scalar(select(NumberSeries).where(NumberSeries.nama == lio.LEGACY_SERIES_NAME))
        assert legacy is not None and not legacy.aktif
        assert [x.nama for x in outgoing.list_series(s)] == [outgoing.DEFAULT_SERIES_NAME]
        row = s.scalar(
            select(OutgoingLetter).where(OutgoingLetter.nomor_surat == "000.1.5/57.01/DP2KUKM/2026")
        )
        assert row is not None and (row.seri_id, row.kka, row.unit, row.urut, row.sisipan) == (
            seri_id,
            "000.1.5",
            "DP2KUKM",
            57,
            1,
        )
        odd = s.scalars(
            select(OutgoingLetter).where(OutgoingLetter.seri_id == legacy.id).order_by(OutgoingLetter.id)
        ).all()
        # Numbers of no pattern: 1, 2 … per year in file order, in the legacy series only.
        assert [(r.nomor_surat, r.tahun, r.urut) for r in odd] == [
            ("12/OLD/2025", 2025, 1),
            ("B/1/800.1.11.1/UM/2026", 2026, 1),
            ("B/2/800.1.11.1/UM/2026", 2026, 2),
        ]
    series = outgoing.counter_series(seri_id)
    assert (_last(ctx, series, 2026), _last(ctx, series, 2024), _last(ctx, series, 2025)) == (60, 7, 0)

    assert _issue(ctx, date(2026, 3, 10)).nomor_surat == "800.1.11.1/61/DP2KUKM/2026"
    assert _issue(ctx, date(2025, 7, 1)).nomor_surat == "800.1.11.1/1/DP2KUKM/2025"
    with ctx.db.transaction() as s:
        inserted = outgoing.insert_number(s, SYSTEM, _input(date(2026, 3, 3)), today=TODAY)
    assert inserted.nomor_surat == "800.1.11.1/57.02/DP2KUKM/2026"

    # A counter already past an imported number is never lowered.
    low = _csv(tmp_path / "rendah.csv", [HEADER, f"000.1.5/30/DP2KUKM/2026,2026-02-20,{TUJUAN},Rapat,,B,"])
    _import(ctx, clerk, low)
    assert _last(ctx, series, 2026) == 61
    numbers = [n for n, *_ in _book(ctx)]
    assert len(numbers) == len(set(numbers)) == 13


def test_usual_headers_status_labels_and_the_optional_columns(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    path = tmp_path / "agenda-keluar.csv"
    path.write_text(
        "\ufeffNo. Surat;Tgl Surat;Kepada;Isi Ringkas;Kode;Sifat;Status;Tgl Kirim;Media;Penandatangan;"
        "Derajat;Ket\n"
        "000.1.5/3/DP2KUKM/2026;5 Januari 2026;Camat Samarinda Kota;Undangan rapat, koordinasi;000.1.5;Biasa;"
        "Dipesan (konsep);;;;;nomor dipesan lewat telepon\n"
        "000.1.5/4/DP2KUKM/2026;06/01/2026;Biro Umum;Laporan;000.1.5;Rahasia;SUDAH DIKIRIM;07/01/2026;"
        "SRIKANDI;Kepala Dinas \u2014 Dr. H. Fulan;Amat Segera;\n"
        "000.1.5/5/DP2KUKM/2026;06-01-2026;Biro Umum;Laporan;045.2;B;Ditandatangani;;;;;\n"
        "000.1.5/6/DP2KUKM/2026;2026-01-07;Biro Umum;Laporan;999.9;B;batal;;;;;\n",
        encoding="utf-8",
    )
    table = incoming_io.read_table(path)
    assert lio.suggest_outgoing_mapping(table.headers) == {
        "No. Surat": "nomor_surat",
        "Tgl Surat": "tanggal_surat",
        "Kepada": "tujuan",
        "Isi Ringkas": "perihal",
        "Kode": "kode_klasifikasi",
        "Sifat": "keamanan",
        "Status": "status",
        "Tgl Kirim": "tanggal_kirim",
        "Media": "media",
        "Penandatangan": "penandatangan",
        "Derajat": "urgensi",
        "Ket": "keterangan",
    }
    plan = _plan(ctx, clerk, path)
    assert plan.errors == []
    # The kode column wins over the kode in the number (000.1.5), with a warning where they differ.
    differs = "kode klasifikasi {0} (kolom kode) berbeda dengan kode 000.1.5 pada nomor surat; dipakai {0}"
    assert [(w.line, w.reason) for w in plan.warnings] == [
        (4, differs.format("045.2")),
        (5, differs.format("999.9") + "; kode 999.9 tidak ada di daftar klasifikasi; tetap dipakai"),
    ]
    with ctx.db.transaction() as s:
        lio.import_outgoing(s, clerk, plan)
        rows = s.scalars(select(OutgoingLetter).order_by(OutgoingLetter.urut)).all()
        assert [(r.urut, r.status) for r in rows] == [
            (3, "dipesan"),
            (4, "dikirim"),
            (5, "ditandatangani"),
            (6, "batal"),
        ]
        reserved, sent, signed, dropped = rows
        assert (reserved.tanggal_surat, reserved.perihal, reserved.keterangan) == (
            date(2026, 1, 5),
            "Undangan rapat, koordinasi",
            "nomor dipesan lewat telepon",
        )
        assert (sent.keamanan, sent.urgensi, sent.tanggal_kirim, sent.media) == (
            "R",
            Urgensi.AMAT_SEGERA.value,
            date(2026, 1, 7),
            "srikandi",
        )
        assert sent.penandatangan == "Kepala Dinas \u2014 Dr. H. Fulan" and sent.signatory_id is None
        assert signed.skema == "78/2012" and signed.media == "lainnya" and signed.tanggal_kirim is None
        assert dropped.batal_alasan == lio.LEGACY_CANCEL_REASON
        assert outgoing.last_number_text(s, clerk, None, 2026) == "6"

    with pytest.raises(ValidationError, match="dipetakan lebih dari sekali"):
        lio.resolve_outgoing_mapping(table.headers, {"Kepada": "tujuan", "Ket": "Tujuan Surat"})
    with pytest.raises(ValidationError, match="tidak dikenal"):
        lio.resolve_outgoing_mapping(table.headers, {"Kepada": "asal"})


def test_export_xlsx_template_and_permissions(ctx: AppContext, clerk: Actor, tmp_path: Path) -> None:
    _issue(ctx, date(2026, 4, 1), "000.1.5")
    _issue(ctx, date(2026, 4, 2))
    xlsx, csv_path = tmp_path / "keluar.xlsx", tmp_path / "keluar.csv"
    with ctx.db.transaction() as s:
        assert lio.export_outgoing_xlsx(s, SYSTEM, xlsx, year=2026) == 2
        lio.export_outgoing_csv(s, SYSTEM, csv_path, year=2026)
    sheet = load_workbook(xlsx).active
    assert [c.value for c in sheet[1]] == list(OUTGOING_COLUMNS)
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["D"].width >= 40
    assert incoming_io.read_table(xlsx).rows == incoming_io.read_table(csv_path).rows

    template = tmp_path / "templat-keluar.xlsx"
    lio.write_outgoing_template(template)
    book = load_workbook(template)
    assert book.sheetnames == ["Agenda Keluar", "Petunjuk"]
    guide = " ".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
    assert "nomor_surat" in guide and "dikirim" in guide and "pola seri nomor" in guide
    plan = _plan(ctx, clerk, template)
    assert [(e.line, e.reason) for e in plan.errors] == [
        (2, "baris contoh dari templat; hapus baris ini sebelum impor")
    ]

    missing = _csv(tmp_path / "kurang.csv", ["nomor_surat,tanggal_surat,perihal", "A/1,2026-01-02,Rapat"])
    plan = _plan(ctx, clerk, missing)
    assert plan.valid == [] and [e.line for e in plan.errors] == [1]
    assert "kolom wajib tidak ditemukan: tujuan (tujuan)" in plan.errors[0].reason

    pimpinan = _actor(ctx, "kadis")
    with ctx.db.transaction() as s, pytest.raises(PermissionDenied):
        lio.validate_outgoing(s, pimpinan, incoming_io.read_table(csv_path))
    with ctx.db.transaction() as s, pytest.raises(PermissionDenied):
        lio.import_outgoing(s, pimpinan, plan)
    with ctx.db.transaction() as s:
        assert lio.export_outgoing_csv(s, pimpinan, tmp_path / "kadis.csv") == 2  # reading is allowed


def test_a_number_issued_after_validation_refuses_the_whole_import(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path / "keluar.csv",
        [
            HEADER,
            f"000.1.5/5/DP2KUKM/2026,2026-06-02,{TUJUAN},Rapat,000.1.5,B,",
            f"000.1.5/1/DP2KUKM/2026,2026-06-01,{TUJUAN},Rapat,000.1.5,B,",
        ],
    )
    plan = _plan(ctx, clerk, path)
    assert plan.ok
    _issue(ctx, date(2026, 6, 1))  # takes 1/2026 meanwhile
    with ctx.db.transaction() as s, pytest.raises(ValidationError, match=r"\(baris 3\)"):
        lio.import_outgoing(s, clerk, plan)
    assert len(_book(ctx)) == 1
