"""``imported_file``: the SHA-256 of every imported file, so the same file imported twice is refused (issue 10
item 9); and ``audit_log.entity_id`` as text, as it may hold a file name of any length (item 6: a name over 60
characters broke an import on PostgreSQL).

The audit log is append-only through triggers. On PostgreSQL the type change is an ALTER COLUMN (varchar to
text needs no rewrite, and UPDATE triggers do not fire on it). On SQLite it is a batch rebuild of the table,
which keeps the rows and indexes but drops triggers: they are created again here.

Revision ID: 0010_imported_file_audit_text
Revises: 0009_kode_urut
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

from desktop.models.base import AwareDateTime

revision = "0010_imported_file_audit_text"
down_revision = "0009_kode_urut"
branch_labels = None
depends_on = None

_APPEND_ONLY = "SELECT RAISE(ABORT, 'audit_log hanya boleh ditambah (append-only)')"


def _set_entity_id_type(new: sa.types.TypeEngine[str], old: sa.types.TypeEngine[str]) -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column("audit_log", "entity_id", type_=new, existing_type=old, existing_nullable=False)
        return
    with op.batch_alter_table("audit_log", recreate="always") as batch:
        batch.alter_column("entity_id", type_=new, existing_type=old, existing_nullable=False)
    for verb in ("UPDATE", "DELETE"):
        op.execute(
            f"CREATE TRIGGER audit_log_no_{verb.lower()} BEFORE {verb} ON audit_log BEGIN {_APPEND_ONLY}; END"
        )


def upgrade() -> None:
    op.create_table(
        "imported_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("occurrence", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("username", sa.String(length=60), nullable=False),
        sa.Column("imported_at", AwareDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imported_file")),
        sa.UniqueConstraint("kind", "sha256", "occurrence", name="uq_imported_file_kind_sha256_occurrence"),
    )
    _set_entity_id_type(sa.Text(), sa.String(length=60))


def downgrade() -> None:
    # PostgreSQL: entity ids longer than 60 characters would not fit back; cut them (SQLite keeps them whole).
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(
            "audit_log",
            "entity_id",
            type_=sa.String(length=60),
            existing_type=sa.Text(),
            existing_nullable=False,
            postgresql_using="left(entity_id, 60)",
        )
    else:
        _set_entity_id_type(sa.String(length=60), sa.Text())
    op.drop_table("imported_file")
