"""``sekretariat letters import|export``, run in-process through ``desktop.cli.letters.run`` with the same parser
the ``sekretariat`` command registers (``add_parser``)."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from desktop.cli import letters as letters_cli
from desktop.models.letters import IncomingLetter, OutgoingLetter
from desktop.services.common.permissions import SYSTEM
from desktop.services.letters import incoming, incoming_io
from desktop.services.letters.incoming_io import INCOMING_COLUMNS
from desktop.services.letters.outgoing_io import OUTGOING_COLUMNS
from desktop.services.system import AppContext

HEADER = ",".join(INCOMING_COLUMNS)
OUT_HEADER = ",".join(OUTGOING_COLUMNS)
WITA = ZoneInfo("Asia/Makassar")


def _parser() -> argparse.ArgumentParser:
    """The global options of ``sekretariat`` plus the ``letters`` sub-command, as cli.py wires them."""
    parser = argparse.ArgumentParser(prog="sekretariat")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--db-url", default=None)
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    letters_cli.add_parser(sub)
    return parser


def _run(ctx: AppContext, *argv: str) -> int:
    url = None if ctx.db.sqlite_path is not None else ctx.db.engine.url.render_as_string(hide_password=False)
    prefix = ["--data-dir", str(ctx.data_dir)] + (["--db-url", url] if url else [])
    args = _parser().parse_args([*prefix, "letters", *argv])
    assert args.command == "letters"
    return letters_cli.run(args)


def _count(ctx: AppContext) -> int:
    with ctx.db.transaction() as s:
        return int(s.scalar(select(func.count()).select_from(IncomingLetter)) or 0)


def _csv(path: Path, *rows: str) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_import_refuses_a_file_with_bad_rows_and_lists_each_on_stderr(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _csv(
        tmp_path / "agenda.csv",
        ",2026-11-02,Bappeda Prov,050/1/BAPPEDA,2026-10-30,Musrenbang,,,,",
        ",2026-11-03,Biro Umum,000/2/BU,32/11/2026,Rapat,,,,",
        ",2026-11-04,BPKAD,900/3/BPKAD,2026-11-04,Laporan,,,,",
        ",2026-11-04,BPKAD,900/4/BPKAD,2026-11-04,,,,,",
    )
    assert _run(ctx, "import", str(path), "--incoming") == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        "baris 3: tanggal surat tidak dikenali (\u201c32/11/2026\u201d; tanggal tersebut tidak ada)",
        "baris 5: perihal kosong",
    ]
    assert "Tidak ada yang diimpor: 2 baris tidak valid" in out and "--skip-invalid" in out
    assert _count(ctx) == 0

    assert _run(ctx, "import", str(path), "--incoming", "--skip-invalid") == 0
    out, err = capsys.readouterr()
    assert len(err.splitlines()) == 2  # the skipped rows are still named
    assert (
        "2 surat masuk diimpor dari agenda.csv (2 diberi nomor agenda baru); 2 baris tidak valid dilewati."
        in out
    )
    assert _count(ctx) == 2


def test_import_with_a_column_mapping_then_export_one_year(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with ctx.db.transaction() as s:
        incoming.register_incoming(
            s,
            SYSTEM,
            incoming.IncomingInput(
                tanggal_diterima=datetime(2025, 6, 2, 9, 0, tzinfo=WITA),
                asal_surat="Biro Umum",
                nomor_surat="000/1/BU",
                tanggal_surat=datetime(2025, 6, 2).date(),
                perihal="Rapat 2025",
            ),
            today=datetime(2025, 6, 2).date(),
        )
    path = tmp_path / "lama.csv"
    path.write_text(
        "No;Masuk Tgl;Dari;No. Surat;Tgl Surat;Hal\n3;05/01/2026;Dinas Sosial;460/9/Dinsos;02/01/2026;Bantuan\n",
        encoding="utf-8",
    )
    code = _run(
        ctx,
        "import",
        str(path),
        "--incoming",
        "--map",
        "No=nomor_agenda",
        "--map",
        "Masuk Tgl=tanggal_terima",
    )
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert "1 surat masuk diimpor dari lama.csv." in out

    out_file = tmp_path / "ekspor" / "2026.csv"
    assert _run(ctx, "export", "--incoming", "--year", "2026", "--out", str(out_file)) == 0
    assert "1 surat masuk diekspor" in capsys.readouterr().out
    assert out_file.read_text(encoding="utf-8").splitlines() == [
        HEADER,
        "3,2026-01-05,Dinas Sosial,460/9/Dinsos,2026-01-02,Bantuan,,B,biasa,arsip",
    ]
    everything = tmp_path / "semua.xlsx"
    assert _run(ctx, "export", "--incoming", "--out", str(everything)) == 0
    assert [line for line, _ in incoming_io.read_table(everything).rows] == [2, 3]


def test_usage_errors(ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(ctx, "import", str(tmp_path / "tidak-ada.csv"), "--incoming") == 1
    assert capsys.readouterr().err.startswith("Gagal: Berkas tidak ditemukan")
    assert _run(ctx, "import", str(tmp_path / "tidak-ada.csv"), "--outgoing") == 1
    assert capsys.readouterr().err.startswith("Gagal: Berkas tidak ditemukan")
    bad_map = _csv(tmp_path / "a.csv", ",2026-01-02,A,B,2026-01-02,C,,,,")
    assert _run(ctx, "import", str(bad_map), "--incoming", "--map", "tanpa-sama-dengan") == 1
    assert "JUDUL=KOLOM" in capsys.readouterr().err

    with pytest.raises(SystemExit):  # argparse: --incoming or --outgoing is required
        _parser().parse_args(["letters", "export", "--out", "x.csv"])
    with pytest.raises(SystemExit):  # and only one of them
        _parser().parse_args(["letters", "export", "--incoming", "--outgoing", "--out", "x.csv"])
    capsys.readouterr()


def _run_in(data_dir: Path, *argv: str) -> int:
    """The command on a data dir of its own (an SQLite file), as on a freshly installed workstation."""
    args = _parser().parse_args(["--data-dir", str(data_dir), "letters", *argv])
    return letters_cli.run(args)


def _count_outgoing(ctx: AppContext) -> int:
    with ctx.db.transaction() as s:
        return int(s.scalar(select(func.count()).select_from(OutgoingLetter)) or 0)


def test_outgoing_import_refuses_bad_rows_then_imports_exports_and_round_trips(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "keluar.csv"
    path.write_text(
        "\n".join(
            [
                OUT_HEADER,
                "000.1.5/1/DP2KUKM/2026,2026-01-05,Biro Umum,Undangan,000.1.5,B,",
                "000.1.5/2/DP2KUKM/2026,2026-01-06,Biro Umum,,000.1.5,B,",
                "000.1.5 / 1 / DP2KUKM / 2026,2026-01-07,BPKAD,Laporan,000.1.5,B,",
                "800.1.11.1/3/DP2KUKM/2026,2026-01-08,BPKAD,Data pegawai,800.1.11.1,Rahasia,Ditandatangani",
                "B-015/PL.02/OIKN/VII/2026,2026-01-09,Otorita IKN,Koordinasi,,B,konsep",
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    assert _run(ctx, "import", str(path), "--outgoing") == 1
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        "baris 3: perihal kosong",
        "baris 4: nomor surat 000.1.5 / 1 / DP2KUKM / 2026 juga dipakai di baris 2",
    ]
    assert "Tidak ada yang diimpor: 2 baris tidak valid" in out and "--skip-invalid" in out
    assert _count_outgoing(ctx) == 0

    assert _run(ctx, "import", str(path), "--outgoing", "--skip-invalid") == 0
    out, err = capsys.readouterr()
    assert len(err.splitlines()) == 2  # the skipped rows are still named
    assert "peringatan baris 6: nomor surat tidak sesuai pola seri nomor mana pun" in out
    assert (
        "3 surat keluar diimpor dari keluar.csv (1 bernomor lama di luar pola seri nomor); "
        "2 baris tidak valid dilewati." in out
    )
    assert _count_outgoing(ctx) == 3

    exported = tmp_path / "ekspor" / "keluar-2026.csv"
    assert _run(ctx, "export", "--outgoing", "--year", "2026", "--out", str(exported)) == 0
    out, err = capsys.readouterr()
    assert (err, f"3 surat keluar diekspor ke {exported}." in out) == ("", True)
    assert exported.read_text(encoding="utf-8").splitlines() == [
        OUT_HEADER,
        "000.1.5/1/DP2KUKM/2026,2026-01-05,Biro Umum,Undangan,000.1.5,B,dikirim",
        "800.1.11.1/3/DP2KUKM/2026,2026-01-08,BPKAD,Data pegawai,800.1.11.1,R,ditandatangani",
        "B-015/PL.02/OIKN/VII/2026,2026-01-09,Otorita IKN,Koordinasi,,B,dipesan",
    ]
    assert _run(ctx, "export", "--outgoing", "--year", "2025", "--out", str(tmp_path / "2025.csv")) == 0
    assert (tmp_path / "2025.csv").read_text(encoding="utf-8") == OUT_HEADER + "\n"

    # Importing the same file again: every number is already in the agenda keluar.
    assert _run(ctx, "import", str(exported), "--outgoing") == 1
    err = capsys.readouterr().err
    assert (
        err.splitlines()[0] == "baris 2: nomor surat 000.1.5/1/DP2KUKM/2026 sudah ada di agenda surat keluar"
    )
    assert len(err.splitlines()) == 3

    fresh = tmp_path / "workstation-baru"
    assert _run_in(fresh, "import", str(exported), "--outgoing") == 0
    assert _run_in(fresh, "export", "--outgoing", "--out", str(tmp_path / "lagi.csv")) == 0
    assert (tmp_path / "lagi.csv").read_bytes() == exported.read_bytes()
    assert _run_in(fresh, "export", "--outgoing", "--out", str(tmp_path / "lagi.xlsx")) == 0
    assert [line for line, _ in incoming_io.read_table(tmp_path / "lagi.xlsx").rows] == [2, 3, 4]
    capsys.readouterr()


def test_outgoing_import_finds_its_header_under_a_title_by_the_outgoing_names(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The header row is looked for with the agenda keluar's own names: "Nomor Surat Keluar" and "Kepada Yth"
    name no incoming column, so the incoming names alone would take the title row for the header."""
    path = tmp_path / "buku-keluar.csv"
    path.write_text(
        "BUKU AGENDA SURAT KELUAR TAHUN 2026\n"
        "No,Nomor Surat Keluar,Tgl Surat,Kepada Yth,Perihal\n"
        "1,000.1.5/1/DP2KUKM/2026,2026-01-05,Biro Umum,Undangan\n"
        "2,000.1.5/2/DP2KUKM/2026,2026-01-06,BPKAD,Laporan\n",
        encoding="utf-8",
    )
    assert _run(ctx, "import", str(path), "--outgoing") == 0
    out, err = capsys.readouterr()
    assert err == "" and "2 surat keluar diimpor dari buku-keluar.csv." in out
    assert _count_outgoing(ctx) == 2
