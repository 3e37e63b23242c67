"""The SKM page a guest's phone opens from the QR on the slip: a plain WSGI application (guests.md R19-R25).

Answers are stored by group commit: each request hands its checked answer to one writer thread and waits; the
writer takes every answer waiting, stores them in ONE transaction (one disk sync instead of one per phone) and
only then tells each request its outcome. design.md asks for one transaction per user action; inside the batch
each answer keeps that atomicity through a savepoint of its own: a refused answer (token already used, bad
value) rolls back only its savepoint, and a failed commit fails every answer of the batch, so nothing is ever
half stored and "Terima kasih" is shown only for an answer already on disk.
"""

from __future__ import annotations

import base64
import hashlib
import html
import logging
import queue
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import parse_qs

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.guests.ikm import UNSUR
from desktop.models.admin import OfficeProfile
from desktop.services.common.errors import ValidationError
from desktop.services.guests import skm, visits
from desktop.storage.database import Database, DatabaseBusy, StorageError

__all__ = [
    "ANSWER_TIMEOUT",
    "BATCH_LIMIT",
    "MAX_BODY",
    "RATE_LIMIT",
    "RATE_WINDOW",
    "AnswerWriter",
    "RateLimiter",
    "Stored",
    "SurveyApp",
    "make_app",
]

log = logging.getLogger("sekretariat.guests.survey_web")

MAX_BODY: Final = 16 * 1024
RATE_LIMIT: Final = 30  # requests per client address per window: a phone needs two (the page, the answers)
RATE_WINDOW: Final = 60.0
# How long a request waits for the writer before the phone is told to send again (waitress drops an idle
# connection after 30 s), and how many answers one transaction takes at most.
ANSWER_TIMEOUT: Final = 20.0
BATCH_LIMIT: Final = 100
# The slip's token is secrets.token_urlsafe(18); anything outside this shape is not worth a database look-up.
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")
_USED = "Survei untuk kunjungan ini sudah diisi."
_MAX_FIELDS = 40
_OFFICE_TTL = 30.0

StartResponse = Callable[[str, list[tuple[str, str]]], Any]
Environ = Mapping[str, Any]

_STYLE = """
body{font-family:sans-serif;margin:0;padding:0 12px 24px;max-width:40em;margin:auto;line-height:1.4;
color:#1b1b1b;background:#fff}
h1{font-size:1.25em;margin:16px 0 4px}
.kantor{color:#444;margin:0 0 12px}
.catatan{font-size:.9em;color:#444;background:#f2f2f2;padding:8px;border-radius:6px}
.galat{color:#b3261e;font-weight:bold;border:2px solid #b3261e;padding:8px;border-radius:6px}
fieldset{border:1px solid #ccc;border-radius:8px;margin:14px 0;padding:8px 10px}
legend{font-weight:bold;padding:0 4px}
.tanya{margin:0 0 6px}
label.pilih{display:block;padding:12px 10px;margin:6px 0;border:1px solid #bbb;border-radius:8px;font-size:1.1em}
label.pilih input{width:1.4em;height:1.4em;vertical-align:middle;margin:0 10px 0 0}
label.pilih:has(input:checked){background:#e3edfa;border-color:#1e5aa8}
.isian label{display:block;margin:10px 0 2px}
.isian input[type=text],.isian input[type=number],.isian select,.isian textarea{width:100%;font-size:1.1em;
padding:8px;box-sizing:border-box;font-family:inherit}
button{display:block;width:100%;font-size:1.25em;padding:14px;margin:18px 0;border:0;border-radius:8px;
background:#1e5aa8;color:#fff}
""".strip()
# A hash in the policy instead of 'unsafe-inline': the one stylesheet above may apply, nothing else may.
_STYLE_HASH = base64.b64encode(hashlib.sha256(_STYLE.encode()).digest()).decode()
_SECURITY_HEADERS: Final[tuple[tuple[str, str], ...]] = (
    ("Cache-Control", "no-store"),
    (
        "Content-Security-Policy",
        f"default-src 'none'; style-src 'sha256-{_STYLE_HASH}'; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'",
    ),
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    # The token is in the address: no other site may learn it from a Referer header.
    ("Referrer-Policy", "no-referrer"),
)
_STATUS = {
    200: "200 OK",
    400: "400 Bad Request",
    404: "404 Not Found",
    405: "405 Method Not Allowed",
    409: "409 Conflict",
    413: "413 Content Too Large",
    415: "415 Unsupported Media Type",
    429: "429 Too Many Requests",
    500: "500 Internal Server Error",
    503: "503 Service Unavailable",
}
_PROFILE_FIELDS = ("jenis_kelamin", "usia", "pendidikan", "pekerjaan", "jenis_layanan", "saran")
_FIELDS = frozenset({f"u{i}" for i in range(1, len(UNSUR) + 1)} | set(_PROFILE_FIELDS))


class RateLimiter:
    """At most ``limit`` requests per client address in any ``window`` seconds (a sliding window)."""

    def __init__(self, limit: int, window: float, now: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._now = now
        self._lock = threading.Lock()
        self._seen: dict[str, deque[float]] = {}

    def allow(self, client: str) -> bool:
        now = self._now()
        with self._lock:
            if len(self._seen) > 4096:
                self._forget_idle(now)
            times = self._seen.setdefault(client, deque())
            while times and now - times[0] >= self.window:
                times.popleft()
            if len(times) >= self.limit:
                return False
            times.append(now)
            return True

    def _forget_idle(self, now: float) -> None:
        # Keeps the table small when many addresses come and go (a scan of the office network).
        for client in [c for c, t in self._seen.items() if not t or now - t[-1] >= self.window]:
            del self._seen[client]


@dataclass(frozen=True)
class _Reply:
    status: int
    body: str
    extra: tuple[tuple[str, str], ...] = ()
    kantor: str = ""


@dataclass(frozen=True)
class Stored:
    """What the writer did with one answer: ``refusal`` is None when it is committed."""

    kantor: str
    refusal: ValidationError | None = None


@dataclass(frozen=True)
class _Job:
    token: str
    answer: skm.SurveyAnswer
    outcome: Future[Stored]


class AnswerWriter:
    """One thread that stores the answers handed to it, all those waiting in one transaction (group commit).

    ``office`` reads the office's name inside the batch's transaction (the pages show it). ``close()`` stores
    what was handed in before it and ends the thread; ``submit`` after that starts nothing and refuses.
    """

    def __init__(
        self, db: Database, office: Callable[[Session], str], *, batch_limit: int = BATCH_LIMIT
    ) -> None:
        self.db = db
        self._office = office
        self._batch_limit = batch_limit
        self._queue: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._closed = False
        self._writing = 0
        self._thread = threading.Thread(target=self._run, name="survei-penulis", daemon=True)
        self._thread.start()

    @property
    def waiting(self) -> int:
        """Answers handed in and not yet taken into a transaction."""
        return self._queue.qsize()

    @property
    def writing(self) -> int:
        """Answers in the transaction under way (0 between batches)."""
        return self._writing

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def submit(self, token: str, answer: skm.SurveyAnswer) -> Future[Stored]:
        outcome: Future[Stored] = Future()
        with self._lock:  # so no answer is queued behind the stop mark, where nobody would take it
            if self._closed:
                raise RuntimeError("penulis survei sudah berhenti")
            self._queue.put(_Job(token, answer, outcome))
        return outcome

    def close(self, timeout: float = 10.0) -> None:
        with self._lock:
            if not self._closed:
                self._closed = True
                self._queue.put(None)
        self._thread.join(timeout)

    def _run(self) -> None:
        stopping = False
        while not stopping:
            first = self._queue.get()
            if first is None:
                break
            batch = [first]
            while len(batch) < self._batch_limit:
                try:
                    job = self._queue.get_nowait()
                except queue.Empty:
                    break
                if job is None:
                    stopping = True
                    break
                batch.append(job)
            # A request that gave up waiting cancelled its future: its answer is not stored behind its back.
            self._write([job for job in batch if job.outcome.set_running_or_notify_cancel()])

    def _write(self, batch: list[_Job]) -> None:
        if not batch:
            return
        done: list[tuple[_Job, Stored]] = []
        self._writing = len(batch)
        try:
            with self.db.transaction() as s:
                kantor = self._office(s)
                zone = visits.zone(s)  # once per batch, not once per answer
                for job in batch:
                    done.append((job, Stored(kantor, self._store_one(s, job, zone))))
        except BaseException as exc:  # the commit (or the batch) failed: no answer of it is stored
            self._writing = 0
            log.exception("survei ponsel: %d jawaban tidak tersimpan", len(batch))
            for job in batch:
                job.outcome.set_exception(exc)
            if not isinstance(exc, Exception):
                raise
            return
        self._writing = 0
        for job, stored in done:
            job.outcome.set_result(stored)

    @staticmethod
    def _store_one(session: Session, job: _Job, zone: str) -> ValidationError | None:
        try:
            with session.begin_nested():
                skm.submit(session, job.answer, sumber="ponsel", token=job.token, zone=zone)
        except ValidationError as exc:  # only this answer's savepoint is rolled back
            return exc
        return None


class _BadForm(Exception):
    """The posted form cannot be taken as it is; the message says why, in Indonesian."""


class SurveyApp:
    """The WSGI callable: ``GET /s/<token>`` shows the nine questions, ``POST`` stores the answers once."""

    def __init__(
        self,
        db: Database,
        *,
        rate_limit: int = RATE_LIMIT,
        rate_window: float = RATE_WINDOW,
        answer_timeout: float = ANSWER_TIMEOUT,
    ) -> None:
        self.db = db
        self.limiter = RateLimiter(rate_limit, rate_window)
        self.answer_timeout = answer_timeout
        self._office: tuple[float, str] | None = None
        self._blank: _Reply | None = None
        # Made on the first answer (or by start()), so the application also works called directly.
        self._writer: AnswerWriter | None = None
        self._writer_lock = threading.Lock()

    def start(self) -> None:
        """Start the writer thread now rather than on the first answer."""
        self._answer_writer()

    def close(self, timeout: float = 10.0) -> None:
        """Store the answers already handed in and stop the writer thread (a later answer starts a new one)."""
        with self._writer_lock:
            writer, self._writer = self._writer, None
        if writer is not None:
            writer.close(timeout)

    @property
    def waiting(self) -> int:
        """Answers waiting for the writer (not yet in a transaction)."""
        writer = self._writer
        return writer.waiting if writer is not None else 0

    @property
    def writing(self) -> int:
        """Answers in the writer's transaction under way."""
        writer = self._writer
        return writer.writing if writer is not None else 0

    def _answer_writer(self) -> AnswerWriter:
        with self._writer_lock:
            if self._writer is None or not self._writer.alive:
                self._writer = AnswerWriter(self.db, self._office_name)
            return self._writer

    def __call__(self, environ: Environ, start_response: StartResponse) -> Iterable[bytes]:
        try:
            reply = self._handle(environ)
        except DatabaseBusy:
            reply = _busy()
        except StorageError:
            log.exception("survei ponsel: basis data tidak bisa dipakai")
            reply = _page(
                503, "Belum bisa dipakai", "<p>Survei belum bisa diisi. Mohon beri tahu petugas.</p>"
            )
        except Exception:  # a bug must not show a traceback to a guest's phone; it goes to the log
            log.exception("survei ponsel: galat tak terduga")
            reply = _page(
                500, "Terjadi kesalahan", "<p>Maaf, terjadi kesalahan. Mohon beri tahu petugas.</p>"
            )
        body = reply.body.encode("utf-8")
        headers = [
            ("Content-Type", "text/html; charset=utf-8"),
            ("Content-Length", str(len(body))),
            *_SECURITY_HEADERS,
            *reply.extra,
        ]
        start_response(_STATUS[reply.status], headers)
        return [body]

    def _handle(self, environ: Environ) -> _Reply:
        if not self.limiter.allow(str(environ.get("REMOTE_ADDR") or "?")):
            return _page(
                429,
                "Terlalu banyak permintaan",
                "<p>Terlalu banyak permintaan dari perangkat ini. Tunggu satu menit, lalu coba lagi.</p>",
                extra=(("Retry-After", str(int(self.limiter.window))),),
            )
        method = str(environ.get("REQUEST_METHOD") or "GET").upper()
        if method not in ("GET", "POST"):
            return _page(
                405,
                "Tidak didukung",
                "<p>Permintaan ini tidak didukung.</p>",
                extra=(("Allow", "GET, POST"),),
            )
        length = _content_length(environ)
        if length is None:
            return _page(400, "Permintaan tidak sah", "<p>Panjang isian tidak sah.</p>")
        if length > MAX_BODY:
            return _page(413, "Isian terlalu panjang", "<p>Isian terlalu panjang. Persingkat saran Anda.</p>")
        path = str(environ.get("PATH_INFO") or "/")
        if path == "/" and method == "GET":
            return _home()
        token = path[3:] if path.startswith("/s/") else ""
        if not _TOKEN.fullmatch(token):
            return _not_found()
        if method == "GET":
            return self._show(token)
        return self._answer(token, environ, length)

    def _office_name(self, session: Session) -> str:
        # Only the office's own name: the page shows nothing of the visit or the guest (R25, R30). Kept for
        # half a minute, as 50 phones at once would otherwise read the same name 50 times.
        now = time.monotonic()
        cached = self._office
        if cached is not None and now - cached[0] < _OFFICE_TTL:
            return cached[1]
        name = (session.scalar(select(OfficeProfile.nama_dinas).where(OfficeProfile.id == 1)) or "").strip()
        self._office = (now, name)
        return name

    def _show(self, token: str) -> _Reply:
        with self.db.read() as s:
            state = skm.token_state(s, token)
            kantor = self._office_name(s)
        if state == "tidak_dikenal":
            return _not_found()
        if state == "dipakai":
            return _used(kantor)
        # Every phone gets the same empty form: built once per office name, not once per phone.
        blank = self._blank
        if blank is None or blank.kantor != kantor:
            blank = self._blank = _form(kantor, {})
        return blank

    def _answer(self, token: str, environ: Environ, length: int) -> _Reply:
        content_type = str(environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        if content_type != "application/x-www-form-urlencoded":
            return _page(415, "Permintaan tidak sah", "<p>Kirim jawaban melalui formulir survei.</p>")
        raw = environ["wsgi.input"].read(length) if length else b""
        if len(raw) > MAX_BODY:
            return _page(413, "Isian terlalu panjang", "<p>Isian terlalu panjang. Persingkat saran Anda.</p>")
        try:
            fields = _fields(raw)
        except _BadForm as exc:
            return _page(400, "Permintaan tidak sah", f"<p>{_esc(str(exc))}</p>")
        try:
            answer = _survey_answer(fields)
        except _BadForm as exc:
            with self.db.read() as s:
                state = skm.token_state(s, token)
                kantor = self._office_name(s)
            if state == "tidak_dikenal":
                return _not_found()
            if state == "dipakai":
                return _used(kantor)
            return _form(kantor, fields, error=str(exc), status=400)
        stored = self._store(token, answer)
        if stored is None:
            return _busy()
        refusal = stored.refusal
        if refusal is None:
            return _thanks(stored.kantor)
        if refusal.field != "token":
            return _form(stored.kantor, fields, error=str(refusal), status=400)
        with self.db.read() as s:
            state = skm.token_state(s, token)
        return _used(stored.kantor) if state == "dipakai" else _not_found()

    def _store(self, token: str, answer: skm.SurveyAnswer) -> Stored | None:
        """The writer's outcome for this answer; None when it did not come in time and the answer was
        withdrawn. A failed batch raises its error here, for __call__ to turn into a plain page."""
        try:
            outcome = self._answer_writer().submit(token, answer)
        except RuntimeError:  # closed between getting the writer and handing in: the server is stopping
            return None
        try:
            return outcome.result(timeout=self.answer_timeout)
        except FutureTimeout:
            if outcome.cancel():
                return None  # still waiting in the queue: withdrawn, never stored
        # Already in the writer's transaction: its commit decides, so wait for that rather than guess.
        try:
            return outcome.result(timeout=self.answer_timeout)
        except FutureTimeout:
            log.warning("survei ponsel: penulis belum selesai setelah %.0f detik", 2 * self.answer_timeout)
            return None


def make_app(
    db: Database,
    *,
    rate_limit: int = RATE_LIMIT,
    rate_window: float = RATE_WINDOW,
    answer_timeout: float = ANSWER_TIMEOUT,
) -> SurveyApp:
    """The survey page's WSGI application over ``db``; answers are stored by its writer thread (``close()``
    stops it)."""
    return SurveyApp(db, rate_limit=rate_limit, rate_window=rate_window, answer_timeout=answer_timeout)


# --- reading the request ------------------------------------------------------------------------------------


def _content_length(environ: Environ) -> int | None:
    text = str(environ.get("CONTENT_LENGTH") or "").strip()
    if not text:
        return 0
    if not text.isdigit():
        return None
    return int(text)


def _fields(raw: bytes) -> dict[str, str]:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise _BadForm("Isian formulir tidak terbaca (bukan UTF-8).") from None
    try:
        parsed = parse_qs(text, keep_blank_values=True, max_num_fields=_MAX_FIELDS, errors="strict")
    except UnicodeDecodeError:  # %FF and the like: percent-escapes that are not UTF-8 either
        raise _BadForm("Isian formulir tidak terbaca (bukan UTF-8).") from None
    except ValueError:
        raise _BadForm("Isian formulir tidak sah.") from None
    fields: dict[str, str] = {}
    for name, values in parsed.items():
        if name not in _FIELDS:
            continue  # a field this page never sends: ignored, never stored
        if len(values) != 1:
            raise _BadForm("Setiap pertanyaan hanya boleh dijawab sekali.")
        fields[name] = values[0]
    return fields


def _survey_answer(fields: Mapping[str, str]) -> skm.SurveyAnswer:
    """The posted form as the service's answer; every value is checked against the page's own choices."""
    answers: list[int] = []
    missing: list[str] = []
    for i, unsur in enumerate(UNSUR, start=1):
        value = fields.get(f"u{i}", "").strip()
        if not value:
            missing.append(unsur.kode)
            continue
        if value not in ("1", "2", "3", "4"):
            raise _BadForm(f"Jawaban {unsur.kode} {unsur.nama} tidak sah.")
        answers.append(int(value))
    if missing:
        raise _BadForm(f"Pertanyaan {', '.join(missing)} belum dijawab.")
    choices = skm.PROFILE_CHOICES
    profile: dict[str, str] = {}
    for name in ("jenis_kelamin", "pendidikan", "pekerjaan"):
        value = fields.get(name, "").strip()
        if value and value not in choices[name]:
            raise _BadForm(f"Pilihan {name.replace('_', ' ')} tidak sah.")
        profile[name] = value
    usia_text = fields.get("usia", "").strip()
    usia: int | None = None
    if usia_text:
        if not usia_text.isascii() or not usia_text.isdigit() or len(usia_text) > 3:
            raise _BadForm("Usia diisi angka tahun, misalnya 35.")
        usia = int(usia_text)
    return skm.SurveyAnswer(
        answers=tuple(answers),
        jenis_kelamin=profile["jenis_kelamin"],
        usia=usia,
        pendidikan=profile["pendidikan"],
        pekerjaan=profile["pekerjaan"],
        jenis_layanan=fields.get("jenis_layanan", ""),
        saran=fields.get("saran", ""),
    )


# --- pages --------------------------------------------------------------------------------------------------


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _page(
    status: int, title: str, body: str, *, kantor: str = "", extra: tuple[tuple[str, str], ...] = ()
) -> _Reply:
    heading = f'<p class="kantor">{_esc(kantor)}</p>' if kantor else ""
    document = (
        '<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{_esc(title)}</h1>{heading}{body}</body></html>\n"
    )
    return _Reply(status, document, extra, kantor)


def _home() -> _Reply:
    return _page(
        200,
        "Survei Kepuasan Masyarakat",
        "<p>Untuk mengisi survei, pindai kode QR pada slip antrian Anda.</p>",
    )


def _not_found() -> _Reply:
    return _page(
        404,
        "Survei tidak ditemukan",
        "<p>Alamat survei ini tidak dikenal. Pindai lagi kode QR pada slip antrian Anda.</p>",
    )


def _busy() -> _Reply:
    return _page(503, "Sedang sibuk", "<p>Server sedang sibuk. Coba kirim lagi sebentar lagi.</p>")


def _used(kantor: str) -> _Reply:
    return _page(409, "Survei sudah diisi", f"<p>{_esc(_USED)}</p><p>Terima kasih.</p>", kantor=kantor)


def _thanks(kantor: str) -> _Reply:
    return _page(
        200,
        "Terima kasih",
        "<p>Jawaban Anda sudah kami terima. Terima kasih atas penilaian Anda untuk perbaikan pelayanan kami.</p>",
        kantor=kantor,
    )


def _radio(name: str, value: str, label: str, chosen: str, *, required: bool = False) -> str:
    checked = " checked" if chosen == value else ""
    need = " required" if required else ""
    return (
        f'<label class="pilih"><input type="radio" name="{name}" value="{_esc(value)}"{checked}{need}>'
        f"{_esc(label)}</label>"
    )


def _select(name: str, label: str, options: Iterable[tuple[str, str]], chosen: str) -> str:
    items = "".join(
        f'<option value="{_esc(v)}"{" selected" if v == chosen else ""}>{_esc(text)}</option>'
        for v, text in (("", "— tidak diisi —"), *options)
    )
    return f'<label for="{name}">{_esc(label)}</label><select id="{name}" name="{name}">{items}</select>'


def _form(kantor: str, fields: Mapping[str, str], *, error: str = "", status: int = 200) -> _Reply:
    parts: list[str] = [
        '<p class="catatan">Survei ini tanpa nama. Jawaban Anda tidak dihubungkan dengan data kunjungan dan '
        "hanya dipakai untuk menghitung Indeks Kepuasan Masyarakat.</p>"
    ]
    if error:
        parts.append(f'<p class="galat" role="alert">{_esc(error)}</p>')
    parts.append('<form method="post" accept-charset="utf-8">')
    for i, unsur in enumerate(UNSUR, start=1):
        name = f"u{i}"
        chosen = fields.get(name, "")
        options = "".join(
            _radio(name, str(value), label, chosen, required=value == 1)
            for value, label in enumerate(unsur.jawaban, start=1)
        )
        parts.append(
            f"<fieldset><legend>{i}. {_esc(unsur.nama_lengkap)}</legend>"
            f'<p class="tanya">{_esc(unsur.pertanyaan)}</p>{options}</fieldset>'
        )
    choices = skm.PROFILE_CHOICES
    jk = fields.get("jenis_kelamin", "")
    parts.append(
        '<fieldset class="isian"><legend>Tentang Anda (boleh tidak diisi)</legend>'
        "<p>Jenis kelamin</p>"
        + "".join(
            _radio("jenis_kelamin", v, skm.JENIS_KELAMIN_LABELS[v], jk) for v in choices["jenis_kelamin"]
        )
        + '<label for="usia">Usia (tahun)</label>'
        f'<input type="number" id="usia" name="usia" min="10" max="120" inputmode="numeric" '
        f'value="{_esc(fields.get("usia", ""))}">'
        + _select(
            "pendidikan", "Pendidikan", ((v, v) for v in choices["pendidikan"]), fields.get("pendidikan", "")
        )
        + _select(
            "pekerjaan", "Pekerjaan", ((v, v) for v in choices["pekerjaan"]), fields.get("pekerjaan", "")
        )
        + '<label for="jenis_layanan">Jenis layanan yang diterima</label>'
        f'<input type="text" id="jenis_layanan" name="jenis_layanan" maxlength="120" '
        f'value="{_esc(fields.get("jenis_layanan", ""))}">'
        '<label for="saran">Saran dan masukan</label>'
        f'<textarea id="saran" name="saran" rows="4" maxlength="2000">{_esc(fields.get("saran", ""))}</textarea>'
        "</fieldset>"
    )
    parts.append('<button type="submit">Kirim</button></form>')
    return _page(status, "Survei Kepuasan Masyarakat", "".join(parts), kantor=kantor)
