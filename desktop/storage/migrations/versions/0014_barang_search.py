"""Barang (BMD): a word index for the asset lists' search as you type (SQLite FTS5 table kept by triggers,
PostgreSQL stored tsvector column with a GIN index) over the name, merk/spesifikasi and the factory, frame,
engine and police numbers, and an index on the register number.

The LIKE '%word%' search read every one of 50,000 rows on each keystroke (p95 117 ms); the index answers a word
prefix from its own pages.

Revision ID: 0014_barang_search
Revises: 0013_barang_bmd
Create Date: 2026-12-07
"""

from alembic import op

revision = "0014_barang_search"
down_revision = "0013_barang_bmd"
branch_labels = None
depends_on = None

# Kept in step with desktop/storage/fulltext.py (ASSET_COLUMNS, the query side).
_COLUMNS = ("nama_kunci", "no_pabrik", "no_rangka", "no_mesin", "no_polisi")
_PG_DOCUMENT = (
    "to_tsvector('simple', regexp_replace("
    + " || ' ' || ".join(f"coalesce({c}, '')" for c in _COLUMNS)
    + ", '[^[:alnum:]]+', ' ', 'g'))"
)


def upgrade() -> None:
    op.create_index("ix_aset_register", "aset", ["register"])
    op.drop_index(
        "ix_aset_nama_kunci", table_name="aset"
    )  # only served LIKE 'word%'; the word index replaces it
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f"ALTER TABLE aset ADD COLUMN fts_doc tsvector GENERATED ALWAYS AS ({_PG_DOCUMENT}) STORED"
        )
        op.execute("CREATE INDEX ix_fts_aset ON aset USING gin (fts_doc)")
        return
    names = ", ".join(_COLUMNS)
    new = ", ".join(f"new.{c}" for c in _COLUMNS)
    old = ", ".join(f"old.{c}" for c in _COLUMNS)
    # prefix='2 3': the first letters typed are the costliest prefixes to expand; the index keeps them ready.
    op.execute(
        f"CREATE VIRTUAL TABLE aset_fts USING fts5({names}, content='aset', content_rowid='id', "
        "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
    )
    op.execute(
        f"CREATE TRIGGER aset_fts_ai AFTER INSERT ON aset BEGIN "
        f"INSERT INTO aset_fts(rowid, {names}) VALUES (new.id, {new}); END"
    )
    op.execute(
        f"CREATE TRIGGER aset_fts_ad AFTER DELETE ON aset BEGIN "
        f"INSERT INTO aset_fts(aset_fts, rowid, {names}) VALUES ('delete', old.id, {old}); END"
    )
    op.execute(
        f"CREATE TRIGGER aset_fts_au AFTER UPDATE OF {names} ON aset BEGIN "
        f"INSERT INTO aset_fts(aset_fts, rowid, {names}) VALUES ('delete', old.id, {old}); "
        f"INSERT INTO aset_fts(rowid, {names}) VALUES (new.id, {new}); END"
    )
    # Assets recorded before this revision.
    op.execute("INSERT INTO aset_fts(aset_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_fts_aset")
        op.execute("ALTER TABLE aset DROP COLUMN IF EXISTS fts_doc")
    else:
        for name in ("aset_fts_ai", "aset_fts_ad", "aset_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS aset_fts")
    op.create_index("ix_aset_nama_kunci", "aset", ["nama_kunci"])
    op.drop_index("ix_aset_register", table_name="aset")
