"""SQLAlchemy ORM classes, one module per area; importing this registers them all on Base.metadata."""

from desktop.models import admin, assets, guests, letters, staff, staff_award
from desktop.models.base import Base

__all__ = ["Base", "admin", "assets", "guests", "letters", "staff", "staff_award"]
