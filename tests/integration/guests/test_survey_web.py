"""The SKM page for phones (guests.md R19-R25): WSGI directly, through waitress, and 50 phones at once."""

from __future__ import annotations

import socket
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select, text

from desktop.core import clock
from desktop.core.guests.ikm import UNSUR
from desktop.models.admin import User
from desktop.models.guests import SurveyResponse, Visit
from desktop.services.common import auth
from desktop.services.common.errors import ServiceError
from desktop.services.common.permissions import Actor
from desktop.services.guests import settings as guest_settings
from desktop.services.guests.survey_server import SurveyServer, start_if_enabled
from desktop.services.guests.survey_web import MAX_BODY, RateLimiter, SurveyApp, make_app
from desktop.services.system import AppContext
from tests.integration.guests.desk import walk_in
from tests.integration.guests.phones import Reply, answers, call, phone_address, response_count, send

WITA = ZoneInfo("Asia/Makassar")
MORNING = datetime(2026, 3, 2, 9, 15, tzinfo=WITA)
GUEST = {"nama": "Siti Rahmawati", "instansi": "Bappeda Kaltara", "no_hp": "0812-5555-1234"}
USED = "Survei untuk kunjungan ini sudah diisi."


@pytest.fixture
def morning() -> Iterator[None]:
    with clock.fixed(MORNING):
        yield


@pytest.fixture
def token(ctx: AppContext, desk: Actor, morning: None) -> str:
    visit = walk_in(ctx, desk, GUEST["nama"], instansi=GUEST["instansi"], no_hp=GUEST["no_hp"])
    assert visit.survei_token
    return visit.survei_token


@pytest.fixture
def app(ctx: AppContext) -> Iterator[SurveyApp]:
    """The WSGI application called directly; its writer thread is stopped after the test."""
    application = make_app(ctx.db)
    yield application
    application.close()


@pytest.fixture
def served(ctx: AppContext) -> Iterator[SurveyServer]:
    server = SurveyServer(ctx.db, "127.0.0.1", 0).start()
    yield server
    server.stop()


def _stored(ctx: AppContext) -> list[SurveyResponse]:
    with ctx.db.read() as s:
        return list(s.scalars(select(SurveyResponse).order_by(SurveyResponse.id)))


def _assert_safe_headers(headers: dict[str, str]) -> None:
    assert headers["cache-control"] == "no-store"
    assert headers["x-content-type-options"] == "nosniff"
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "form-action 'self'" in csp
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["content-type"] == "text/html; charset=utf-8"


# --- the WSGI application called directly ---------------------------------------------------------------


def test_the_form_asks_the_nine_questions_and_shows_nothing_of_the_guest(
    ctx: AppContext, token: str, app: SurveyApp
) -> None:
    page = call(app, "GET", f"/s/{token}")
    assert page.status == 200
    _assert_safe_headers(page.headers)
    for unsur in UNSUR:
        assert unsur.pertanyaan in page.text
        for label in unsur.jawaban:
            assert f">{label}</label>" in page.text
    assert page.text.count('type="radio" name="u') == 36
    assert "Dinas Perindustrian, Perdagangan, Koperasi dan Usaha Kecil Menengah" in page.text  # the office
    for name in ("pendidikan", "pekerjaan", "usia", "jenis_layanan", "saran", "jenis_kelamin"):
        assert f'name="{name}"' in page.text
    for secret in (*GUEST.values(), "Siti", "5555", "A001"):
        assert secret not in page.text


def test_answers_are_stored_as_given_and_the_token_counts_once(
    ctx: AppContext, token: str, app: SurveyApp
) -> None:
    sent = answers(
        (4, 3, 2, 4, 3, 4, 4, 1, 3),
        jenis_kelamin="P",
        usia="34",
        pendidikan="S1",
        pekerjaan="Swasta",
        jenis_layanan="Permohonan data",
        saran="Ruang tunggu <b>panas</b>",
    )
    first = call(app, "POST", f"/s/{token}", sent)
    assert first.status == 200 and "Terima kasih" in first.text
    _assert_safe_headers(first.headers)
    [row] = _stored(ctx)
    assert [getattr(row, f"u{i}") for i in range(1, 10)] == [4, 3, 2, 4, 3, 4, 4, 1, 3]
    assert (row.sumber, row.tanggal, row.jam) == ("ponsel", date(2026, 3, 2), "09:15")
    assert (row.jenis_kelamin, row.usia, row.pendidikan, row.pekerjaan) == ("P", 34, "S1", "Swasta")
    assert (row.jenis_layanan, row.saran) == ("Permohonan data", "Ruang tunggu <b>panas</b>")

    again = call(app, "POST", f"/s/{token}", answers((1,) * 9))
    assert again.status == 409 and USED in again.text
    assert "<form" not in again.text
    revisit = call(app, "GET", f"/s/{token}")
    assert revisit.status == 409 and USED in revisit.text and "<form" not in revisit.text
    assert response_count(ctx) == 1


def test_an_unknown_or_malformed_token_is_not_found_and_stores_nothing(
    ctx: AppContext, token: str, app: SurveyApp
) -> None:
    other = token[:-1] + ("A" if token[-1] != "A" else "B")
    for path in (f"/s/{other}", "/s/", "/s/abc", f"/s/{token}/x", "/s/" + "x" * 65, "/admin", "/favicon.ico"):
        assert call(app, "GET", path).status == 404, path
        assert call(app, "POST", path, answers()).status == 404, path
    assert response_count(ctx) == 0
    home = call(app, "GET", "/")
    assert home.status == 200 and "kode QR" in home.text and "<form" not in home.text
    _assert_safe_headers(home.headers)
    # The visit's token is still good after all that.
    assert call(app, "POST", f"/s/{token}", answers()).status == 200


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (answers((4, 3, 2, 4, 3, 4, 4, 1, 5)), "Jawaban U9 Sarana tidak sah."),
        (answers((4, 3, 2, 4, 3, 4, 4, 1, 0)), "Jawaban U9 Sarana tidak sah."),
        (b"u1=4&u2=3&u3=2&u4=4&u5=3&u6=4&u7=4&u8=1", "Pertanyaan U9 belum dijawab."),
        (b"u1=4&u1=1&u2=3&u3=2&u4=4&u5=3&u6=4&u7=4&u8=1&u9=2", "hanya boleh dijawab sekali"),
        (answers(pendidikan="Sarjana Hukum"), "Pilihan pendidikan tidak sah."),
        (answers(pekerjaan="PNS; DROP TABLE"), "Pilihan pekerjaan tidak sah."),
        (answers(jenis_kelamin="X"), "Pilihan jenis kelamin tidak sah."),
        (answers(usia="tiga puluh"), "Usia diisi angka"),
        (answers(usia="７"), "Usia diisi angka"),
        (answers(usia="150"), "Usia harus 10-120 tahun."),
        (answers(saran="x" * 2001), "Saran terlalu panjang"),
        (b"u1=%FF", "bukan UTF-8"),
    ],
)
def test_a_bad_form_is_refused_with_the_reason_and_the_token_stays_usable(
    ctx: AppContext, token: str, app: SurveyApp, body: bytes, message: str
) -> None:
    reply = call(app, "POST", f"/s/{token}", body)
    assert reply.status == 400
    assert message in reply.text
    assert response_count(ctx) == 0
    assert call(app, "POST", f"/s/{token}", answers()).status == 200
    assert response_count(ctx) == 1


def test_a_refused_form_keeps_what_was_chosen_and_escapes_what_was_typed(
    ctx: AppContext, token: str, app: SurveyApp
) -> None:
    body = b"u1=2&u2=3&saran=%3Cscript%3Ealert(1)%3C%2Fscript%3E&pendidikan=S2"
    reply = call(app, "POST", f"/s/{token}", body)
    assert reply.status == 400 and "Pertanyaan U3, U4, U5, U6, U7, U8, U9 belum dijawab." in reply.text
    assert 'name="u1" value="2" checked' in reply.text and 'name="u2" value="3" checked' in reply.text
    assert '<option value="S2" selected>' in reply.text
    assert "<script>" not in reply.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in reply.text


def test_methods_sizes_and_content_types_outside_the_form_are_refused(
    ctx: AppContext, token: str, app: SurveyApp
) -> None:
    for method in ("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"):
        reply = call(app, method, f"/s/{token}")
        assert reply.status == 405 and reply.headers["allow"] == "GET, POST"
        _assert_safe_headers(reply.headers)
    big = answers(saran="a" * MAX_BODY)
    assert len(big) > MAX_BODY
    reply = call(app, "POST", f"/s/{token}", big)
    assert reply.status == 413
    _assert_safe_headers(reply.headers)
    # An announced length over the limit is refused before a byte of the body is read.
    assert call(app, "POST", f"/s/{token}", big, content_length=MAX_BODY + 1).status == 413
    assert call(app, "POST", f"/s/{token}", answers(), content_type="application/json").status == 415
    assert call(app, "POST", f"/s/{token}", answers(), content_length=-5).status == 400
    assert response_count(ctx) == 0
    # 16 KiB exactly is still taken: a long saran in a script of many bytes a letter, and a field the page
    # does not know (ignored, never stored) to fill the rest.
    exactly = answers(saran="é" * 2000)
    exactly += b"&pad=" + b"b" * (MAX_BODY - len(exactly) - 5)
    assert len(exactly) == MAX_BODY
    assert call(app, "POST", f"/s/{token}", exactly).status == 200
    assert [r.saran for r in _stored(ctx)] == ["é" * 2000]


def test_thirty_requests_a_minute_per_phone_then_429(ctx: AppContext, token: str, app: SurveyApp) -> None:
    for _ in range(30):
        assert call(app, "GET", "/", client="192.168.1.77").status == 200
    refused = call(app, "GET", f"/s/{token}", client="192.168.1.77")
    assert refused.status == 429 and int(refused.headers["retry-after"]) == 60
    _assert_safe_headers(refused.headers)
    refused_post = call(app, "POST", f"/s/{token}", answers(), client="192.168.1.77")
    assert refused_post.status == 429
    assert response_count(ctx) == 0
    # Another phone on the network is not held up by that one.
    assert call(app, "POST", f"/s/{token}", answers(), client="192.168.1.78").status == 200


def test_the_rate_window_slides() -> None:
    now = [100.0]
    limiter = RateLimiter(3, 60.0, now=lambda: now[0])
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    now[0] += 59.9
    assert not limiter.allow("a")
    now[0] += 0.2
    assert limiter.allow("a")
    assert limiter.allow("b")


# --- through a real waitress server on 127.0.0.1 --------------------------------------------------------


def test_through_waitress_form_answer_refusal_and_limits(
    ctx: AppContext, token: str, served: SurveyServer
) -> None:
    port = served.port
    page = send(port, "GET", f"/s/{token}")
    assert page.status == 200 and UNSUR[0].pertanyaan in page.text
    _assert_safe_headers(page.headers)
    assert GUEST["nama"] not in page.text and GUEST["instansi"] not in page.text
    assert send(port, "GET", "/s/" + "Q" * 24).status == 404
    too_big = send(port, "POST", f"/s/{token}", answers(saran="z" * (MAX_BODY + 100)))
    assert too_big.status == 413
    _assert_safe_headers(too_big.headers)
    assert send(port, "PUT", f"/s/{token}", b"").status == 405
    assert send(port, "POST", f"/s/{token}", answers((2,) * 9)).status == 200
    second = send(port, "POST", f"/s/{token}", answers((3,) * 9))
    assert second.status == 409 and USED in second.text
    assert [r.u1 for r in _stored(ctx)] == [2]
    # One phone, over and over: the 31st request in the minute is refused.
    statuses = [send(port, "GET", "/", source="127.0.0.9").status for _ in range(31)]
    assert statuses == [200] * 30 + [429]


def test_a_port_already_in_use_is_a_plain_message(ctx: AppContext) -> None:
    holder = socket.socket()
    holder.bind(("127.0.0.1", 0))
    holder.listen()
    try:
        port = holder.getsockname()[1]
        with pytest.raises(ServiceError, match=f"port {port} sudah dipakai program lain"):
            SurveyServer(ctx.db, "127.0.0.1", port).start()
    finally:
        holder.close()


def test_started_only_when_switched_on_in_the_settings(ctx: AppContext, desk: Actor, morning: None) -> None:
    assert start_if_enabled(ctx.db, "127.0.0.1") is None  # off by default
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    with ctx.db.transaction() as s:
        admin = auth.actor_for(s.scalars(select(User).where(User.username == "admin")).one())
        current = guest_settings.get_settings(s)
        guest_settings.save_settings(s, admin, replace(current, survei_ponsel=True, survei_port=free))
    server = start_if_enabled(ctx.db, "127.0.0.1")
    assert server is not None
    try:
        assert server.url == f"http://127.0.0.1:{free}/"
        assert send(free, "GET", "/").status == 200
    finally:
        server.stop()
    assert not server.running
    with pytest.raises(OSError):
        send(free, "GET", "/", timeout=2)


# --- 50 phones at once ----------------------------------------------------------------------------------


def _at_once(count: int, work: object) -> list[object]:
    """Run ``work(i)`` in ``count`` threads released together; bounded by a join timeout."""
    results: list[object] = [None] * count
    gate = threading.Barrier(count)

    def run(i: int) -> None:
        gate.wait(timeout=30)
        try:
            results[i] = work(i)  # type: ignore[operator]
        except Exception as exc:  # the assertion below names what went wrong
            results[i] = exc

    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a phone never got its answer"
    return results


def test_fifty_phones_answering_at_once_none_lost_none_twice(
    ctx: AppContext, desk: Actor, morning: None, served: SurveyServer
) -> None:
    tokens = [walk_in(ctx, desk, f"Tamu Ponsel {i:02d}").survei_token for i in range(50)]
    assert all(tokens) and len(set(tokens)) == 50

    def phone(i: int) -> tuple[int, int]:
        source = phone_address(i)
        page = send(served.port, "GET", f"/s/{tokens[i]}", source=source)
        sent = send(served.port, "POST", f"/s/{tokens[i]}", answers((1 + i % 4,) * 9), source=source)
        return page.status, sent.status

    results = _at_once(50, phone)
    assert results == [(200, 200)] * 50
    rows = _stored(ctx)
    assert len(rows) == 50
    assert Counter(r.u1 for r in rows) == Counter(1 + i % 4 for i in range(50))
    assert {r.sumber for r in rows} == {"ponsel"}
    with ctx.db.read() as s:
        used = s.scalars(select(Visit.survei_dipakai_at).where(Visit.survei_token.in_(tokens))).all()
    assert len(used) == 50 and all(at is not None for at in used)


def test_fifty_phones_with_one_token_store_exactly_one(
    ctx: AppContext, token: str, served: SurveyServer
) -> None:
    def phone(i: int) -> int:
        return send(
            served.port, "POST", f"/s/{token}", answers((1 + i % 4,) * 9), source=phone_address(i)
        ).status

    results = _at_once(50, phone)
    assert Counter(results) == Counter({200: 1, 409: 49})
    assert response_count(ctx) == 1


# --- group commit: the answers waiting are stored in one transaction, each in a savepoint of its own ----------

REFUSED_AT_COMMIT = "tolak saat commit"


@contextmanager
def _writes_held(ctx: AppContext) -> Iterator[None]:
    """Another connection holds the write lock, as a long import elsewhere would: the survey's writer waits
    in its transaction while more answers queue up behind it. Reading (the form, the token) is not held."""
    if ctx.db.sqlite_path is not None:
        holder = sqlite3.connect(ctx.db.sqlite_path, isolation_level=None)
        try:
            holder.execute("BEGIN IMMEDIATE")
            yield
            holder.execute("ROLLBACK")
        finally:
            holder.close()
        return
    with ctx.db.engine.connect() as conn:
        conn.exec_driver_sql(f"LOCK TABLE {Visit.__tablename__} IN EXCLUSIVE MODE")
        yield
        conn.rollback()


def _until(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting until {what}"
        time.sleep(0.01)


class _Phone(threading.Thread):
    """One POST through the WSGI application, in a thread of its own (as waitress would make it)."""

    def __init__(self, app: SurveyApp, token: str, body: bytes) -> None:
        super().__init__(daemon=True)
        self.app, self.token, self.body = app, token, body
        self.reply: Reply | None = None

    def run(self) -> None:
        self.reply = call(self.app, "POST", f"/s/{self.token}", self.body)

    def status(self) -> int:
        self.join(timeout=60)
        assert self.reply is not None, "the phone never got an answer"
        return self.reply.status


def _one_batch(app: SurveyApp, ctx: AppContext, plug: str, sends: list[tuple[str, bytes]]) -> list[Reply]:
    """``sends`` stored as ONE batch: a first answer (``plug``) keeps the writer waiting on the lock while
    all of ``sends`` queue up; the writer then takes everything waiting into one transaction."""
    with _writes_held(ctx):
        first = _Phone(app, plug, answers((1,) * 9))
        first.start()
        _until(lambda: app.writing == 1 and app.waiting == 0, "the first answer is in the writer's hands")
        phones = [_Phone(app, token, body) for token, body in sends]
        for phone in phones:
            phone.start()
        _until(lambda: app.waiting == len(sends), "every answer of the batch is waiting")
    assert first.status() == 200
    replies = []
    for phone in phones:
        phone.status()
        assert phone.reply is not None
        replies.append(phone.reply)
    return replies


def _tokens(ctx: AppContext, desk: Actor, count: int) -> list[str]:
    tokens = [walk_in(ctx, desk, f"Tamu Antre {i:02d}").survei_token for i in range(count)]
    assert all(tokens)
    return [t for t in tokens if t]


def test_a_batch_stores_its_good_answers_and_refuses_only_the_used_token(
    ctx: AppContext, desk: Actor, morning: None, app: SurveyApp
) -> None:
    plug, first, used, third = _tokens(ctx, desk, 4)
    assert call(app, "POST", f"/s/{used}", answers((4,) * 9)).status == 200  # answered earlier
    replies = _one_batch(
        app, ctx, plug, [(first, answers((2,) * 9)), (used, answers((3,) * 9)), (third, answers((2,) * 9))]
    )
    assert [r.status for r in replies] == [200, 409, 200]
    assert "Terima kasih" in replies[0].text and "Terima kasih" in replies[2].text
    assert USED in replies[1].text and "<form" not in replies[1].text
    # The refusal rolled back only its own savepoint: the answers around it in the transaction are stored.
    assert sorted(r.u1 for r in _stored(ctx)) == [1, 2, 2, 4]
    assert call(app, "POST", f"/s/{first}", answers()).status == 409


def test_the_same_token_twice_in_one_batch_is_stored_once(
    ctx: AppContext, desk: Actor, morning: None, app: SurveyApp
) -> None:
    plug, token, other = _tokens(ctx, desk, 3)
    replies = _one_batch(
        app,
        ctx,
        plug,
        [(token, answers((2,) * 9)), (other, answers((4,) * 9)), (token, answers((3,) * 9))],
    )
    assert sorted(r.status for r in replies) == [200, 200, 409]
    assert replies[1].status == 200
    stored = sorted(r.u1 for r in _stored(ctx))
    assert stored in ([1, 2, 4], [1, 3, 4])  # the token's first answer in the batch, never both
    assert response_count(ctx) == 3


def test_a_bad_answer_in_a_batch_is_refused_alone(
    ctx: AppContext, desk: Actor, morning: None, app: SurveyApp
) -> None:
    plug, good, bad = _tokens(ctx, desk, 3)
    replies = _one_batch(app, ctx, plug, [(good, answers()), (bad, answers(usia="7"))])
    assert [r.status for r in replies] == [200, 400]
    assert "Usia harus 10-120 tahun." in replies[1].text
    assert response_count(ctx) == 2
    assert call(app, "POST", f"/s/{bad}", answers(usia="70")).status == 200


def _refuse_at_commit(ctx: AppContext) -> None:
    """Make the test's copy of the database refuse, at COMMIT and not before, any transaction that stored an
    answer whose saran is REFUSED_AT_COMMIT: a deferred constraint, checked by the engine itself."""
    table = SurveyResponse.__tablename__
    with ctx.db.transaction() as s:
        if ctx.db.is_sqlite:
            s.execute(text("CREATE TABLE uji_induk (id INTEGER PRIMARY KEY)"))
            s.execute(
                text(
                    "CREATE TABLE uji_anak (id INTEGER PRIMARY KEY, induk INTEGER "
                    "REFERENCES uji_induk (id) DEFERRABLE INITIALLY DEFERRED)"
                )
            )
            s.execute(
                text(
                    f"CREATE TRIGGER uji_tolak AFTER INSERT ON {table} "
                    f"WHEN NEW.saran = '{REFUSED_AT_COMMIT}' BEGIN INSERT INTO uji_anak (induk) VALUES (1); END"
                )
            )
        else:
            s.execute(
                text(
                    "CREATE FUNCTION uji_tolak() RETURNS trigger LANGUAGE plpgsql AS "
                    "$$ BEGIN RAISE EXCEPTION 'ditolak saat commit'; END $$"
                )
            )
            s.execute(
                text(
                    f"CREATE CONSTRAINT TRIGGER uji_tolak AFTER INSERT ON {table} DEFERRABLE INITIALLY DEFERRED "
                    f"FOR EACH ROW WHEN (NEW.saran = '{REFUSED_AT_COMMIT}') EXECUTE FUNCTION uji_tolak()"
                )
            )


def test_a_failed_commit_fails_every_answer_of_the_batch_and_stores_none(
    ctx: AppContext, desk: Actor, morning: None, app: SurveyApp
) -> None:
    _refuse_at_commit(ctx)
    plug, first, refused, third = _tokens(ctx, desk, 4)
    replies = _one_batch(
        app,
        ctx,
        plug,
        [(first, answers((2,) * 9)), (refused, answers(saran=REFUSED_AT_COMMIT)), (third, answers((3,) * 9))],
    )
    # Not one "Terima kasih" for an answer that is not on disk; the page says to tell the staff.
    for reply in replies:
        assert reply.status in (500, 503)
        assert "Terima kasih" not in reply.text and "petugas" in reply.text
        _assert_safe_headers(reply.headers)
    assert [r.u1 for r in _stored(ctx)] == [1]  # only the first batch's answer
    with ctx.db.read() as s:
        unused = s.scalars(select(Visit.survei_token).where(Visit.survei_dipakai_at.is_(None))).all()
    assert {first, refused, third} <= set(unused)
    # Nothing was half stored: the same phones can send again.
    assert call(app, "POST", f"/s/{first}", answers((2,) * 9)).status == 200
    assert call(app, "POST", f"/s/{third}", answers((3,) * 9)).status == 200
    assert sorted(r.u1 for r in _stored(ctx)) == [1, 2, 3]


def test_an_answer_that_waits_too_long_is_withdrawn_not_stored_later(
    ctx: AppContext, desk: Actor, morning: None
) -> None:
    app = make_app(ctx.db, answer_timeout=1.5)
    try:
        plug, late = _tokens(ctx, desk, 2)
        with _writes_held(ctx):
            first = _Phone(app, plug, answers((1,) * 9))
            first.start()
            _until(lambda: app.writing == 1 and app.waiting == 0, "the first answer is in the writer's hands")
            waited = call(app, "POST", f"/s/{late}", answers((2,) * 9))
            assert waited.status == 503 and "Coba kirim lagi" in waited.text
        # The answer already in the writer's transaction is waited for, not given up.
        assert first.status() == 200
        app.close()
        assert [r.u1 for r in _stored(ctx)] == [1]
        assert (
            call(app, "POST", f"/s/{late}", answers((2,) * 9)).status == 200
        )  # a new writer, the token good
        assert sorted(r.u1 for r in _stored(ctx)) == [1, 2]
    finally:
        app.close()


def test_the_writer_thread_lives_with_the_server(ctx: AppContext, token: str) -> None:
    def writers() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t.name == "survei-penulis"]

    before = len(writers())
    server = SurveyServer(ctx.db, "127.0.0.1", 0).start()
    try:
        assert len(writers()) == before + 1
        assert send(server.port, "POST", f"/s/{token}", answers()).status == 200
    finally:
        server.stop()
    assert len(writers()) == before
    assert response_count(ctx) == 1
