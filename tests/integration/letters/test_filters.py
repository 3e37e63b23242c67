"""Agenda filters and sorting through the services (letters.md feature 7): every filter alone and with a search,
sorting in SQL, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event, select

from desktop.core.letters.rules import Keamanan, Urgensi
from desktop.demo import sample_office
from desktop.models.admin import User
from desktop.models.letters import IncomingLetter
from desktop.services.common import auth
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor
from desktop.services.letters import dispositions as dispo
from desktop.services.letters import incoming, outgoing
from desktop.services.letters.dispositions import HopInput, RecipientInput
from desktop.services.letters.incoming import DispositionTarget, IncomingFilter
from desktop.services.letters.outgoing import OutgoingFilter
from desktop.services.system import AppContext

WITA = ZoneInfo("Asia/Makassar")  # the demo office's zone


def _actor(ctx: AppContext, username: str) -> Actor:
    with ctx.db.transaction() as s:
        return auth.actor_for(s.scalar(select(User).where(User.username == username)))


@dataclass(frozen=True)
class Book:
    """Six letters of 2026 in the agenda masuk, by a short name, and the officials they went to."""

    ids: dict[str, int]
    people: dict[str, RecipientInput]

    def names(self, infos: list[incoming.IncomingInfo]) -> list[str]:
        by_id = {v: k for k, v in self.ids.items()}
        return [by_id[i.id] for i in infos]


@pytest.fixture
def clerk(ctx: AppContext) -> Actor:
    sample_office.fill(ctx, letter_count=0)  # office profile (WITA), units, signatories, one account per role
    return _actor(ctx, "surat")


def _register(ctx: AppContext, actor: Actor, received: datetime, asal: str, perihal: str, **kw: Any) -> int:
    data = incoming.IncomingInput(
        tanggal_diterima=received,
        asal_surat=asal,
        nomor_surat=f"{received:%m%d%H%M}/2026",
        tanggal_surat=received.date(),
        perihal=perihal,
        **kw,
    )
    with ctx.db.transaction() as s:
        return incoming.register_incoming(s, actor, data).id


def _hop(dari: RecipientInput, tanggal: date, *to: RecipientInput, **kw: Any) -> HopInput:
    return HopInput(
        dari_nama=dari.nama,
        dari_jabatan=dari.jabatan,
        dari_nip=dari.nip,
        tanggal=tanggal,
        recipients=to,
        **kw,
    )


@pytest.fixture
def reader(ctx: AppContext, clerk: Actor) -> Actor:
    """The Kepala Dinas (pimpinan): reads every letter, Rahasia ones included."""
    return _actor(ctx, "kadis")


@pytest.fixture
def book(ctx: AppContext, clerk: Actor) -> Book:
    with ctx.db.transaction() as s:
        found = dispo.officials(s, clerk)
    by_post = {o.jabatan: RecipientInput(o.nama, o.jabatan, o.nip, o.unit_id) for o in found}
    people = {
        "sekretaris": by_post["Sekretaris"],
        "kadis": by_post["Kepala Dinas"],
        "kabid": by_post["Kepala Bidang Perdagangan Dalam Negeri"],
    }
    ids = {
        # 23.30 WITA on 1 March: 15.30 UTC, the same day either way.
        "bi": _register(
            ctx,
            clerk,
            datetime(2026, 3, 1, 23, 30, tzinfo=WITA),
            "Bank Indonesia Perwakilan Kalimantan Timur",
            "Undangan Diseminasi Laporan Perekonomian",
            kode_klasifikasi="000.1.5",
        ),
        # 00.30 WITA on 2 March is still 1 March in UTC: the office day decides.
        "dinkes": _register(
            ctx,
            clerk,
            datetime(2026, 3, 2, 0, 30, tzinfo=WITA),
            "Dinas Kesehatan Prov. Kaltim",
            "Permohonan data tenaga kesehatan",
            kode_klasifikasi="000.1",
            keamanan=Keamanan.R,
            urgensi=Urgensi.SEGERA,
        ),
        "kemendag": _register(
            ctx,
            clerk,
            datetime(2026, 3, 10, 9, 0, tzinfo=WITA),
            "Kementerian Perdagangan RI",
            "Undangan rapat koordinasi harga pangan",
            kode_klasifikasi="000.10.2",  # not under 000.1
            urgensi=Urgensi.AMAT_SEGERA,
        ),
        "kominfo": _register(
            ctx,
            clerk,
            datetime(2026, 4, 5, 10, 0, tzinfo=WITA),
            "Dinas Komunikasi dan Informatika",
            "Undangan pelatihan keamanan informasi",
            kode_klasifikasi="800.1.11.1",
            tanpa_disposisi=True,
        ),
        "pupuk": _register(
            ctx,
            clerk,
            datetime(2026, 4, 6, 11, 0, tzinfo=WITA),
            "PT Pupuk Kalimantan Timur",
            "Permohonan izin kunjungan industri",
            keamanan=Keamanan.T,
        ),
        "bi2": _register(
            ctx,
            clerk,
            datetime(2026, 5, 1, 8, 0, tzinfo=WITA),
            "BANK INDONESIA",
            "Permohonan narasumber inflasi daerah",
            kode_klasifikasi="000.1.5",
            keamanan=Keamanan.R,
        ),
    }
    admin = _actor(ctx, "admin")  # sees rahasia letters (and records their chain)
    with ctx.db.transaction() as s:
        dispo.record_chain(
            s,
            clerk,
            ids["bi"],
            [
                _hop(people["sekretaris"], date(2026, 3, 2), people["kadis"]),
                _hop(people["kadis"], date(2026, 3, 3), people["sekretaris"], induk_index=(0, 0)),
            ],
        )
        dispo.record_chain(
            s, clerk, ids["kemendag"], [_hop(people["sekretaris"], date(2026, 3, 10), people["kabid"])]
        )
        chain = dispo.record_chain(
            s, admin, ids["bi2"], [_hop(people["sekretaris"], date(2026, 5, 1), people["kadis"])]
        )
        dispo.cancel_hop(s, admin, chain.hops[0].id, "salah tulis")  # a cancelled hop no longer counts
        incoming.cancel_incoming(s, clerk, ids["pupuk"], "Dicatat dua kali")
    return Book(ids, people)


def _list(ctx: AppContext, actor: Actor, **kw: Any) -> tuple[list[incoming.IncomingInfo], int]:
    with ctx.db.transaction() as s:
        return incoming.list_incoming(s, actor, **kw)


def _target(person: RecipientInput, **only: Any) -> DispositionTarget:
    if only:
        return DispositionTarget(**only)
    return DispositionTarget(unit_id=person.unit_id, jabatan=person.jabatan, nama=person.nama)


def test_every_filter_alone_and_with_a_search(ctx: AppContext, reader: Actor, book: Book) -> None:
    p = book.people
    cases: list[tuple[IncomingFilter, list[str], str, list[str]]] = [
        # filter, what it finds (agenda order, newest first), a search, what both together find
        (
            IncomingFilter(),
            ["bi2", "pupuk", "kominfo", "kemendag", "dinkes", "bi"],
            "undangan",
            ["kominfo", "kemendag", "bi"],
        ),
        (
            IncomingFilter(dari=date(2026, 3, 2), sampai=date(2026, 3, 10)),
            ["kemendag", "dinkes"],
            "permohonan",
            ["dinkes"],
        ),
        (IncomingFilter(dari=date(2026, 4, 6)), ["bi2", "pupuk"], "permohonan", ["bi2", "pupuk"]),
        (IncomingFilter(sampai=date(2026, 3, 1)), ["bi"], "permohonan", []),
        (IncomingFilter(asal="bank indonesia"), ["bi2", "bi"], "inflasi", ["bi2"]),
        (IncomingFilter(asal="PROV. KALTIM"), ["dinkes"], "kesehatan", ["dinkes"]),  # case and dots ignored
        (IncomingFilter(asal="kalimantan"), ["pupuk", "bi"], "undangan", ["bi"]),
        (
            IncomingFilter(kode_klasifikasi="000.1"),
            ["bi2", "dinkes", "bi"],
            "undangan",
            ["bi"],
        ),  # not 000.10.2
        (IncomingFilter(kode_klasifikasi="000.1.5"), ["bi2", "bi"], "perekonomian", ["bi"]),
        (IncomingFilter(kode_klasifikasi="000.1."), ["bi2", "dinkes", "bi"], "data", ["dinkes"]),
        (IncomingFilter(kode_klasifikasi="800"), ["kominfo"], "pelatihan", ["kominfo"]),
        (IncomingFilter(keamanan=Keamanan.R), ["bi2", "dinkes"], "permohonan", ["bi2", "dinkes"]),
        (
            IncomingFilter(keamanan=Keamanan.B),
            ["kominfo", "kemendag", "bi"],
            "undangan",
            ["kominfo", "kemendag", "bi"],
        ),
        (IncomingFilter(urgensi=Urgensi.AMAT_SEGERA), ["kemendag"], "rapat", ["kemendag"]),
        (IncomingFilter(urgensi=Urgensi.SEGERA), ["dinkes"], "undangan", []),
        (IncomingFilter(status="didisposisi"), ["kemendag", "bi"], "undangan", ["kemendag", "bi"]),
        (IncomingFilter(status="baru"), ["bi2", "dinkes"], "tenaga", ["dinkes"]),
        (IncomingFilter(status="arsip"), ["kominfo"], "undangan", ["kominfo"]),
        (IncomingFilter(status="batal"), ["pupuk"], "kunjungan", ["pupuk"]),
        (IncomingFilter(disposisi_kepada=_target(p["kabid"])), ["kemendag"], "undangan", ["kemendag"]),
        # Kepala Dinas had bi2 too, on a hop that was cancelled: only bi counts.
        (IncomingFilter(disposisi_kepada=_target(p["kadis"])), ["bi"], "perekonomian", ["bi"]),
        (
            IncomingFilter(disposisi_kepada=_target(p["kadis"], nama=p["kadis"].nama.upper())),
            ["bi"],
            "rapat",
            [],
        ),
        (
            IncomingFilter(disposisi_kepada=_target(p["kabid"], unit_id=p["kabid"].unit_id)),
            ["kemendag"],
            "harga",
            ["kemendag"],
        ),
        (
            IncomingFilter(disposisi_kepada=_target(p["sekretaris"], jabatan="sekretaris")),
            ["bi"],
            "undangan",
            ["bi"],
        ),
        # Several at once narrow further.
        (
            IncomingFilter(
                dari=date(2026, 3, 1), sampai=date(2026, 3, 31), keamanan=Keamanan.B, status="didisposisi"
            ),
            ["kemendag", "bi"],
            "laporan",
            ["bi"],
        ),
        (
            IncomingFilter(asal="bank", kode_klasifikasi="000.1.5", keamanan=Keamanan.R),
            ["bi2"],
            "narasumber",
            ["bi2"],
        ),
    ]
    for filters, alone, text, searched in cases:
        rows, total = _list(ctx, reader, tahun=2026, filters=filters)
        assert (book.names(rows), total) == (alone, len(alone)), filters
        rows, total = _list(ctx, reader, tahun=2026, text=text, filters=filters)
        assert (book.names(rows), total) == (searched, len(searched)), (filters, text)


def test_date_range_follows_office_days_not_utc(ctx: AppContext, clerk: Actor, book: Book) -> None:
    # dinkes came in at 00.30 WITA on 2 March, which is 1 March 16.30 UTC.
    one_day = IncomingFilter(dari=date(2026, 3, 1), sampai=date(2026, 3, 1))
    assert book.names(_list(ctx, clerk, filters=one_day)[0]) == ["bi"]
    next_day = IncomingFilter(dari=date(2026, 3, 2), sampai=date(2026, 3, 2))
    assert book.names(_list(ctx, clerk, filters=next_day)[0]) == ["dinkes"]
    # A range across the new year is not cut by a year the caller leaves out.
    assert _list(ctx, clerk, filters=IncomingFilter(dari=date(2025, 12, 1), sampai=date(2026, 1, 31)))[1] == 0


def test_filters_combine_with_an_agenda_number_search(ctx: AppContext, clerk: Actor, book: Book) -> None:
    rows, _ = _list(ctx, clerk, text="3/2026", filters=IncomingFilter(status="didisposisi"))
    assert book.names(rows) == ["kemendag"]  # agenda 3/2026
    assert _list(ctx, clerk, text="3/2026", filters=IncomingFilter(status="baru")) == ([], 0)


def test_active_count_counts_a_date_range_once() -> None:
    assert IncomingFilter().active_count == 0
    assert IncomingFilter(dari=date(2026, 1, 1), sampai=date(2026, 1, 31)).active_count == 1
    assert (
        IncomingFilter(asal="  ", kode_klasifikasi=".", disposisi_kepada=DispositionTarget()).active_count
        == 0
    )
    assert IncomingFilter(asal="bank", keamanan=Keamanan.R, status="baru").active_count == 3


def test_sorting_in_sql_pages_through_without_gaps(ctx: AppContext, reader: Actor, book: Book) -> None:
    clerk = reader
    by_asal = ["bi2", "bi", "dinkes", "kominfo", "kemendag", "pupuk"]  # "BANK INDONESIA" and "bank …" alike
    assert book.names(_list(ctx, clerk, sort=("asal_surat", False))[0]) == by_asal
    assert book.names(_list(ctx, clerk, sort=("asal_surat", True))[0]) == by_asal[::-1]
    newest = ["bi2", "pupuk", "kominfo", "kemendag", "dinkes", "bi"]
    assert book.names(_list(ctx, clerk, sort=("tanggal_diterima", True))[0]) == newest
    # Pages of two follow the sort and add up to the whole list.
    pages = [_list(ctx, clerk, sort=("asal_surat", False), limit=2, offset=offset) for offset in (0, 2, 4)]
    assert [name for rows, _ in pages for name in book.names(rows)] == by_asal
    assert {total for _, total in pages} == {6}
    # Sorting a search and a filter.
    rows, total = _list(ctx, clerk, text="undangan", sort=("asal_surat", False))
    assert (book.names(rows), total) == (["bi", "kominfo", "kemendag"], 3)
    rows, _ = _list(ctx, clerk, filters=IncomingFilter(keamanan=Keamanan.R), sort=("tanggal_diterima", False))
    assert book.names(rows) == ["dinkes", "bi2"]
    # Status in the order a letter moves: baru, …, didisposisi, …, arsip, batal.
    status_order = book.names(_list(ctx, clerk, sort=("status", False))[0])
    assert status_order == ["dinkes", "bi2", "bi", "kemendag", "kominfo", "pupuk"]
    sifat_order = book.names(_list(ctx, clerk, sort=("sifat", True))[0])
    assert sifat_order[:2] == ["dinkes", "bi2"]  # Rahasia first, the Segera one before the Biasa one
    with pytest.raises(ValidationError):
        _list(ctx, clerk, sort=("fts_doc", False))


def test_masked_perihal_sorts_as_shown(ctx: AppContext, clerk: Actor, book: Book) -> None:
    tamu = _actor(ctx, "tamu")  # no rahasia permission: R letters show "(isi surat rahasia)"
    rows, _ = _list(ctx, tamu, sort=("perihal", False))
    assert [r.perihal for r in rows][:2] == [incoming.SECRET_MASK] * 2
    assert book.names(rows)[:2] == ["dinkes", "bi2"]


@pytest.fixture
def statements(ctx: AppContext) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool) -> None:
        seen.append((statement, parameters))

    event.listen(ctx.db.engine, "before_cursor_execute", record)
    yield seen
    event.remove(ctx.db.engine, "before_cursor_execute", record)


def test_a_filtered_search_is_still_served_by_the_full_text_index(
    ctx: AppContext, clerk: Actor, book: Book, statements: list[tuple[str, Any]]
) -> None:
    # Only filters without an index of their own: the planner has nothing to prefer over the text index (with
    # six rows PostgreSQL would rightly take the status or date index instead).
    filters = IncomingFilter(
        asal="bank",
        kode_klasifikasi="000.1",
        keamanan=Keamanan.B,
        urgensi=Urgensi.BIASA,
        disposisi_kepada=_target(book.people["kadis"]),
    )
    statements.clear()
    assert book.names(_list(ctx, clerk, text="undangan", filters=filters)[0]) == ["bi"]
    page = [sql for sql in statements if "ORDER BY" in sql[0]][-1]  # the page itself, after the count
    with ctx.db.transaction() as s:
        conn = s.connection()
        if ctx.db.is_sqlite:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {page[0]}", page[1])
            plan = [str(r[-1]) for r in rows]
            # The index drives the query: its rows are read first, newest first, and nothing is sorted.
            assert plan[0].startswith("SCAN surat_masuk_fts VIRTUAL TABLE"), plan
            assert not any("TEMP B-TREE" in step for step in plan), plan
        else:
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            rows = conn.exec_driver_sql(f"EXPLAIN {page[0]}", page[1])
            assert "ix_fts_surat_masuk" in "\n".join(r[0] for r in rows)


def test_a_search_within_one_year_finds_a_letter_registered_after_the_next_year_began(
    ctx: AppContext, clerk: Actor
) -> None:
    """The one-year search reads the index between the year's lowest and highest id: a late entry of the old
    year (registered after letters of the new one) lies past the new year's ids and must still be found."""
    early = _register(ctx, clerk, datetime(2025, 3, 4, 9, tzinfo=WITA), "Bappeda", "Undangan rapat anggaran")
    new_year = _register(ctx, clerk, datetime(2026, 1, 5, 9, tzinfo=WITA), "Bappeda", "Undangan rapat kerja")
    late = _register(ctx, clerk, datetime(2025, 12, 30, 9, tzinfo=WITA), "Biro Umum", "Undangan rapat akhir")
    assert early < new_year < late

    def found(tahun: int) -> list[int]:
        return [i.id for i in _list(ctx, clerk, text="undangan rap", tahun=tahun)[0]]

    assert found(2025) == [late, early]
    assert found(2026) == [new_year]
    assert found(2024) == []
    assert _list(ctx, clerk, text="undangan", tahun=2025)[1] == 2


def test_sorting_by_kode_follows_numeric_segments(ctx: AppContext, clerk: Actor) -> None:
    """R24: 400.9 before 400.10.1 before 400.14, in the agenda masuk and keluar alike (text order would put
    400.14 first); a kode corrected later sorts by its new value."""
    ids = {
        kode: _register(
            ctx, clerk, datetime(2025, 5, day, 9, tzinfo=WITA), "Bappeda", "Rapat", kode_klasifikasi=kode
        )
        for day, kode in enumerate(["400.14", "400.9", "400.10.1"], start=1)
    }
    names = {v: k for k, v in ids.items()}

    def by_kode(descending: bool = False) -> list[str]:
        return [names[i.id] for i in _list(ctx, clerk, tahun=2025, sort=("kode_klasifikasi", descending))[0]]

    assert by_kode() == ["400.9", "400.10.1", "400.14"]
    assert by_kode(descending=True) == ["400.14", "400.10.1", "400.9"]
    with ctx.db.transaction() as s:
        s.get(IncomingLetter, ids["400.14"]).kode_klasifikasi = "400.2"  # type: ignore[union-attr]
    assert by_kode() == ["400.14", "400.9", "400.10.1"]  # the entry now coded 400.2 comes first

    def issue(kode: str) -> int:
        data = outgoing.OutgoingInput(
            tanggal_surat=date(2025, 6, 2), tujuan="Bappeda", perihal="Rapat", kode_klasifikasi=kode
        )
        with ctx.db.transaction() as s:
            return outgoing.issue_number(s, clerk, data, today=date(2025, 6, 2)).id

    sent = {issue(kode): kode for kode in ["400.14", "400.9", "400.10.1"]}
    with ctx.db.transaction() as s:
        rows, _ = outgoing.list_outgoing(s, clerk, tahun=2025, sort=("kode_klasifikasi", False))
    assert [sent[r.id] for r in rows] == ["400.9", "400.10.1", "400.14"]


def test_a_search_counts_up_to_the_cap_and_pages_past_it(
    ctx: AppContext, clerk: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The count stops at SEARCH_COUNT_CAP + 1 ("lebih dari …"); the pages inside the counted hits come from
    the same read of the index, the pages past them from their own query, and together they are every hit
    newest first."""
    monkeypatch.setattr(incoming, "SEARCH_COUNT_CAP", 5)
    ids = [
        _register(
            ctx, clerk, datetime(2026, 2, day, 9, tzinfo=WITA), "Bappeda", f"Sosialisasi aplikasi {day}"
        )
        for day in range(1, 9)
    ]
    _register(ctx, clerk, datetime(2026, 2, 20, 9, tzinfo=WITA), "Bappeda", "Rapat anggaran")
    for tahun in (None, 2026):  # every year, and one year (read differently on PostgreSQL)
        pages = [
            _list(ctx, clerk, text="sosialisasi", tahun=tahun, limit=2, offset=offset)
            for offset in (0, 2, 4, 6, 8)
        ]
        assert {total for _, total in pages} == {6}  # more than five
        assert [info.id for rows, _ in pages for info in rows] == ids[::-1]
        rows, total = _list(ctx, clerk, text="sosialisasi aplikasi 3", tahun=tahun)
        assert ([info.id for info in rows], total) == ([ids[2]], 1)
        assert _list(ctx, clerk, text="anggaran", tahun=tahun, offset=1) == ([], 1)


# --- agenda keluar ------------------------------------------------------------------------------------------


def test_outgoing_filters_and_sorting(ctx: AppContext, clerk: Actor) -> None:
    def issue(tanggal: date, tujuan: str, perihal: str, kode: str, **kw: Any) -> int:
        data = outgoing.OutgoingInput(
            tanggal_surat=tanggal, tujuan=tujuan, perihal=perihal, kode_klasifikasi=kode, **kw
        )
        with ctx.db.transaction() as s:
            return outgoing.issue_number(s, clerk, data, today=date(2026, 11, 22)).id

    ids = {
        "spt": issue(
            date(2026, 2, 3),
            "Kepala Dinas Perdagangan Kota Samarinda",
            "Surat tugas monitoring harga",
            "800.1.11.1",
        ),
        "undangan": issue(date(2026, 3, 4), "Camat Sungai Kunjang", "Undangan rapat pimpinan", "000.1.5"),
        "rahasia": issue(
            date(2026, 3, 20), "Inspektorat Provinsi", "Laporan pemeriksaan", "700.1", keamanan=Keamanan.R
        ),
        "kgb": issue(
            date(2026, 4, 1), "BKD Provinsi", "Usul kenaikan gaji berkala", "800.1.11.13", reserve=True
        ),
    }
    names = {v: k for k, v in ids.items()}

    def book(**kw: Any) -> list[str]:
        with ctx.db.transaction() as s:
            rows, total = outgoing.list_outgoing(s, clerk, tahun=2026, **kw)
        assert total == len(rows)
        return [names[r.id] for r in rows]

    assert book() == ["kgb", "rahasia", "undangan", "spt"]
    assert book(filters=OutgoingFilter(dari=date(2026, 3, 1), sampai=date(2026, 3, 31))) == [
        "rahasia",
        "undangan",
    ]
    assert book(filters=OutgoingFilter(dari=date(2026, 3, 20))) == ["kgb", "rahasia"]
    assert book(filters=OutgoingFilter(tujuan="provinsi")) == ["kgb", "rahasia"]
    assert book(filters=OutgoingFilter(tujuan="provinsi"), text="gaji") == ["kgb"]
    assert book(filters=OutgoingFilter(kode_klasifikasi="800.1.11")) == ["kgb", "spt"]
    assert book(filters=OutgoingFilter(kode_klasifikasi="800.1.11.1")) == ["spt"]  # not 800.1.11.13
    assert book(filters=OutgoingFilter(kode_klasifikasi="800.1.11"), text="monitoring") == ["spt"]
    assert book(filters=OutgoingFilter(keamanan=Keamanan.R)) == ["rahasia"]
    assert book(filters=OutgoingFilter(keamanan=Keamanan.B), text="rapat") == ["undangan"]
    assert book(filters=OutgoingFilter(status="dipesan")) == ["kgb"]
    assert book(
        filters=OutgoingFilter(status="ditandatangani", dari=date(2026, 3, 1)), text="inspektorat"
    ) == ["rahasia"]
    assert book(sort=("tujuan", False)) == ["kgb", "undangan", "rahasia", "spt"]
    assert book(sort=("tanggal_surat", True)) == ["kgb", "rahasia", "undangan", "spt"]
    assert book(sort=("tanggal_surat", False), filters=OutgoingFilter(tujuan="provinsi")) == [
        "rahasia",
        "kgb",
    ]
    assert OutgoingFilter(dari=date(2026, 1, 1), sampai=date(2026, 2, 1), tujuan="bkd").active_count == 2
