"""The agenda layouts that public Indonesian apps export, imported as the clerk gets them: every column mapped
or reported, nothing dropped, the title rows and the signature block skipped with a note, the dates right.

Header texts and value forms are those of the apps' own views (see /tmp/research/agenda_layouts.md of issue
12): OpenSID ``surat_masuk_print.php``/``surat_keluar_print.php`` (commit 4b3d567), ASAMURAT
``agenda_surat_masuk.php``/``agenda_surat_keluar.php`` (akhwan90/asamurat 866c068) and manajement_surat_lara7
``exports_agenda.blade.php`` (qkohst, bbfd674). The rows are made up."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from sqlalchemy import select

from desktop.cli import letters as letters_cli
from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.models.letters import IncomingLetter, OutgoingLetter
from desktop.services.common import auth
from desktop.services.common.permissions import Actor
from desktop.services.letters import incoming_io, outgoing_io
from desktop.services.system import AppContext
from desktop.services.tabular import FILE_LINE

WITA = ZoneInfo("Asia/Makassar")
TODAY = date(2024, 12, 31)

OPENSID_MASUK = [
    ["Desa : Sukamaju Kec. : Cibeber Kab : Cianjur"],
    ["AGENDA SURAT MASUK TAHUN 2024"],
    [],
    ["Nomor Urut", "Tanggal Penerimaan", "Nomor Surat", "Tanggal Surat", "Pengirim", "Isi Singkat"],
    ["1", "03 Januari 2024", "005/12/Kec.Cbr/I/2024", "02 Januari 2024", "Camat Cibeber", "Undangan rapat"],
    ["2", "10 Januari 2024", "800/45/BKPSDM/2024", "08 Januari 2024", "BKPSDM Kab. Cianjur", "Data pegawai"],
    ["3", "22 Januari 2024", "140/7/DPMD/2024", "19 Januari 2024", "Dinas PMD", "Laporan dana desa"],
    [],
    ["", "MENGETAHUI", "", "", "SUKAMAJU, 31 JANUARI 2024"],
    ["", "KEPALA DESA SUKAMAJU", "", "", "SEKRETARIS DESA SUKAMAJU"],
    [],
    [],
    ["", "Asep Saepudin", "", "", "Dede Kurnia, S.Kom"],
    ["", "NIPD:  1234567890", "", "", "NIP:  198501012010011001"],
]
OPENSID_KELUAR = [
    ["Desa : Sukamaju Kec. : Cibeber Kab : Cianjur"],
    ["AGENDA SURAT KELUAR TAHUN 2024"],
    [],
    ["Nomor Urut", "Nomor Surat", "Tanggal Surat", "Ditujukan Kepada", "Isi Singkat"],
    ["1", "470/01/Ds.Skm/I/2024", "04 Januari 2024", "Camat Cibeber", "Laporan kependudukan Desember 2023"],
    ["2", "005/02/Ds.Skm/I/2024", "11 Januari 2024", "Ketua RW 01 s.d. RW 08", "Undangan musyawarah desa"],
    [],
    ["", "MENGETAHUI", "", "", "SUKAMAJU, 31 JANUARI 2024"],
    ["", "KEPALA DESA SUKAMAJU", "", "", "SEKRETARIS DESA SUKAMAJU"],
    [],
    ["", "ASEP SAEPUDIN", "", "", "DEDE KURNIA, S.KOM"],
]
# ASAMURAT: "Tgl, Paraf" holds the date received; dates carry two trailing spaces; Pengolah is a user name.
ASAMURAT_MASUK = [
    ["AGENDA SURAT MASUK"],
    ["Dari tanggal 01 Jul 2024   sampai dengan tanggal 31 Jul 2024  "],
    [],
    ["No", "Kode Klas", "Isi Ringkas", "Dari", "Nomor Surat", "Tgl. Surat", "Pengolah", "Tgl, Paraf", "Ket"],
    [
        "1",
        "KU.01.1",
        "Pengajuan SPP-GU",
        "Bagian Keuangan",
        "900/321/Keu/2024",
        "01 Jul 2024  ",
        "Administrator",
        "03 Jul 2024  ",
        "",
    ],
    [
        "2",
        "HM",
        "Data kunjungan wisatawan",
        "Dinas Pariwisata",
        "Par/HM.01/100/2024",
        "05 Jul 2024  ",
        "Nur Akhwan",
        "08 Jul 2024  ",
        "segera",
    ],
]
ASAMURAT_KELUAR = [
    ["AGENDA SURAT KELUAR"],
    ["Dari tanggal 01 Jul 2024   sampai dengan tanggal 31 Jul 2024  "],
    [],
    ["No", "Kode Klas", "Isi Ringkas", "Tujuan Surat", "Nomor Surat", "Tgl. Surat", "Pengolah", "Ket"],
    [
        "1",
        "HM",
        "Permintaan data masjid",
        "Kantor Kemenag Kota",
        "800/1221",
        "02 Jul 2024  ",
        "Administrator",
        "",
    ],
    [
        "2",
        "KU.01.1",
        "Penyampaian SPP-GU",
        "Bagian Keuangan Setda",
        "900/1230",
        "09 Jul 2024  ",
        "Nur Akhwan",
        "tembusan arsip",
    ],
]
# lara7 (xlsx export): title block with a download line; "Perihal" holds the klasifikasi's name, "Isi Ringkas"
# the letter's subject; dates are PHP d-M-Y with English month abbreviations.
LARA7_MASUK = [
    ["AGENDA SURAT MASUK"],
    ["Dinas Contoh Provinsi"],
    ["Alamat : Jl. Contoh No. 1"],
    ["Email : sekretariat@contoh.go.id"],
    [],
    ["Waktu download : 2024-07-31 14:05:09", "", "", "", "", "Didownload oleh : Admin (admin@contoh.go.id)"],
    [],
    [
        "No",
        "Tanggal Terima",
        "Pengirim",
        "Kode Klasifikasi",
        "Perihal",
        "Nomor Surat",
        "Tanggal Surat",
        "Isi Ringkas",
        "Keterangan",
        "Petugas",
    ],
    [
        "1",
        "01-Jul-2024",
        "Kementerian Dalam Negeri",
        "A",
        "Undangan",
        "005/1234/SJ",
        "28-Jun-2024",
        "Undangan rapat koordinasi",
        "Hadir Sekretaris",
        "Admin",
    ],
    [
        "2",
        "08-Jul-2024",
        "BKN Regional III",
        "B",
        "Pemberitahuan",
        "800/55/KR.III/2024",
        "05-Jul-2024",
        "Pemutakhiran data ASN",
        "Diteruskan ke Subbag Umpeg",
        "Admin",
    ],
]


@pytest.fixture
def clerk(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)  # office profile (WITA) and one account per role
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == "surat")))


def _csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    def cell(text: str) -> str:
        return f'"{text}"' if any(c in text for c in (delimiter, '"', "\n")) else text

    path.write_text("\n".join(delimiter.join(cell(c) for c in row) for row in rows) + "\n", encoding="utf-8")
    return path


def _xlsx(path: Path, rows: list[list[str]]) -> Path:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _incoming_plan(ctx: AppContext, actor: Actor, path: Path, **kw: object) -> incoming_io.ImportPlan:
    table = incoming_io.read_table(path)
    with ctx.db.transaction() as s:
        return incoming_io.validate_incoming(s, actor, table, today=TODAY, **kw)  # type: ignore[arg-type]


def _outgoing_plan(ctx: AppContext, actor: Actor, path: Path) -> outgoing_io.OutgoingImportPlan:
    table = outgoing_io.read_outgoing_table(path)
    with ctx.db.transaction() as s:
        return outgoing_io.validate_outgoing(s, actor, table, today=TODAY)


def _file_notes(plan: incoming_io.ImportPlan | outgoing_io.OutgoingImportPlan) -> list[str]:
    return [w.reason for w in plan.warnings if w.line == FILE_LINE]


def _incoming(ctx: AppContext) -> list[IncomingLetter]:
    with ctx.db.transaction() as s:
        rows = s.scalars(select(IncomingLetter).order_by(IncomingLetter.nomor_agenda)).all()
        s.expunge_all()
        return list(rows)


def _outgoing(ctx: AppContext) -> list[OutgoingLetter]:
    with ctx.db.transaction() as s:
        rows = s.scalars(select(OutgoingLetter).order_by(OutgoingLetter.tanggal_surat)).all()
        s.expunge_all()
        return list(rows)


def _cli(ctx: AppContext, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="sekretariat")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--db-url", default=None)
    letters_cli.add_parser(parser.add_subparsers(dest="command"))
    url = None if ctx.db.sqlite_path is not None else ctx.db.engine.url.render_as_string(hide_password=False)
    prefix = ["--data-dir", str(ctx.data_dir)] + (["--db-url", url] if url else [])
    return letters_cli.run(parser.parse_args([*prefix, "letters", *argv]))


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_opensid_agenda_surat_masuk(ctx: AppContext, clerk: Actor, tmp_path: Path, kind: str) -> None:
    write = _csv if kind == "csv" else _xlsx
    path = write(tmp_path / f"surat_masuk_2024.{kind}", OPENSID_MASUK)
    plan = _incoming_plan(ctx, clerk, path)
    assert plan.unmapped == [] and plan.errors == []
    assert set(plan.mapping.values()) == {
        "nomor_agenda",
        "tanggal_terima",
        "nomor_surat",
        "tanggal_surat",
        "asal",
        "perihal",
    }
    notes = _file_notes(plan)
    assert len(notes) == 2, notes  # the title rows, and the signature block under the table
    assert notes[0].startswith("baris 1\u20132 di atas judul kolom dilewati")
    assert notes[1].startswith("baris 9\u201314 di bawah tabel dilewati") and "MENGETAHUI" in notes[1]
    with ctx.db.transaction() as s:
        assert incoming_io.import_incoming(s, clerk, plan).imported == 3
    rows = _incoming(ctx)
    assert [(r.tahun, r.nomor_agenda, r.tanggal_surat) for r in rows] == [
        (2024, 1, date(2024, 1, 2)),
        (2024, 2, date(2024, 1, 8)),
        (2024, 3, date(2024, 1, 19)),
    ]
    assert rows[0].tanggal_diterima.astimezone(WITA) == datetime(2024, 1, 3, 8, 0, tzinfo=WITA)
    assert (rows[1].asal_surat, rows[1].perihal) == ("BKPSDM Kab. Cianjur", "Data pegawai")


def test_opensid_agenda_surat_keluar(ctx: AppContext, clerk: Actor, tmp_path: Path) -> None:
    path = _csv(tmp_path / "surat_keluar_2024.csv", OPENSID_KELUAR)
    plan = _outgoing_plan(ctx, clerk, path)
    # "Nomor Urut" is the book's running number: known, not used (a letter keluar is known by its number).
    assert plan.unmapped == [] and plan.errors == [] and plan.mapping["Nomor Urut"] is None
    assert len(_file_notes(plan)) == 2
    with ctx.db.transaction() as s:
        assert outgoing_io.import_outgoing(s, clerk, plan).imported == 2
    rows = _outgoing(ctx)
    assert [(r.nomor_surat, r.tanggal_surat, r.tujuan) for r in rows] == [
        ("470/01/Ds.Skm/I/2024", date(2024, 1, 4), "Camat Cibeber"),
        ("005/02/Ds.Skm/I/2024", date(2024, 1, 11), "Ketua RW 01 s.d. RW 08"),
    ]
    assert rows[1].perihal == "Undangan musyawarah desa"


def test_asamurat_agenda_surat_masuk_keeps_the_kode_and_the_pengolah(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    path = _csv(tmp_path / "agenda_masuk.csv", ASAMURAT_MASUK)
    plan = _incoming_plan(ctx, clerk, path)
    assert plan.unmapped == [] and plan.errors == []
    assert plan.mapping["Tgl, Paraf"] == "tanggal_terima" and plan.mapping["Kode Klas"] == "kode_klasifikasi"
    assert plan.mapping["No"] is None  # the running number: known, skipped quietly
    assert len(_file_notes(plan)) == 1  # the title rows; ASAMURAT prints no signature block
    with ctx.db.transaction() as s:
        incoming_io.import_incoming(s, clerk, plan)
    first, second = _incoming(ctx)
    assert (first.kode_klasifikasi, second.kode_klasifikasi) == ("KU.01.1", "HM")
    assert first.tanggal_diterima.astimezone(WITA).date() == date(2024, 7, 3)
    assert second.tanggal_surat == date(2024, 7, 5)
    assert first.keterangan == "Pengolah: Administrator"
    assert second.keterangan == "segera\nPengolah: Nur Akhwan"


def test_asamurat_agenda_surat_keluar_keeps_the_kode(ctx: AppContext, clerk: Actor, tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "agenda_keluar.xlsx", ASAMURAT_KELUAR)
    plan = _outgoing_plan(ctx, clerk, path)
    assert plan.unmapped == [] and plan.errors == []
    with ctx.db.transaction() as s:
        outgoing_io.import_outgoing(s, clerk, plan)
    rows = _outgoing(ctx)
    assert [(r.kode_klasifikasi, r.pengolah, r.tanggal_surat) for r in rows] == [
        ("HM", "Administrator", date(2024, 7, 2)),
        ("KU.01.1", "Nur Akhwan", date(2024, 7, 9)),
    ]


def test_lara7_agenda_surat_masuk_is_refused_until_its_second_subject_column_is_decided(
    ctx: AppContext, clerk: Actor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _xlsx(tmp_path / "agenda_surat_masuk 2024-07-31 14_05_09.xlsx", LARA7_MASUK)
    assert _cli(ctx, "import", "--incoming", str(path)) == 1
    err = capsys.readouterr().err
    assert "\u201cIsi Ringkas\u201d" in err and "--map 'JUDUL=KOLOM'" in err and "--ignore 'JUDUL'" in err
    assert _incoming(ctx) == []

    # The clerk decides: the subject is "Isi Ringkas"; lara7's "Perihal" (the klasifikasi's name) is left out.
    code = _cli(ctx, "import", "--incoming", str(path), "--map", "Isi Ringkas=perihal", "--ignore", "perihal")
    assert code == 0, capsys.readouterr().err
    first, second = _incoming(ctx)
    assert (first.perihal, first.kode_klasifikasi, first.keterangan) == (
        "Undangan rapat koordinasi",
        "A",
        "Hadir Sekretaris",
    )
    assert first.tanggal_diterima.astimezone(WITA).date() == date(2024, 7, 1)
    assert (second.tanggal_surat, second.asal_surat) == (date(2024, 7, 5), "BKN Regional III")


@pytest.mark.parametrize(
    "kode_header",
    ["Kode Klas", "Kode/Klasifikasi Surat", "Kode Arsip (Klasifikasi)", "Kode Klasifikasi Surat"],
)
def test_the_kode_and_diteruskan_kepada_reach_the_letter(
    ctx: AppContext, clerk: Actor, tmp_path: Path, kode_header: str
) -> None:
    rows = [
        [
            "No",
            "Tanggal Penerimaan",
            "Asal Surat",
            "Nomor Surat",
            "Tanggal Surat",
            "Perihal",
            kode_header,
            "Diteruskan Kepada",
            "Paraf",
        ],
        [
            "1",
            "03/07/2024",
            "Biro Umum",
            "000.1.5/1/BU",
            "01/07/2024",
            "Rapat",
            "000.1.5",
            "Kasubbag Umum",
            "ttd",
        ],
    ]
    plan = _incoming_plan(ctx, clerk, _csv(tmp_path / "agenda.csv", rows))
    assert plan.unmapped == [] and plan.errors == []
    with ctx.db.transaction() as s:
        incoming_io.import_incoming(s, clerk, plan)
    (letter,) = _incoming(ctx)
    assert letter.kode_klasifikasi == "000.1.5"
    assert letter.keterangan == "Diteruskan kepada: Kasubbag Umum"


def test_a_column_nobody_knows_is_reported_before_anything_is_written(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    rows = [
        [
            "Tanggal Terima",
            "Asal Surat",
            "Nomor Surat",
            "Tanggal Surat",
            "Perihal",
            "Catatan Pimpinan",
            "Kosong",
        ],
        ["03/07/2024", "Biro Umum", "A/1", "01/07/2024", "Rapat", "hadiri", ""],
    ]
    path = _csv(tmp_path / "agenda.csv", rows)
    plan = _incoming_plan(ctx, clerk, path)
    assert plan.unmapped == ["Catatan Pimpinan"]  # a column without data drops nothing
    assert any("\u201cCatatan Pimpinan\u201d" in n for n in _file_notes(plan))
    assert _incoming_plan(ctx, clerk, path, ignore=["catatan pimpinan"]).unmapped == []
    assert _incoming_plan(ctx, clerk, path, mapping={"Catatan Pimpinan": "keterangan"}).unmapped == []


def test_a_pipe_delimited_agenda_imports_like_its_comma_twin(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    comma = _incoming_plan(ctx, clerk, _csv(tmp_path / "koma.csv", OPENSID_MASUK))
    pipe = _incoming_plan(ctx, clerk, _csv(tmp_path / "pipa.csv", OPENSID_MASUK, "|"))
    assert pipe.errors == [] and pipe.unmapped == []
    assert [(r.line, r.nomor_agenda, r.tanggal_diterima, r.asal_surat, r.perihal) for r in pipe.valid] == [
        (r.line, r.nomor_agenda, r.tanggal_diterima, r.asal_surat, r.perihal) for r in comma.valid
    ]


def test_excel_day_numbers_and_iso_zoned_dates_in_csv_cells(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    rows = [
        ["Tanggal Terima", "Asal Surat", "Nomor Surat", "Tanggal Surat", "Perihal"],
        ["45476", "Biro Umum", "A/1", "2024-07-01T00:00:00Z", "Rapat"],  # 45476 = 3 Juli 2024
    ]
    plan = _incoming_plan(ctx, clerk, _csv(tmp_path / "agenda.csv", rows))
    assert plan.errors == []
    (row,) = plan.valid
    assert (row.tanggal_diterima.astimezone(WITA).date(), row.tanggal_surat) == (
        date(2024, 7, 3),
        date(2024, 7, 1),
    )


def test_a_bad_date_quotes_the_cell_and_the_row_as_the_spreadsheet_shows_it(
    ctx: AppContext, clerk: Actor, tmp_path: Path
) -> None:
    rows = [*OPENSID_MASUK[:5], ["2", "31 Juni 2024", "A/2", "02 Januari 2024", "Camat", "Rapat"]]
    plan = _incoming_plan(ctx, clerk, _csv(tmp_path / "agenda.csv", rows))
    (error,) = plan.errors
    assert error.line == 6  # three title rows and a blank row above the header (row 4)
    assert "\u201c31 Juni 2024\u201d" in error.reason and str(error).startswith("baris 6: tanggal terima")
