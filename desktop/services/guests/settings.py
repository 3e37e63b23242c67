"""The desk's preferences (guests.md (c)): closing time, identity deposit, host approval, slip paper, survey.

Kept as one JSON value in ``app_setting`` so every workstation of the office reads the same desk rules; a key
missing from the stored value takes its default, so adding a preference needs no migration.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, fields, replace
from typing import Any

from sqlalchemy.orm import Session

from desktop.models.admin import Setting
from desktop.services.common import audit
from desktop.services.common.errors import ValidationError
from desktop.services.common.permissions import Actor, Perm

KEY = "tamu.pengaturan"
SLIP_PAPERS = ("80mm", "58mm", "A6")
_HHMM = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")


@dataclass(frozen=True)
class GuestSettings:
    jam_tutup: str = "16:00"  # R3: the closing-time warning
    titip_identitas: bool = False  # R10: off by default (privacy)
    persetujuan_tuan_rumah: bool = False  # R5: only SOP A3 asks for it
    kertas_slip: str = "80mm"
    cetak_slip_otomatis: bool = True  # print the slip straight after a walk-in is saved
    survei_ponsel: bool = False  # the LAN survey page (issue 14 item 6), off by default
    survei_port: int = 8765
    # SOP A1 time standards in minutes (guests.md (c)): lobby 2 + kiosk 2 + escort 2 before the service, which
    # takes 20; the desk compares arrival → call with the first sum and served → done with the second (R6).
    standar_tunggu_menit: int = 6
    standar_layanan_menit: int = 20
    retensi_aktif_tahun: int = 1  # JRA 400.14.1.2 Buku Tamu Keprotokolan: 1 aktif + 1 inaktif
    retensi_inaktif_tahun: int = 1


def get_settings(session: Session) -> GuestSettings:
    row = session.get(Setting, KEY)
    if row is None or not row.value:
        return GuestSettings()
    try:
        stored: dict[str, Any] = json.loads(row.value)
    except ValueError:
        return GuestSettings()
    known = {f.name: f.type for f in fields(GuestSettings)}
    values = {k: v for k, v in stored.items() if k in known}
    try:
        return _checked(replace(GuestSettings(), **values))
    except (TypeError, ValidationError):
        return GuestSettings()


def _checked(s: GuestSettings) -> GuestSettings:
    if not _HHMM.match(s.jam_tutup):
        raise ValidationError("Jam tutup ditulis JJ:MM, misalnya 16:00.", "jam_tutup")
    if s.kertas_slip not in SLIP_PAPERS:
        raise ValidationError("Ukuran kertas slip tidak dikenal.", "kertas_slip")
    if not 1024 <= int(s.survei_port) <= 65535:
        raise ValidationError("Port survei harus antara 1024 dan 65535.", "survei_port")
    for name in ("standar_tunggu_menit", "standar_layanan_menit"):
        if not 1 <= int(getattr(s, name)) <= 600:
            raise ValidationError("Standar waktu diisi 1 sampai 600 menit.", name)
    if not 0 <= int(s.retensi_aktif_tahun) <= 30 or not 0 <= int(s.retensi_inaktif_tahun) <= 30:
        raise ValidationError("Masa retensi diisi 0 sampai 30 tahun.", "retensi")
    return s


def save_settings(session: Session, actor: Actor, data: GuestSettings) -> GuestSettings:
    actor.require(Perm.MANAGE_SETTINGS)
    data = _checked(data)
    before = get_settings(session)
    row = session.get(Setting, KEY)
    value = json.dumps(asdict(data), sort_keys=True)
    if row is None:
        session.add(Setting(key=KEY, value=value))
    else:
        row.value = value
    session.flush()
    audit.record(
        session, actor, "update", "pengaturan", KEY, summary="Pengaturan Buku Tamu",
        before=asdict(before), after=asdict(data),
    )  # fmt: skip
    return data
