"""The shared reader on files as offices have them: every delimiter, file-level problems, header tables kept
as data, columns nobody mapped, dates as exports write them, title rows and signature blocks around the table."""

from __future__ import annotations

from datetime import date, time
from importlib.resources import files
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop.services import tabular
from desktop.services.common.errors import ValidationError

INDEX = tabular.alias_index(
    {"NIP BARU": "nip", "NAMA": "nama", "TANGGAL LAHIR": "tanggal_lahir", "GOL AKHIR NAMA": "golongan"}
)
SIASN_HEADER = ["PNS ID", "NIP BARU", "NAMA", "GELAR BELAKANG", "TANGGAL LAHIR", "GOL AKHIR NAMA"]
SIASN_ROWS = [
    ["A1", "198001012006041001", "BUDI", "S.H., M.H.", "1980-01-01", "III/b"],
    ["A2", "198502022010012002", "SITI, RAHMA", "S.E.", "1985-02-02", "Penata Muda Tk. I, III/b"],
    ["A3", "199003032015031003", "ANDI", "", "1990-03-03", "III/a"],
]


def _write_csv(path: Path, rows: list[list[str]], delimiter: str) -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return path


# ---------------------------------------------------------------------------------------------- 1. delimiters
def test_every_delimiter_is_tried() -> None:
    assert tabular.DELIMITERS == (",", ";", "|", "\t")
    for delimiter in tabular.DELIMITERS:
        text = "\n".join(delimiter.join(row) for row in [SIASN_HEADER, *SIASN_ROWS])
        assert tabular.sniff_delimiter(text) == delimiter, repr(delimiter)


@pytest.mark.parametrize("delimiter", tabular.DELIMITERS)
def test_a_siasn_export_reads_the_same_under_every_delimiter(tmp_path: Path, delimiter: str) -> None:
    # Cells hold commas (gelar, a golongan written with its pangkat name): the pipe file must still split on "|".
    comma = tabular.read_table(_write_csv(tmp_path / "koma.csv", [SIASN_HEADER, *SIASN_ROWS], ","), INDEX)
    other = tabular.read_table(
        _write_csv(tmp_path / "lain.csv", [SIASN_HEADER, *SIASN_ROWS], delimiter), INDEX
    )
    assert other.headers == SIASN_HEADER
    assert other.rows == comma.rows
    assert other.rows[1][1]["GOL AKHIR NAMA"] == "Penata Muda Tk. I, III/b"


def test_a_comma_file_whose_cells_hold_a_pipe_stays_comma() -> None:
    text = (
        "Nomor,Tanggal,Perihal,Tujuan\n"
        "1/A,2026-01-05,Rapat | koordinasi,Biro Umum\n"
        "2/A,2026-01-06,Laporan|triwulan|I,Dinas\n"
        "3/A,2026-01-07,Undangan,Biro|Bagian\n"
    )
    assert tabular.sniff_delimiter(text) == ","


# --------------------------------------------------------------------------------------------- 2. file rows
def test_a_problem_of_the_file_reads_berkas() -> None:
    problem = tabular.RowError.for_file("kolom “Kode Klas” berisi data tetapi tidak dipetakan")
    assert problem == tabular.RowError(0, "kolom “Kode Klas” berisi data tetapi tidak dipetakan")
    assert problem.line == tabular.FILE_LINE == 0
    assert str(problem) == "berkas: kolom “Kode Klas” berisi data tetapi tidak dipetakan"
    assert str(tabular.RowError(7, "x")) == "baris 7: x"


def test_a_problem_of_the_header_row_says_it_is_the_header() -> None:
    problem = tabular.RowError.for_header(3, "kolom wajib tidak ditemukan: perihal")
    assert problem.line == 3
    assert str(problem) == "baris 3 (judul kolom): kolom wajib tidak ditemukan: perihal"


# ------------------------------------------------------------------------------------------ 3. header tables
def _table_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "judul.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_header_table_is_read_from_its_csv(tmp_path: Path) -> None:
    path = _table_file(
        tmp_path,
        "judul,kolom,tata_letak\n"
        "No. Agenda,nomor_agenda,umum\n"
        "Nomor Urut,nomor_agenda,opensid\n"
        "Kode Klas,kode_klasifikasi,opensid\n"
        "No,-,opensid\n"
        "\n"
        '"Tgl, Paraf",tanggal_terima,arsip\n'
        "NO AGENDA,nomor_agenda,arsip\n",
    )
    table = tabular.load_header_table(path)
    assert table.aliases == {
        "No. Agenda": "nomor_agenda",
        "Nomor Urut": "nomor_agenda",
        "Kode Klas": "kode_klasifikasi",
        "Tgl, Paraf": "tanggal_terima",
        "NO AGENDA": "nomor_agenda",
    }
    assert table.known_unused == frozenset({"no"})
    assert table.layouts == {
        "umum": ("No. Agenda",),
        "opensid": ("Nomor Urut", "Kode Klas", "No"),
        "arsip": ("Tgl, Paraf", "NO AGENDA"),
    }
    index = table.index(["perihal"])
    assert index["tglparaf"] == "tanggal_terima" and index["perihal"] == "perihal"
    assert index == tabular.alias_index(table.aliases, ["perihal"])
    assert tabular.load_header_table(str(path)) == table  # a path as text too


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("judul,kolom\nNo,-\n", r"judul\.csv baris 1: kolom tata_letak tidak ada"),
        (
            "judul,kolom,tata_letak\nPerihal,perihal,umum\nNo,-,x\nPERIHAL,ringkasan,opensid\n",
            r"judul\.csv baris 4: judul “PERIHAL” sudah tercantum di baris 2 untuk kolom perihal",
        ),
        ("judul,kolom,tata_letak\nPerihal,,umum\n", r"judul\.csv baris 2: judul dan kolom wajib diisi"),
    ],
)
def test_a_broken_header_table_names_its_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        tabular.load_header_table(_table_file(tmp_path, text))


def test_header_tables_ship_in_the_resources_folder() -> None:
    readme = tabular.header_file("README.md")
    assert "judul,kolom,tata_letak" in readme.read_text(encoding="utf-8")
    # Every table shipped loads (the modules add theirs): a broken one fails here rather than at an import.
    for item in (files("desktop") / "resources" / "headers").iterdir():
        if item.name.endswith(".csv"):
            loaded = tabular.load_header_table(item)
            assert loaded.aliases and loaded.source == item.name


# ------------------------------------------------------------------------------------------ 4. unmapped data
def test_columns_with_data_that_nobody_mapped_are_named(tmp_path: Path) -> None:
    path = tmp_path / "agenda.csv"
    path.write_text(
        "No,Nomor Surat,Perihal,Kode Klas,Diteruskan Kepada,Catatan,,No Urut Lama\n"
        "1,1/A,Rapat,000.1,Kabag Umum,,x,\n"
        "2,2/A,Laporan,,,  ,,\n",
        encoding="utf-8",
    )
    table = tabular.read_table(path, tabular.alias_index({"Nomor Surat": "nomor", "Perihal": "perihal"}))
    mapping = tabular.map_headers(
        table.headers, tabular.alias_index({"Nomor Surat": "nomor", "Perihal": "hal"})
    )
    assert (
        tabular.unmapped_columns(table, mapping, frozenset({tabular.header_key("NO")}))
        == [
            "Kode Klas",
            "Diteruskan Kepada",
            "Kolom G",  # a blank header over data counts; "Catatan" (blanks only) and "No Urut Lama" (empty) do not
        ]
    )
    mapping["Kode Klas"] = "kode"
    assert tabular.unmapped_columns(table, mapping, set()) == ["No", "Diteruskan Kepada", "Kolom G"]


def test_ignored_columns_are_matched_by_their_folded_name() -> None:
    headers = ["Nomor Surat", "Kode Klas", "Diteruskan Kepada"]
    assert tabular.ignore_headers(headers, ["kode klas", "DITERUSKAN_KEPADA", " "]) == {
        "Kode Klas",
        "Diteruskan Kepada",
    }
    with pytest.raises(ValidationError, match="“Kode Arsip” yang diminta diabaikan tidak ada di berkas"):
        tabular.ignore_headers(headers, ["Kode Klas", "Kode Arsip"])


# ------------------------------------------------------------------------------------------------- 5. dates
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-03-01T00:00:00Z", (date(2024, 3, 1), None)),
        ("2024-03-01T00:00:00.000Z", (date(2024, 3, 1), None)),
        ("2024-03-01T07:00:00+07:00", (date(2024, 3, 1), time(7, 0))),
        ("2024-03-01T14:30:00+0800", (date(2024, 3, 1), time(14, 30))),
        ("2024-03-01 09:15:00Z", (date(2024, 3, 1), time(9, 15))),
        ("45352", (date(2024, 3, 1), None)),
        ("45352.0", (date(2024, 3, 1), None)),
        ("45352.5", (date(2024, 3, 1), time(12, 0))),
        ("45352,75", (date(2024, 3, 1), time(18, 0))),
        (" 29221 ", (date(1980, 1, 1), None)),
        ("73415", (date(2100, 12, 31), None)),
        ("01/03/2024", (date(2024, 3, 1), None)),
    ],
)
def test_dates_as_offices_write_them(text: str, expected: tuple[date, time | None]) -> None:
    assert tabular.parse_when(text) == expected
    assert tabular.parse_day(text) == expected[0]


@pytest.mark.parametrize(
    ("text", "detail"),
    [
        ("3", "angka 3 bukan tanggal"),
        ("202403", "angka 202403 bukan tanggal"),
        ("73416", "angka 73416 bukan tanggal"),
        ("9999.5", "angka 9999.5 bukan tanggal"),
        ("2024-02-30T00:00:00Z", "tanggal tersebut tidak ada"),
        ("2024-03-01T25:00:00Z", "jam 25.00 tidak ada"),
    ],
)
def test_dates_out_of_range_are_refused_quoting_the_value(text: str, detail: str) -> None:
    with pytest.raises(ValueError) as caught:
        tabular.parse_day(text)
    assert repr(text) in str(caught.value) and detail in str(caught.value)
    assert tabular.date_problem("tanggal lahir", text, caught.value).startswith(
        f"tanggal lahir tidak dikenali (\u201c{text}\u201d; {detail}"
    )


def test_excel_day_numbers_keep_excels_1900_leap_day() -> None:
    assert tabular.excel_day(1) == date(1900, 1, 1)
    assert tabular.excel_day(59) == date(1900, 2, 28)
    with pytest.raises(ValueError, match="29 Februari 1900"):
        tabular.excel_day(60)
    assert tabular.excel_day(61) == date(1900, 3, 1)
    assert tabular.excel_day(45352) == date(2024, 3, 1)
    # The same numbers openpyxl reads from a workbook's date cells.
    from openpyxl.utils.datetime import from_excel

    for serial in (61, 10000, 29221, 45352, 73415):
        assert tabular.excel_day(serial) == from_excel(serial).date()


# ------------------------------------------------------------------------- 6. title rows and the table's end
AGENDA = tabular.alias_index(
    {"No. Agenda": "nomor", "Tanggal Surat": "tanggal", "Pengirim": "dari", "Perihal": "hal"}
)
TITLE = [
    ["BUKU AGENDA SURAT MASUK"],
    [
        "BIRO UMUM SETDA PROVINSI KALIMANTAN BARAT TAHUN ANGGARAN 2026 — DISUSUN OLEH SUBBAGIAN TATA USAHA PIMPINAN"
    ],
    ["", "Bulan: Januari 2026"],
]
HEADER = ["No. Agenda", "Tanggal Surat", "Pengirim", "Perihal", "Kode Klas"]
DATA = [
    ["1", "2026-01-05", "Dinas Kesehatan", "Rapat", "000.1"],
    ["2", "2026-01-06", "BKD", "Laporan", "800"],
    ["3", "2026-01-07", "Biro Hukum", "Undangan", "005"],
    ["4", "2026-01-08", "Inspektorat", "Audit", "700"],
    ["5", "2026-01-09", "Bappeda", "Musrenbang", "050"],
]
SIGNATURE = [
    ["", "", "Mengetahui,", "", "", "", "Pontianak, 31 Januari 2026"],
    ["", "", "Kepala Biro Umum", "", "", "", "Pengelola Arsip"],
    ["", "", "", "", "", "", ""],
    ["", "", "( DRS. BUDI SANTOSO, M.Si )", "", "", "", "ANI"],
    ["", "", "Pembina Utama Muda", "", "", "", ""],
    ["", "", "NIP. 19700101 199003 1 001", "", "", "", "NIP. 19850101 201001 2 002"],
]


def _sheet(tmp_path: Path, suffix: str, rows: list[list[str]]) -> Path:
    path = tmp_path / f"agenda{suffix}"
    if suffix == ".csv":
        return _write_csv(path, rows, ";")
    book = Workbook()
    for row in rows:
        book.active.append([cell or None for cell in row])
    book.save(path)
    return path


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_title_rows_and_a_signature_block_are_left_out_with_a_note(tmp_path: Path, suffix: str) -> None:
    path = _sheet(tmp_path, suffix, [*TITLE, HEADER, *DATA, [], *SIGNATURE])
    table = tabular.read_table(path, AGENDA)
    assert table.header_line == 4
    # Line numbers as the spreadsheet shows them; the signature's column G is no column of the table.
    assert [line for line, _ in table.rows] == [5, 6, 7, 8, 9]
    assert table.headers == HEADER
    assert table.rows[-1][1]["Perihal"] == "Musrenbang"
    assert [str(note) for note in table.notes] == [
        "berkas: baris 1–3 di atas judul kolom dilewati (judul/kop tabel: “BUKU AGENDA SURAT MASUK”)",
        "berkas: baris 11–16 di bawah tabel dilewati (blok tanda tangan/keterangan: “Mengetahui,”)",
    ]
    assert all(note.line == tabular.FILE_LINE for note in table.notes)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_data_rows_with_two_cells_are_no_signature_block(tmp_path: Path, suffix: str) -> None:
    narrow = [["6", "", "", "Rapat lanjutan", ""], ["7", "", "Kepala Dinas Pendidikan", "", ""]]
    path = _sheet(tmp_path, suffix, [HEADER, *DATA, *narrow, ["8", "2026-01-10", "", "", ""]])
    table = tabular.read_table(path, AGENDA)
    assert [line for line, _ in table.rows] == [2, 3, 4, 5, 6, 7, 8, 9]
    assert table.notes == ()
    # Set apart by a blank row, an office title beside a perihal is still a data row...
    path = _sheet(tmp_path, suffix, [HEADER, *DATA, [], ["", "", "Sekretaris Daerah", "Laporan", ""]])
    assert [line for line, _ in tabular.read_table(path, AGENDA).rows][-1] == 8
    # ... and a row with two cells just above "Mengetahui" stays, with the block cut from the marker.
    path = _sheet(
        tmp_path, suffix, [HEADER, *DATA, ["6", "", "", "Rapat", ""], ["Mengetahui"], ["NIP. 1970"]]
    )
    table = tabular.read_table(path, AGENDA)
    assert [line for line, _ in table.rows][-1] == 7
    assert [str(n) for n in table.notes] == [
        "berkas: baris 8–9 di bawah tabel dilewati (blok tanda tangan/keterangan: “Mengetahui”)"
    ]


@pytest.mark.parametrize(
    ("under", "lines", "note"),
    [
        (
            [["Jumlah", "", "", "5 surat", ""]],
            [2, 3, 4, 5, 6],
            "berkas: baris 7 (“Jumlah”) di akhir tabel dilewati (baris jumlah)",
        ),
        (
            [[], ["Keterangan:"], ["*) surat rahasia tidak dicatat"], ["Dicetak 31-01-2026 oleh admin"]],
            [2, 3, 4, 5, 6],
            "berkas: baris 8–10 di bawah tabel dilewati (blok tanda tangan/keterangan: “Keterangan:”)",
        ),
        (
            [[], ["", "", "", "Kepala Dinas,"], [], ["", "", "", "Budi Santoso"], ["", "", "", "NIP 1970"]],
            [2, 3, 4, 5, 6],
            "berkas: baris 8–11 di bawah tabel dilewati (blok tanda tangan/keterangan: “Kepala Dinas,”)",
        ),
        (
            [[], ["", "a.n. Gubernur Kalimantan Barat"], ["", "Plt. Sekretaris Daerah"], ["", "ttd"]],
            [2, 3, 4, 5, 6],
            "berkas: baris 8–10 di bawah tabel dilewati (blok tanda tangan/keterangan: "
            "“a.n. Gubernur Kalimantan Barat”)",
        ),
    ],
)
def test_what_ends_a_table(tmp_path: Path, under: list[list[str]], lines: list[int], note: str) -> None:
    table = tabular.read_table(_sheet(tmp_path, ".csv", [HEADER, *DATA, *under]), AGENDA)
    assert [line for line, _ in table.rows] == lines
    assert [str(n) for n in table.notes] == [note]


def test_a_jumlah_row_above_the_signature_block_goes_too(tmp_path: Path) -> None:
    rows = [HEADER, *DATA, ["JUMLAH :", "", "", "5", ""], [], *SIGNATURE]
    table = tabular.read_table(_sheet(tmp_path, ".xlsx", rows), AGENDA)
    assert [line for line, _ in table.rows] == [2, 3, 4, 5, 6]
    assert [str(n) for n in table.notes] == [
        "berkas: baris 7 (“JUMLAH :”) di akhir tabel dilewati (baris jumlah)",
        "berkas: baris 9–14 di bawah tabel dilewati (blok tanda tangan/keterangan: “Mengetahui,”)",
    ]


# ------------------------------------------------------------------------------- 7. line numbers as counted
def test_csv_rows_are_numbered_by_record_as_a_spreadsheet_shows_them(tmp_path: Path) -> None:
    path = tmp_path / "agenda.csv"
    path.write_text(
        "BUKU AGENDA\n"
        '"Daftar surat\nJanuari 2026"\n'
        "No. Agenda,Tanggal Surat,Pengirim,Perihal\n"
        '1,2026-01-05,"Dinas\nKesehatan\nProvinsi","Rapat"\n'
        "\n"
        '2,2026-01-06,BKD,"Laporan\r\ntriwulan"\n'
        "3,2026-01-07,Biro Hukum,Undangan\n",
        encoding="utf-8",
        newline="",
    )
    table = tabular.read_table(path, AGENDA)
    # Record 3 is the header although it starts on line 4 of the text; Excel and LibreOffice show row 3.
    assert table.header_line == 3
    assert [line for line, _ in table.rows] == [4, 6, 7]
    assert table.rows[0][1]["Pengirim"] == "Dinas\nKesehatan\nProvinsi"
    assert (
        str(table.notes[0])
        == "berkas: baris 1–2 di atas judul kolom dilewati (judul/kop tabel: “BUKU AGENDA”)"
    )


def test_xlsx_rows_keep_their_sheet_row_when_the_sheet_starts_lower(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet["B3"] = "REKAP SURAT"
    for column, name in zip("BCDE", ["No. Agenda", "Tanggal Surat", "Pengirim", "Perihal"], strict=True):
        sheet[f"{column}5"] = name
    sheet["B6"], sheet["E6"] = "1", "Rapat"
    sheet["B9"], sheet["E9"] = "2", "Laporan"
    path = tmp_path / "rekap.xlsx"
    book.save(path)
    table = tabular.read_table(path, AGENDA)
    assert table.header_line == 5
    assert [line for line, _ in table.rows] == [6, 9]
    assert str(table.notes[0]).startswith("berkas: baris 3 di atas judul kolom dilewati")
