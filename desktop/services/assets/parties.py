"""The people on a BAST (R16): staff for the pickers, and the snapshot (nama with gelar, NIP, jabatan) taken."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.models.staff import Pegawai
from desktop.services.common.permissions import Actor, Perm


@dataclass(frozen=True)
class Party:
    """A signing party as printed: from a pegawai record (``pegawai_id``) or typed in (an outside party)."""

    nama: str
    nip: str = ""
    jabatan: str = ""
    pegawai_id: int | None = None

    @property
    def label(self) -> str:
        """What the picker shows: "Rina Kartika, S.Sos. — Kepala Sub Bagian Umum"."""
        return f"{self.nama} — {self.jabatan}" if self.jabatan else self.nama


def person_name(nama: str, gelar_depan: str, gelar_belakang: str) -> str:
    """``Dr. Rina Kartika, S.Sos.``: the name with its titles, as staff records and signatures print it."""
    name = " ".join(x for x in (gelar_depan.strip(), " ".join(nama.split())) if x)
    return f"{name}, {gelar_belakang.strip()}" if gelar_belakang.strip() else name


def _party(p: Pegawai) -> Party:
    return Party(
        nama=person_name(p.nama, p.gelar_depan, p.gelar_belakang),
        nip=p.nip,
        jabatan=" ".join(p.jabatan.split()),
        pegawai_id=p.id,
    )


def snapshot(session: Session, pegawai_id: int) -> Party | None:
    """The pegawai's name, NIP and jabatan as of now (inactive staff too: a retired holder still returns
    goods), or None when there is no such record."""
    row = session.get(Pegawai, pegawai_id)
    return None if row is None else _party(row)


def list_parties(session: Session, actor: Actor, text: str = "", limit: int = 50) -> list[Party]:
    """Active staff by name for the party pickers; ``text`` keeps those whose name, NIP or jabatan holds every
    typed word, in any case. Only the needed columns are read: pegawai rows are wide (photos)."""
    actor.require(Perm.VIEW)
    rows = session.execute(
        select(
            Pegawai.id,
            Pegawai.nama,
            Pegawai.gelar_depan,
            Pegawai.gelar_belakang,
            Pegawai.nip,
            Pegawai.jabatan,
        )
        .where(Pegawai.aktif.is_(True))
        .order_by(Pegawai.nama, Pegawai.id)
    ).all()
    words = text.casefold().split()
    found: list[Party] = []
    for pid, nama, depan, belakang, nip, jabatan in rows:
        party = Party(person_name(nama, depan, belakang), nip, " ".join(jabatan.split()), pid)
        haystack = f"{party.nama} {party.nip} {party.jabatan}".casefold()
        if all(w in haystack for w in words):
            found.append(party)
            if len(found) >= limit:
                break
    return found
