"""Users, sign-in with argon2id hashes, lockout after repeated wrong passwords, password resets."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core import clock
from desktop.models.admin import User
from desktop.services.common import audit, demo_mark
from desktop.services.common.errors import NotFound, PermissionDenied, ValidationError
from desktop.services.common.permissions import Actor, Perm, Role

MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = timedelta(minutes=15)
MIN_PASSWORD_LENGTH = 8
_USERNAME_RE = re.compile(r"^[a-z0-9._-]{3,60}$")

_hasher = PasswordHasher()  # argon2id with the library's current recommended cost


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    nip: str
    role: Role
    active: bool
    locked_until: datetime | None
    must_change_password: bool
    last_login_at: datetime | None


@dataclass(frozen=True)
class LoginResult:
    """Sign-in outcome. Failures are results, not exceptions, so the failed-attempt count is committed."""

    actor: Actor | None
    message: str = ""
    must_change_password: bool = False

    @property
    def ok(self) -> bool:
        return self.actor is not None


def _info(user: User) -> UserInfo:
    return UserInfo(
        user.id,
        user.username,
        user.full_name,
        user.nip,
        Role(user.role),
        user.active,
        user.locked_until,
        user.must_change_password,
        user.last_login_at,
    )


def actor_for(user: UserInfo | User) -> Actor:
    return Actor(user_id=user.id, username=user.username, role=Role(user.role), full_name=user.full_name)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def check_password_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(f"Kata sandi minimal {MIN_PASSWORD_LENGTH} karakter.", "password")
    if password.strip() != password:
        raise ValidationError("Kata sandi tidak boleh diawali atau diakhiri spasi.", "password")


def normalize_username(username: str) -> str:
    name = username.strip().lower()
    if not _USERNAME_RE.match(name):
        raise ValidationError(
            "Nama pengguna 3–60 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.",
            "username",
        )
    return name


def has_users(session: Session) -> bool:
    return bool(session.scalar(select(func.count()).select_from(User)))


def _create(
    session: Session, actor: Actor, username: str, full_name: str, role: Role, password: str, nip: str
) -> User:
    name = normalize_username(username)
    if not full_name.strip():
        raise ValidationError("Nama lengkap wajib diisi.", "full_name")
    check_password_policy(password)
    if session.scalar(select(User.id).where(User.username == name)) is not None:
        raise ValidationError(f"Nama pengguna '{name}' sudah dipakai.", "username")
    user = User(
        username=name,
        full_name=full_name.strip(),
        nip=nip.strip(),
        role=Role(role).value,
        password_hash=hash_password(password),
        active=True,
        must_change_password=False,
        failed_attempts=0,
        created_at=clock.utc_now(),
    )
    session.add(user)
    session.flush()
    audit.record(
        session,
        actor,
        "buat",
        "pengguna",
        user.id,
        summary=f"Pengguna {name} ({Role(role).label}) dibuat",
        after={"username": name, "full_name": user.full_name, "role": user.role, "nip": user.nip},
    )
    return user


def create_first_admin(
    session: Session, username: str, full_name: str, password: str, nip: str = ""
) -> UserInfo:
    """The wizard's admin account; allowed only while there are no users at all."""
    if has_users(session):
        raise PermissionDenied("Akun admin pertama sudah dibuat; tambahkan pengguna lewat Pengaturan.")
    bootstrap = Actor(user_id=None, username=normalize_username(username), role=Role.ADMIN)
    return _info(_create(session, bootstrap, username, full_name, Role.ADMIN, password, nip))


def create_user(
    session: Session, actor: Actor, username: str, full_name: str, role: Role, password: str, nip: str = ""
) -> UserInfo:
    actor.require(Perm.MANAGE_USERS)
    user = _create(session, actor, username, full_name, role, password, nip)
    user.must_change_password = True  # the admin chose it; the user picks their own at first sign-in
    return _info(user)


def list_users(session: Session, actor: Actor) -> list[UserInfo]:
    actor.require(Perm.MANAGE_USERS)
    waived = demo_mark.demo_accounts(session)  # the demo's own accounts sign in without a change
    return [
        replace(_info(u), must_change_password=u.must_change_password and u.username not in waived)
        for u in session.scalars(select(User).order_by(User.username))
    ]


def _get(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("Pengguna tidak ditemukan.")
    return user


WRONG_CREDENTIALS = (
    f"Nama pengguna atau kata sandi salah. Setelah {MAX_FAILED_ATTEMPTS} kali salah berturut-turut, akun "
    f"dikunci {int(LOCK_DURATION.total_seconds() // 60)} menit."
)


@cache
def _dummy_hash() -> str:
    """A hash no password matches, checked for unknown user names so they cost the same time as real ones."""
    return _hasher.hash(secrets.token_urlsafe(16))


def _password_matches(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def authenticate(session: Session, username: str, password: str, now: datetime | None = None) -> LoginResult:
    """Sign in. Until the password is right, every failure gets the same message: an unknown name, a wrong
    password, a disabled or a locked account must not tell a stranger which user names exist."""
    now = now or clock.utc_now()
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        _password_matches(_dummy_hash(), password)  # the same work as a real check: timing reveals nothing
        return LoginResult(None, WRONG_CREDENTIALS)
    locked = user.locked_until is not None and user.locked_until > now
    if not _password_matches(user.password_hash, password):
        if user.active and not locked:
            _count_failure(session, user, now)
        return LoginResult(None, WRONG_CREDENTIALS)
    if not user.active:
        return LoginResult(None, "Akun ini dinonaktifkan. Hubungi admin.")
    if locked and user.locked_until is not None:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        return LoginResult(
            None, f"Akun terkunci karena terlalu banyak salah sandi. Coba lagi dalam {minutes} menit."
        )
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    user.failed_attempts = 0
    user.locked_until = None
    user.last_login_at = now
    actor = actor_for(user)
    audit.record(session, actor, "masuk", "pengguna", user.id, summary=f"{user.username} masuk")
    return LoginResult(actor, "", _must_change_password(session, user, password))


def _count_failure(session: Session, user: User, now: datetime) -> None:
    """One more wrong password; the fifth in a row locks the account (the user learns it only by typing the
    right password, as a stranger must not tell a locked account from a missing one)."""
    user.failed_attempts += 1
    actor = actor_for(user)
    if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
        user.locked_until = now + LOCK_DURATION
        user.failed_attempts = 0
        audit.record(session, actor, "kunci", "pengguna", user.id, summary=f"Akun {user.username} terkunci")
        return
    audit.record(session, actor, "gagal_masuk", "pengguna", user.id, summary=f"Salah sandi ({user.username})")


def _must_change_password(session: Session, user: User, password: str) -> bool:
    """The admin's temporary password, and the demo password outside a demo folder (``sekretariat demo`` of an
    older version cleared the flag of its accounts, even in a real office's folder), must be changed; the
    demo's own accounts in a folder marked as a demo are ready to use."""
    if user.username in demo_mark.demo_accounts(session):
        return False
    return user.must_change_password or password == demo_mark.DEMO_PASSWORD


def reset_password(session: Session, actor: Actor, user_id: int, new_password: str) -> None:
    """Admin sets a temporary password; it also lifts a lock. The user must change it at next sign-in."""
    actor.require(Perm.MANAGE_USERS)
    check_password_policy(new_password)
    user = _get(session, user_id)
    user.password_hash = hash_password(new_password)
    user.must_change_password = True
    user.failed_attempts = 0
    user.locked_until = None
    audit.record(session, actor, "reset_sandi", "pengguna", user.id, summary=f"Sandi {user.username} direset")


def change_own_password(session: Session, actor: Actor, old_password: str, new_password: str) -> None:
    if actor.user_id is None:
        raise PermissionDenied("Akun sistem tidak punya kata sandi.")
    user = _get(session, actor.user_id)
    try:
        _hasher.verify(user.password_hash, old_password)
    except (VerificationError, InvalidHashError):
        raise ValidationError("Kata sandi lama salah.", "old_password") from None
    check_password_policy(new_password)
    if old_password == new_password:
        raise ValidationError("Kata sandi baru harus berbeda dari yang lama.", "password")
    user.password_hash = hash_password(new_password)
    user.must_change_password = False
    audit.record(
        session, actor, "ganti_sandi", "pengguna", user.id, summary=f"{user.username} mengganti sandi"
    )


def update_user(
    session: Session, actor: Actor, user_id: int, *, full_name: str, role: Role, active: bool, nip: str = ""
) -> UserInfo:
    actor.require(Perm.MANAGE_USERS)
    user = _get(session, user_id)
    if not full_name.strip():
        raise ValidationError("Nama lengkap wajib diisi.", "full_name")
    removing_admin = user.role == Role.ADMIN and (role != Role.ADMIN or not active)
    if removing_admin:
        admins = session.scalar(
            select(func.count()).select_from(User).where(User.role == Role.ADMIN.value, User.active.is_(True))
        )
        if (admins or 0) <= 1:
            raise ValidationError("Harus tetap ada minimal satu admin aktif.", "role")
    before = audit.snapshot(user, ["full_name", "role", "active", "nip"])
    user.full_name = full_name.strip()
    user.role = Role(role).value
    user.active = active
    user.nip = nip.strip()
    audit.record(
        session,
        actor,
        "ubah",
        "pengguna",
        user.id,
        summary=f"Pengguna {user.username} diubah",
        before=before,
        after=audit.snapshot(user, ["full_name", "role", "active", "nip"]),
    )
    return _info(user)


def unlock(session: Session, actor: Actor, user_id: int) -> None:
    actor.require(Perm.MANAGE_USERS)
    user = _get(session, user_id)
    user.locked_until = None
    user.failed_attempts = 0
    audit.record(session, actor, "buka_kunci", "pengguna", user.id, summary=f"Kunci {user.username} dibuka")
