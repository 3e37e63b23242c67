"""services layer of Sekretariat (see ../shared/design.md)."""
