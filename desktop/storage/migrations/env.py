"""Alembic environment: always run programmatically with a connection handed in by desktop.storage.migrate."""

from alembic import context

from desktop.models import Base
from desktop.storage.fulltext import include_object

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
