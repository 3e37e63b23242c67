"""The pengurus barang's preferences (assets.md (c)): kode lokasi and the organisation lines of the KIB header,
print layouts, label and BAST defaults, and who signs.

Kept as one JSON value in ``app_setting`` so every workstation reads the same rules; a key missing from the stored
value takes its default, so adding a preference needs no migration.
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

KEY = "barang.pengaturan"
KIR_LAYOUTS = {"17/2007": "Permendagri 17/2007 Lampiran 31", "47/2021": "Permendagri 47/2021 Format III.K.2"}
KONDISI_LABELS = {"47/2021": "B / RR / RB", "17/2007": "B / KB / RB"}
LABEL_LAYOUTS = {"a4_3x8": "Lembar A4 3 × 8", "thermal_50x25": "Label termal 50 × 25 mm"}
LABEL_CODES = {"qr": "QR (ID lengkap)", "code128": "Code 128 (NIBAR)"}
BAST_PAPERS = ("A4", "F4")
_KODE_LOKASI = re.compile(r"^\d+(\.\d+)*$")


@dataclass(frozen=True)
class AssetSettings:
    # R7: from the BPKAD; pemilik 11 = provinsi. Empty until the first-run step asks for it.
    kode_lokasi: str = ""
    provinsi: str = ""
    kabupaten_kota: str = ""
    bidang: str = ""
    unit_organisasi: str = ""
    sub_unit: str = ""
    upb: str = ""
    kir_layout: str = "17/2007"  # (c): 17/2007 layouts by default, 47/2021 III.K.2 selectable
    kondisi_label: str = "47/2021"  # B/RR/RB by default; 17/2007 prints B/KB/RB
    harga_ribuan: bool = False  # R9: "dalam ribuan Rupiah" for the old forms
    register_digit: int = 6  # 6, or 4 on 17/2007 forms
    # R28: BAST numbers come from a number series of the letters module, KKA 000.2.3.2 (BMD).
    bast_seri: str = ""  # the series' name; "" = the default series
    bast_kka: str = "000.2.3.2"
    bast_kka_persediaan: str = "000.2.3.1"
    bast_rangkap: int = 2
    bast_kertas: str = "A4"
    label_layout: str = "a4_3x8"
    label_kode: str = "qr"
    # Signers of the KIB/KIR/BAST: the pengurus barang and the Kepala Dinas (Pengguna Barang), from staff.
    pengurus_pegawai_id: int | None = None
    kepala_pegawai_id: int | None = None


def get_settings(session: Session) -> AssetSettings:
    row = session.get(Setting, KEY)
    if row is None or not row.value:
        return AssetSettings()
    try:
        stored: dict[str, Any] = json.loads(row.value)
    except ValueError:
        return AssetSettings()
    known = {f.name for f in fields(AssetSettings)}
    values = {k: v for k, v in stored.items() if k in known}
    try:
        return checked(replace(AssetSettings(), **values))
    except (TypeError, ValidationError):
        return AssetSettings()


def checked(s: AssetSettings) -> AssetSettings:
    """The settings with text trimmed, or a ValidationError naming the field."""
    s = replace(
        s,
        kode_lokasi=s.kode_lokasi.strip(),
        bast_kka=s.bast_kka.strip(),
        bast_kka_persediaan=s.bast_kka_persediaan.strip(),
        bast_seri=s.bast_seri.strip(),
    )
    if s.kode_lokasi and not _KODE_LOKASI.match(s.kode_lokasi):
        raise ValidationError(
            "Kode lokasi ditulis angka bersegmen titik, misalnya 11.01.34.00.…", "kode_lokasi"
        )
    if len(s.kode_lokasi) > 60:
        raise ValidationError("Kode lokasi terlalu panjang (maksimal 60 karakter).", "kode_lokasi")
    if s.kir_layout not in KIR_LAYOUTS:
        raise ValidationError("Format KIR tidak dikenal.", "kir_layout")
    if s.kondisi_label not in KONDISI_LABELS:
        raise ValidationError("Label kondisi tidak dikenal.", "kondisi_label")
    if s.register_digit not in (4, 6):
        raise ValidationError("Nomor register ditulis 4 atau 6 digit.", "register_digit")
    if not 1 <= int(s.bast_rangkap) <= 10:
        raise ValidationError("Rangkap BAST diisi 1 sampai 10.", "bast_rangkap")
    if s.bast_kertas not in BAST_PAPERS:
        raise ValidationError("Kertas BAST A4 atau F4.", "bast_kertas")
    if s.label_layout not in LABEL_LAYOUTS:
        raise ValidationError("Tata letak label tidak dikenal.", "label_layout")
    if s.label_kode not in LABEL_CODES:
        raise ValidationError("Jenis kode label tidak dikenal.", "label_kode")
    return s


def save_settings(session: Session, actor: Actor, data: AssetSettings) -> AssetSettings:
    # The pengurus barang keeps these (they are the module's print rules), as does the admin.
    actor.require(Perm.WRITE_ASSETS)
    data = checked(data)
    before = get_settings(session)
    row = session.get(Setting, KEY)
    value = json.dumps(asdict(data), sort_keys=True)
    if row is None:
        session.add(Setting(key=KEY, value=value))
    else:
        row.value = value
    session.flush()
    audit.record(
        session, actor, "update", "pengaturan", KEY, summary="Pengaturan Barang (BMD)",
        before=asdict(before), after=asdict(data),
    )  # fmt: skip
    return data
