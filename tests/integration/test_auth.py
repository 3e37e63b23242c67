"""Sign-in, lockout, password resets and role permissions, called through the services."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from desktop.core import clock
from desktop.models.admin import AuditEntry
from desktop.services.common import auth, calendar, office
from desktop.services.common.errors import PermissionDenied, ValidationError
from desktop.services.common.permissions import Actor, Role
from desktop.services.system import AppContext


@pytest.fixture
def admin(ctx: AppContext) -> Actor:
    with ctx.db.transaction() as s:
        info = auth.create_first_admin(s, "admin", "Admin Kantor", "rahasia-123")
    return auth.actor_for(info)


def _login(ctx: AppContext, username: str, password: str, now=None):  # type: ignore[no-untyped-def]
    with ctx.db.transaction() as s:
        return auth.authenticate(s, username, password, now)


def test_password_is_stored_as_argon2id(ctx: AppContext, admin: Actor) -> None:
    with ctx.db.transaction() as s:
        stored = s.execute(text("SELECT password_hash FROM app_user")).scalar_one()
    assert stored.startswith("$argon2id$")
    assert "rahasia-123" not in stored


def test_first_admin_only_once(ctx: AppContext, admin: Actor) -> None:
    with pytest.raises(PermissionDenied), ctx.db.transaction() as s:
        auth.create_first_admin(s, "admin2", "Admin Dua", "rahasia-456")


def test_five_wrong_passwords_lock_the_account_for_a_while(ctx: AppContext, admin: Actor) -> None:
    now = clock.utc_now()
    unknown = _login(ctx, "tidakada", "salah", now).message
    for _ in range(5):
        result = _login(ctx, "admin", "salah", now)
        # No count of attempts left and no word of the lock: an unknown name gets the same answer.
        assert not result.ok and result.message == unknown
    with ctx.db.transaction() as s:
        assert [u.locked_until for u in auth.list_users(s, admin)] == [now + auth.LOCK_DURATION]
    # Even the right password is refused while the lock lasts ...
    locked = _login(ctx, "admin", "rahasia-123", now + timedelta(minutes=5))
    assert not locked.ok and "terkunci" in locked.message.lower()
    # ... and accepted once it has passed.
    assert _login(ctx, "admin", "rahasia-123", now + timedelta(minutes=16)).ok
    with ctx.db.transaction() as s:
        actions = s.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert "kunci" in actions and actions[-1] == "masuk"


def test_admin_reset_unlocks_and_forces_a_new_password(ctx: AppContext, admin: Actor) -> None:
    with ctx.db.transaction() as s:
        user = auth.create_user(s, admin, "siti", "Siti Aminah", Role.PENGELOLA_SURAT, "awal-12345")
    for _ in range(5):
        _login(ctx, "siti", "keliru")
    assert "terkunci" in _login(ctx, "siti", "awal-12345").message
    with ctx.db.transaction() as s:
        auth.reset_password(s, admin, user.id, "sementara-1")
    result = _login(ctx, "siti", "sementara-1")
    assert result.ok and result.must_change_password
    assert result.actor is not None
    with ctx.db.transaction() as s:
        auth.change_own_password(s, result.actor, "sementara-1", "milik-siti-99")
    assert _login(ctx, "siti", "milik-siti-99").ok and not _login(ctx, "siti", "sementara-1").ok


def test_unknown_user_and_inactive_user_cannot_sign_in(ctx: AppContext, admin: Actor) -> None:
    assert not _login(ctx, "tidakada", "apapun-123").ok
    with ctx.db.transaction() as s:
        u = auth.create_user(s, admin, "budi", "Budi", Role.PETUGAS_TAMU, "awal-12345")
        auth.update_user(s, admin, u.id, full_name="Budi", role=Role.PETUGAS_TAMU, active=False)
    assert "dinonaktifkan" in _login(ctx, "budi", "awal-12345").message


def test_a_failed_sign_in_does_not_tell_which_user_names_exist(ctx: AppContext, admin: Actor) -> None:
    """Issue 10, item 10: an unknown name, a wrong password, a disabled and a locked account read the same until
    the password is right; only then does the user learn that the account is disabled or locked."""
    now = clock.utc_now()
    with ctx.db.transaction() as s:
        budi = auth.create_user(s, admin, "budi", "Budi", Role.PETUGAS_TAMU, "awal-12345")
        auth.update_user(s, admin, budi.id, full_name="Budi", role=Role.PETUGAS_TAMU, active=False)
        auth.create_user(s, admin, "siti", "Siti Aminah", Role.PENGELOLA_SURAT, "awal-12345")
    for _ in range(auth.MAX_FAILED_ATTEMPTS):
        _login(ctx, "siti", "keliru-123", now)
    answers = {
        "unknown user": _login(ctx, "tidakada", "keliru-123", now),
        "unknown user, a real user's password": _login(ctx, "tidakada", "rahasia-123", now),
        "wrong password": _login(ctx, "admin", "keliru-123", now),
        "disabled, wrong password": _login(ctx, "budi", "keliru-123", now),
        "locked, wrong password": _login(ctx, "siti", "keliru-123", now),
    }
    assert not any(r.ok for r in answers.values())
    assert len({r.message for r in answers.values()}) == 1, {k: r.message for k, r in answers.items()}
    assert answers["wrong password"].message == auth.WRONG_CREDENTIALS
    assert "Sisa percobaan" not in auth.WRONG_CREDENTIALS
    disabled = _login(ctx, "budi", "awal-12345", now)
    assert not disabled.ok and "dinonaktifkan" in disabled.message
    locked = _login(ctx, "siti", "awal-12345", now)
    assert not locked.ok and "terkunci" in locked.message


def test_short_password_is_rejected_with_a_message(ctx: AppContext, admin: Actor) -> None:
    with pytest.raises(ValidationError, match="minimal 8") as exc, ctx.db.transaction() as s:
        auth.create_user(s, admin, "andi", "Andi", Role.PETUGAS_TAMU, "pendek")
    assert exc.value.field == "password"


def test_last_admin_cannot_be_demoted(ctx: AppContext, admin: Actor) -> None:
    assert admin.user_id is not None
    with pytest.raises(ValidationError, match="minimal satu admin"), ctx.db.transaction() as s:
        auth.update_user(s, admin, admin.user_id, full_name="Admin", role=Role.PIMPINAN, active=True)


def test_pimpinan_cannot_change_data_through_the_services(ctx: AppContext, admin: Actor) -> None:
    with ctx.db.transaction() as s:
        info = auth.create_user(s, admin, "kadis", "Kepala Dinas", Role.PIMPINAN, "pimpinan-123")
    boss = auth.actor_for(info)
    attempts = [
        lambda s: office.save_profile(
            s, boss, office.OfficeProfileData(nama_pemda="X", nama_dinas="Y", alamat="Z")
        ),
        lambda s: office.save_unit(s, boss, office.UnitData(nama="Bidang X", jenis="bidang")),
        lambda s: office.save_signatory(s, boss, office.SignatoryData(nama="A", jabatan="B")),
        lambda s: auth.create_user(s, boss, "baru", "Baru", Role.ADMIN, "sandi-baru-1"),
        lambda s: auth.reset_password(s, boss, admin.user_id, "sandi-baru-1"),
        lambda s: calendar.delete_holiday(s, boss, calendar.list_holidays(s)[0].tanggal),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied, match="tidak berwenang"), ctx.db.transaction() as s:
            attempt(s)
    with ctx.db.transaction() as s:
        assert office.get_profile(s).nama_dinas == ""
        assert len(auth.list_users(s, admin)) == 2


def test_audit_log_is_append_only(ctx: AppContext, admin: Actor) -> None:
    with pytest.raises(DBAPIError), ctx.db.transaction() as s:
        s.execute(text("UPDATE audit_log SET username = 'pemalsu'"))
    with pytest.raises(DBAPIError), ctx.db.transaction() as s:
        s.execute(text("DELETE FROM audit_log"))
    with ctx.db.transaction() as s:
        assert s.scalar(select(AuditEntry.username)) == "admin"


def test_audit_records_before_and_after_without_secrets(ctx: AppContext, admin: Actor) -> None:
    from desktop.services.common import audit

    data = office.OfficeProfileData(
        nama_pemda="Pemerintah Provinsi Kalimantan Timur", nama_dinas="Dinas A", alamat="Jl. B"
    )
    with ctx.db.transaction() as s:
        office.save_profile(s, admin, data)
        office.save_profile(s, admin, office.OfficeProfileData(**{**data.__dict__, "nama_dinas": "Dinas B"}))
        rows, total = audit.list_entries(s, admin, entity="profil_kantor")
    assert total == 2
    assert '"nama_dinas": "Dinas A"' in (rows[0].before_json or "")
    assert '"nama_dinas": "Dinas B"' in (rows[0].after_json or "")
    with ctx.db.transaction() as s:
        all_rows, _ = audit.list_entries(s, admin)
    assert all("rahasia-123" not in (r.after_json or "") for r in all_rows)
