"""Phones for the survey tests: the WSGI app called directly, and HTTP from a loopback address of their own."""

from __future__ import annotations

import http.client
import io
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode
from wsgiref.util import setup_testing_defaults

from sqlalchemy import func, select

from desktop.models.guests import SurveyResponse
from desktop.services.system import AppContext

FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class Reply:
    status: int
    headers: dict[str, str]
    text: str


def answers(values: tuple[int, ...] = (4, 3, 2, 4, 3, 4, 4, 1, 3), **profile: str) -> bytes:
    """A posted form: ``u1``…``u9`` and any profile fields."""
    fields = {f"u{i}": str(v) for i, v in enumerate(values, start=1)}
    fields.update(profile)
    return urlencode(fields).encode()


def call(
    app: Any,
    method: str,
    path: str,
    body: bytes = b"",
    *,
    content_type: str = FORM,
    client: str = "192.168.1.50",
    content_length: int | None = None,
) -> Reply:
    """One request through the WSGI interface, as a server would make it."""
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "REMOTE_ADDR": client,
        "wsgi.input": io.BytesIO(body),
        "CONTENT_LENGTH": str(len(body) if content_length is None else content_length),
    }
    if method == "POST":
        environ["CONTENT_TYPE"] = content_type
    setup_testing_defaults(environ)
    seen: dict[str, Any] = {}

    def start_response(status: str, headers: list[tuple[str, str]]) -> None:
        seen["status"] = int(status.split()[0])
        seen["headers"] = {k.lower(): v for k, v in headers}

    chunks = app(environ, start_response)
    return Reply(seen["status"], seen["headers"], b"".join(chunks).decode("utf-8"))


def send(
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    *,
    source: str = "127.0.0.1",
    content_type: str = FORM,
    timeout: float = 30,
) -> Reply:
    """One request over TCP to the server on 127.0.0.1, sent from ``source`` (any 127.x.y.z on Linux, so each
    phone of a load test is a client address of its own, as on the office network)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout, source_address=(source, 0))
    try:
        headers = {"Content-Type": content_type} if body is not None else {}
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, text)
    finally:
        conn.close()


def phone_address(n: int) -> str:
    """The loopback address of phone ``n`` (0-based): 127.0.1.1, 127.0.1.2, …"""
    return f"127.0.{1 + n // 250}.{1 + n % 250}"


def response_count(ctx: AppContext) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(SurveyResponse)) or 0)
