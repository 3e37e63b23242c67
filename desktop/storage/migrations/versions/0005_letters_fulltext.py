"""Full-text search over the agenda surat masuk: SQLite FTS5 table kept by triggers, PostgreSQL stored tsvector column with a GIN index.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

# Kept in step with desktop/storage/fulltext.py (the query side).
_PG_DOCUMENT = (
    "to_tsvector('simple', regexp_replace(coalesce(asal_surat, '') || ' ' || coalesce(nomor_surat, '') || ' ' || "
    "coalesce(perihal, '') || ' ' || coalesce(keterangan, ''), '[^[:alnum:]]+', ' ', 'g'))"
)


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        # Stored, so a search that also filters by year reads the vector instead of recomputing it per row.
        op.execute(
            f"ALTER TABLE surat_masuk ADD COLUMN fts_doc tsvector GENERATED ALWAYS AS ({_PG_DOCUMENT}) STORED"
        )
        op.execute("CREATE INDEX ix_fts_surat_masuk ON surat_masuk USING gin (fts_doc)")
        return
    op.execute(
        "CREATE VIRTUAL TABLE surat_masuk_fts USING fts5("
        "asal_surat, nomor_surat, perihal, keterangan, content='surat_masuk', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER surat_masuk_fts_ai AFTER INSERT ON surat_masuk BEGIN "
        "INSERT INTO surat_masuk_fts(rowid, asal_surat, nomor_surat, perihal, keterangan) "
        "VALUES (new.id, new.asal_surat, new.nomor_surat, new.perihal, new.keterangan); END"
    )
    op.execute(
        "CREATE TRIGGER surat_masuk_fts_ad AFTER DELETE ON surat_masuk BEGIN "
        "INSERT INTO surat_masuk_fts(surat_masuk_fts, rowid, asal_surat, nomor_surat, perihal, keterangan) "
        "VALUES ('delete', old.id, old.asal_surat, old.nomor_surat, old.perihal, old.keterangan); END"
    )
    op.execute(
        "CREATE TRIGGER surat_masuk_fts_au AFTER UPDATE OF asal_surat, nomor_surat, perihal, keterangan "
        "ON surat_masuk BEGIN "
        "INSERT INTO surat_masuk_fts(surat_masuk_fts, rowid, asal_surat, nomor_surat, perihal, keterangan) "
        "VALUES ('delete', old.id, old.asal_surat, old.nomor_surat, old.perihal, old.keterangan); "
        "INSERT INTO surat_masuk_fts(rowid, asal_surat, nomor_surat, perihal, keterangan) "
        "VALUES (new.id, new.asal_surat, new.nomor_surat, new.perihal, new.keterangan); END"
    )
    # Letters registered before this revision.
    op.execute("INSERT INTO surat_masuk_fts(surat_masuk_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_fts_surat_masuk")
        op.execute("ALTER TABLE surat_masuk DROP COLUMN IF EXISTS fts_doc")
        return
    for name in ("surat_masuk_fts_ai", "surat_masuk_fts_ad", "surat_masuk_fts_au"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS surat_masuk_fts")
