"""Surat master data kept in Pengaturan: the instruction list (letters.md B5) and the number series (B7)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from desktop.core.letters.rules import DEFAULT_INSTRUCTIONS, Keamanan
from desktop.demo import sample_office
from desktop.models.admin import AuditEntry, User
from desktop.services.common import auth
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.letters import dispositions as dispo
from desktop.services.letters import incoming, outgoing
from desktop.services.letters import settings as ls
from desktop.services.letters.dispositions import HopInput, RecipientInput
from desktop.services.letters.outgoing import SeriesData
from desktop.services.system import AppContext

TODAY = date(2026, 11, 22)
WITA = ZoneInfo("Asia/Makassar")


def _actor(ctx: AppContext, username: str) -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))


@pytest.fixture
def admin(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)  # office profile (kode unit DP2KUKM), units, one account per role
    return _actor(ctx, "admin")


def _active(ctx: AppContext) -> list[str]:
    with ctx.db.transaction() as s:
        return incoming.list_instructions(s)


def _by_text(ctx: AppContext, actor: Actor, teks: str) -> ls.InstructionInfo:
    with ctx.db.transaction() as s:
        return next(i for i in ls.list_all_instructions(s, actor) if i.teks == teks)


def _audit_actions(ctx: AppContext, entity: str) -> list[str]:
    with ctx.db.transaction() as s:
        return list(
            s.scalars(select(AuditEntry.action).where(AuditEntry.entity == entity).order_by(AuditEntry.id))
        )


# --- instructions ---------------------------------------------------------------------------------------------


def test_add_rename_and_reorder_instructions(ctx: AppContext, admin: Actor) -> None:
    assert _active(ctx) == list(DEFAULT_INSTRUCTIONS)
    with ctx.db.transaction() as s:
        added = ls.add_instruction(s, admin, "  Pelajari   dan  laporkan ")
    assert added.teks == "Pelajari dan laporkan" and added.aktif and added.dipakai == 0
    assert _active(ctx)[-1] == "Pelajari dan laporkan"

    with ctx.db.transaction() as s:
        ls.rename_instruction(s, admin, added.id, "Pelajari dan laporkan hasilnya")
        # Up twice: above "Lainnya" and "Arsip/file"; then "Tanggapan dan saran" down once.
        ls.move_instruction(s, admin, added.id, -1)
        ls.move_instruction(s, admin, added.id, -1)
        first = next(i for i in ls.list_all_instructions(s, admin) if i.teks == "Tanggapan dan saran")
        ls.move_instruction(s, admin, first.id, +1)
        ls.move_instruction(s, admin, ls.list_all_instructions(s, admin)[0].id, -1)  # at the top: no change
    assert _active(ctx) == [
        "Proses lebih lanjut",
        "Tanggapan dan saran",
        *DEFAULT_INSTRUCTIONS[2:9],
        "Pelajari dan laporkan hasilnya",
        "Arsip/file",
        "Lainnya",
    ]
    assert _audit_actions(ctx, "instruksi_disposisi") == ["tambah", "ubah", "urutkan", "urutkan", "urutkan"]


def test_duplicate_and_empty_instructions_are_refused(ctx: AppContext, admin: Actor) -> None:
    with ctx.db.transaction() as s:
        with pytest.raises(ValidationError, match="sudah ada di daftar") as exc:
            ls.add_instruction(s, admin, "untuk  DIKETAHUI")
        assert exc.value.field == "teks"
        with pytest.raises(ValidationError, match="wajib diisi"):
            ls.add_instruction(s, admin, "   ")
        with pytest.raises(ValidationError, match="terlalu panjang"):
            ls.add_instruction(s, admin, "x" * 121)
        arsip = next(i for i in ls.list_all_instructions(s, admin) if i.teks == "Arsip/file")
        ls.set_instruction_active(s, admin, arsip.id, False)
    with ctx.db.transaction() as s, pytest.raises(ValidationError, match="nonaktif; aktifkan kembali"):
        ls.add_instruction(s, admin, "Arsip/File")


def test_deactivated_instruction_leaves_the_list_but_hops_keep_their_text(
    ctx: AppContext, admin: Actor
) -> None:
    clerk = _actor(ctx, "surat")
    received = datetime(2026, 11, 16, 9, 15, tzinfo=WITA)
    with ctx.db.transaction() as s:
        letter = incoming.register_incoming(
            s,
            clerk,
            incoming.IncomingInput(
                tanggal_diterima=received,
                asal_surat="Kementerian Perdagangan Republik Indonesia",
                nomor_surat="800.1/1234/SJ/2026",
                tanggal_surat=date(2026, 11, 13),
                perihal="Undangan Rapat Koordinasi",
            ),
            today=received.date(),
        )
        incoming.record_printed_elsewhere(s, clerk, letter.id)
        hop = HopInput(
            dari_nama="Ahmad Fauzi, S.E., M.M.",
            dari_jabatan="Sekretaris",
            tanggal=date(2026, 11, 16),
            recipients=(RecipientInput("Budi Santoso", "Kepala Bidang Perdagangan Dalam Negeri"),),
            instruksi=("Wakili/hadiri", "Untuk diketahui"),
        )
        dispo.record_chain(s, clerk, letter.id, [hop])

    wakili = _by_text(ctx, admin, "Wakili/hadiri")
    assert wakili.dipakai == 1 and _by_text(ctx, admin, "Untuk ditindaklanjuti").dipakai == 0
    with ctx.db.transaction() as s:
        off = ls.set_instruction_active(s, clerk, wakili.id, False)  # the letter clerk keeps this list
    assert not off.aktif
    assert "Wakili/hadiri" not in _active(ctx)
    assert len(_active(ctx)) == len(DEFAULT_INSTRUCTIONS) - 1
    # Renaming another ticked one does not rewrite history either.
    diketahui = _by_text(ctx, admin, "Untuk diketahui")
    with ctx.db.transaction() as s:
        ls.rename_instruction(s, admin, diketahui.id, "Untuk diketahui dan dipedomani")
        chain = dispo.chain(s, admin, letter.id)
    assert chain.hops[0].instruksi == ("Wakili/hadiri", "Untuk diketahui")
    # Still in the full list, at its place, and it can come back.
    with ctx.db.transaction() as s:
        everything = ls.list_all_instructions(s, admin)
        assert [i.teks for i in everything][5] == "Wakili/hadiri" and not everything[5].aktif
        ls.set_instruction_active(s, admin, wakili.id, True)
    assert _active(ctx)[5] == "Wakili/hadiri"
    assert _audit_actions(ctx, "instruksi_disposisi") == ["nonaktifkan", "ubah", "aktifkan"]


def test_last_active_instruction_cannot_be_deactivated(ctx: AppContext, admin: Actor) -> None:
    with ctx.db.transaction() as s:
        rows = ls.list_all_instructions(s, admin)
        for row in rows[:-1]:
            ls.set_instruction_active(s, admin, row.id, False)
        with pytest.raises(ValidationError, match="Sedikitnya satu instruksi"):
            ls.set_instruction_active(s, admin, rows[-1].id, False)


@pytest.mark.parametrize("username", ["kadis", "tamu", "barang"])
def test_other_roles_may_read_but_not_change_instructions(
    ctx: AppContext, admin: Actor, username: str
) -> None:
    other = _actor(ctx, username)
    with ctx.db.transaction() as s:
        first = ls.list_all_instructions(s, other)[0]
        for change in (
            lambda: ls.add_instruction(s, other, "Segera laksanakan"),
            lambda: ls.rename_instruction(s, other, first.id, "Tanggapan"),
            lambda: ls.move_instruction(s, other, first.id, 1),
            lambda: ls.set_instruction_active(s, other, first.id, False),
        ):
            with pytest.raises(PermissionDenied, match="tidak berwenang"):
                change()
    assert _active(ctx) == list(DEFAULT_INSTRUCTIONS)
    assert not ls.can_manage_instructions(other) and ls.can_manage_instructions(_actor(ctx, "surat"))


# --- number series --------------------------------------------------------------------------------------------


def _default_series(ctx: AppContext) -> SeriesData:
    with ctx.db.transaction() as s:
        seri_id = outgoing.ensure_default_series(s)
        return next(x for x in outgoing.list_series(s) if x.id == seri_id)


def test_series_with_a_bad_pattern_is_refused_with_a_message(ctx: AppContext, admin: Actor) -> None:
    series = _default_series(ctx)
    for pattern, message in (
        ("{kka}/{nomor}/{unit}/{tahun}", "penanda {nomor} tidak dikenal"),
        ("{kka}/{unit}/{tahun}", "wajib memuat penanda {urut}"),
        ("{kka}/{urut/{tahun}", "tidak ditutup"),
        ("", "Pola nomor wajib diisi"),
    ):
        with ctx.db.transaction() as s, pytest.raises(ValidationError, match=message) as exc:
            ls.save_series(s, admin, SeriesData(series.nama, pattern, "SEK.UM", id=series.id))
        assert exc.value.field == "template"
        with pytest.raises(ValidationError, match=message):
            ls.preview_number(pattern, "SEK.UM", ls.NumberingContext(TODAY, 1, ""))
    assert _default_series(ctx).template == series.template  # nothing saved


def test_series_preview_is_the_number_issuing_would_give(ctx: AppContext, admin: Actor) -> None:
    series = _default_series(ctx)
    pattern = "{keamanan}/{urut:03d}/{kka}/{unit}/{bulan_romawi}/{tahun}"
    with ctx.db.transaction() as s:
        saved = ls.save_series(
            s, admin, SeriesData("Surat Keluar Sekretariat", pattern, "SEK.UM", id=series.id)
        )
    assert (saved.nama, saved.template, saved.kode_unit) == ("Surat Keluar Sekretariat", pattern, "SEK.UM")
    with ctx.db.transaction() as s:
        (row,) = ls.list_series_overview(s, admin, today=TODAY)
    assert (row.terakhir, row.contoh) == (0, "B/001/800.1.11.1/SEK.UM/XI/2026")

    with ctx.db.transaction() as s:
        issued = outgoing.issue_number(
            s,
            admin,
            outgoing.OutgoingInput(
                tanggal_surat=TODAY,
                tujuan="Kepala Dinas Perdagangan Kabupaten Kutai Kartanegara",
                perihal="Surat Tugas monitoring harga",
                kode_klasifikasi="800.1.11.1",
                keamanan=Keamanan.B,
                seri_id=series.id,
            ),
            today=TODAY,
        )
        (row,) = ls.list_series_overview(s, admin, today=TODAY)
    assert issued.nomor_surat == "B/001/800.1.11.1/SEK.UM/XI/2026"  # what the preview promised
    assert (row.terakhir, row.contoh) == (1, "B/002/800.1.11.1/SEK.UM/XI/2026")
    # A secret letter gets its prefix; the unit falls back to the office profile's code.
    preview = ls.preview_number(pattern, "", row.context, keamanan=Keamanan.R)
    assert preview.nomor == "R/002/800.1.11.1/DP2KUKM/XI/2026" and preview.warnings == ()


def test_series_preview_warns_about_risky_patterns() -> None:
    context = ls.NumberingContext(TODAY, 57, "")
    preview = ls.preview_number("{kka}/{urut}/{unit}", "", context)
    assert preview.nomor == "800.1.11.1/57/[kode unit]"
    assert [w.split(":")[0].split(",")[0] for w in preview.warnings] == [
        "Pola memuat {unit}",
        "Pola tanpa {tahun}",
    ]


def test_series_is_admin_only_and_one_stays_active(ctx: AppContext, admin: Actor) -> None:
    series = _default_series(ctx)
    clerk = _actor(ctx, "surat")
    with ctx.db.transaction() as s, pytest.raises(PermissionDenied):
        ls.save_series(s, clerk, SeriesData(series.nama, "{urut}/{tahun}", id=series.id))
    with ctx.db.transaction() as s, pytest.raises(ValidationError, match="satu-satunya seri aktif"):
        ls.save_series(s, admin, SeriesData(series.nama, series.template, aktif=False, id=series.id))
    with ctx.db.transaction() as s:
        ls.save_series(s, admin, SeriesData("Surat Keluar Bidang", "{kka}/{urut}/BID/{tahun}"))
        ls.save_series(s, admin, SeriesData(series.nama, series.template, aktif=False, id=series.id))
        assert [x.nama for x in outgoing.list_series(s)] == ["Surat Keluar Bidang"]
    assert _audit_actions(ctx, "seri_nomor")[-2:] == ["simpan", "simpan"]
