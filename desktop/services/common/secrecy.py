"""Who may read the words of Rahasia and Sangat Rahasia letters (letters.md R10), decided in one place."""

from __future__ import annotations

from desktop.core.letters.rules import Keamanan
from desktop.services.common.permissions import Actor, Perm

SECRET_MASK = "(isi surat rahasia)"
SECRET_CODES = tuple(k.value for k in Keamanan if k.is_secret)


def hidden_from(actor: Actor, keamanan: str | Keamanan) -> bool:
    """True when the letter is R/SR and the actor lacks the permission to read its perihal and scans."""
    return Keamanan(keamanan).is_secret and not actor.can(Perm.VIEW_SECRET)


def masked(text: str, hidden: bool) -> str:
    """The text as shown: the mask in place of a hidden letter's words (an empty text stays empty)."""
    return SECRET_MASK if hidden and text else text
