"""The staff import takes the files offices have (issue 12 items 1, 2, 5, 9): the 67-column SIASN "Export Data
ASN" comma or pipe separated, every column used or known, unknown columns refused until mapped or ignored,
golongan, NIP and dates as offices write them."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop import cli
from desktop.cli import staff as staff_cli
from desktop.models.staff import Pegawai, RiwayatJabatan, RiwayatPangkat, RiwayatPendidikan
from desktop.services import tabular
from desktop.services.common.permissions import SYSTEM
from desktop.services.staff import records, records_io
from desktop.services.system import AppContext

# The header of SIASN's "Export Data ASN" (67 columns since mid 2024), as public importers of it list it:
# kanekescom/laravel-siasn-simpeg @ f151c935 (migrations of its pegawai table, filled from the export) and
# taufiqurrohmansuwarto/rumahASN @ 266fed3a (the same first 65 columns, in the same order).
SIASN_COLUMNS = [
    "PNS_ID",
    "NIP_BARU",
    "NIP_LAMA",
    "NAMA",
    "GELAR_DEPAN",
    "GELAR_BELAKANG",
    "TEMPAT_LAHIR_ID",
    "TEMPAT_LAHIR_NAMA",
    "TANGGAL_LAHIR",
    "JENIS_KELAMIN",
    "AGAMA_ID",
    "AGAMA_NAMA",
    "JENIS_KAWIN_ID",
    "JENIS_KAWIN_NAMA",
    "NIK",
    "NOMOR_HP",
    "EMAIL",
    "EMAIL_GOV",
    "ALAMAT",
    "NPWP_NOMOR",
    "BPJS",
    "JENIS_PEGAWAI_ID",
    "JENIS_PEGAWAI_NAMA",
    "KEDUDUKAN_HUKUM_ID",
    "KEDUDUKAN_HUKUM_NAMA",
    "STATUS_CPNS_PNS",
    "KARTU_ASN_VIRTUAL",
    "NOMOR_SK_CPNS",
    "TANGGAL_SK_CPNS",
    "TMT_CPNS",
    "NOMOR_SK_PNS",
    "TANGGAL_SK_PNS",
    "TMT_PNS",
    "GOL_AWAL_ID",
    "GOL_AWAL_NAMA",
    "GOL_AKHIR_ID",
    "GOL_AKHIR_NAMA",
    "TMT_GOLONGAN",
    "MK_TAHUN",
    "MK_BULAN",
    "JENIS_JABATAN_ID",
    "JENIS_JABATAN_NAMA",
    "JABATAN_ID",
    "JABATAN_NAMA",
    "TMT_JABATAN",
    "TINGKAT_PENDIDIKAN_ID",
    "TINGKAT_PENDIDIKAN_NAMA",
    "PENDIDIKAN_ID",
    "PENDIDIKAN_NAMA",
    "TAHUN_LULUS",
    "KPKN_ID",
    "KPKN_NAMA",
    "LOKASI_KERJA_ID",
    "LOKASI_KERJA_NAMA",
    "UNOR_ID",
    "UNOR_NAMA",
    "INSTANSI_INDUK_ID",
    "INSTANSI_INDUK_NAMA",
    "INSTANSI_KERJA_ID",
    "INSTANSI_KERJA_NAMA",
    "SATUAN_KERJA_INDUK_ID",
    "SATUAN_KERJA_INDUK_NAMA",
    "SATUAN_KERJA_KERJA_ID",
    "SATUAN_KERJA_KERJA_NAMA",
    "IS_VALID_NIK",
    "NAMA_SEKOLAH",
    "FLAG_IKD",
]

# Every cell filled, as in a real export; the cells the app does not use carry commas too ("Jl. Juanda, No. 3").
_COMMON = {
    "TEMPAT_LAHIR_ID": "A5E20F8B",
    "AGAMA_ID": "1",
    "AGAMA_NAMA": "Islam",
    "JENIS_KAWIN_ID": "2",
    "JENIS_KAWIN_NAMA": "Menikah",
    "NOMOR_HP": "081250001234",
    "EMAIL": "pegawai@example.org",
    "EMAIL_GOV": "pegawai@kaltimprov.go.id",
    "ALAMAT": "Jl. Juanda, No. 3, Samarinda",
    "NPWP_NOMOR": "09.254.294.3-407.000",
    "BPJS": "0001234567890",
    "JENIS_PEGAWAI_ID": "4",
    "JENIS_PEGAWAI_NAMA": "PNS Daerah Provinsi",
    "KEDUDUKAN_HUKUM_ID": "01",
    "KEDUDUKAN_HUKUM_NAMA": "Aktif",
    "KARTU_ASN_VIRTUAL": "ASN-001",
    "NOMOR_SK_CPNS": "813/123/BKD",
    "TANGGAL_SK_CPNS": "15-02-2000",
    "NOMOR_SK_PNS": "821.13/456/BKD",
    "TANGGAL_SK_PNS": "10-02-2001",
    "GOL_AWAL_ID": "31",
    "GOL_AWAL_NAMA": "III/a",
    "GOL_AKHIR_ID": "33",
    "JENIS_JABATAN_ID": "2",
    "JABATAN_ID": "8ae48287",
    "TINGKAT_PENDIDIKAN_ID": "40",
    "PENDIDIKAN_ID": "a1b2",
    "PENDIDIKAN_NAMA": "S-1 Ekonomi Manajemen",
    "TAHUN_LULUS": "1997",
    "KPKN_ID": "012",
    "KPKN_NAMA": "KPPN Samarinda",
    "LOKASI_KERJA_ID": "0930",
    "LOKASI_KERJA_NAMA": "Kota Samarinda",
    "UNOR_ID": "8ae4828859",
    "INSTANSI_INDUK_ID": "A5EB03E2",
    "INSTANSI_INDUK_NAMA": "Pemerintah Provinsi Kalimantan Timur",
    "INSTANSI_KERJA_ID": "A5EB03E2",
    "INSTANSI_KERJA_NAMA": "Pemerintah Provinsi Kalimantan Timur",
    "SATUAN_KERJA_INDUK_ID": "A8ACA7",
    "SATUAN_KERJA_INDUK_NAMA": "Dinas Perindustrian, Perdagangan, Koperasi dan UKM",
    "SATUAN_KERJA_KERJA_ID": "A8ACA7",
    "SATUAN_KERJA_KERJA_NAMA": "Dinas Perindustrian, Perdagangan, Koperasi dan UKM",
    "IS_VALID_NIK": "true",
    "NAMA_SEKOLAH": "Universitas Mulawarman",
    "FLAG_IKD": "1",
}
SITI = {
    **_COMMON,
    "PNS_ID": "8ae4a1b2-0001",
    "NIP_BARU": "197303141998032009",
    "NIP_LAMA": "150012345",
    "NAMA": "SITI AMINAH",
    "GELAR_BELAKANG": "S.E.",
    "TEMPAT_LAHIR_NAMA": "Samarinda",
    "TANGGAL_LAHIR": "14-03-1973",
    "JENIS_KELAMIN": "F",
    "NIK": "6472015403730001",
    "STATUS_CPNS_PNS": "P",
    "TMT_CPNS": "01-03-1998",
    "TMT_PNS": "01-03-1999",
    "GOL_AKHIR_NAMA": "III/c",
    "TMT_GOLONGAN": "01-04-2022",
    "MK_TAHUN": "17",
    "MK_BULAN": "1",
    "JENIS_JABATAN_NAMA": "Jabatan Fungsional",
    "JABATAN_NAMA": "Analis Perdagangan Ahli Muda",
    "TMT_JABATAN": "01-06-2022",
    "TINGKAT_PENDIDIKAN_NAMA": "S-1/Sarjana",
    "UNOR_NAMA": "Bidang Perdagangan",
}
HASAN = {
    **_COMMON,
    "PNS_ID": "8ae4a1b2-0002",
    "NIP_BARU": "196811301994031003",
    "NAMA": "HASAN BASRI",
    "GELAR_DEPAN": "Ir.",
    "GELAR_BELAKANG": "M.Si.",
    "TEMPAT_LAHIR_NAMA": "Balikpapan",
    "TANGGAL_LAHIR": "30-11-1968",
    "JENIS_KELAMIN": "M",
    "STATUS_CPNS_PNS": "P",
    "TMT_CPNS": "01-03-1994",
    "TMT_PNS": "01-03-1995",
    "GOL_AKHIR_NAMA": "IV/a",
    "TMT_GOLONGAN": "01-10-2021",
    "MK_TAHUN": "27",
    "MK_BULAN": "7",
    "JENIS_JABATAN_NAMA": "Jabatan Pelaksana",
    "JABATAN_NAMA": "Pengadministrasi Umum",
    "TMT_JABATAN": "02-01-2019",
    "TINGKAT_PENDIDIKAN_NAMA": "S-2",
    "UNOR_NAMA": "Sub Bagian Umum",
}


def _write(
    path: Path, rows: list[dict[str, str]], *, delimiter: str = ",", columns: tuple[str, ...] = ()
) -> Path:
    header = list(columns or SIASN_COLUMNS)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator="\n")
        writer.writerow(header)
        writer.writerows([row.get(name, "") for name in header] for row in rows)
    return path


def _import(ctx: AppContext, path: Path) -> records_io.StaffImportPlan:
    table = records_io.read_siasn(path)
    with ctx.db.transaction() as s:
        plan = records_io.validate_siasn(s, SYSTEM, table)
        assert plan.ok, plan.errors
        records_io.import_staff(s, SYSTEM, plan)
    return plan


def _saved(ctx: AppContext) -> tuple[list[object], dict[str, int]]:
    """Every pegawai as read back (timestamps left out) with its riwayat, and the row count of each table."""
    with ctx.db.transaction() as s:
        rows, _ = records.list_pegawai(s, SYSTEM, aktif=None)
        people = []
        for r in rows:
            detail = records.get_pegawai(s, SYSTEM, r.id)
            info = detail.pegawai.__dict__ | {"id": None, "created_at": None, "updated_at": None}
            riwayat = {k.value: [e.data for e in v] for k, v in detail.riwayat.items()}
            people.append((info, riwayat))
        counts = {
            m.__tablename__: int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (Pegawai, RiwayatPangkat, RiwayatJabatan, RiwayatPendidikan)
        }
    return people, counts


def _pegawai(ctx: AppContext, nip: str) -> records.PegawaiInfo:
    with ctx.db.transaction() as s:
        found = records.find_by_nip(s, SYSTEM, nip)
        assert found is not None, nip
        return found


def _run_cli(ctx: AppContext, *argv: str) -> int:
    url = None if ctx.db.sqlite_path is not None else ctx.db.engine.url.render_as_string(hide_password=False)
    prefix = ["--data-dir", str(ctx.data_dir)] + (["--db-url", url] if url else [])
    return staff_cli.run(cli.build_parser().parse_args([*prefix, "staff", *argv]))


# --- item 1: the pipe -----------------------------------------------------------------------------------------


def test_a_pipe_separated_export_imports_to_the_same_records_as_its_comma_twin(
    ctx: AppContext, fresh: AppContext, tmp_path: Path
) -> None:
    comma = _write(tmp_path / "Export Data ASN.csv", [SITI, HASAN])
    pipe = _write(tmp_path / "Export Data ASN pipa.csv", [SITI, HASAN], delimiter="|")
    _import(ctx, comma)
    plan = _import(fresh, pipe)
    assert plan.rows_read == 2 and plan.unmapped == []
    assert plan.columns["nip"] == "NIP_BARU" and plan.columns["mkg_tahun"] == "MK_TAHUN"
    people, counts = _saved(fresh)
    assert (people, counts) == _saved(ctx)
    assert counts["pegawai"] == 2 and counts["riwayat_pangkat"] == 2


@pytest.mark.parametrize("delimiter", ["|", ";", "\t"])
def test_the_delimiter_is_read_from_the_header_line_under_title_rows(
    ctx: AppContext, fresh: AppContext, tmp_path: Path, delimiter: str
) -> None:
    comma = _write(tmp_path / "asn.csv", [SITI, HASAN])
    other = _write(tmp_path / "asn lain.csv", [SITI, HASAN], delimiter=delimiter)
    # An office's title rows above the header: no delimiter in the first, a comma in the second.
    other.write_text(
        "DAFTAR PEGAWAI NEGERI SIPIL\nDinas Kominfo, Provinsi Kalimantan Timur\n\n"
        + other.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    _import(ctx, comma)
    plan = _import(fresh, other)
    assert plan.rows_read == 2 and plan.unmapped == []
    assert _saved(fresh) == _saved(ctx)


# --- item 2: every column used or known; the rest refused until the user says -----------------------------------


def test_every_column_of_the_siasn_export_is_used_or_known_as_unused() -> None:
    index = records_io.HEADER_TABLE.index(records_io.IMPORT_FIELDS)
    mapping = tabular.map_headers(list(SIASN_COLUMNS), index)
    left = [
        h
        for h, f in mapping.items()
        if f is None and tabular.header_key(h) not in records_io.HEADER_TABLE.known_unused
    ]
    assert left == []
    # Spaces or underscores, any case: SIASN has written both.
    spaced = tabular.map_headers(["NIP BARU", "gol akhir nama", "TMT GOLONGAN", "mk_tahun"], index)
    assert list(spaced.values()) == ["nip", "golongan", "tmt_golongan", "mkg_tahun"]


def test_a_column_nobody_knows_is_reported_and_the_command_refuses_until_it_is_ignored(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    columns = (*SIASN_COLUMNS, "CATATAN KHUSUS", "KOLOM KOSONG")
    path = _write(
        tmp_path / "asn.csv", [{**SITI, "CATATAN KHUSUS": "sedang tugas belajar"}, HASAN], columns=columns
    )
    table = records_io.read_siasn(path)
    with ctx.db.transaction() as s:
        plan = records_io.validate_siasn(s, SYSTEM, table)
    # Only the column with data: an empty column loses nothing.
    assert plan.unmapped == ["CATATAN KHUSUS"]

    assert _run_cli(ctx, "import", str(path)) == 1
    err = capsys.readouterr().err
    assert "\u201cCATATAN KHUSUS\u201d berisi data" in err and "--ignore" in err and "--map" in err
    with ctx.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Pegawai)) == 0

    assert _run_cli(ctx, "import", str(path), "--ignore", "catatan khusus") == 0
    assert "2 pegawai baru" in capsys.readouterr().out


def test_map_reads_a_column_of_any_name_over_the_alias_suggestion(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A hand-made sheet: the NIP under a name no alias knows, and a newer golongan beside the stale SIASN one.
    columns = ("NOMOR INDUK PEGAWAI", "NAMA", "GOL_AKHIR_NAMA", "GOLONGAN SEKARANG", "TMT_GOLONGAN")
    row = {
        "NOMOR INDUK PEGAWAI": SITI["NIP_BARU"],
        "NAMA": "SITI AMINAH",
        "GOL_AKHIR_NAMA": "III/b",
        "GOLONGAN SEKARANG": "III/c",
        "TMT_GOLONGAN": "01-04-2022",
    }
    path = _write(tmp_path / "rekap.csv", [row], columns=columns)
    assert _run_cli(ctx, "import", str(path)) == 1
    assert "tidak ada kolom NIP BARU" in capsys.readouterr().err

    argv = ["import", str(path), "--map", "Nomor Induk Pegawai=nip", "--map", "GOLONGAN SEKARANG=golongan"]
    assert _run_cli(ctx, *argv) == 1  # GOL_AKHIR_NAMA, no longer read, still holds data
    assert "\u201cGOL_AKHIR_NAMA\u201d berisi data" in capsys.readouterr().err
    assert _run_cli(ctx, *argv, "--ignore", "GOL_AKHIR_NAMA") == 0
    siti = _pegawai(ctx, SITI["NIP_BARU"])
    assert siti.golongan_ruang == "III/c"


def test_title_rows_and_a_signature_block_are_skipped_with_a_line_in_the_report(
    ctx: AppContext, tmp_path: Path
) -> None:
    path = tmp_path / "daftar.csv"
    header = ["NIP BARU", "NAMA", "GOL AKHIR NAMA", "TMT GOLONGAN"]
    lines = [
        ["DAFTAR PEGAWAI DINAS PERINDUSTRIAN"],
        ["Keadaan per 1 Desember 2026"],
        [],
        header,
        [SITI["NIP_BARU"], "SITI AMINAH", "III/c", "01-04-2022"],
        [],
        ["", "Mengetahui,"],
        ["", "Kepala Dinas"],
        [],
        ["", "( RAHMAT HIDAYAT )"],
        ["", "NIP. 19660910 199003 1 001"],
    ]
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(lines)
    plan = _import(ctx, path)
    assert plan.rows_read == 1
    notes = [str(w) for w in plan.warnings if w.line == tabular.FILE_LINE]
    assert len(notes) == 2, plan.warnings
    assert all(n.startswith("berkas: ") for n in notes)


# --- item 5: values as offices write them -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "Penata Tk. I",
        "Penata Tingkat I (III/d)",
        "Penata Tk.I, III/d",
        "Penata Tk I",
        "PENATA TINGKAT I",
        "III-d",
        "III d",
        "IIId",
        "3d",
        "Gol. III/d",
    ],
)
def test_golongan_as_offices_write_it(ctx: AppContext, tmp_path: Path, written: str) -> None:
    _import(ctx, _write(tmp_path / "asn.csv", [{**SITI, "GOL_AKHIR_NAMA": written}]))
    assert _pegawai(ctx, SITI["NIP_BARU"]).golongan_ruang == "III/d"


def test_a_pangkat_name_that_contradicts_its_code_is_an_error_quoting_the_cell(
    ctx: AppContext, tmp_path: Path
) -> None:
    path = _write(tmp_path / "asn.csv", [HASAN, {**SITI, "GOL_AKHIR_NAMA": "Penata Muda Tk. I (III/c)"}])
    with ctx.db.transaction() as s:
        plan = records_io.validate_siasn(s, SYSTEM, records_io.read_siasn(path))
    assert [str(e) for e in plan.errors] == [
        "baris 3: Golongan 'Penata Muda Tk. I (III/c)': pangkat Penata Muda Tingkat I adalah golongan III/b, "
        "bukan III/c."
    ]


@pytest.mark.parametrize(
    "written", ["19730314 199803 2 009", "19730314-199803-2-009", "19730314.199803.2.009"]
)
def test_a_nip_grouped_with_spaces_dashes_or_dots_is_its_18_digits(
    ctx: AppContext, tmp_path: Path, written: str
) -> None:
    _import(ctx, _write(tmp_path / "asn.csv", [{**SITI, "NIP_BARU": written}]))
    siti = _pegawai(ctx, "197303141998032009")
    assert siti.nip == "197303141998032009"


def test_dates_as_excel_day_numbers_and_iso_date_times_with_a_zone(ctx: AppContext, tmp_path: Path) -> None:
    row = {
        **SITI,
        "TANGGAL_LAHIR": "26737",  # 14 March 1973 as Excel counts days, left as a number in a CSV cell
        "TMT_CPNS": "1998-03-01T00:00:00Z",
        "TMT_PNS": "1999-03-01T00:00:00.000Z",
        "TMT_GOLONGAN": "44652",  # 1 April 2022
    }
    _import(ctx, _write(tmp_path / "asn.csv", [row]))
    siti = _pegawai(ctx, SITI["NIP_BARU"])
    assert (
        siti.tanggal_lahir,
        siti.tmt_cpns,
        siti.tmt_pns,
        siti.tmt_golongan,
    ) == (date(1973, 3, 14), date(1998, 3, 1), date(1999, 3, 1), date(2022, 4, 1))


def test_a_number_out_of_the_date_range_is_an_error_quoting_it_with_the_row_the_sheet_shows(
    ctx: AppContext, tmp_path: Path
) -> None:
    path = _write(tmp_path / "asn.csv", [HASAN, {**SITI, "TMT_GOLONGAN": "2022"}])
    with ctx.db.transaction() as s:
        plan = records_io.validate_siasn(s, SYSTEM, records_io.read_siasn(path))
    assert [e.line for e in plan.errors] == [3]
    assert plan.errors[0].reason.startswith("TMT golongan '2022' bukan tanggal (")


# --- item 9: MK TAHUN / MK BULAN ----------------------------------------------------------------------------------


def test_mk_tahun_and_mk_bulan_are_read_as_the_masa_kerja_golongan_on_tmt_golongan(
    ctx: AppContext, tmp_path: Path
) -> None:
    """No BKN text defines the two columns. Every public reader of the export found keeps them with the last
    golongan (``GOL_AKHIR_NAMA, TMT_GOLONGAN, MK_TAHUN, MK_BULAN``, as SIASN's riwayat golongan carries
    ``masaKerjaGolonganTahun/Bulan`` per SK): read as the MKG of the SK on TMT golongan, as before. The stored
    MKG does not depend on the day of the import."""
    _import(ctx, _write(tmp_path / "asn.csv", [SITI]))
    siti = _pegawai(ctx, SITI["NIP_BARU"])
    assert (siti.tmt_golongan, siti.mkg.tahun, siti.mkg.bulan) == (date(2022, 4, 1), 17, 1)
