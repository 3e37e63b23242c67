"""The import acceptance of the Surat issue, through the real ``sekretariat`` command in its own process, as the
IT person runs it: a 1,000-row xlsx with three bad rows imports nothing and names the three lines; with
``--skip-invalid`` it imports 997; an export re-imported into an empty data dir exports identical CSV."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from desktop.services.letters.incoming_io import INCOMING_COLUMNS

BAD_LINES = {
    # sheet line (the header is line 1) → (column, bad value, words the reason must contain)
    58: ("tanggal_terima", "31/02/2026", "tanggal terima"),
    503: ("perihal", "", "perihal"),
    1001: ("keamanan", "Super Rahasia", "keamanan"),
}


def _sekretariat(data_dir: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *argv],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _agenda_xlsx(path: Path) -> Path:
    """1,000 letters of 2026 as a clerk's sheet: real date cells, no agenda numbers (the app numbers them)."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(list(INCOMING_COLUMNS))
    senders = ["Biro Umum Setda Prov", "BPKAD Prov", "Kementerian Perdagangan", "Dinas Sosial Kota Samarinda"]
    first = date(2026, 1, 2)
    for i in range(1000):
        received = first + timedelta(days=i * 300 // 1000)
        row = {
            "nomor_agenda": "",
            "tanggal_terima": received,
            "asal": senders[i % len(senders)],
            "nomor_surat": f"000.1/{i + 1}/{2026}",
            "tanggal_surat": received - timedelta(days=2),
            "perihal": f"Undangan rapat koordinasi ke-{i + 1}",
            "kode_klasifikasi": "000.1.5",
            "keamanan": "B",
            "urgensi": "biasa",
            "status": "arsip",
        }
        line = i + 2
        if line in BAD_LINES:
            column, value, _ = BAD_LINES[line]
            row[column] = value
        sheet.append([row[c] for c in INCOMING_COLUMNS])
    book.save(path)
    return path


@pytest.mark.slow
def test_thousand_row_xlsx_three_bad_rows_then_skip_invalid_then_round_trip(tmp_path: Path) -> None:
    data = tmp_path / "kantor"
    sheet = _agenda_xlsx(tmp_path / "agenda-lama.xlsx")

    refused = _sekretariat(data, "letters", "import", str(sheet), "--incoming")
    assert refused.returncode == 1, refused.stderr
    lines = refused.stderr.splitlines()
    assert [line.split(":")[0] for line in lines] == [f"baris {n}" for n in sorted(BAD_LINES)]
    for line, (_column, _value, reason) in zip(lines, (BAD_LINES[n] for n in sorted(BAD_LINES)), strict=True):
        assert reason in line.lower(), line
    assert "Tidak ada yang diimpor: 3 baris tidak valid" in refused.stdout

    imported = _sekretariat(data, "letters", "import", str(sheet), "--incoming", "--skip-invalid")
    assert imported.returncode == 0, imported.stderr
    assert "997 surat masuk diimpor" in imported.stdout
    assert len(imported.stderr.splitlines()) == 3  # the skipped lines are still named

    first = tmp_path / "ekspor.csv"
    assert (
        _sekretariat(
            data, "letters", "export", "--incoming", "--year", "2026", "--out", str(first)
        ).returncode
        == 0
    )
    rows = first.read_text(encoding="utf-8").splitlines()
    assert len(rows) == 998  # the refused import left nothing behind: 997 letters, not 997 more
    # Numbered in order of tanggal terima: agenda 1 is the first letter of the sheet.
    assert rows[1].startswith("1,2026-01-02,Biro Umum Setda Prov,000.1/1/2026,")

    other = tmp_path / "kantor-baru"
    again = _sekretariat(other, "letters", "import", str(first), "--incoming")
    assert again.returncode == 0, again.stderr
    assert "997 surat masuk diimpor" in again.stdout
    second = tmp_path / "ekspor-ulang.csv"
    assert _sekretariat(other, "letters", "export", "--incoming", "--out", str(second)).returncode == 0
    assert second.read_bytes() == first.read_bytes()
