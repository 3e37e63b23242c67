"""The KGB letter's Nomor surat example shows this office's own unit code, never another office's."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.services import system
from desktop.services.common import auth, office
from desktop.services.common.permissions import Actor
from desktop.services.staff import records
from desktop.services.staff.records import PegawaiInput
from desktop.services.system import AppContext
from desktop.ui.context import UiContext
from desktop.ui.staff.kgb_notice_dialog import KgbNoticeDialog

LETTER_DAY = date(2026, 3, 10)


@pytest.fixture
def office_ctx(tmp_path: Path) -> Iterator[AppContext]:
    """The demo office: WITA, kode unit DP2KUKM."""
    ctx = system.open_context(tmp_path / "data")
    system.prepare(ctx)
    sample_office.fill(ctx, letter_count=0)
    yield ctx
    ctx.db.dispose()


def _actor(ctx: AppContext) -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == "pegawai")))


def _dialog(qtbot, ctx: AppContext) -> KgbNoticeDialog:  # type: ignore[no-untyped-def]
    actor = _actor(ctx)
    with ctx.db.transaction() as s:
        pegawai = records.create_pegawai(
            s,
            actor,
            PegawaiInput(
                nip="197803142003032001",
                nama="Siti Aminah",
                golongan_ruang="III/d",
                tmt_golongan=date(2018, 4, 1),
                mkg_tahun=15,
                jenis_jabatan="pelaksana",
                jabatan="Pengadministrasi Umum",
                pendidikan_terakhir="S-1",
            ),
        ).value
    dialog = KgbNoticeDialog(UiContext(ctx, actor), pegawai.id, LETTER_DAY)
    qtbot.addWidget(dialog)
    return dialog


def test_the_example_number_carries_the_offices_unit_code(qtbot, office_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, office_ctx)
    example = dialog.nomor.placeholderText()
    assert "800.1.11.13/0123/DP2KUKM/2026" in example and "SEK.UM" not in example


def test_without_a_unit_code_the_example_leaves_it_out(qtbot, office_ctx: AppContext) -> None:  # type: ignore[no-untyped-def]
    with office_ctx.db.transaction() as s:
        admin = auth.actor_for(s.scalar(select(User).where(User.username == "admin")))
        office.save_profile(s, admin, dataclasses.replace(office.get_profile(s), kode_unit=""))
    example = _dialog(qtbot, office_ctx).nomor.placeholderText()
    assert "800.1.11.13/0123/2026" in example and "SEK.UM" not in example
