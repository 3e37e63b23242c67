"""Kepegawaian lists from the office profile: the frame (kop, place and date, the Kepegawaian signer) that
services/staff/documents.py builds, printed on a nominatif and saved as a workbook."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.printing.staff.nominatif import NominatifList, NominatifPegawai, build_nominatif
from desktop.services.common import auth, office
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import SYSTEM, Actor
from desktop.services.staff import documents
from desktop.services.system import AppContext

WITA = ZoneInfo("Asia/Makassar")
NOW = datetime(2026, 1, 5, 10, 15, tzinfo=WITA)


@pytest.fixture
def pegawai_admin(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == "pegawai")))


def test_list_frame_signs_with_the_kepegawaian_signer_under_the_office_kop(
    ctx: AppContext, pegawai_admin: Actor, tmp_path: Path
) -> None:
    with ctx.db.transaction() as s:
        frame = documents.list_frame(s, pegawai_admin, NOW)
    assert frame.header.nama_dinas == sample_office.PROFILE.nama_dinas
    assert frame.place_date == "Samarinda, 5 Januari 2026"
    assert frame.printed_at == "dicetak 05-01-2026 10.15"
    (spot,) = frame.signatures
    assert spot.signer is not None
    assert (spot.signer.nama, spot.signer.atas_nama) == ("Ahmad Fauzi, S.E., M.M.", "Kepala Dinas")

    nominatif = NominatifList(
        frame,
        [NominatifPegawai(nama="Rina Kartika, S.Sos.", nip="198208172009022004", golongan_ruang="III/d")],
        date(2026, 1, 1),
        columns=("nama_nip", "golongan_ruang"),
    )
    text = " ".join(PdfReader(io.BytesIO(build_nominatif(nominatif))).pages[0].extract_text().split())
    for expected in (
        "DINAS PERINDUSTRIAN, PERDAGANGAN, KOPERASI DAN USAHA KECIL MENENGAH",
        "Samarinda, 5 Januari 2026",
        "a.n. Kepala Dinas,",
        "Ahmad Fauzi, S.E., M.M.",
        "19820817 200902 2 004",
    ):
        assert expected in text, expected

    path = tmp_path / "nominatif.xlsx"
    assert documents.write_nominatif_xlsx(nominatif, path) == 1
    sheet = load_workbook(path).active
    assert sheet is not None
    assert [c.value for c in sheet[2]] == [1, "Rina Kartika, S.Sos.", "198208172009022004", "III/d"]


def test_list_frame_without_a_signer_leaves_a_blank_kepala_dinas_line(ctx: AppContext) -> None:
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        office.assign_signer(s, SYSTEM, documents.SIGNER_DOC_TYPE, None)
    with ctx.db.transaction() as s:
        frame = documents.list_frame(s, SYSTEM, NOW)
    (spot,) = frame.signatures
    assert spot.signer is None and spot.blank_jabatan == "Kepala Dinas"


def test_list_frame_refuses_to_print_without_the_office_kop(ctx: AppContext) -> None:
    with ctx.db.transaction() as s, pytest.raises(ValidationError, match="Lengkapi profil kantor"):
        documents.list_frame(s, SYSTEM, NOW)
