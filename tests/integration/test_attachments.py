"""Scans: stored with the data, named after the register entry, checked on every open."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PIL import Image
from sqlalchemy import select, text

from desktop.core.letters.rules import Keamanan
from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services import system
from desktop.services.common import attachments, auth
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.letters import incoming
from desktop.services.system import AppContext

WITA = ZoneInfo("Asia/Makassar")


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(out, format="PNG")
    return out.getvalue()


def _pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out)
    c.drawString(100, 700, "Surat yang dipindai")
    c.showPage()
    c.save()
    return out.getvalue()


@pytest.fixture
def setup(ctx: AppContext) -> tuple[Actor, Actor, int, int]:
    sample_office.fill(ctx, letter_count=0)
    with ctx.db.transaction() as s:
        clerk = auth.actor_for(s.scalar(select(User).where(User.username == "surat")))
        boss = auth.actor_for(s.scalar(select(User).where(User.username == "kadis")))
        received = datetime(2026, 11, 20, 9, 0, tzinfo=WITA)
        base = {
            "tanggal_diterima": received,
            "asal_surat": "Bank Indonesia",
            "tanggal_surat": received.date(),
        }
        plain = incoming.register_incoming(
            s, clerk, incoming.IncomingInput(nomor_surat="1/BI", perihal="Biasa", **base)
        )
        secret = incoming.register_incoming(
            s,
            clerk,
            incoming.IncomingInput(nomor_surat="2/BI", perihal="Rahasia", keamanan=Keamanan.R, **base),
        )
    return clerk, boss, plain.id, secret.id


def test_scans_are_named_after_the_agenda_and_come_back_identical(ctx: AppContext, setup) -> None:  # type: ignore[no-untyped-def]
    clerk, _boss, plain, _secret = setup
    pdf, png = _pdf(), _png()
    with ctx.db.transaction() as s:
        first = attachments.add(s, clerk, "M", plain, pdf, "scan surat BI.pdf")
        second = attachments.add(s, clerk, "M", plain, png, "lampiran.png")
    assert first.nama_berkas == "2026/M/00001_1.pdf" and first.mime == "application/pdf"
    assert second.nama_berkas == "2026/M/00001_2.png"
    with ctx.db.transaction() as s:
        assert [a.nama_berkas for a in attachments.list_for(s, clerk, "M", plain)] == [
            first.nama_berkas,
            second.nama_berkas,
        ]
        info, data = attachments.open_bytes(s, clerk, first.id)
    assert data == pdf and info.sha256 == first.sha256


def test_file_type_is_checked_by_content_not_name(ctx: AppContext, setup) -> None:  # type: ignore[no-untyped-def]
    clerk, _boss, plain, _secret = setup
    with pytest.raises(ValidationError, match="PDF, JPG atau PNG"), ctx.db.transaction() as s:
        attachments.add(s, clerk, "M", plain, b"MZ\x90\x00 not a scan", "surat.pdf")


def test_a_changed_file_is_detected_on_open(ctx: AppContext, setup) -> None:  # type: ignore[no-untyped-def]
    clerk, _boss, plain, _secret = setup
    with ctx.db.transaction() as s:
        info = attachments.add(s, clerk, "M", plain, _pdf(), "a.pdf")
    with ctx.db.transaction() as s:  # bit rot, or someone editing the database by hand
        s.execute(
            text("UPDATE lampiran_surat SET konten = :b WHERE id = :i"),
            {"b": b"%PDF-1.4 rusak", "i": info.id},
        )
    with pytest.raises(attachments.IntegrityError, match="rusak"), ctx.db.transaction() as s:
        attachments.open_bytes(s, clerk, info.id)
    with ctx.db.transaction() as s:
        assert attachments.verify_all(s, system.SYSTEM) == [info.nama_berkas]


def test_secret_scans_open_only_for_allowed_roles_and_views_are_audited(ctx: AppContext, setup) -> None:  # type: ignore[no-untyped-def]
    clerk, boss, _plain, secret = setup
    with ctx.db.transaction() as s:
        info = attachments.add(s, clerk, "M", secret, _png(), "rahasia.png")
    with pytest.raises(PermissionDenied), ctx.db.transaction() as s:
        attachments.open_bytes(s, clerk, info.id)
    with ctx.db.transaction() as s:
        attachments.open_bytes(s, boss, info.id)
        views = s.execute(
            text(
                "SELECT count(*) FROM audit_log WHERE entity = 'pindaian' AND action = 'lihat' AND username = 'kadis'"
            )
        ).scalar_one()
    assert views == 1


def test_scans_travel_with_backup_and_restore(ctx: AppContext, setup, tmp_path) -> None:  # type: ignore[no-untyped-def]
    clerk, _boss, plain, _secret = setup
    pdf = _pdf()
    with ctx.db.transaction() as s:
        info = attachments.add(s, clerk, "M", plain, pdf, "a.pdf")
    backup = system.backup_now(ctx, system.SYSTEM, tmp_path / "cadangan.db")
    other = system.open_context(tmp_path / "komputer-lain")
    system.prepare(other)
    system.restore(other, system.SYSTEM, backup)
    with other.db.transaction() as s:
        assert attachments.open_bytes(s, system.SYSTEM, info.id)[1] == pdf
    other.db.dispose()
