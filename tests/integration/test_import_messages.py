"""Import files that used to give misleading messages: UTF-16/32 CSV, a huge CSV field, the template example."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from desktop import cli
from desktop.cli import staff as staff_cli
from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services.common import auth
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.letters import incoming_io
from desktop.services.letters.incoming_io import INCOMING_COLUMNS, RowError
from desktop.services.staff import records, records_io
from desktop.services.system import AppContext

TODAY = date(2026, 11, 22)
LETTERS = [
    ",".join(INCOMING_COLUMNS),
    ",2026-11-02,Bappeda Prov,050/1/BAPPEDA,2026-10-30,Musrenbang,,,,",
    ",2026-11-03,Biro Umum,000/2/BU,2026-11-01,Rapat,,,,",
]
SIASN = [
    "NIP BARU,NAMA,TANGGAL LAHIR,JENIS KELAMIN,STATUS CPNS PNS,GOL AKHIR NAMA,TMT GOLONGAN",
    "198507202009032002,RINA KARTIKA,20-07-1985,P,P,III/c,01-04-2022",
]


@pytest.fixture
def clerk(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == "surat")))


def _pegawai_admin(ctx: AppContext) -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == "pegawai")))


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_a_utf16_or_utf32_csv_imports_like_utf8(
    ctx: AppContext, clerk: Actor, tmp_path: Path, encoding: str
) -> None:
    # The worked case: two letters saved by Excel as "Unicode Text" gave six date errors and no hint.
    path = tmp_path / "agenda.csv"
    bom = "\ufeff" if encoding.endswith("-be") else ""  # Python writes the BOM itself for utf-16 and utf-32
    path.write_bytes((bom + "\n".join(LETTERS) + "\n").encode(encoding))
    with ctx.db.transaction() as s:
        plan = incoming_io.validate_incoming(s, clerk, incoming_io.read_table(path), today=TODAY)
    assert plan.errors == []
    assert [(r.line, r.perihal) for r in plan.valid] == [(2, "Musrenbang"), (3, "Rapat")]

    staff_file = tmp_path / "siasn.csv"
    staff_file.write_bytes((bom + "\n".join(SIASN) + "\n").encode(encoding))
    table = records_io.read_siasn(staff_file)
    assert [values["NAMA"] for _, values in table.rows] == ["RINA KARTIKA"]


def test_a_huge_csv_field_names_its_row(tmp_path: Path) -> None:
    # An unclosed quote, or a 10 MB cell, used to give "field larger than field limit (131072)".
    path = tmp_path / "agenda.csv"
    huge = "x" * (10 * 1024 * 1024)
    path.write_text("\n".join([*LETTERS, f",2026-11-04,BPKAD,900/3/BPKAD,2026-11-04,{huge},,,,"]) + "\n")
    with pytest.raises(
        ValidationError, match=r"^Berkas agenda\.csv baris 4: ada sel yang lebih panjang dari 131\.072"
    ):
        incoming_io.read_table(path)
    staff_file = tmp_path / "siasn.csv"
    staff_file.write_text("\n".join([*SIASN, f"198808102010121001,{huge},,,,,"]) + "\n")
    with pytest.raises(ValidationError, match=r"siasn\.csv baris 3: ada sel"):
        records_io.read_siasn(staff_file)


def test_the_staff_template_example_row_is_skipped_and_reported(
    ctx: AppContext, clerk: Actor, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    template = tmp_path / "templat.xlsx"
    records_io.write_staff_template(template)
    book = load_workbook(template)
    sheet = book["Pegawai"]
    assert "contoh" in sheet["B2"].value  # the example says it is one
    for column, value in enumerate(["198507202009032002", "Rina Kartika"], start=1):
        sheet.cell(row=3, column=column, value=value)
    book.save(template)
    # A template written before the example was marked: the same NIP and name, without the note.
    old = tmp_path / "templat-lama.xlsx"
    sheet["B2"] = "Siti Aminah"
    book.save(old)

    admin = _pegawai_admin(ctx)
    for path in (template, old):
        table = records_io.read_siasn(path)
        assert [line for line, _ in table.rows] == [3] and table.examples == (2,)
        with ctx.db.transaction() as s:
            plan = records_io.validate_siasn(s, admin, table)
            assert plan.errors == []
            assert RowError(2, "baris contoh dari templat; dilewati, tidak diimpor") in plan.warnings
    url = None if ctx.db.sqlite_path is not None else ctx.db.engine.url.render_as_string(hide_password=False)
    prefix = ["--data-dir", str(ctx.data_dir)] + (["--db-url", url] if url else [])
    args = cli.build_parser().parse_args([*prefix, "staff", "import", str(template)])
    assert staff_cli.run(args) == 0
    out = capsys.readouterr().out
    assert "baris 2: baris contoh dari templat; dilewati, tidak diimpor" in out
    assert "1 pegawai baru" in out
    with ctx.db.transaction() as s:
        assert records.find_by_nip(s, admin, "197303142000032009") is None
        assert records.find_by_nip(s, admin, "198507202009032002") is not None
