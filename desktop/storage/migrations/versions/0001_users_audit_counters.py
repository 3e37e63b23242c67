"""Users, append-only audit log, counters, office profile and settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

from desktop.models.base import AwareDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "office_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("nama_pemda", sa.String(200), nullable=False),
        sa.Column("nama_dinas", sa.String(300), nullable=False),
        sa.Column("alamat", sa.String(400), nullable=False),
        sa.Column("kota", sa.String(100), nullable=False),
        sa.Column("kode_pos", sa.String(10), nullable=False),
        sa.Column("telepon", sa.String(100), nullable=False),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("laman", sa.String(200), nullable=False),
        sa.Column("kode_unit", sa.String(50), nullable=False),
        sa.Column("zona_waktu", sa.String(4), nullable=False),
        sa.Column("kertas_bawaan", sa.String(10), nullable=False),
        sa.Column("logo_png", sa.LargeBinary(), nullable=True),
        sa.Column("logo_sha256", sa.String(64), nullable=True),
        sa.Column("updated_at", AwareDateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_office_profile_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_office_profile")),
    )
    op.create_table(
        "app_user",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(60), nullable=False),
        sa.Column("full_name", sa.String(200), nullable=False),
        sa.Column("nip", sa.String(18), nullable=False),
        sa.Column("role", sa.String(30), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("must_change_password", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", AwareDateTime(), nullable=True),
        sa.Column("last_login_at", AwareDateTime(), nullable=True),
        sa.Column("created_at", AwareDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_app_user")),
        sa.UniqueConstraint("username", name=op.f("uq_app_user_username")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", AwareDateTime(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(60), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("entity", sa.String(60), nullable=False),
        sa.Column("entity_id", sa.String(60), nullable=False),
        sa.Column("summary", sa.String(400), nullable=False),
        sa.Column("before_json", sa.Text(), nullable=True),
        sa.Column("after_json", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"])
    op.create_index(op.f("ix_audit_log_entity"), "audit_log", ["entity"])
    op.create_table(
        "counter",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("series", sa.String(60), nullable=False),
        sa.Column("period", sa.String(20), nullable=False),
        sa.Column("last_value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_counter")),
        sa.UniqueConstraint("series", "period", name="uq_counter_series_period"),
    )
    op.create_table(
        "app_setting",
        sa.Column("key", sa.String(80), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_setting")),
    )
    # The audit log is append-only at the database level too, so no code path can rewrite history.
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION 'audit_log hanya boleh ditambah (append-only)'; END $$"
        )
        op.execute(
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"
        )
    else:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log "
                "BEGIN SELECT RAISE(ABORT, 'audit_log hanya boleh ditambah (append-only)'); END"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log")
        op.execute("DROP FUNCTION IF EXISTS audit_log_append_only()")
    op.drop_table("app_setting")
    op.drop_table("counter")
    op.drop_index(op.f("ix_audit_log_entity"), table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_at"), table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("app_user")
    op.drop_table("office_profile")
