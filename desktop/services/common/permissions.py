"""Roles and what each may do. Checked in every service call, not only by hiding widgets."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from desktop.services.common.errors import PermissionDenied


class Role(enum.StrEnum):
    ADMIN = "admin"
    PENGELOLA_SURAT = "pengelola_surat"
    PETUGAS_TAMU = "petugas_tamu"
    PENGURUS_BARANG = "pengurus_barang"
    PENGELOLA_KEPEGAWAIAN = "pengelola_kepegawaian"
    PIMPINAN = "pimpinan"

    @property
    def label(self) -> str:
        return ROLE_LABELS[self]


ROLE_LABELS = {
    Role.ADMIN: "Admin",
    Role.PENGELOLA_SURAT: "Pengelola surat",
    Role.PETUGAS_TAMU: "Petugas tamu",
    Role.PENGURUS_BARANG: "Pengurus barang",
    Role.PENGELOLA_KEPEGAWAIAN: "Pengelola kepegawaian",
    Role.PIMPINAN: "Pimpinan (hanya lihat)",
}


class Perm(enum.StrEnum):
    VIEW = "view"  # read anything shown on the dashboard and module lists
    MANAGE_SETTINGS = "manage_settings"  # office profile, units, signatories, calendar
    MANAGE_USERS = "manage_users"
    MANAGE_BACKUPS = "manage_backups"
    VIEW_AUDIT = "view_audit"
    WRITE_LETTERS = "write_letters"
    WRITE_GUESTS = "write_guests"
    WRITE_ASSETS = "write_assets"
    WRITE_STAFF = "write_staff"
    PRINT = "print"
    VIEW_SECRET = "view_secret"  # perihal and scans of Rahasia / Sangat Rahasia letters (letters.md R10)


_MODULE_WRITE = {
    Role.PENGELOLA_SURAT: {Perm.WRITE_LETTERS},
    Role.PETUGAS_TAMU: {Perm.WRITE_GUESTS},
    Role.PENGURUS_BARANG: {Perm.WRITE_ASSETS},
    Role.PENGELOLA_KEPEGAWAIAN: {Perm.WRITE_STAFF},
}

ROLE_PERMS: dict[Role, frozenset[Perm]] = {
    Role.ADMIN: frozenset(Perm),
    Role.PIMPINAN: frozenset({Perm.VIEW, Perm.PRINT, Perm.VIEW_SECRET}),
    **{role: frozenset({Perm.VIEW, Perm.PRINT, *perms}) for role, perms in _MODULE_WRITE.items()},
}


@dataclass(frozen=True)
class Actor:
    """Who is doing the action; passed to every service call that reads or changes data."""

    user_id: int | None
    username: str
    role: Role
    full_name: str = ""

    def can(self, perm: Perm) -> bool:
        return perm in ROLE_PERMS[self.role]

    def require(self, perm: Perm) -> None:
        if not self.can(perm):
            raise PermissionDenied(
                f"Peran {self.role.label} tidak berwenang untuk tindakan ini ({perm.value})."
            )

    def works_in(self, module_write: Perm) -> bool:
        """Whether the module whose records need ``module_write`` is part of this user's work: its own clerk,
        the admin (who holds every permission) and the pimpinan, who answers for every module.

        The one rule for "whose module is it" (read from ``ROLE_PERMS``, so no second table): the Beranda shows
        a module's card and its "Perlu perhatian" lines only to these users; other clerks read the module's
        tab when they need it (``Perm.VIEW``) but are not asked to act on it."""
        return self.can(module_write) or self.role is Role.PIMPINAN


SYSTEM = Actor(user_id=None, username="sistem", role=Role.ADMIN, full_name="Sistem")
