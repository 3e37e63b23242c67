"""Import and export of the buku agenda surat masuk (csv, xlsx): validation first, all or nothing, round trip."""

from __future__ import annotations

import time as clock
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from desktop.core.letters.rules import Keamanan, Urgensi
from desktop.demo import sample_office
from desktop.models.admin import AuditEntry, User
from desktop.models.letters import IncomingLetter
from desktop.services import system
from desktop.services.common import auth, counters
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import SYSTEM, Actor
from desktop.services.letters import incoming, incoming_io
from desktop.services.letters.incoming_io import INCOMING_COLUMNS, RowError
from desktop.services.system import AppContext

WITA = ZoneInfo("Asia/Makassar")
HEADER = ",".join(INCOMING_COLUMNS)


@pytest.fixture
def clerk(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)  # office profile (WITA), units and one account per role
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == "surat")))


def _actor(ctx: AppContext, username: str) -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))


def _register(ctx: AppContext, received: datetime, **kw: object) -> incoming.IncomingInfo:
    base: dict[str, object] = {
        "tanggal_diterima": received,
        "asal_surat": "Kementerian Dalam Negeri",
        "nomor_surat": f"000.1.5/{received:%m%d%H%M}/SJ",
        "tanggal_surat": received.date(),
        "perihal": "Undangan Rapat Koordinasi",
    }
    base.update(kw)
    with ctx.db.transaction() as s:
        return incoming.register_incoming(
            s,
            SYSTEM,
            incoming.IncomingInput(**base),
            today=received.date(),  # type: ignore[arg-type]
        )


def _csv(path: Path, lines: list[str], *, encoding: str = "utf-8") -> Path:
    path.write_text("\n".join(lines) + "\n", encoding=encoding)
    return path


def _plan(ctx: AppContext, actor: Actor, path: Path, **kw: object) -> incoming_io.ImportPlan:
    table = incoming_io.read_table(path)
    with ctx.db.transaction() as s:
        return incoming_io.validate_incoming(s, actor, table, **kw)  # type: ignore[arg-type]


def _import(ctx: AppContext, actor: Actor, path: Path, **kw: object) -> incoming_io.ImportResult:
    plan = _plan(ctx, actor, path)
    with ctx.db.transaction() as s:
        return incoming_io.import_incoming(s, actor, plan, **kw)  # type: ignore[arg-type]


def _agenda(ctx: AppContext) -> list[tuple[int, int, str, str]]:
    with ctx.db.transaction() as s:
        rows = s.execute(
            select(
                IncomingLetter.tahun,
                IncomingLetter.nomor_agenda,
                IncomingLetter.nomor_surat,
                IncomingLetter.status,
            ).order_by(IncomingLetter.tahun, IncomingLetter.nomor_agenda)
        )
        return [(r[0], r[1], r[2], r[3]) for r in rows]


def test_export_imports_into_an_empty_data_dir_and_exports_byte_identical(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    _register(
        ctx, datetime(2025, 12, 30, 10, 0, tzinfo=WITA), nomor_surat="005/77/BPS", asal_surat="BPS Prov"
    )
    _register(
        ctx,
        datetime(2026, 1, 5, 9, 15, tzinfo=WITA),
        nomor_surat="800.1.11.1/12/BKD",
        tanggal_surat=date(2026, 1, 2),
        perihal='Permohonan data "pegawai", tahun 2026; segera',
        kode_klasifikasi="800.1.11.1",
        keamanan=Keamanan.R,
        urgensi=Urgensi.AMAT_SEGERA,
    )
    _register(
        ctx,
        datetime(2026, 3, 2, 14, 5, tzinfo=WITA),
        asal_surat="Dinas Koperasi, UKM dan Perdagangan Kab. Kutai Kartanegara",
        nomor_surat="tanpa nomor",
        tanpa_disposisi=True,
        urgensi=Urgensi.SEGERA,
    )
    cancelled = _register(ctx, datetime(2026, 11, 20, 8, 0, tzinfo=WITA), nomor_surat="X/1")
    with ctx.db.transaction() as s:
        incoming.cancel_incoming(s, SYSTEM, cancelled.id, "salah input")

    first = tmp_path / "agenda.csv"
    with ctx.db.transaction() as s:
        assert incoming_io.export_incoming_csv(s, SYSTEM, first) == 4
    text = first.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == HEADER
    assert lines[1] == "1,2025-12-30,BPS Prov,005/77/BPS,2025-12-30,Undangan Rapat Koordinasi,,B,biasa,baru"
    assert lines[2] == (
        "1,2026-01-05,Kementerian Dalam Negeri,800.1.11.1/12/BKD,2026-01-02,"
        '"Permohonan data ""pegawai"", tahun 2026; segera",800.1.11.1,R,amat_segera,baru'
    )
    assert lines[4].endswith(",B,biasa,batal")

    other = system.open_context(tmp_path / "other")
    try:
        system.prepare(other)
        plan = _plan(other, SYSTEM, first)
        assert plan.errors == [] and len(plan.valid) == 4 and plan.rows_read == 4
        with other.db.transaction() as s:
            result = incoming_io.import_incoming(s, SYSTEM, plan)
        assert (result.imported, result.skipped, result.numbered) == (4, 0, 0)
        second = tmp_path / "again.csv"
        with other.db.transaction() as s:
            incoming_io.export_incoming_csv(s, SYSTEM, second)
            assert counters.last_number(s, incoming.AGENDA_SERIES, 2026) == 3
            assert counters.last_number(s, incoming.AGENDA_SERIES, 2025) == 1
            imported = incoming.list_incoming(s, SYSTEM, tahun=2026)[0]
        assert second.read_bytes() == first.read_bytes()
        by_number = {i.nomor_agenda: i for i in imported}
        assert by_number[1].batas_waktu is not None  # an open Amat Segera letter gets its batas waktu
        assert by_number[2].status == "arsip" and by_number[2].batas_waktu is None
        # A date without time means 08.00 office time ("other" has no profile yet: WIB).
        assert by_number[2].tanggal_diterima.astimezone(ZoneInfo("Asia/Jakarta")).strftime("%H.%M") == "08.00"
        # A search over the imported rows works: the full-text index follows bulk inserts too.
        with other.db.transaction() as s:
            found, total = incoming.list_incoming(s, SYSTEM, text="pegawai")
        assert total == 1 and found[0].nomor_surat == "800.1.11.1/12/BKD"
    finally:
        other.db.dispose()

    # One year only, and a user without VIEW_SECRET gets the Rahasia perihal masked.
    only_2026 = tmp_path / "2026.csv"
    with ctx.db.transaction() as s:
        assert incoming_io.export_incoming_csv(s, clerk, only_2026, year=2026) == 3
    rows = only_2026.read_text(encoding="utf-8").splitlines()
    assert rows[0] == HEADER and incoming.SECRET_MASK in rows[1]


def test_one_bad_row_imports_nothing_unless_the_valid_rows_are_chosen(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path / "agenda.csv",
        [
            HEADER,
            ",2026-11-02,Bappeda Prov,050/1/BAPPEDA,2026-10-30,Musrenbang,,,,",
            ",2026-11-03,Biro Umum,000/2/BU,31/02/2026,Rapat,,,,",
            ",2026-11-04,BPKAD,900/3/BPKAD,2026-11-04,Laporan,,,,",
        ],
    )
    plan = _plan(ctx, clerk, path)
    assert plan.errors == [
        RowError(3, "tanggal surat tidak dikenali (\u201c31/02/2026\u201d; tanggal tersebut tidak ada)")
    ]
    assert [r.line for r in plan.valid] == [2, 4]
    with ctx.db.transaction() as s, pytest.raises(ValidationError, match="1 baris tidak valid"):
        incoming_io.import_incoming(s, clerk, plan)
    assert _agenda(ctx) == []

    with ctx.db.transaction() as s:
        result = incoming_io.import_incoming(s, clerk, plan, skip_invalid=True)
    assert (result.imported, result.skipped, result.numbered) == (2, 1, 2)
    assert _agenda(ctx) == [(2026, 1, "050/1/BAPPEDA", "arsip"), (2026, 2, "900/3/BPKAD", "arsip")]
    with ctx.db.transaction() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "impor")).all()
        assert len(entries) == 1 and entries[0].username == "surat"
        assert "2 surat masuk diimpor dari agenda.csv, 1 baris tidak valid dilewati" in entries[0].summary


def test_every_bad_row_is_listed_with_its_line_and_reason(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    _register(ctx, datetime(2026, 2, 2, 9, 0, tzinfo=WITA))  # takes 1/2026
    path = _csv(
        tmp_path / "agenda.csv",
        [
            HEADER,
            "5,2026-03-01,Biro Umum,A/1,2026-03-01,Rapat,,,,",  # 2 fine
            ",2026-03-01,,A/2,2026-03-01,,,,,",  # 3 asal, perihal empty
            ",2026-03-01,Biro Umum,A/3,2026-03-05,Rapat,,,,",  # 4 tanggal surat after terima
            ",2026-03-01,Biro Umum,A/4,2026-03-01,Rapat,,Penting,kilat,",  # 5 keamanan unknown (kilat is fine)
            "5,2026-03-02,Biro Umum,A/5,2026-03-01,Rapat,,,,",  # 6 same number as line 2
            "1,2026-03-02,Biro Umum,A/6,2026-03-01,Rapat,,,,",  # 7 1/2026 already in the agenda
            "x7,2026-03-02,Biro Umum,A/7,2026-03-01,Rapat,,,,",  # 8 not a number
            "8/2025,2026-03-02,Biro Umum,A/8,2026-03-01,Rapat,,,,",  # 9 year differs
            ",2026-12-01,Biro Umum,A/9,2026-03-01,Rapat,,,,",  # 10 in the future
            ",2026-03-01,Biro Umum,A/10,2026-03-01,Rapat,,,,ditunda",  # 11 status unknown
            ",03-2026,Biro Umum,A/11,2026-03-01,Rapat,,,,",  # 12 date not understood
            "",  # 13 blank: skipped, but counted
            ",2026-03-01,Biro Umum,A/12,2026-03-01,Rapat,,,,Disposisi dicetak",  # 14 fine
        ],
    )
    plan = _plan(ctx, clerk, path, today=date(2026, 11, 22))
    reasons = {e.line: e.reason for e in plan.errors}
    assert sorted(reasons) == [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]
    assert reasons[3] == "asal surat kosong; perihal kosong"
    assert reasons[4] == "tanggal surat 2026-03-05 sesudah tanggal terima 2026-03-01"
    assert reasons[5].startswith("keamanan \u201cPenting\u201d tidak dikenal")
    assert reasons[6] == "nomor agenda 5/2026 juga dipakai di baris 2"
    assert reasons[7] == "nomor agenda 1/2026 sudah dipakai di agenda"
    assert reasons[8].startswith("nomor agenda \u201cx7\u201d harus bilangan bulat positif")
    assert reasons[9] == "tahun nomor agenda 8/2025 tidak sama dengan tahun tanggal terima (2026)"
    assert reasons[10] == "tanggal terima 2026-12-01 di masa depan"
    assert reasons[11].startswith("status \u201cditunda\u201d tidak dikenal")
    assert reasons[12].startswith("tanggal terima tidak dikenali (\u201c03-2026\u201d; contoh:")
    assert [(r.line, r.status, r.urgensi) for r in plan.valid] == [
        (2, "arsip", Urgensi.BIASA),
        (14, "dicetak", Urgensi.BIASA),
    ]
    assert str(plan.errors[0]) == "baris 3: asal surat kosong; perihal kosong"


def test_rows_without_a_number_get_the_next_numbers_in_order_of_tanggal_terima(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    _register(ctx, datetime(2026, 1, 5, 9, 0, tzinfo=WITA), nomor_surat="OLD/1")
    _register(ctx, datetime(2026, 1, 6, 9, 0, tzinfo=WITA), nomor_surat="OLD/2")
    path = _csv(
        tmp_path / "agenda.csv",
        [
            HEADER,
            ",2026-02-10,Biro Umum,C,2026-02-10,Rapat,,,,",
            "10,2026-02-01,Biro Umum,TEN,2026-02-01,Rapat,,,,",
            ",2026-02-03 15.30,Biro Umum,B2,2026-02-03,Rapat,,,,",
            ",2026-02-03 09:00,Biro Umum,B1,2026-02-03,Rapat,,,,",
            ",2025-07-01,Biro Umum,Y,2025-07-01,Rapat,,,,",
            "4,2026-01-20,Biro Umum,FOUR,2026-01-20,Rapat,,,,",
        ],
    )
    result = _import(ctx, clerk, path)
    assert (result.imported, result.numbered) == (6, 4)
    assert _agenda(ctx) == [
        (2025, 1, "Y", "arsip"),
        (2026, 1, "OLD/1", "baru"),
        (2026, 2, "OLD/2", "baru"),
        (2026, 4, "FOUR", "arsip"),
        (2026, 10, "TEN", "arsip"),
        (2026, 11, "B1", "arsip"),
        (2026, 12, "B2", "arsip"),
        (2026, 13, "C", "arsip"),
    ]
    with ctx.db.transaction() as s:
        b2 = s.scalar(select(IncomingLetter).where(IncomingLetter.nomor_surat == "B2"))
        assert b2 is not None and b2.tanggal_diterima.astimezone(WITA).strftime("%H.%M") == "15.30"
        c = s.scalar(select(IncomingLetter).where(IncomingLetter.nomor_surat == "C"))
        assert c is not None and c.tanggal_diterima.astimezone(WITA).strftime("%H.%M") == "08.00"
        assert not c.susulan
    assert _register(ctx, datetime(2026, 3, 1, 9, 0, tzinfo=WITA)).nomor_agenda == 14

    # A given number below the counter fills its gap and never lowers the counter.
    gap = _csv(tmp_path / "gap.csv", [HEADER, "3,2026-01-10,Biro Umum,THREE,2026-01-10,Rapat,,,,"])
    _import(ctx, clerk, gap)
    with ctx.db.transaction() as s:
        assert counters.last_number(s, incoming.AGENDA_SERIES, 2026) == 14


def test_semicolon_csv_with_bom_and_the_usual_indonesian_headers(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path / "agenda-excel.csv",
        [
            "\ufeffNo. Agenda;Tgl. Terima;Pengirim;No. Surat;Tgl Surat;Isi Ringkas;Kode;Sifat;Urgensi;Keterangan",
            "7;22 Nop 2025;Dinas Kesehatan Prov. Kaltim;440/123/Dinkes;20 November 2025;"
            "Undangan rapat, koordinasi;000.1.5;Biasa;Segera;diteruskan ke Bidang UMKM",
            "8;24/11/2025;Biro Pemerintahan;100.3/9/Pem;24-11-2025;Rancangan Perda;100.3.2;Rahasia;Amat Segera;",
        ],
    )
    table = incoming_io.read_table(path)
    assert table.headers[0] == "No. Agenda"
    assert incoming_io.suggest_mapping(table.headers) == {
        "No. Agenda": "nomor_agenda",
        "Tgl. Terima": "tanggal_terima",
        "Pengirim": "asal",
        "No. Surat": "nomor_surat",
        "Tgl Surat": "tanggal_surat",
        "Isi Ringkas": "perihal",
        "Kode": "kode_klasifikasi",
        "Sifat": "keamanan",
        "Urgensi": "urgensi",
        "Keterangan": "keterangan",
    }
    result = _import(ctx, clerk, path)
    assert result.imported == 2
    with ctx.db.transaction() as s:
        rows = s.scalars(select(IncomingLetter).order_by(IncomingLetter.nomor_agenda)).all()
        first, second = rows
        assert (first.tahun, first.nomor_agenda, first.tanggal_surat) == (2025, 7, date(2025, 11, 20))
        assert first.tanggal_diterima.astimezone(WITA) == datetime(2025, 11, 22, 8, 0, tzinfo=WITA)
        assert (
            first.perihal == "Undangan rapat, koordinasi" and first.keterangan == "diteruskan ke Bidang UMKM"
        )
        assert (first.urgensi, first.status, first.asal_norm) == (
            "segera",
            "arsip",
            "dinas kesehatan prov kaltim",
        )
        assert (second.keamanan, second.urgensi, second.kode_klasifikasi) == ("R", "amat_segera", "100.3.2")
        assert counters.last_number(s, incoming.AGENDA_SERIES, 2025) == 8


def test_xlsx_with_a_title_row_real_date_cells_and_a_mapped_column(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["BUKU AGENDA SURAT MASUK TAHUN 2026"])
    sheet.append([])
    sheet.append(["No", "Diterima Pada", "Asal Surat", "Nomor Surat", "Tanggal Surat", "Perihal", "Tanggal"])
    sheet.append(
        [15.0, datetime(2026, 5, 4, 0, 0), "Sekretariat DPRD", "005/1/DPRD", date(2026, 5, 1), "Rapat", "x"]
    )
    sheet.append([16, datetime(2026, 5, 4, 13, 45), "Inspektorat", 700.5, "2 Mei 2026", "Audit", "y"])
    sheet.append([17, "bukan tanggal", "Inspektorat", "700/2", "2 Mei 2026", "Audit", "z"])
    path = tmp_path / "agenda.xlsx"
    book.save(path)

    table = incoming_io.read_table(path)
    assert table.header_line == 3
    assert [line for line, _ in table.rows] == [4, 5, 6]
    assert table.rows[0][1]["No"] == "15" and table.rows[0][1]["Diterima Pada"] == "2026-05-04"
    assert (
        table.rows[1][1]["Diterima Pada"] == "2026-05-04 13:45" and table.rows[1][1]["Nomor Surat"] == "700.5"
    )

    with ctx.db.transaction() as s:
        missing = incoming_io.validate_incoming(s, clerk, table)
    assert missing.valid == [] and len(missing.errors) == 1 and missing.errors[0].line == 3
    assert "kolom wajib tidak ditemukan: tanggal terima (tanggal_terima)" in missing.errors[0].reason

    mapping = {"No": "nomor_agenda", "Diterima Pada": "tanggal_terima", "Tanggal": None}
    with ctx.db.transaction() as s:
        plan = incoming_io.validate_incoming(s, clerk, table, mapping)
        assert plan.mapping["Tanggal"] is None and plan.mapping["Perihal"] == "perihal"
        assert [e.line for e in plan.errors] == [6]
        assert plan.errors[0].reason.startswith("tanggal terima tidak dikenali (\u201cbukan tanggal\u201d")
        incoming_io.import_incoming(s, clerk, plan, skip_invalid=True)
    assert _agenda(ctx) == [(2026, 15, "005/1/DPRD", "arsip"), (2026, 16, "700.5", "arsip")]

    with pytest.raises(ValidationError, match="dipetakan lebih dari sekali"):
        incoming_io.resolve_mapping(table.headers, {"No": "nomor_agenda", "Tanggal": "No. Agenda"})
    with pytest.raises(ValidationError, match="tidak dikenal"):
        incoming_io.resolve_mapping(table.headers, {"No": "nomer urut"})


@pytest.mark.parametrize(
    "text",
    ["2026-11-22", "22-11-2026", "22/11/2026", "22 November 2026", "22 Nop 2026", "Minggu, 22 Nopember 2026"],
)
def test_the_date_formats_clerks_type(ctx: AppContext, clerk: Actor, tmp_path: Path, text: str) -> None:
    path = _csv(tmp_path / "agenda.csv", [HEADER, f',"{text}",Biro Umum,A/1,"{text}",Rapat,,,,'])
    plan = _plan(ctx, clerk, path, today=date(2026, 11, 22))
    assert plan.errors == []
    assert plan.valid[0].tanggal_surat == date(2026, 11, 22)
    assert plan.valid[0].tanggal_diterima == datetime(2026, 11, 22, 8, 0, tzinfo=WITA)


def test_export_xlsx_and_template(ctx: AppContext, clerk: Actor, tmp_path: Path) -> None:
    _register(ctx, datetime(2026, 4, 1, 9, 0, tzinfo=WITA), kode_klasifikasi="000.1.5")
    _register(ctx, datetime(2026, 4, 2, 9, 0, tzinfo=WITA), urgensi=Urgensi.SEGERA)
    xlsx, csv_path = tmp_path / "agenda.xlsx", tmp_path / "agenda.csv"
    with ctx.db.transaction() as s:
        assert incoming_io.export_incoming_xlsx(s, SYSTEM, xlsx, year=2026) == 2
        incoming_io.export_incoming_csv(s, SYSTEM, csv_path, year=2026)
    book = load_workbook(xlsx)
    sheet = book.active
    assert [c.value for c in sheet[1]] == list(INCOMING_COLUMNS)
    assert sheet["A1"].font.bold and sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["F"].width >= 40
    # The workbook reads back as the same rows as the csv.
    assert incoming_io.read_table(xlsx).rows == incoming_io.read_table(csv_path).rows

    template = tmp_path / "templat.xlsx"
    incoming_io.write_incoming_template(template)
    book = load_workbook(template)
    assert book.sheetnames == ["Agenda Masuk", "Petunjuk"]
    guide = " ".join(str(c.value) for row in book["Petunjuk"].iter_rows() for c in row if c.value)
    assert "tanggal_terima" in guide and "08.00" in guide and "arsip" in guide
    plan = _plan(ctx, clerk, template)
    assert [(e.line, e.reason) for e in plan.errors] == [
        (2, "baris contoh dari templat; hapus baris ini sebelum impor")
    ]


def test_warnings_do_not_block_and_permissions(ctx: AppContext, clerk: Actor, tmp_path: Path) -> None:
    _register(
        ctx, datetime(2026, 6, 1, 9, 0, tzinfo=WITA), nomor_surat="440/55/Dinkes", asal_surat="Dinkes Prov"
    )
    path = _csv(
        tmp_path / "agenda.csv",
        [
            HEADER,
            ",2026-06-02,Dinkes Prov.,440 / 55 / DINKES,2026-06-01,Undangan Rapat Koordinasi,,,,",
            ",2026-06-02,Biro Umum,B/1,2026-06-01,Rapat,999.9,,,",
            ",2026-06-03,Biro Umum,B/1,2026-06-01,Rapat,,,,",
            ",2026-06-03,Biro Hukum,X,2026-06-01,Rapat,045.2,,,",
        ],
    )
    plan = _plan(ctx, clerk, path)
    assert plan.errors == []
    assert [(w.line, w.reason) for w in plan.warnings] == [
        (2, "kemungkinan surat ganda: sudah diagendakan sebagai 1/2026"),
        (3, "kode 999.9 tidak ada di daftar klasifikasi; tetap dipakai"),
        (4, "kemungkinan surat ganda dengan baris 3"),
    ]
    assert plan.valid[3].skema == "78/2012"  # a code only in the old list keeps its scheme

    pimpinan = _actor(ctx, "kadis")
    with ctx.db.transaction() as s, pytest.raises(PermissionDenied):
        incoming_io.validate_incoming(s, pimpinan, incoming_io.read_table(path))
    with ctx.db.transaction() as s, pytest.raises(PermissionDenied):
        incoming_io.import_incoming(s, pimpinan, plan)
    with ctx.db.transaction() as s:
        assert incoming_io.import_incoming(s, clerk, plan).imported == 4


def test_a_number_taken_after_validation_refuses_the_whole_import(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    path = _csv(
        tmp_path / "agenda.csv",
        [
            HEADER,
            ",2026-06-02,Biro Umum,A,2026-06-01,Rapat,,,,",
            "1,2026-06-02,Biro Umum,B,2026-06-01,Rapat,,,,",
        ],
    )
    plan = _plan(ctx, clerk, path)
    assert plan.ok
    _register(ctx, datetime(2026, 6, 1, 9, 0, tzinfo=WITA))  # takes 1/2026 meanwhile
    with ctx.db.transaction() as s, pytest.raises(ValidationError, match=r"1/2026 \(baris 3\)"):
        incoming_io.import_incoming(s, clerk, plan)
    assert len(_agenda(ctx)) == 1


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        incoming_io.read_table(tmp_path / "tidak-ada.csv")
    old = tmp_path / "agenda.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ValidationError, match=r"\.xls"):
        incoming_io.read_table(old)
    broken = tmp_path / "rusak.xlsx"
    broken.write_text("bukan zip")
    with pytest.raises(ValidationError, match="tidak bisa dibuka"):
        incoming_io.read_table(broken)
    empty = _csv(tmp_path / "kosong.csv", [""])
    with pytest.raises(ValidationError, match="kosong"):
        incoming_io.read_table(empty)
    ansi = tmp_path / "ansi.csv"
    ansi.write_bytes(
        "Tgl Terima;Asal;Perihal\n2026-01-02;Dinas Pariwisata;Caf\u00e9 & Resto\n".encode("cp1252")
    )
    table = incoming_io.read_table(ansi)
    assert table.rows == [
        (2, {"Tgl Terima": "2026-01-02", "Asal": "Dinas Pariwisata", "Perihal": "Caf\u00e9 & Resto"})
    ]


@pytest.mark.slow
def test_ten_thousand_rows_import_quickly(ctx: AppContext, clerk: Actor, tmp_path: Path) -> None:
    lines = [HEADER]
    for i in range(10_000):
        day = date(2025, 1 + i % 12, 1 + i % 28)
        lines.append(
            f",{day.isoformat()},Instansi {i % 97},{i}/X/2025,{day.isoformat()},Perihal surat nomor {i},,,,"
        )
    path = _csv(tmp_path / "besar.csv", lines)
    started = clock.monotonic()
    result = _import(ctx, clerk, path)
    elapsed = clock.monotonic() - started
    assert result.imported == 10_000
    assert elapsed < 30, f"import took {elapsed:.1f}s"
    with ctx.db.transaction() as s:
        assert s.scalar(select(func.max(IncomingLetter.nomor_agenda))) == 10_000
        assert counters.last_number(s, incoming.AGENDA_SERIES, 2025) == 10_000
        january = s.scalar(select(IncomingLetter).where(IncomingLetter.nomor_agenda == 1))
        assert january is not None and january.tanggal_diterima.astimezone(WITA).date() == date(2025, 1, 1)
