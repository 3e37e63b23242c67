"""Importing the BPKAD's kode barang list (R3) from real xlsx and CSV files, on both engines."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from desktop.models.assets import KodeBarang
from desktop.services.assets import kode, kode_io
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.system import AppContext

TITLE: list[object] = ["DAFTAR KODE BARANG PERMENDAGRI 108/2016"]


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def _codes(ctx: AppContext) -> dict[str, tuple[str, str]]:
    with ctx.db.transaction() as s:
        return {
            k: (u, src)
            for k, u, src in s.execute(select(KodeBarang.kode, KodeBarang.uraian, KodeBarang.sumber))
        }


@pytest.fixture
def seeded(office: AppContext) -> AppContext:
    with office.db.transaction() as s:
        kode.seed_reference(s)
    return office


def _plan(ctx: AppContext, actor: Actor, path: Path) -> kode_io.KodePlan:
    with ctx.db.transaction() as s:
        return kode_io.validate_kode(s, actor, kode_io.read_table(path))


def _import(ctx: AppContext, actor: Actor, path: Path, **options: bool) -> kode_io.KodeImportResult:
    with ctx.db.transaction() as s:
        plan = kode_io.validate_kode(s, actor, kode_io.read_table(path))
        return kode_io.import_kode(s, actor, plan, **options)


def test_bpkad_xlsx_adds_renames_and_a_second_import_changes_nothing(
    seeded: AppContext, pengurus: Actor, tmp_path: Path
) -> None:
    path = _xlsx(
        tmp_path / "kode_bpkad.xlsx",
        [
            TITLE,
            [],
            ["Kode Barang", "Uraian"],
            ["1.3.2.02.01.01.951", "Sedan"],  # new under a sub rincian the seed has
            ["1.3.2.02.01.01.952", "Jeep"],
            ["1.3.2.10.01.02.002", "Laptop/Notebook"],  # renamed
            ["1.3.2.10.01.02.001", "PC Unit"],  # as it is
            ["1.3.2.02.01.77", "KENDARAAN UJI"],  # a new parent, named in the file …
            ["1.3.2.02.01.77.001", "Mobil Uji"],  # … so its child is accepted
        ],
    )
    before = _codes(seeded)
    result = _import(seeded, pengurus, path)
    assert (result.added, result.renamed, result.unchanged, result.skipped) == (4, 1, 1, 0)
    after = _codes(seeded)
    assert after["1.3.2.02.01.01.951"] == ("Sedan", "impor")
    assert after["1.3.2.10.01.02.002"] == ("Laptop/Notebook", "impor")
    assert after["1.3.2.02.01.77.001"] == ("Mobil Uji", "impor")
    assert set(before) <= set(after)  # nothing deleted
    with seeded.db.transaction() as s:
        laptop = kode.get_kode(s, "1.3.2.10.01.02.002")
        assert laptop is not None and laptop.golongan == "B"
        assert "1.3.2.10.01.02.002" in [r.kode for r in kode.search_kode(s, pengurus, "notebook")]
    again = _import(seeded, pengurus, path)
    assert (again.added, again.renamed, again.unchanged) == (0, 0, 6)
    assert _codes(seeded) == after


def test_simda_split_segments_with_three_digit_rincian(
    seeded: AppContext, pengurus: Actor, tmp_path: Path
) -> None:
    """SIMDA BMD's Ref_Rek5_108: one cell per segment, numbers lose their zeros, rincian printed with 3 digits."""
    path = _xlsx(
        tmp_path / "ref_rek5_108.xlsx",
        [
            ["Kd_Aset", "Kd_Aset0", "Kd_Aset1", "Kd_Aset2", "Kd_Aset3", "Kd_Aset4", "Kd_Aset5", "Nm_Aset5"],
            [1, 3, 2, 5, "001", "004", 1, "Lemari Besi/Metal"],
            [1, 3, 2, 2, 1, 4, 3, "Sepeda Motor"],
        ],
    )
    result = _import(seeded, pengurus, path)
    assert result.added + result.renamed + result.unchanged == 2
    codes = _codes(seeded)
    assert codes["1.3.2.05.01.04.001"][0] == "Lemari Besi/Metal"
    assert codes["1.3.2.02.01.04.003"] == ("Sepeda Motor", "impor")


def test_named_segment_columns_as_a_csv(seeded: AppContext, pengurus: Actor, tmp_path: Path) -> None:
    path = tmp_path / "kode.csv"
    path.write_text(
        "Akun;Kelompok;Jenis;Objek;Rincian Objek;Sub Rincian Objek;Sub Sub Rincian Objek;Nama Barang\n"
        "1;3;2;06;02;01;099;Telepon Satelit Genggam\n",
        encoding="utf-8",
    )
    result = _import(seeded, pengurus, path)
    assert result.added == 1
    assert _codes(seeded)["1.3.2.06.02.01.099"] == ("Telepon Satelit Genggam", "impor")


def test_invalid_rows_are_refused_with_their_line(
    seeded: AppContext, pengurus: Actor, tmp_path: Path
) -> None:
    path = _xlsx(
        tmp_path / "salah.xlsx",
        [
            ["Kode Barang", "Uraian"],
            ["1.3.2.02.01.01.951", "Sedan"],  # line 2: fine
            ["1.3.2.02.01.01.1234", "Terlalu panjang"],  # line 3: bad segment
            ["1.3.2.02.01.01.005", ""],  # line 4: no uraian
            ["1.3.9.01.01.01.001", "Tanpa induk"],  # line 5: parent 1.3.9 nowhere
            ["1.3.2.02.01.01.951", "Sedan Lain"],  # line 6: twice, another name
        ],
    )
    plan = _plan(seeded, pengurus, path)
    assert [e.line for e in plan.errors] == [3, 4, 5, 6]
    reasons = {e.line: e.reason for e in plan.errors}
    assert "3 digit" in reasons[3]
    assert "uraian kosong" in reasons[4]
    assert "induk 1.3.9" in reasons[5]
    assert "baris 2" in reasons[6]
    before = _codes(seeded)
    with seeded.db.transaction() as s, pytest.raises(ValidationError):
        kode_io.import_kode(s, pengurus, plan)
    assert _codes(seeded) == before
    # The clerk may take the valid rows only; the report lists what was left out.
    result = _import(seeded, pengurus, path, skip_invalid=True)
    assert (result.added, result.skipped) == (1, 4)
    assert [e.line for e in result.errors] == [3, 4, 5, 6]


def test_a_child_of_a_refused_parent_is_refused(seeded: AppContext, pengurus: Actor, tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "induk.xlsx",
        [["Kode Barang", "Uraian"], ["1.3.2.02.01.88", ""], ["1.3.2.02.01.88.001", "Anak"]],
    )
    plan = _plan(seeded, pengurus, path)
    assert [e.line for e in plan.errors] == [2, 3]


def test_a_file_without_a_code_column_is_refused_at_its_header(
    seeded: AppContext, pengurus: Actor, tmp_path: Path
) -> None:
    path = _xlsx(
        tmp_path / "tanpa_kode.xlsx", [["Uraian", "Nama Barang", "Satuan"], ["Laptop", "Laptop", "Unit"]]
    )
    plan = _plan(seeded, pengurus, path)
    assert len(plan.errors) == 1 and plan.errors[0].header
    assert "kode barang" in plan.errors[0].reason


def test_only_the_pengurus_barang_imports(seeded: AppContext, pimpinan: Actor, tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "k.xlsx", [["Kode Barang", "Uraian"], ["1.3.2.02.01.01.001", "Sedan"]])
    with seeded.db.transaction() as s, pytest.raises(PermissionDenied):
        kode_io.validate_kode(s, pimpinan, kode_io.read_table(path))


def test_counts_stay_whole(seeded: AppContext, pengurus: Actor, tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "k.xlsx", [["Kode Barang", "Uraian"], ["1.3.2.10.01.02.002", "Laptop"]])
    with seeded.db.transaction() as s:
        total = s.scalar(select(func.count()).select_from(KodeBarang))
    result = _import(seeded, pengurus, path)
    assert (result.added, result.renamed, result.unchanged) == (0, 0, 1)
    with seeded.db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(KodeBarang)) == total
