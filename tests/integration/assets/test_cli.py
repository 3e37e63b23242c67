"""``sekretariat assets import|export|depreciation``, run in-process through ``desktop.cli.assets.run`` with the
parser the ``sekretariat`` command registers (``add_parser``)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop.cli import assets as assets_cli
from desktop.models.assets import Aset
from desktop.services.assets import reference
from desktop.services.common.permissions import SYSTEM
from desktop.services.system import AppContext

LAPTOP = "1.3.2.10.01.02.002"
KURSI = "1.3.2.05.02.01.004"
HEADER = "Kode Barang,Nama Barang,Register,Merk/Type,Tahun Perolehan,Tanggal Perolehan,No. Pabrik,Harga,Kondisi,Jumlah"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sekretariat")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--db-url", default=None)
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    assets_cli.add_parser(sub)
    return parser


def _run(ctx: AppContext, *argv: str) -> int:
    url = None if ctx.db.sqlite_path is not None else ctx.db.engine.url.render_as_string(hide_password=False)
    prefix = ["--data-dir", str(ctx.data_dir)] + (["--db-url", url] if url else [])
    args = _parser().parse_args([*prefix, "assets", *argv])
    return assets_cli.run(args)


def _count(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(Aset)) or 0)


def _csv(path: Path, *rows: str) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_the_same_kib_with_registers_twice_is_refused_the_second_time(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _csv(
        tmp_path / "kib.csv",
        f"{LAPTOP},Laptop,000001,Lenovo,2024,2024-03-10,PF3ABC12,Rp 15.000.000,B,1",
        f"{KURSI},Kursi Kayu,000001 s/d 000010,,2025,,,7.500.000,Baik,10",
    )
    assert _run(ctx, "import", str(path)) == 0
    out, err = capsys.readouterr()
    assert "11 barang (2 baris) diimpor dari kib.csv." in out and err == ""
    assert _count(ctx) == 11
    assert _run(ctx, "import", str(path)) == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"baris 2: register 000001 untuk kode {LAPTOP} sudah dipakai",
        f"baris 3: register 000001 untuk kode {KURSI} sudah dipakai",
    ]
    assert "Tidak ada yang diimpor: 2 baris tidak valid" in out
    assert _count(ctx) == 11


def test_the_same_kib_without_registers_twice_needs_allow_duplicates(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _csv(tmp_path / "kib.csv", f"{LAPTOP},Laptop,,Lenovo,2024,,PF3ABC12,15000000,B,")
    assert _run(ctx, "import", str(path)) == 0
    assert _run(ctx, "import", str(path)) == 1
    err = capsys.readouterr().err
    assert err.startswith("baris 2: kemungkinan ganda") and "--allow-duplicates" in err
    assert _count(ctx) == 1
    assert _run(ctx, "import", str(path), "--allow-duplicates") == 0
    with ctx.db.read() as s:
        assert sorted(s.scalars(select(Aset.register))) == [1, 2]


def test_skip_invalid_imports_the_valid_lines_and_names_the_others(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _csv(
        tmp_path / "kib.csv",
        f"{LAPTOP},Laptop,000001,,2024,,,15000000,B,",
        f"{LAPTOP},Laptop,000002,,2024,,,lima belas juta,B,",
    )
    assert _run(ctx, "import", str(path), "--skip-invalid") == 0
    out, err = capsys.readouterr()
    assert err.startswith("baris 3: harga: Nominal rupiah tidak dikenali")
    assert "1 barang (1 baris) diimpor dari kib.csv; 1 baris tidak valid dilewati." in out


def test_export_round_trip_through_the_command(
    ctx: AppContext, fresh: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _csv(
        tmp_path / "kib.csv",
        f"{LAPTOP},Laptop,000001,Lenovo,2024,2024-03-10,PF3ABC12,Rp 15.000.000,B,1",
        f"{KURSI},Kursi Kayu,,,2025,,,7.500.000,RB,10",
    )
    assert _run(ctx, "import", str(path)) == 0
    assert _run(ctx, "export", "--kib", "B", "--out", str(tmp_path / "a.csv")) == 0
    assert "11 barang KIB B diekspor ke" in capsys.readouterr().out
    assert _run(fresh, "import", str(tmp_path / "a.csv")) == 0
    assert _run(fresh, "export", "--kib", "b", "--out", str(tmp_path / "b.csv")) == 0
    assert (tmp_path / "b.csv").read_bytes() == (tmp_path / "a.csv").read_bytes()
    assert _run(fresh, "export", "--kib", "B", "--out", str(tmp_path / "b.xlsx")) == 0


def test_depreciation_of_the_worked_example_laptop(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with ctx.db.transaction() as s:
        reference.restore_defaults(s, SYSTEM)
    path = _csv(
        tmp_path / "kib.csv",
        f"{LAPTOP},Laptop,000001,Lenovo,2024,2024-03-10,PF3ABC12,15.000.000,B,1",
        "1.3.2.19.01.01.001,Alat lain,,,2020,,,5.000.000,B,1",
    )
    assert _run(ctx, "import", str(path)) == 0
    out_file = tmp_path / "susut.csv"
    assert _run(ctx, "depreciation", "--as-of", "2025-12-31", "--out", str(out_file)) == 0
    out = capsys.readouterr().out
    assert "Penyusutan 1 barang per 2025-12-31" in out and "1 barang tidak disusutkan" in out
    assert out_file.read_text(encoding="utf-8").splitlines() == [
        "kode_barang,register,harga,masa_manfaat_tahun,semester_berjalan,akumulasi,nilai_buku",
        f"{LAPTOP},000001,15000000,4,4,7500000,7500000",
    ]
    assert _run(ctx, "depreciation", "--as-of", "2025-12-31", "--out", str(tmp_path / "susut.xlsx")) == 0


def test_usage_errors_exit_2(ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(ctx, "depreciation", "--as-of", "31-12-2025", "--out", str(tmp_path / "x.csv")) == 2
    assert "--as-of harus berformat YYYY-MM-DD" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        _run(ctx, "export", "--kib", "G", "--out", str(tmp_path / "x.csv"))
    assert exc.value.code == 2


def test_a_file_without_a_kib_header_is_refused(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "lain.csv"
    path.write_text("Tanggal,Nama,Keperluan\n2026-01-02,Budi,Rapat\n", encoding="utf-8")
    assert _run(ctx, "import", str(path)) == 1
    assert "Gagal: Berkas lain.csv: baris judul kolom KIB tidak ditemukan" in capsys.readouterr().err


def test_kode_import_adds_codes_from_the_bpkad_list(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kode.csv"
    path.write_text("kode,uraian\n1.3.2.10.01.02.099,Laptop Lipat Khusus\n", encoding="utf-8")
    assert _run(ctx, "kode-import", str(path)) == 0
    assert "1 kode baru" in capsys.readouterr().out


def test_a_file_of_many_doubtful_rows_shows_the_first_warnings_and_counts_the_rest(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [f"{KURSI},Kursi Kayu,{n:06d},,2025,,,750.000,,1" for n in range(1, 26)]  # kondisi left empty
    assert _run(ctx, "import", str(_csv(tmp_path / "kib.csv", *rows))) == 0
    out = capsys.readouterr().out
    shown = [line for line in out.splitlines() if line.startswith("peringatan ")]
    assert len(shown) == 20 and "kondisi kosong; dicatat Baik" in shown[0]
    assert out.count("… dan 5 peringatan lain.") == 1
    assert _count(ctx) == 25
