"""The address a guest's phone opens from the QR on the slip: this workstation's LAN address, the survey port
and the visit's one-time token (R25). Nothing about the guest is in it."""

from __future__ import annotations

import socket

from sqlalchemy.orm import Session

from desktop.services.guests.settings import get_settings

SURVEY_PATH = "/s/"


def lan_address() -> str:
    """This machine's address on the office network, found without sending anything (a UDP socket only picks
    the outgoing interface); 127.0.0.1 when there is no network at all."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        address = str(probe.getsockname()[0])
    except OSError:
        address = "127.0.0.1"
    finally:
        probe.close()
    return address


def survey_url(session: Session, token: str | None, host: str | None = None) -> str | None:
    """The QR content for a visit's slip, or None when the phone survey is switched off (the default)."""
    settings = get_settings(session)
    if not token or not settings.survei_ponsel:
        return None
    return f"http://{host or lan_address()}:{settings.survei_port}{SURVEY_PATH}{token}"
