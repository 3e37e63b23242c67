"""``sekretariat letters import|export``, run in-process through ``letter_io.cli_letters`` with the same parser
the ``sekretariat`` command registers (``add_letters_parser``)."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from desktop.models.letters import IncomingLetter
from desktop.services import letter_io, letters
from desktop.services.letter_io import INCOMING_COLUMNS
from desktop.services.permissions import SYSTEM
from desktop.services.system import AppContext

HEADER = ",".join(INCOMING_COLUMNS)
WITA = ZoneInfo("Asia/Makassar")


def _parser() -> argparse.ArgumentParser:
    """The global options of ``sekretariat`` plus the ``letters`` sub-command, as cli.py wires them."""
    parser = argparse.ArgumentParser(prog="sekretariat")
    parser.add_argument("--data-dir", type=Path, default=None)
    parser.add_argument("--db-url", default=None)
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH")
    letter_io.add_letters_parser(sub)
    return parser


def _run(ctx: AppContext, *argv: str) -> int:
    url = None if ctx.db.sqlite_path is not None else ctx.db.engine.url.render_as_string(hide_password=False)
    prefix = ["--data-dir", str(ctx.data_dir)] + (["--db-url", url] if url else [])
    args = _parser().parse_args([*prefix, "letters", *argv])
    assert args.command == "letters"
    return letter_io.cli_letters(args)


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
        letters.register_incoming(
            s,
            SYSTEM,
            letters.IncomingInput(
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
    assert [line for line, _ in letter_io.read_table(everything).rows] == [2, 3]


def test_usage_errors_and_the_outgoing_register_not_yet_available(
    ctx: AppContext, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run(ctx, "import", str(tmp_path / "x.csv"), "--outgoing") == 2
    assert "belum tersedia" in capsys.readouterr().err
    assert _run(ctx, "export", "--outgoing", "--out", str(tmp_path / "k.csv")) == 2
    assert "belum tersedia" in capsys.readouterr().err

    assert _run(ctx, "import", str(tmp_path / "tidak-ada.csv"), "--incoming") == 1
    assert capsys.readouterr().err.startswith("Gagal: Berkas tidak ditemukan")
    bad_map = _csv(tmp_path / "a.csv", ",2026-01-02,A,B,2026-01-02,C,,,,")
    assert _run(ctx, "import", str(bad_map), "--incoming", "--map", "tanpa-sama-dengan") == 1
    assert "JUDUL=KOLOM" in capsys.readouterr().err

    with pytest.raises(SystemExit):  # argparse: --incoming or --outgoing is required
        _parser().parse_args(["letters", "export", "--out", "x.csv"])
    capsys.readouterr()
