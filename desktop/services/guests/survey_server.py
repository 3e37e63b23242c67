"""The phone survey page served on the office network by waitress in a background thread (issue 14 item 6)."""

from __future__ import annotations

import contextlib
import errno
import logging
import threading
from typing import Any, Final

from waitress import create_server

from desktop.services.common.errors import ServiceError
from desktop.services.guests import survey_web
from desktop.services.guests.settings import get_settings
from desktop.services.guests.survey_link import lan_address
from desktop.storage.database import Database

__all__ = ["ALL_INTERFACES", "SurveyServer", "start_if_enabled"]

log = logging.getLogger("sekretariat.guests.survey_server")

ALL_INTERFACES: Final = "0.0.0.0"
# A thread that sent an answer waits for the writer's commit; enough threads that those waits do not hold up
# the pages of the phones behind them, few enough that they do not fight over the interpreter (measured with
# bench/guests_survey_load.py). Requests beyond the threads wait in waitress's queue, not in new threads.
THREADS: Final = 12
CONNECTION_LIMIT: Final = 100
# waitress refuses anything far larger itself; the application answers 413 (with its headers) above 16 KiB.
SERVER_BODY_LIMIT: Final = 2 * survey_web.MAX_BODY
HEADER_LIMIT: Final = 16 * 1024
CHANNEL_TIMEOUT: Final = 30


class SurveyServer:
    """``start()`` listens and serves in a daemon thread; ``stop()`` closes every connection and waits."""

    def __init__(
        self,
        db: Database,
        host: str = ALL_INTERFACES,
        port: int = 8765,
        *,
        rate_limit: int = survey_web.RATE_LIMIT,
        threads: int = THREADS,
    ) -> None:
        self.db = db
        self.host = host
        self.port = port
        self.app = survey_web.make_app(db, rate_limit=rate_limit)
        self.threads = threads
        self._map: dict[int, Any] = {}
        self._server: Any = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def url(self) -> str:
        """The page's base address as a phone on the network reaches it (``http://192.168.1.20:8765/``)."""
        host = lan_address() if self.host == ALL_INTERFACES else self.host
        return f"http://{host}:{self.port}/"

    def start(self) -> SurveyServer:
        """Bind and serve; a port already taken (or not allowed) is a ServiceError in plain Indonesian."""
        if self.running:
            return self
        try:
            server = create_server(
                self.app,
                map=self._map,
                host=self.host,
                port=self.port,
                threads=self.threads,
                connection_limit=CONNECTION_LIMIT,
                max_request_body_size=SERVER_BODY_LIMIT,
                max_request_header_size=HEADER_LIMIT,
                channel_timeout=CHANNEL_TIMEOUT,
                clear_untrusted_proxy_headers=True,
                ident="Sekretariat",
            )
        except OSError as exc:
            self._map.clear()
            raise ServiceError(_bind_message(self.port, exc)) from exc
        self.app.start()  # the answers' writer thread lives as long as the server
        # A burst of phones fills waitress's queue for a moment; that is expected, not a warning per request.
        logging.getLogger("waitress.queue").setLevel(logging.ERROR)
        self._server = server
        self.port = int(server.effective_port)
        self._thread = threading.Thread(target=self._serve, name="survei-ponsel", daemon=True)
        self._thread.start()
        log.info("survei ponsel melayani di port %s", self.port)
        return self

    def _serve(self) -> None:
        try:
            self._server.run()
        except Exception:  # the desk keeps working without the phone page; the reason goes to the log
            log.exception("server survei ponsel berhenti karena galat")

    def stop(self, timeout: float = 5.0) -> None:
        """Close the listening socket and every open connection, then let the worker threads finish."""
        server, thread = self._server, self._thread
        if server is None or thread is None:
            return
        # Closing happens on the server's own loop thread (through its wake-up pipe), so no socket is closed
        # under the loop's feet; the loop ends when nothing is left to watch.
        server.trigger.pull_trigger(lambda: _close_all(self._map))
        thread.join(timeout)
        server.task_dispatcher.shutdown(timeout=timeout)
        # Last, once no request can hand in an answer any more: the writer stores what it holds, then ends.
        self.app.close(timeout)
        self._server = None
        self._thread = None
        log.info("survei ponsel berhenti")


def _close_all(channels: dict[int, Any]) -> None:
    for channel in list(channels.values()):
        with contextlib.suppress(OSError):  # a connection the phone already dropped
            channel.close()
    channels.clear()


def _bind_message(port: int, exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        return (
            f"Halaman survei ponsel tidak bisa dibuka: port {port} sudah dipakai program lain. "
            "Pilih port lain di Pengaturan › Buku Tamu, atau tutup program yang memakainya."
        )
    if exc.errno == errno.EACCES:
        return f"Halaman survei ponsel tidak bisa dibuka: port {port} tidak diizinkan. Pilih port lain (1024-65535)."
    return f"Halaman survei ponsel tidak bisa dibuka di port {port}: {exc.strerror or exc}."


def start_if_enabled(db: Database, host: str = ALL_INTERFACES) -> SurveyServer | None:
    """Start the phone survey page when Pengaturan › Buku Tamu has it on (it is off by default).

    Returns the running server (call ``stop()`` when the application closes), or None when it is switched off.
    Raises ServiceError with a message for the user when the port cannot be opened.
    """
    with db.read() as session:
        settings = get_settings(session)
    if not settings.survei_ponsel:
        return None
    return SurveyServer(db, host, settings.survei_port).start()
