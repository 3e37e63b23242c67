"""``sekretariat print-test``: the Cetak uji page straight to a CUPS queue, as an IT person checks a workstation
after installing (and CI checks the installed package)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop import cli
from desktop.services import system
from desktop.services.common import office
from desktop.services.common.office import OfficeProfileData
from tests.support.cups import TEST_QUEUE, unavailable_reason, wait_for_pdf

PROFILE = OfficeProfileData(
    nama_pemda="Pemerintah Provinsi Kalimantan Timur",
    nama_dinas="Dinas Komunikasi dan Informatika",
    alamat="Jalan Basuki Rahmat No. 41",
    kota="Samarinda",
)


def _office(tmp_path: Path, *, profile: bool) -> Path:
    folder = tmp_path / "data"
    ctx = system.open_context(folder)
    try:
        system.prepare(ctx)
        if profile:
            with ctx.db.transaction() as s:
                office.save_profile(s, system.SYSTEM, PROFILE)
    finally:
        ctx.db.dispose()
    return folder


def test_without_the_office_profile_nothing_is_printed_and_it_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _office(tmp_path, profile=False)
    assert cli.main(["--data-dir", str(folder), "print-test", "--printer", TEST_QUEUE]) == 1
    assert "Lengkapi profil kantor" in capsys.readouterr().err


def test_an_unknown_printer_is_named_in_the_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if unavailable_reason() is not None:
        pytest.skip("CUPS tools not available")
    folder = _office(tmp_path, profile=True)
    assert cli.main(["--data-dir", str(folder), "print-test", "--printer", "Tidak_Ada_Printer"]) == 1
    assert "Tidak_Ada_Printer" in capsys.readouterr().err


@pytest.mark.cups
def test_the_test_page_reaches_the_queue_on_f4_with_the_kop(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reason = unavailable_reason()
    if reason is not None:
        if os.environ.get("SEKRETARIAT_REQUIRE_CUPS") == "1":
            pytest.fail(f"{reason} (SEKRETARIAT_REQUIRE_CUPS=1)")
        pytest.skip(reason)
    folder = _office(tmp_path, profile=True)
    since = time.time()
    assert cli.main(["--data-dir", str(folder), "print-test", "--printer", TEST_QUEUE, "--paper", "F4"]) == 0
    assert f"dikirim ke {TEST_QUEUE}" in capsys.readouterr().out
    out = wait_for_pdf(since, name_contains="Halaman_uji")
    try:
        page = PdfReader(out).pages[0]
        assert abs(float(page.mediabox.height) - 935.4) <= 3  # 330 mm
        assert "DINAS KOMUNIKASI DAN INFORMATIKA" in page.extract_text().upper()
    finally:
        out.unlink(missing_ok=True)
