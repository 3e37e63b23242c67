"""Agenda surat masuk through the services: numbering (letters.md B2), duplicates, secrecy, the slip."""

from __future__ import annotations

import io
import multiprocessing as mp
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from desktop.core.letters.rules import Keamanan, Urgensi
from desktop.demo import sample_office
from desktop.services.common import auth
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.common.printed import Delivery
from desktop.services.letters import incoming
from desktop.services.system import AppContext
from tests.support.workers import register_letters

WITA = ZoneInfo("Asia/Makassar")
MM = 72 / 25.4


@pytest.fixture
def clerk(ctx: AppContext) -> Actor:
    sample_office.fill(
        ctx, letter_count=0
    )  # office profile (WITA), units, signatories and one account per role
    with ctx.db.transaction() as s:
        from sqlalchemy import select

        from desktop.models.admin import User

        user = s.scalar(select(User).where(User.username == "surat"))
        return auth.actor_for(user)


def _letter(received: datetime, **kw: object) -> incoming.IncomingInput:
    base: dict[str, object] = {
        "tanggal_diterima": received,
        "asal_surat": "Kementerian Perdagangan Republik Indonesia",
        "nomor_surat": "800.1.11.1/1234/SJ/2026",
        "tanggal_surat": received.date(),
        "perihal": "Undangan Rapat Koordinasi Pengendalian Harga Barang Kebutuhan Pokok",
    }
    base.update(kw)
    return incoming.IncomingInput(**base)  # type: ignore[arg-type]


def test_worked_example_numbers_restart_each_year_and_late_letters_are_susulan(
    ctx: AppContext, clerk: Actor
) -> None:
    with ctx.db.transaction() as s:
        # 1186 letters were registered in 2025 before this one.
        s.execute(
            text("INSERT INTO counter (series, period, last_value) VALUES ('agenda_masuk', '2025', 1186)")
        )
    with ctx.db.transaction() as s:
        last_2025 = incoming.register_incoming(
            s,
            clerk,
            _letter(datetime(2025, 12, 30, 10, 0, tzinfo=WITA), nomor_surat="A/1"),
            today=date(2025, 12, 30),
        )
    assert (last_2025.nomor_agenda, last_2025.agenda, last_2025.susulan) == (1187, "1187/2025", False)
    with ctx.db.transaction() as s:
        first_2026 = incoming.register_incoming(
            s,
            clerk,
            _letter(datetime(2026, 1, 2, 8, 30, tzinfo=WITA), nomor_surat="A/2"),
            today=date(2026, 1, 2),
        )
    assert first_2026.agenda == "1/2026" and not first_2026.susulan
    with ctx.db.transaction() as s:
        late = incoming.register_incoming(
            s,
            clerk,
            _letter(
                datetime(2025, 12, 31, 15, 0, tzinfo=WITA),
                nomor_surat="A/3",
                tanggal_surat=date(2025, 12, 29),
            ),
            today=date(2026, 1, 5),
        )
        assert incoming.last_agenda_number(s, clerk, 2026) == 1
        assert incoming.last_agenda_number(s, clerk, 2025) == 1188
    assert (late.agenda, late.susulan) == ("1188/2025", True)


def test_probable_duplicate_is_found_but_not_blocked(ctx: AppContext, clerk: Actor) -> None:
    received = datetime(2026, 11, 20, 9, 0, tzinfo=WITA)
    with ctx.db.transaction() as s:
        first = incoming.register_incoming(s, clerk, _letter(received, nomor_surat="005/123/DINKES"))
    with ctx.db.transaction() as s:
        dups = incoming.probable_duplicates(
            s, clerk, "kementerian perdagangan  republik indonesia", "005 / 123 / Dinkes", received.date()
        )
        assert [d.id for d in dups] == [first.id]
        # The clerk may still register it (a warning, never a block): it gets its own number.
        second = incoming.register_incoming(s, clerk, _letter(received, nomor_surat="005/123/DINKES"))
    assert second.nomor_agenda == first.nomor_agenda + 1
    with ctx.db.transaction() as s:
        assert incoming.probable_duplicates(s, clerk, "Lain", "tanpa nomor", received.date()) == []


def test_bad_input_gets_a_message_next_to_the_field(ctx: AppContext, clerk: Actor) -> None:
    received = datetime(2026, 11, 20, 9, 0, tzinfo=WITA)
    cases = [
        (_letter(received, asal_surat="  "), "asal_surat"),
        (_letter(received, perihal=""), "perihal"),
        (_letter(received, nomor_surat=""), "nomor_surat"),
        (_letter(received, tanggal_surat=date(2026, 11, 21)), "tanggal_surat"),
    ]
    for data, field in cases:
        with pytest.raises(ValidationError) as exc, ctx.db.transaction() as s:
            incoming.register_incoming(s, clerk, data)
        assert exc.value.field == field
    with ctx.db.transaction() as s:
        assert incoming.last_agenda_number(s, clerk, 2026) == 0  # nothing half-saved, no number used


def test_secret_letters_are_masked_for_roles_without_the_permission(ctx: AppContext, clerk: Actor) -> None:
    received = datetime(2026, 11, 20, 9, 0, tzinfo=WITA)
    with ctx.db.transaction() as s:
        info = incoming.register_incoming(
            s, clerk, _letter(received, keamanan=Keamanan.R, perihal="Hasil audit investigasi")
        )
    assert info.masked and info.perihal == incoming.SECRET_MASK
    with ctx.db.transaction() as s:
        from sqlalchemy import select

        from desktop.models.admin import User

        boss = auth.actor_for(s.scalar(select(User).where(User.username == "kadis")))
        assert incoming.get_incoming(s, boss, info.id).perihal == "Hasil audit investigasi"
        with pytest.raises(PermissionDenied):
            incoming.register_incoming(s, boss, _letter(received))
        # The words of a secret letter are no search for those who may not read them: a hit would tell.
        assert incoming.list_incoming(s, clerk, text="investigasi")[1] == 0
        assert incoming.list_incoming(s, clerk, text="investigasi", sort=("asal_surat", False))[1] == 0
        assert [i.id for i in incoming.list_incoming(s, boss, text="investigasi")[0]] == [info.id]
        # Its agenda number still finds it, masked.
        (by_number,) = incoming.list_incoming(s, clerk, text=str(info.nomor_agenda))[0]
        assert by_number.id == info.id and by_number.perihal == incoming.SECRET_MASK


def test_urgent_letter_gets_a_deadline_and_the_slip_prints_on_half_f4(ctx: AppContext, clerk: Actor) -> None:
    received = datetime(2026, 11, 20, 9, 15, tzinfo=WITA)  # a Friday
    with ctx.db.transaction() as s:
        info = incoming.register_incoming(
            s, clerk, _letter(received, urgensi=Urgensi.SEGERA, kode_klasifikasi="000.1.5")
        )
    assert info.batas_waktu is not None and info.batas_waktu > received.date()
    with ctx.db.transaction() as s:
        pdf = incoming.disposisi_pdf(s, clerk, info.id)
        after = incoming.get_incoming(s, clerk, info.id)
    # Building the sheet for the preview is not printing it (issue 13 item 3).
    assert after.status == "baru" and after.jumlah_cetak == 0
    with ctx.db.transaction() as s:
        after = incoming.record_disposisi_printed(s, clerk, info.id, Delivery(printer="Epson L3110", pages=1))
    assert after.status == "dicetak" and after.jumlah_cetak == 1
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert abs(float(page.mediabox.width) - 165 * MM) < 0.5
    assert abs(float(page.mediabox.height) - 215 * MM) < 0.5
    words = " ".join(page.extract_text().split())
    for expected in (
        "LEMBAR DISPOSISI",
        "Kementerian Perdagangan",
        "800.1.11.1/1234/SJ/2026",
        "Undangan Rapat",
        f"{info.nomor_agenda}/2026",
        "20 November 2026",
        "Tanggapan dan saran",
        "Kepala Bidang Perindustrian",
        "Fulanah Rahmawati",
        "19730314 199803 2 009",
    ):
        assert expected in words, expected
    assert "CETAK ULANG" not in words
    with ctx.db.transaction() as s:
        again = incoming.disposisi_pdf(s, clerk, info.id, "A4")
    assert "CETAK ULANG" in " ".join(PdfReader(io.BytesIO(again)).pages[0].extract_text().split())


def test_cancelled_entry_keeps_its_number(ctx: AppContext, clerk: Actor) -> None:
    received = datetime(2026, 11, 20, 9, 0, tzinfo=WITA)
    with ctx.db.transaction() as s:
        a = incoming.register_incoming(s, clerk, _letter(received, nomor_surat="X/1"))
        incoming.cancel_incoming(s, clerk, a.id, "Salah input, surat yang sama sudah diagendakan")
        b = incoming.register_incoming(s, clerk, _letter(received, nomor_surat="X/2"))
        rows, total = incoming.list_incoming(s, clerk, tahun=2026)
    assert b.nomor_agenda == a.nomor_agenda + 1
    assert total == 2 and {r.status for r in rows} == {"batal", "baru"}


def test_code_search_by_prefix_and_words(ctx: AppContext, clerk: Actor) -> None:
    with ctx.db.transaction() as s:
        by_code = incoming.search_codes(s, clerk, "800.1.11")
        by_words = incoming.search_codes(s, clerk, "surat tugas")
        legacy = incoming.search_codes(s, clerk, "067", skema="78/2012")
    assert by_code[0].kode == "800.1.11" and all(c.kode.startswith("800.1.11") for c in by_code)
    assert "800.1.11.1" in [c.kode for c in by_words]
    assert legacy and legacy[0].kode == "067"


def test_two_processes_registering_at_once_get_distinct_agenda_numbers(ctx: AppContext, clerk: Actor) -> None:
    url = ctx.db.engine.url.render_as_string(hide_password=False)
    ctx.db.dispose()
    spawn = mp.get_context("spawn")
    with spawn.Manager() as manager, spawn.Pool(2) as pool:
        ready = manager.Barrier(2)  # both workstations register at the same moment
        a, b = pool.starmap(register_letters, [(url, clerk.username, 40, ready, tag) for tag in ("A", "B")])
    assert sorted(a + b) == list(range(1, 81))


def test_search_as_you_type_uses_the_full_text_index(ctx: AppContext, clerk: Actor) -> None:
    received = datetime(2026, 11, 20, 9, 0, tzinfo=WITA)
    with ctx.db.transaction() as s:
        a = incoming.register_incoming(
            s,
            clerk,
            _letter(
                received,
                asal_surat="Bank Indonesia Perwakilan Kaltim",
                nomor_surat="28/552/Smd",
                perihal="Undangan Diseminasi Laporan Perekonomian Provinsi",
            ),
        )
        b = incoming.register_incoming(
            s,
            clerk,
            _letter(
                received,
                asal_surat="Dinas Kesehatan",
                nomor_surat="440/1234/DINKES",
                perihal="Permohonan data koperasi simpan pinjam",
            ),
        )
    with ctx.db.transaction() as s:

        def found(q: str) -> list[int]:
            return [r.id for r in incoming.list_incoming(s, clerk, text=q)[0]]

        assert found("perekonom") == [a.id]  # the last word is a prefix: results follow the typing
        assert found("undangan bank") == [a.id]  # every word must match, in any field
        assert found("1234 dinkes") == [b.id]  # parts of the nomor surat
        assert found("koperasi") == [b.id]
        assert found("kesehatan perekonomian") == []
        assert found(f"{b.nomor_agenda}/2026") == [b.id]  # the agenda number as written on the letter
        assert set(found("")) == {a.id, b.id}
        assert found('"; DROP TABLE surat_masuk; --') == []  # operators and quotes are only text
    with ctx.db.transaction() as s:
        # A corrected perihal is found under its new words (the index follows updates).
        from desktop.models.letters import IncomingLetter

        s.get(IncomingLetter, a.id).perihal = "Rapat evaluasi inflasi"
    with ctx.db.transaction() as s:
        assert [r.id for r in incoming.list_incoming(s, clerk, text="inflasi")[0]] == [a.id]
        assert incoming.list_incoming(s, clerk, text="perekonomian")[0] == []


def test_search_query_is_served_by_the_index(ctx: AppContext, clerk: Actor) -> None:
    """The query text must match the indexed expression exactly, or the index silently stops serving."""
    from sqlalchemy import select

    from desktop.models.letters import IncomingLetter
    from desktop.storage import fulltext

    with ctx.db.transaction() as s:
        searched = fulltext.incoming_search(s, select(IncomingLetter), IncomingLetter.id, "undangan rapat")
        assert searched is not None
        stmt = searched[0].order_by(searched[1]).limit(200)
        compiled = stmt.compile(s.get_bind())
        conn = s.connection()
        if s.get_bind().dialect.name == "postgresql":
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            rows = conn.exec_driver_sql(f"EXPLAIN {compiled.string}", compiled.params)
            plan = "\n".join(r[0] for r in rows)
            assert "ix_fts_surat_masuk" in plan
        else:
            params = tuple(compiled.params[k] for k in compiled.positiontup or [])
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled.string}", params)
            plan = "\n".join(str(r[-1]) for r in rows)
            assert "surat_masuk_fts VIRTUAL TABLE" in plan
